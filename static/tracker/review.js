/* Keys of the review pages (admin): what the buttons say, with one key each.
   On a figure: c confirm and next, r reject and next, e edit the first field, j/k next and
   previous. On a list (the queue, a report's figures): j/k select a row, Enter or e opens it,
   c/r confirm or reject it (a report's figures), A confirms them all. ? shows the keys. */
function reviewKeys() {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-review-row], #result_list tbody tr"));
  var selected = rows.findIndex(function (row) { return row.classList.contains("is-selected"); });
  var help = document.getElementById("review-keys");

  function typing(element) {
    return element.closest && element.closest("input, textarea, select, [contenteditable], .select2-container");
  }

  function select(index) {
    selected = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach(function (row, i) { row.classList.toggle("is-selected", i === selected); });
    var link = rows[selected].querySelector("th a, a");
    if (link) { link.focus(); }
    rows[selected].scrollIntoView({ block: "nearest" });
  }

  function toggleHelp() {
    if (!help) { return; }
    if (help.open) { help.close(); } else { help.showModal(); }
  }

  function run(target) {
    var focus = target.getAttribute("data-focus");
    var field = focus ? document.querySelector(focus) : null;
    if (field) {
      field.focus();
      if (field.select) { field.select(); }
    } else {
      target.click();
    }
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".keys-button")) { toggleHelp(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target)) { return; }
    if (event.key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (help && help.open) { return; }
    if (rows.length && (event.key === "j" || event.key === "k")) {
      event.preventDefault();
      select(selected < 0 ? 0 : selected + (event.key === "j" ? 1 : -1));
      return;
    }
    var row = rows.length && selected >= 0 ? rows[selected] : null;
    var target = null;
    if (row && event.key === "e") {
      target = row.querySelector("th a, a");
    } else if (row) {
      target = row.querySelector('[data-row-key="' + event.key + '"]');
    }
    target = target || document.querySelector('[data-key="' + CSS.escape(event.key) + '"]:not(.keys-button)');
    if (!target) { return; }
    event.preventDefault();
    run(target);
  });
}

// The admin loads this in the head: wait for the rows and buttons.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", reviewKeys);
} else {
  reviewKeys();
}
