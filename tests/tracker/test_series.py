import datetime

import pytest

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Estimate, Source
from tracker.series import build_gap, build_series, chart_estimates

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition():
    return SourceFactory(name="US-led coalition", kind=Source.Kind.OFFICIAL)


@pytest.fixture
def airwars():
    return SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)


def test_official_claimants_form_one_trace_in_date_order(coalition):
    centcom = SourceFactory(name="CENTCOM", kind=Source.Kind.OFFICIAL)
    EstimateFactory(source=coalition, value=352, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(source=centcom, value=119, as_of=datetime.date(2016, 11, 9))
    (official,) = build_series(chart_estimates())
    assert official.key == "official"
    assert [p.value for p in official.points] == [119, 352]


def test_a_figure_stated_by_several_reports_is_one_point(coalition):
    for day in (1, 7):
        EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 7, day))
    (official,) = build_series(chart_estimates())
    (point,) = official.points
    assert point.report_count == 2
    assert point.label == "at least 603"


def test_increments_incidents_and_rejected_figures_stay_off_the_chart(coalition):
    EstimateFactory(source=coalition, value=119, scope=Estimate.Scope.PERIOD)
    EstimateFactory(source=coalition, value=14, scope=Estimate.Scope.INCIDENT)
    EstimateFactory(source=coalition, value=999, review_status=Estimate.ReviewStatus.REJECTED)
    EstimateFactory(source=coalition, value=50, perpetrator=Estimate.Perpetrator.RUSSIA)
    EstimateFactory(source=coalition, value=8, casualty=Estimate.Casualty.INJURED)
    assert build_series(chart_estimates()) == []


def test_reviewed_only_keeps_confirmed_and_corrected_figures(coalition):
    EstimateFactory(source=coalition, value=484, review_status=Estimate.ReviewStatus.CONFIRMED)
    EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 7, 1))
    (official,) = build_series(chart_estimates(reviewed_only=True))
    assert [p.value for p in official.points] == [484]


def test_the_gap_aligns_both_series_on_their_dates(coalition, airwars):
    report = ReportFactory()
    EstimateFactory(report=report, source=coalition, value=352, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(report=report, source=airwars, value=3164, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(report=report, source=coalition, value=603, as_of=datetime.date(2017, 5, 31))
    EstimateFactory(report=report, source=airwars, value=4354, as_of=datetime.date(2017, 7, 7))
    official, independent = build_series(chart_estimates())
    rows = build_gap(official, independent)
    assert [(r.official, r.independent) for r in rows] == [(352, 3164), (603, 3164), (603, 4354)]
    assert rows[0].difference == 2812
    assert rows[-1].ratio == round(4354 / 603, 2)


def test_a_restatement_adds_its_reports_to_the_earlier_point(coalition):
    EstimateFactory(source=coalition, value=484, as_of=datetime.date(2017, 4, 30))
    EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 5, 31))
    EstimateFactory(source=coalition, value=484, as_of=datetime.date(2017, 6, 30))
    (official,) = build_series(chart_estimates())
    assert [(p.as_of, p.value, p.report_count) for p in official.points] == [
        (datetime.date(2017, 4, 30), 484, 2),
        (datetime.date(2017, 5, 31), 603, 1),
    ]
    assert official.out_of_sequence == []


def test_a_total_below_the_earlier_one_is_out_of_sequence_and_off_the_line(coalition, airwars):
    EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 5, 31))
    EstimateFactory(source=coalition, value=560, as_of=datetime.date(2018, 1, 31))
    EstimateFactory(source=coalition, value=1302, as_of=datetime.date(2019, 4, 30))
    EstimateFactory(source=airwars, value=4354, as_of=datetime.date(2018, 1, 31))
    official, independent = build_series(chart_estimates())
    assert [p.value for p in official.points] == [603, 1302]
    (marker,) = official.out_of_sequence
    assert (marker.value, marker.below, marker.out_of_sequence) == (560, 603, True)
    assert [r.official for r in build_gap(official, independent)] == [603, 603, 1302]


def test_each_geography_is_a_series_of_its_own_and_has_no_gap_with_another(coalition, airwars):
    EstimateFactory(source=coalition, value=603, geography=Estimate.Geography.IRAQ_SYRIA)
    EstimateFactory(source=airwars, value=3800, geography=Estimate.Geography.SYRIA)
    series = build_series(chart_estimates(geography=None))
    assert [(s.key, s.geography) for s in series] == [("official", "iraq_syria"), (airwars.slug, "syria")]
    assert build_gap(*series) == []


def test_a_range_reaching_above_the_earlier_total_stays_on_the_line_at_that_total(airwars):
    EstimateFactory(source=airwars, value=4354, as_of=datetime.date(2017, 7, 31))
    EstimateFactory(
        source=airwars, value=3923, value_max=6102, qualifier="range", as_of=datetime.date(2018, 1, 1)
    )
    EstimateFactory(
        source=airwars, value=3000, value_max=4000, qualifier="range", as_of=datetime.date(2018, 2, 1)
    )
    (independent,) = build_series(chart_estimates())
    assert [(p.value, p.value_max, p.line_value) for p in independent.points] == [
        (4354, None, 4354),
        (3923, 6102, 4354),
    ]
    assert [(p.value, p.below) for p in independent.out_of_sequence] == [(3000, 4354)]


def test_an_official_who_does_not_speak_for_the_coalition_has_a_trace_of_its_own(coalition):
    """A Syrian MP's 20,000 'killed by the coalition' is an accusation, not an admission: on the
    official trace it would hide every later admission as out of sequence."""
    mp = SourceFactory(name="Muhammed al Husein", kind=Source.Kind.OFFICIAL, coalition=False)
    EstimateFactory(source=mp, value=20_000, as_of=datetime.date(2017, 8, 21))
    EstimateFactory(source=coalition, value=735, as_of=datetime.date(2017, 9, 29))
    official, accusation = build_series(chart_estimates())
    assert official.key == "official" and [p.value for p in official.points] == [735]
    assert accusation.name == "Muhammed al Husein" and [p.value for p in accusation.points] == [20_000]
