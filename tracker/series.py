"""Time series of cumulative figures, built once for the dashboard and the API alike.

Official claimants (the coalition, CENTCOM, the Pentagon ...) form one "official" trace: they
are one institution counting its own toll. Every other claimant is a trace of its own, and a
trace never mixes geographies, victim groups, casualty types or perpetrators: each such group
is a series of its own, so a line only ever joins like with like.

A running total only grows. Walking a series in date order, a value the claimant already
stated is a restatement: its reports join that earlier point. A value below the claimant's
highest total so far is "out of sequence" (a misdated restatement, a misreading, a revision
downwards): it is kept apart as a marker, never drawn as a dip in the line. A range counts by
its maximum: one reaching above the earlier total stays on the line, which then stands at that
total (the least the two statements together say) with the band up to the range's maximum.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from tracker.freshness import data_last_updated
from tracker.kept import kept
from tracker.models import DatePrecision, Estimate, Source

OFFICIAL = "official"


@dataclass
class Point:
    trace: str
    as_of: date
    as_of_precision: str
    value: int
    value_max: int | None
    qualifier: str
    label: str
    quote: str
    url: str
    estimate_ids: list[int] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    # Out of sequence: the line's total this statement falls below, when it is stated.
    below: int | None = None
    # Where the running total's line stands here: the value, or for a range reaching above the
    # earlier total but starting below it, that earlier total (what is known at least).
    line_value: int | None = None
    # How many reports state it, when `report_ids` lists only the first of them (`bounded`).
    report_total: int | None = None

    @property
    def out_of_sequence(self):
        return self.below is not None

    @property
    def report_count(self):
        return len(self.report_ids) if self.report_total is None else self.report_total


@dataclass
class Series:
    key: str
    name: str
    kind: str
    casualty: str = ""
    victims: str = ""
    geography: str = ""
    perpetrator: str = ""
    # The running total, never decreasing: what lines, key numbers, gap and ratio read.
    points: list[Point] = field(default_factory=list)
    # Statements below the claimant's earlier total, drawn apart as hollow markers.
    out_of_sequence: list[Point] = field(default_factory=list)
    # How many points the running total has, when `points` shows only some of them (`bounded`).
    point_total: int | None = None

    @property
    def group(self):
        """Return what a figure must share with another to be compared with it."""
        return (self.casualty, self.victims, self.geography, self.perpetrator)

    @property
    def latest(self):
        return self.points[-1] if self.points else None


@dataclass
class GapRow:
    as_of: date
    official: int | None
    independent: int | None

    @property
    def difference(self):
        if self.official is None or self.independent is None:
            return None
        return self.independent - self.official

    @property
    def ratio(self):
        if not self.official or self.independent is None:
            return None
        return round(self.independent / self.official, 2)


def trace_of(source):
    """Return (key, name, kind) of the trace a claimant's figures belong to."""
    if source.kind == Source.Kind.OFFICIAL and source.coalition:
        return OFFICIAL, _("Official (US-led coalition)"), OFFICIAL
    return source.slug, source.name, source.kind


# What a point needs of each chart estimate: rows of these, not model instances, since at
# 100,000 estimates building ~14,000 instances (and decoding their machine readings) cost
# most of the time of /api/v1/series/ and of the dashboard.
CHART_FIELDS = ("pk", "report_id", "source_id", "value", "value_max", "qualifier", "as_of",
                "as_of_precision", "quote", "casualty", "victims", "geography", "perpetrator")  # fmt: skip


def build_series(estimates):
    """Group chart estimates (from `chart_estimates()`) into running totals, one per claimant and group.

    Official first, then the others by name; points in as-of order, each value once (see the
    module's docstring). A point shows its first estimate (in as-of order): its date,
    qualifier, label, quote and link.
    """
    rows = sorted(chart_rows(estimates), key=lambda row: (row[6], row[3], row[0]))  # as_of, value, pk
    sources = Source.objects.in_bulk({row[2] for row in rows})
    traces = {pk: trace_of(source) for pk, source in sources.items()}
    url = _estimate_url_maker()
    series, points, tops = {}, {}, {}
    for row in rows:
        pk, report_id, source_id, value, value_max, qualifier, as_of, precision, quote, *group = row
        key, name, kind = traces[source_id]
        series_key = (key, *group)
        current = series.get(series_key)
        if current is None:
            current = series[series_key] = Series(key, name, kind, *group)
        point_key = (series_key, value, value_max)
        point = points.get(point_key)
        if point is None:
            point = points[point_key] = Point(
                trace=key,
                as_of=as_of,
                as_of_precision=precision,
                value=value,
                value_max=value_max,
                qualifier=qualifier,
                label=Estimate.label_of(qualifier, value, value_max),
                quote=quote,
                url=url(report_id, pk),
            )
            top = tops.get(series_key)
            if top is not None and (value_max if value_max is not None else value) < top:
                point.below = top
                current.out_of_sequence.append(point)
            else:
                point.line_value = tops[series_key] = max(value, top or 0)
                current.points.append(point)
        point.estimate_ids.append(pk)
        if report_id not in point.report_ids:
            point.report_ids.append(report_id)
        claimant = sources[source_id].name
        if claimant not in point.claimants:
            point.claimants.append(claimant)
    return sorted(series.values(), key=lambda s: (s.key != OFFICIAL, s.name.lower(), s.group))


BELOW = "below"
SAME_MONTH = "same_month"

# The ids a bounded point lists: a figure restated by a thousand reports names the first ones.
POINT_MAX_IDS = 20


def bounded(series_list, *, max_points=None, max_traces=None, keep=()):
    """Return the series as a page or an API answer shows them: a bounded number of each.

    The official trace and the claimants with the most points, at most CHART_MAX_TRACES (the
    others are there through the `claimants` filter); each running total thinned to at most
    CHART_MAX_POINTS points, its first and last kept, evenly spaced between (the line still
    never decreases), out-of-sequence markers likewise; each point naming at most
    POINT_MAX_IDS figures and reports, its report count kept. Restatements are already one
    point (`build_series`).
    """
    max_points = settings.CHART_MAX_POINTS if max_points is None else max_points
    max_traces = settings.CHART_MAX_TRACES if max_traces is None else max_traces
    wanted = {id(s) for s in keep if s is not None}  # the compared claimant stays, whatever its size
    ranked = sorted(series_list, key=lambda s: (s.key != OFFICIAL and id(s) not in wanted, -len(s.points)))
    kept = {id(s) for s in ranked[:max_traces]}
    return [
        replace(
            s,
            points=[_named_few(p) for p in thinned(s.points, max_points)],
            out_of_sequence=[_named_few(p) for p in thinned(s.out_of_sequence, max_points)],
            point_total=len(s.points),
        )
        for s in series_list
        if id(s) in kept
    ]


def thinned(items, limit):
    """Return at most `limit` of the ordered `items`: the first, the last and evenly spaced others."""
    if len(items) <= limit:
        return list(items)
    if limit < 2:
        return list(items[-limit:]) if limit else []
    step = (len(items) - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


def _named_few(point):
    if len(point.estimate_ids) <= POINT_MAX_IDS and len(point.report_ids) <= POINT_MAX_IDS:
        return point
    return replace(
        point,
        estimate_ids=point.estimate_ids[:POINT_MAX_IDS],
        report_ids=point.report_ids[:POINT_MAX_IDS],
        claimants=point.claimants[:POINT_MAX_IDS],
        report_total=point.report_count,
    )


def contradictions():
    """Return {estimate id: (why, the other value)} for figures that contradict another of their claimant.

    Why is BELOW (a total below the claimant's earlier one, the other value being that total)
    or SAME_MONTH (another value for the same as-of month, the other value being the first such).
    A figure that contradicts another is most likely misread: the review queue shows these
    first, with the reason. Like the chart, only public cumulative figures with a date count,
    compared within one trace and group. Kept per data version: the admin asks on every page.
    """

    def build():
        estimates = Estimate.objects.public().cumulative().filter(as_of__isnull=False)
        found = {
            pk: (BELOW, point.below)
            for s in build_series(estimates)
            for point in s.out_of_sequence
            for pk in point.estimate_ids
        }
        for pk, other in _same_month_contradictions(estimates).items():
            found.setdefault(pk, (SAME_MONTH, other))
        return found

    return kept(["contradictions"], build, version=data_last_updated())


def _same_month_contradictions(estimates):
    """Return {estimate id: another value stated for the same month} where two values cannot both hold.

    Two statements of one month contradict when their ranges (a single value is its own range)
    do not overlap; a year-precise date says nothing about the month.
    """
    rows = list(chart_rows(estimates.exclude(as_of_precision=DatePrecision.YEAR)))
    traces = {pk: trace_of(source)[0] for pk, source in Source.objects.in_bulk({r[2] for r in rows}).items()}
    months = {}
    for pk, _report, source_id, value, value_max, _qualifier, as_of, _precision, _quote, *group in rows:
        key = (traces[source_id], *group, as_of.year, as_of.month)
        months.setdefault(key, []).append((pk, value, value_max if value_max is not None else value))
    found = {}
    for figures in months.values():
        for pk, low, high in figures:
            other = next((v for _pk, v, top in figures if top < low or v > high), None)
            if other is not None:
                found[pk] = other
    return found


def chart_rows(estimates):
    """Return the rows of CHART_FIELDS that build_series reads: the chart's one big query."""
    return estimates.select_related(None).values_list(*CHART_FIELDS)


def _estimate_url_maker():
    """Return url(report_id, pk): `Estimate.get_absolute_url` from ids, resolving the route once."""
    marker = 987654321
    report_url = reverse("tracker:report_detail", args=[marker])
    prefix, suffix = report_url.split(str(marker))

    def url(report_id, pk):
        return f"{prefix}{report_id}{suffix}#estimate-{pk}"

    return url


def build_gap(official, independent):
    """Align two running totals on the union of their dates, carrying each last value forward.

    Only like with like: two series of different geographies, victims, casualty types or
    perpetrators have no gap.
    """
    if official is None or independent is None or official.group != independent.group:
        return []
    dates = sorted({p.as_of for p in official.points} | {p.as_of for p in independent.points})
    return [
        GapRow(as_of=day, official=official_value, independent=independent_value)
        for day, official_value, independent_value in zip(
            dates, _values_on(official, dates), _values_on(independent, dates), strict=True
        )
    ]


def _values_on(series, dates):
    """Yield the series' latest value on or before each of the sorted `dates` (a step line), or None.

    One walk over both lists: the points are in as-of order.
    """
    value, points, index = None, series.points, 0
    for day in dates:
        while index < len(points) and points[index].as_of <= day:
            value = points[index].line_value
            index += 1
        yield value


def comparable(series_list, official):
    """Return the series of `series_list` that can be compared with `official` (same group)."""
    if official is None:
        return []
    return [s for s in series_list if s.key != OFFICIAL and s.group == official.group]


def default_independent(series_list):
    """Return the independent series with the most points: the natural comparison."""
    independents = [s for s in series_list if s.kind == Source.Kind.INDEPENDENT]
    return max(independents, key=lambda s: len(s.points), default=None)


def chart_estimates(**filters):
    """Return the estimates behind the chart for the given filters (see `for_chart`)."""
    return Estimate.objects.for_chart(**filters)
