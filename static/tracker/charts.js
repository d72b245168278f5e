// Draw every server-built Plotly figure on the page: <div data-figure="ID"> reads the JSON
// ({data, layout, config}) from <script type="application/json" id="ID">. Clicking a point
// opens its sentence; on a touch screen the first tap shows the tooltip and a second tap on
// the same point opens it.
(function () {
  "use strict";

  function urlOf(point) {
    var url = point && point.customdata && point.customdata[5];
    return typeof url === "string" && url.charAt(0) === "/" ? url : null;
  }

  // A phone's width: the title, subtitle and source line break into lines instead of running off.
  function narrow(layout) {
    if (layout.title && layout.title.text) {
      layout.title.text = layout.title.text.replace(": ", ":<br>").replace(/; /g, ";<br>");
      layout.title.font = { size: 13 };
      layout.margin.t = 150;
    }
    (layout.annotations || []).forEach(function (note) {
      if (note.name === "source") {
        note.text = note.text.replace(/ · /g, "<br>").replace(/; /g, ";<br>");
        note.font.size = 9;
        layout.margin.b += 40;
      } else if (note.name && note.name.indexOf("label:") === 0) {
        note.font.size = 10;
      }
    });
    layout.margin.l = 50;
    layout.height += 120;
  }

  function draw(element) {
    var source = document.getElementById(element.dataset.figure);
    if (!source || !window.Plotly) return;
    var figure = JSON.parse(source.textContent);
    var config = figure.config || { responsive: true, displaylogo: false };
    if (element.clientWidth < 600) narrow(figure.layout);
    var tapped = null;
    var pointer = "mouse";
    element.addEventListener("pointerdown", function (event) { pointer = event.pointerType; }, true);
    Plotly.newPlot(element, figure.data, figure.layout, config).then(function () {
      element.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        var url = urlOf(point);
        if (!url) return;
        if (pointer === "touch" && tapped !== url) {
          // A first tap shows the tooltip; a second tap on the same point opens its sentence.
          tapped = url;
          Plotly.Fx.hover(element, [{ curveNumber: point.curveNumber, pointNumber: point.pointNumber }]);
          return;
        }
        window.location.assign(url);
      });
      element.dataset.rendered = "true";
    });
  }
  document.querySelectorAll("[data-figure]").forEach(draw);
})();
