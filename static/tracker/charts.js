// Draw every server-built Plotly figure on the page: <div data-figure="ID"> reads the JSON
// from <script type="application/json" id="ID">. Clicking a point opens its report.
(function () {
  "use strict";
  function draw(element) {
    var source = document.getElementById(element.dataset.figure);
    if (!source || !window.Plotly) return;
    var figure = JSON.parse(source.textContent);
    var config = {
      responsive: true,
      displaylogo: false,
      toImageButtonOptions: { filename: element.id || "casualty-tracker-chart", scale: 2 },
    };
    Plotly.newPlot(element, figure.data, figure.layout, config).then(function () {
      element.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        var url = point && point.customdata && point.customdata[5];
        if (typeof url === "string" && url.charAt(0) === "/") window.location.assign(url);
      });
      element.dataset.rendered = "true";
    });
  }
  document.querySelectorAll("[data-figure]").forEach(draw);
})();
