"""Time series of cumulative figures, built once for the dashboard and the API alike.

Official claimants (the coalition, CENTCOM, the Pentagon ...) form one "official" trace: they
are one institution counting its own toll. Every other claimant is a trace of its own. A
figure several reports state is one point: same trace, value and as-of month.
"""

from dataclasses import dataclass, field
from datetime import date

from tracker.models import Estimate, Source

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

    @property
    def report_count(self):
        return len(self.report_ids)


@dataclass
class Series:
    key: str
    name: str
    kind: str
    points: list[Point] = field(default_factory=list)

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
    if source.kind == Source.Kind.OFFICIAL:
        return OFFICIAL, "Official (US-led coalition)", OFFICIAL
    return source.slug, source.name, source.kind


def build_series(estimates):
    """Group chart estimates (from `Estimate.objects.for_chart()`) into deduplicated series.

    Official first, then the others by name; points in as-of order.
    """
    series, points = {}, {}
    for estimate in estimates:
        key, name, kind = trace_of(estimate.source)
        current = series.setdefault(key, Series(key=key, name=name, kind=kind))
        month = (estimate.as_of.year, estimate.as_of.month)
        point_key = (key, estimate.value, estimate.value_max, month)
        point = points.get(point_key)
        if point is None:
            point = Point(
                trace=key,
                as_of=estimate.as_of,
                as_of_precision=estimate.as_of_precision,
                value=estimate.value,
                value_max=estimate.value_max,
                qualifier=estimate.qualifier,
                label=str(estimate.display_value),
                quote=estimate.quote,
                url=estimate.get_absolute_url(),
            )
            points[point_key] = point
            current.points.append(point)
        point.estimate_ids.append(estimate.pk)
        if estimate.report_id not in point.report_ids:
            point.report_ids.append(estimate.report_id)
        if estimate.source.name not in point.claimants:
            point.claimants.append(estimate.source.name)
    for current in series.values():
        current.points.sort(key=lambda p: (p.as_of, p.value))
    return sorted(series.values(), key=lambda s: (s.key != OFFICIAL, s.name.lower()))


def build_gap(official, independent):
    """Align two series on the union of their dates, carrying each last known value forward."""
    if official is None or independent is None:
        return []
    dates = sorted({p.as_of for p in official.points} | {p.as_of for p in independent.points})
    rows = []
    for day in dates:
        rows.append(
            GapRow(
                as_of=day,
                official=_value_on(official, day),
                independent=_value_on(independent, day),
            )
        )
    return rows


def _value_on(series, day):
    """Return the series' latest value on or before `day` (a step line), or None."""
    value = None
    for point in series.points:
        if point.as_of > day:
            break
        value = point.value
    return value


def default_independent(series_list):
    """Return the independent series with the most points: the natural comparison."""
    independents = [s for s in series_list if s.kind == Source.Kind.INDEPENDENT]
    return max(independents, key=lambda s: len(s.points), default=None)


def chart_estimates(**filters):
    """Return the estimates behind the chart for the given filters (see `for_chart`)."""
    return Estimate.objects.for_chart(**filters)
