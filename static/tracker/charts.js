// Draw every server-built Plotly figure on the page: <div data-figure="ID"> reads the JSON
// ({data, layout, config}) from <script type="application/json" id="ID">. Clicking a point
// opens its sentence; on a touch screen the first tap shows the tooltip and a second tap on
// the same point opens it.
(function () {
  "use strict";
  var touch = window.matchMedia && window.matchMedia("(hover: none)").matches;

  function urlOf(point) {
    var url = point && point.customdata && point.customdata[5];
    return typeof url === "string" && url.charAt(0) === "/" ? url : null;
  }

  function draw(element) {
    var source = document.getElementById(element.dataset.figure);
    if (!source || !window.Plotly) return;
    var figure = JSON.parse(source.textContent);
    var config = figure.config || { responsive: true, displaylogo: false };
    var tapped = null;
    Plotly.newPlot(element, figure.data, figure.layout, config).then(function () {
      element.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        var url = urlOf(point);
        if (!url) return;
        if (touch && tapped !== url) {
          tapped = url; // the tooltip is showing: the next tap on this point opens it
          return;
        }
        window.location.assign(url);
      });
      element.dataset.rendered = "true";
    });
  }
  document.querySelectorAll("[data-figure]").forEach(draw);
})();
