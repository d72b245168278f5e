"""Running totals that are true: the demo articles and the seeds through the real pipeline, then the chart."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import EstimateFactory, ReportFactory
from tracker.models import Estimate, Source
from tracker.series import SAME_MONTH, build_gap, build_series, chart_estimates, contradictions

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("tracker:dashboard")


@pytest.fixture
def demo_and_seeds(seeds_dir, django_capture_on_commit_callbacks):
    """Load the demo articles and the seeds as the README says, each with its publication date."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddemo", stdout=io.StringIO(), stderr=io.StringIO())
    for path in sorted(seeds_dir.glob("*.txt")):
        published = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["published"]
        with django_capture_on_commit_callbacks(execute=True):
            call_command("ingest", str(path), published=published, stdout=io.StringIO())


@pytest.fixture
def revised_downwards(demo_and_seeds):
    """A later article stating a coalition total below its earlier ones: out of sequence."""
    coalition = Source.objects.get(slug="us-led-coalition")
    return EstimateFactory(
        report=ReportFactory(),
        source=coalition,
        value=560,
        geography=Estimate.Geography.IRAQ_SYRIA,
        as_of=datetime.date(2018, 1, 31),
    )


def test_the_official_line_never_decreases_and_out_of_sequence_statements_stand_apart(revised_downwards):
    client = APIClient()
    series = client.get("/api/v1/series/").json()["series"]
    (official,) = [s for s in series if s["key"] == "official"]
    values = [p["value"] for p in official["points"]]
    dates = [p["as_of"] for p in official["points"]]
    assert dates == sorted(dates)
    assert values == sorted(values), "the running total went down"
    assert len(values) == len(set(values)), "a restatement drew a point of its own"
    assert not any(p["out_of_sequence"] for p in official["points"])
    (marker,) = official["out_of_sequence"]
    assert (marker["value"], marker["out_of_sequence"], marker["below"]) == (560, True, 624)
    assert marker["estimate_ids"] == [revised_downwards.pk]

    # The restatements joined their earlier points: 484 ("le mois dernier") and 603 again in July.
    by_value = {p["value"]: p for p in official["points"]}
    assert by_value[484]["as_of"] == "2017-04-30" and by_value[484]["report_count"] >= 2
    assert by_value[603]["as_of"] == "2017-05-31" and by_value[603]["report_count"] >= 2

    gap = client.get("/api/v1/gap/").json()
    assert gap["official"]["points"] == official["points"]
    assert gap["official"]["out_of_sequence"] == official["out_of_sequence"]
    (independent,) = [s for s in series if s["key"] == gap["independent"]["key"]]
    assert gap["independent"]["points"] == independent["points"]
    assert 560 not in [row["official"] for row in gap["rows"]]


def test_the_default_view_compares_only_figures_of_the_same_geography(demo_and_seeds):
    series_list = build_series(chart_estimates())
    assert {s.geography for s in series_list} == {Estimate.Geography.IRAQ_SYRIA}
    assert {s.victims for s in series_list} == {Estimate.Victims.CIVILIANS}
    official = next(s for s in series_list if s.key == "official")
    for other in series_list:
        rows = build_gap(official, other)
        assert rows == [] or other.group == official.group

    response = APIClient().get("/api/v1/gap/").json()
    assert response["independent"]["key"] == "airwars"
    assert response["official"]["geography"] == response["independent"]["geography"] == "iraq_syria"


def test_the_key_cards_read_the_line_not_a_later_restatement(client, demo_and_seeds):
    response = client.get(DASHBOARD, {"since": "2017-01-01", "until": "2017-12-31"})
    assert response.context["official"].latest.value == 624


def test_a_syria_only_view_compares_syria_only_counts_and_says_the_official_side_has_none(
    client, demo_and_seeds
):
    response = client.get(DASHBOARD, {"geography": "syria"})
    keys = {s.key for s in response.context["series_list"]}
    assert "official" not in keys and "sohr" in keys
    assert response.context["gap_rows"] == []
    assert "no official figure for this geography (Syria)" in response.content.decode()


def test_an_out_of_sequence_figure_is_in_the_review_queue_with_its_reason(admin_client, revised_downwards):
    changelist = reverse("admin:tracker_estimate_changelist")
    response = admin_client.get(changelist, {"queue": "contradicts"})
    # Also listed: the seeds' 484 dated June 2017 ("le mois dernier", the month before) beside 624.
    assert revised_downwards.pk in [e.pk for e in response.context["cl"].result_list]
    assert "Below the claimant&#x27;s earlier total of 624" in response.content.decode()
    queue = admin_client.get(changelist, {"queue": "1"})
    assert revised_downwards.pk in [e.pk for e in queue.context["cl"].result_list]


def test_the_dashboard_draws_out_of_sequence_statements_as_hollow_markers_off_the_line(
    client, revised_downwards
):
    figure = client.get(DASHBOARD).context["figure"]
    roles = {(t["meta"]["role"], t["meta"]["key"]): t for t in figure["data"]}
    line = roles[("series", "official")]["y"]
    assert line == sorted(line) and 560 not in line
    marker = roles[("out-of-sequence", "official")]
    assert marker["y"] == [560] and marker["mode"] == "markers"
    assert marker["marker"]["symbol"] == "circle-open"


def test_the_seeds_misdated_total_is_a_contradiction(demo_and_seeds):
    """The seeds' "le mois dernier elle faisait état de 484 morts" is dated June 2017, the month of 624."""
    found = contradictions()

    misdated = Estimate.objects.get(
        value=484, source__slug="us-led-coalition", as_of=datetime.date(2017, 6, 30)
    )
    admitted = Estimate.objects.get(value=624, source__slug="us-led-coalition")
    assert found[misdated.pk] == (SAME_MONTH, 624)
    assert found[admitted.pk] == (SAME_MONTH, 484)
