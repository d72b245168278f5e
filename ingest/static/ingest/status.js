// Keep the upload page's report rows up to date until every report is done, failed or a duplicate.
// Text is set with textContent only: article titles and errors are never read as HTML.
(function () {
  "use strict";
  var table = document.getElementById("report-status");
  if (!table) return;
  var pending = function () {
    return Array.prototype.filter.call(table.querySelectorAll("tr[data-report-id]"), function (row) {
      return row.dataset.status === "queued" || row.dataset.status === "processing";
    });
  };

  function render(row, report) {
    row.dataset.status = report.status;
    var status = row.querySelector(".status");
    status.textContent = report.status_display + (report.error ? ": " + report.error : "");
    if (report.duplicate_of) {
      var first = document.createElement("a");
      first.href = report.duplicate_of.url;
      first.textContent = report.duplicate_of.title;
      status.append(": " + table.dataset.duplicateLabel + " ", first);
    }
    row.querySelector(".title a").textContent = report.title || report.id;  // read from the file by now
    var list = document.createElement("ul");
    report.estimates.forEach(function (e) {
      var item = document.createElement("li");
      item.textContent = e.claimant + ": " + e.value + " " + e.victims + " " + e.casualty +
        (e.as_of ? " (as of " + e.as_of + ")" : "");
      list.appendChild(item);
    });
    var figures = row.querySelector(".figures");
    figures.replaceChildren(list);
  }

  function poll() {
    var rows = pending();
    if (!rows.length) return;
    var ids = rows.map(function (row) { return row.dataset.reportId; }).join(",");
    fetch(table.dataset.statusUrl + "?reports=" + ids, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { reports: [] }; })
      .then(function (body) {
        body.reports.forEach(function (report) {
          var row = table.querySelector('tr[data-report-id="' + report.id + '"]');
          if (row) render(row, report);
        });
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 1500); });
  }
  setTimeout(poll, 1000);
})();
