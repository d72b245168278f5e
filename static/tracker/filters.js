// On a narrow screen the chart's filters fold away, so the key numbers and the chart come first;
// on a wide one they stay open beside the reader.
(function () {
  "use strict";
  var filters = document.getElementById("filters");
  if (filters && window.matchMedia && window.matchMedia("(max-width: 48rem)").matches) filters.open = false;
})();
