// A link to a figure (report/#estimate-12, as the charts give) also marks its number in the text.
(function () {
  "use strict";
  var match = /^#estimate-(\d+)$/.exec(window.location.hash);
  var mark = match && document.getElementById("figure-" + match[1]);
  if (!mark) return;
  mark.classList.add("figure--current");
  mark.scrollIntoView({ block: "center" });
})();
