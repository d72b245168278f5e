import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands
from django.urls import reverse

from tests.factories import EstimateFactory, SourceFactory
from tracker.models import Estimate, Source
from tracker.series import build_series, chart_estimates

pytestmark = pytest.mark.django_db

SERIES = reverse("series-list")
GAP = reverse("gap-list")


@pytest.fixture
def coalition():
    return SourceFactory(name="US-led coalition", kind=Source.Kind.OFFICIAL)


@pytest.fixture
def figures(coalition):
    """The coalition's admissions, CENTCOM's first figure and two monitors' counts."""
    centcom = SourceFactory(name="CENTCOM", kind=Source.Kind.OFFICIAL)
    airwars = SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)
    sohr = SourceFactory(name="SOHR", kind=Source.Kind.INDEPENDENT)
    EstimateFactory(source=centcom, value=119, as_of=datetime.date(2016, 11, 9))
    EstimateFactory(source=coalition, value=352, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(source=coalition, value=484, as_of=datetime.date(2017, 4, 30))
    for day in (1, 7):  # two reports state the same figure: one point
        EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 5, day))
    EstimateFactory(source=coalition, value=1302, as_of=datetime.date(2018, 9, 30))
    EstimateFactory(source=airwars, value=3164, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(source=airwars, value=4354, as_of=datetime.date(2017, 5, 31))
    EstimateFactory(source=sohr, value=500, as_of=datetime.date(2017, 4, 30))
    EstimateFactory(source=coalition, value=9, perpetrator=Estimate.Perpetrator.RUSSIA)
    EstimateFactory(source=coalition, value=7, scope=Estimate.Scope.INCIDENT)


def values(body, key):
    (trace,) = [s for s in body["series"] if s["key"] == key]
    return [p["value"] for p in trace["points"]]


def test_the_official_trace_is_the_coalitions_admissions_in_order(api, figures):
    body = api.get(SERIES, {"claimant_kind": "official"}).json()
    assert [s["key"] for s in body["series"]] == ["official"]
    assert values(body, "official") == [119, 352, 484, 603, 1302]
    assert body["last_updated"] is not None


def test_the_series_are_the_dashboards_own(api, figures):
    body = api.get(SERIES).json()
    expected = build_series(chart_estimates())
    assert [(s["key"], [p["value"] for p in s["points"]]) for s in body["series"]] == [
        (s.key, [p.value for p in s.points]) for s in expected
    ]
    (point,) = [p for p in body["series"][0]["points"] if p["value"] == 603]
    assert point["report_count"] == 2
    assert len(point["estimate_ids"]) == 2
    assert point["label"] == "at least 603"
    assert point["claimants"] == ["US-led coalition"]


def test_the_chart_filters_take_the_dashboards_names(api, figures):
    assert [s["key"] for s in api.get(SERIES, {"claimants": "airwars"}).json()["series"]] == [
        "official",
        "airwars",
    ]
    assert values(api.get(SERIES, {"perpetrator": "russia"}).json(), "official") == [9]
    since = api.get(SERIES, {"since": "2017-04-01", "until": "2017-12-31", "claimant_kind": "official"})
    assert values(since.json(), "official") == [484, 603]
    assert api.get(SERIES, {"casualty": "injured"}).json()["series"] == []


def test_reviewed_only_keeps_figures_an_editor_confirmed(api, coalition):
    EstimateFactory(source=coalition, value=484, review_status=Estimate.ReviewStatus.CONFIRMED)
    EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 7, 1))
    assert values(api.get(SERIES, {"reviewed_only": "true"}).json(), "official") == [484]


@pytest.mark.parametrize(
    "query",
    [
        {"casualty": "drowned"},
        {"geography": "mars"},
        {"since": "2018-01-01", "until": "2017-01-01"},
        {"claimants": "not a slug"},
        {"claimants": "air\x00wars"},
        {"reviewed_only": "perhaps"},
    ],
)
def test_a_bad_chart_filter_is_a_400(api, figures, query):
    assert api.get(SERIES, query).status_code == 400
    assert api.get(GAP, query).status_code == 400


def test_the_series_as_csv_has_one_row_per_point(api, figures):
    response = api.get(SERIES, {"format": "csv", "claimant_kind": "official"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["trace"], r["as_of"], int(r["value"])) for r in rows] == [
        ("official", "2016-11-09", 119),
        ("official", "2017-03-31", 352),
        ("official", "2017-04-30", 484),
        ("official", "2017-05-01", 603),
        ("official", "2018-09-30", 1302),
    ]


def test_the_series_answers_304_while_nothing_changed(api, figures):
    etag = api.get(SERIES)["ETag"]
    assert api.get(SERIES, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get(SERIES, {"claimant_kind": "official"}, HTTP_IF_NONE_MATCH=etag).status_code == 200
    Estimate.objects.first().save()
    assert api.get(SERIES, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_gap_defaults_to_the_independent_claimant_with_most_points(api, figures):
    body = api.get(GAP).json()
    assert body["official"]["key"] == "official"
    assert body["independent"]["key"] == "airwars"
    rows = {row["as_of"]: row for row in body["rows"]}
    assert rows["2017-03-31"] == {
        "as_of": "2017-03-31",
        "official": 352,
        "independent": 3164,
        "difference": 2812,
        "ratio": 8.99,
    }
    assert rows["2016-11-09"]["independent"] is None and rows["2016-11-09"]["difference"] is None


def test_the_gap_compares_the_chosen_claimant_even_outside_the_chosen_claimants(api, figures):
    body = api.get(GAP, {"independent": "sohr", "claimants": "airwars"}).json()
    assert body["independent"]["key"] == "sohr"
    assert [(r["as_of"], r["official"], r["independent"]) for r in body["rows"]][:3] == [
        ("2016-11-09", 119, None),
        ("2017-03-31", 352, None),
        ("2017-04-30", 484, 500),
    ]


@pytest.mark.parametrize("slug", ["nobody", "us-led-coalition"])
def test_the_gap_refuses_a_claimant_that_is_not_an_independent_one(api, figures, slug):
    response = api.get(GAP, {"independent": slug})
    assert response.status_code == 400
    assert "independent" in response.json()


def test_the_gap_of_an_empty_database_is_empty(api, db):
    body = api.get(GAP).json()
    assert (body["official"], body["independent"], body["rows"]) == (None, None, [])


def test_the_seeds_give_the_coalitions_admissions(api, seeds_dir, django_capture_on_commit_callbacks):
    """The README's example, each article ingested with its publication date as a user gives it."""
    if "ingest" not in get_commands():
        pytest.skip("the ingest command has not landed yet")
    with django_capture_on_commit_callbacks(execute=True):
        for path in sorted(Path(seeds_dir).glob("*.txt")):
            published = json.loads(path.with_suffix(".json").read_text())["published"]
            call_command("ingest", str(path), published=published, stdout=io.StringIO())
    body = api.get(SERIES, {"claimant_kind": "official"}).json()
    assert values(body, "official") == [119, 352, 484, 603, 1302]


def test_the_series_speak_the_sites_language_whatever_the_clients(api, db):
    EstimateFactory(source=SourceFactory(name="US-led coalition", kind=Source.Kind.OFFICIAL), value=1302)
    french = api.get(SERIES, HTTP_ACCEPT_LANGUAGE="fr").json()["series"][0]
    english = api.get(SERIES).json()["series"][0]
    assert french == english
    assert english["name"] == "Official (US-led coalition)"
    assert english["points"][0]["label"] == "at least 1,302"
