"""Public pages: the dashboard, claimants, reports and the figures table.

Thin views over the selectors: the dashboard plots what `build_series` returns for
`for_chart`, bounded by `series.bounded`, the same functions /api/v1/series/ uses.
`?format=csv` on the dashboard downloads exactly the points on screen, on the figures table
its filtered rows, 1,000 a page. Whatever the data, no page grows beyond those bounds.
"""

import csv

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.views.generic import DetailView, ListView, TemplateView

from tracker.charts import claimant_figure, dashboard_figure, figure_data
from tracker.citation import LICENCE_URL, chart_citation
from tracker.filters import ChartFilterForm, FigureFilterForm
from tracker.freshness import data_last_updated
from tracker.highlight import highlighted_text
from tracker.kept import kept
from tracker.models import Estimate, Report, Source
from tracker.series import (
    OFFICIAL,
    bounded,
    build_gap,
    build_series,
    chart_estimates,
    comparable,
    default_independent,
    thinned,
)


def csv_response(filename, header, rows, preamble=()):
    """Return rows as a CSV download; article text cannot turn into a spreadsheet formula.

    `preamble` lines (a citation) come first, unquoted after "# ", as the comment lines that
    spreadsheet and data-frame readers can skip (pandas' `comment="#"`).
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    for line in preamble:
        response.write("# " + " ".join(str(line).split()) + "\r\n")
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows([_inert(cell) for cell in row] for row in rows)
    return response


def _inert(cell):
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


CONTENT_MARK = "<!-- the dashboard's content -->"
# Rows of each table under the chart per page (?rows=N).
TABLE_ROWS = 25
# Rows of the figures table's CSV per page (?page=N): a spreadsheet's worth, a bounded answer.
CSV_PAGE_ROWS = 1_000
# A figure the public may count: not rejected, and its report published (Estimate...public()).
PUBLIC_FIGURE = ~Q(estimates__review_status=Estimate.ReviewStatus.REJECTED) & Q(
    estimates__report__publication=Report.Publication.PUBLISHED
)


class DashboardView(TemplateView):
    template_name = "tracker/dashboard.html"
    content_template_name = "tracker/dashboard_content.html"

    def chart(self):
        """Return the filter form, the series it selects, the compared series and their gap."""
        form = ChartFilterForm(self.request.GET)
        series_list = build_series(chart_estimates(**form.chart_filters()))
        official = next((s for s in series_list if s.key == OFFICIAL), None)
        candidates = comparable(series_list, official)
        chosen = form.independent_slug()
        compare = next((s for s in candidates if s.key == chosen), None) or default_independent(candidates)
        return form, series_list, official, compare, build_gap(official, compare)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.render_csv()
        response = super().get(request, *args, **kwargs).render()
        head, tail = response.content.split(CONTENT_MARK.encode(), 1)
        response.content = head + self.content + tail
        return response

    def citation(self, form, series_list, official, compare, version):
        """Return the Citation of this view: its words, source line and permalink."""
        filters = form.chart_filters()
        query = self.request.GET.copy()
        query.pop("format", None)
        path = reverse("tracker:dashboard") + (f"?{query.urlencode()}" if query else "")
        return chart_citation(
            casualty=form.chosen("casualty"),
            victims=form.chosen("victims"),
            geography=form.chosen("geography"),
            official=official,
            compare=compare,
            series_list=series_list,
            reviewed=chart_estimates(**filters).reviewed().count(),
            reviewed_only=filters.get("reviewed_only", False),
            since=filters.get("since"),
            until=filters.get("until"),
            updated=version,
            url=self.request.build_absolute_uri(path),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["data_last_updated"] = version = data_last_updated()  # the footer's too
        # The host is part of the key: the content holds the permalink.
        parts = ["dashboard", self.request.get_host(), self.request.GET.urlencode(), get_language() or ""]
        # Kept as bytes and put in the rendered page by get(): at 100,000 figures the content is
        # megabytes, which the template engine would otherwise copy and encode on every request.
        self.content = kept(parts, self.render_content, version=version)
        context["content"] = mark_safe(CONTENT_MARK)
        return context

    def render_content(self):
        """Render what the page shows below its header: the same for every visitor."""
        context = self.content_context()
        return render_to_string(self.content_template_name, context, request=self.request).encode()

    def shown(self, series_list, compare, gap_rows):
        """Return the series, compared series and gap rows the page draws: bounded (series.bounded)."""
        shown = bounded(series_list, keep=[compare])
        compare = next(
            (s for s in shown if compare is not None and s.group == compare.group and s.key == compare.key),
            None,
        )
        official = next((s for s in shown if s.key == OFFICIAL), None)
        return shown, official, compare, thinned(gap_rows, settings.CHART_MAX_POINTS)

    def content_context(self):
        form, series_list, official, compare, gap_rows = self.chart()
        query = self.request.GET.copy()
        query.pop("format", None)
        query.pop("rows", None)
        citation = self.citation(form, series_list, official, compare, data_last_updated())
        series_list, official, compare, gap_rows = self.shown(series_list, compare, gap_rows)
        # The tables under the chart show a page of rows at a time (`?rows=2`), the same of each.
        longest = max([len(gap_rows), *(len(s.points) for s in series_list)])
        page = Paginator(range(longest), TABLE_ROWS).get_page(self.request.GET.get("rows"))
        rows = slice(page.start_index() - 1, page.end_index()) if longest else slice(0)
        return dict(
            tables=[(s, s.points[rows]) for s in series_list],
            gap_table=gap_rows[rows],
            table_page=page,
            citation=citation,
            licence_url=LICENCE_URL,
            form=form,
            series_list=series_list,
            official=official,
            compare=compare,
            gap_rows=gap_rows,
            latest_gap=gap_rows[-1] if gap_rows else None,
            figure=figure_data(dashboard_figure(series_list, gap_rows, compare, citation))
            if series_list
            else None,
            has_any_figure=Estimate.objects.public().exists(),
            query=query.urlencode(),
        )

    def render_csv(self):
        form, series_list, official, compare, gap_rows = self.chart()
        citation = self.citation(form, series_list, official, compare, data_last_updated())
        series_list, *_shown = self.shown(series_list, compare, gap_rows)
        rows = [
            [
                series.key,
                series.name,
                point.as_of.isoformat(),
                point.as_of_precision,
                point.value,
                point.value_max if point.value_max is not None else "",
                point.qualifier,
                point.label,
                "yes" if point.out_of_sequence else "",
                point.report_count,
                " ".join(str(pk) for pk in point.estimate_ids),
                self.request.build_absolute_uri(point.url),
                point.quote,
            ]
            for series in series_list
            for point in sorted([*series.points, *series.out_of_sequence], key=lambda p: (p.as_of, p.value))
        ]
        header = [
            "trace", "claimant", "as_of", "as_of_precision", "value", "value_max", "qualifier",
            "label", "out_of_sequence", "report_count", "estimate_ids", "url", "quote",
        ]  # fmt: skip
        preamble = [citation.text, citation.subtitle, citation.source]
        return csv_response("casualty-tracker-chart.csv", header, rows, preamble)


class SourceListView(ListView):
    template_name = "tracker/source_list.html"

    def get_queryset(self):
        return Source.objects.annotate(figure_count=Count("estimates", filter=PUBLIC_FIGURE)).order_by(
            "kind", "name"
        )


class SourceDetailView(DetailView):
    model = Source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        estimates = self.object.estimates.public().select_related("report", "source").order_by("as_of", "pk")
        page = Paginator(estimates.defer("report__text"), 50).get_page(self.request.GET.get("page"))
        # Every group the claimant counts, each its own line: its page compares nothing.
        charted = chart_estimates(victims=None, geography=None, perpetrator=None)
        series_list = bounded(build_series(charted.filter(source=self.object)))
        context.update(
            estimates=page.object_list,
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            series_list=series_list,
            figure=figure_data(claimant_figure(series_list)) if series_list else None,
        )
        return context


class ReportListView(ListView):
    template_name = "tracker/report_list.html"
    paginate_by = 50

    def get_queryset(self):
        public = ~Q(estimates__review_status=Estimate.ReviewStatus.REJECTED)
        return (
            Report.objects.public()
            .annotate(figure_count=Count("estimates", filter=public))
            .order_by("-created_at")
            .defer("text")
        )


class ReportDetailView(DetailView):
    queryset = Report.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        estimates = list(self.object.estimates.public().select_related("source"))
        context.update(
            estimates=estimates,
            highlighted=highlighted_text(self.object.text, estimates, link=lambda e: f"#estimate-{e.pk}"),
        )
        return context


class EstimateListView(ListView):
    """The figures table: every public figure, filtered and sorted from the query string."""

    template_name = "tracker/estimate_list.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.form = FigureFilterForm(request.GET)
        if request.GET.get("format") == "csv":
            return self.render_csv()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.form.filter(Estimate.objects.public().select_related("source", "report"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        for name in ("format", "page"):
            query.pop(name, None)
        context.update(form=self.form, query=query.urlencode())
        return context

    def render_csv(self):
        """Return a page of CSV_PAGE_ROWS figures (`page` for the next, named by the Link header)."""
        page = Paginator(self.get_queryset().defer("report__text"), CSV_PAGE_ROWS).get_page(
            self.request.GET.get("page")
        )
        rows = ([column(e, self.request) for column in FIGURE_CSV_COLUMNS.values()] for e in page)
        response = csv_response("casualty-tracker-figures.csv", list(FIGURE_CSV_COLUMNS), rows)
        if page.has_next():
            query = self.request.GET.copy()
            query["page"] = page.next_page_number()
            response["Link"] = f'<{self.request.build_absolute_uri("?" + query.urlencode())}>; rel="next"'
        return response


def _iso(day):
    return day.isoformat() if day else ""


# The figures table's CSV: one column per name, computed from the estimate (and the request).
FIGURE_CSV_COLUMNS = {
    "id": lambda e, request: e.pk,
    "claimant": lambda e, request: e.source.name,
    "claimant_kind": lambda e, request: e.source.kind,
    "value": lambda e, request: e.value,
    "value_max": lambda e, request: "" if e.value_max is None else e.value_max,
    "qualifier": lambda e, request: e.qualifier,
    "label": lambda e, request: e.display_value,
    "casualty": lambda e, request: e.casualty,
    "victims": lambda e, request: e.victims,
    "scope": lambda e, request: e.scope,
    "geography": lambda e, request: e.geography,
    "perpetrator": lambda e, request: e.perpetrator,
    "as_of": lambda e, request: _iso(e.as_of),
    "as_of_precision": lambda e, request: e.as_of_precision,
    "review_status": lambda e, request: e.review_status,
    "report_id": lambda e, request: e.report_id,
    "report_title": lambda e, request: e.report.title,
    "published_on": lambda e, request: _iso(e.report.published_on),
    "url": lambda e, request: request.build_absolute_uri(e.get_absolute_url()),
    "quote": lambda e, request: e.quote,
}


def bad_request(request, exception=None):
    """A 400 page that says what was refused: too many files or fields, a body too large, or
    a request that cannot be read (Django's parser refuses them before any view runs)."""
    if isinstance(exception, TooManyFilesSent):
        reason = gettext("Too many files at once: send at most %(count)d per upload.") % {
            "count": settings.INGEST_MAX_FILES
        }
    elif isinstance(exception, TooManyFieldsSent):
        reason = gettext("Too many fields in one form.")
    elif isinstance(exception, RequestDataTooBig):
        reason = gettext("The request is too large.")
    else:
        reason = gettext("The request could not be read.")
    return render(request, "400.html", {"reason": reason}, status=400)
