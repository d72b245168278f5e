import datetime

import pytest
from django.urls import reverse

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Estimate, Report, Source

pytestmark = pytest.mark.django_db

REPORTS = reverse("report-list")
SOURCES = reverse("source-list")


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


def test_a_report_list_leaves_the_text_out_unless_asked(api):
    report = ReportFactory(text="Full text of the article.")
    (listed,) = api.get(REPORTS).json()["results"]
    assert "text" not in listed
    (with_text,) = api.get(REPORTS, {"include": "text"}).json()["results"]
    assert with_text["text"] == "Full text of the article."
    detail = api.get(reverse("report-detail", args=[report.pk]), {"include": "text"}).json()
    assert detail["text"] == "Full text of the article."


def test_a_report_shows_its_progress_and_how_many_figures_the_public_sees(api):
    report = ReportFactory(status=Report.Status.FAILED, error="Not a text file.", attempts=2)
    EstimateFactory.create_batch(2, report=report)
    EstimateFactory(report=report, review_status=Estimate.ReviewStatus.REJECTED)
    body = api.get(reverse("report-detail", args=[report.pk])).json()
    assert (body["status"], body["error"], body["attempts"]) == ("failed", "Not a text file.", 2)
    assert body["estimate_count"] == 2
    assert "text" not in body


@pytest.mark.parametrize(
    "query, kept",
    [
        ({"status": "failed"}, "failed"),
        ({"language": "fr"}, "failed"),
        ({"outlet": "le monde"}, "failed"),
        ({"published_after": "2018-01-01"}, "done"),
        ({"published_before": "2017-12-31"}, "failed"),
    ],
)
def test_each_report_filter_keeps_only_what_it_names(api, query, kept):
    reports = {
        "failed": ReportFactory(
            status=Report.Status.FAILED,
            error="x",
            language=Report.Language.FRENCH,
            outlet="Le Monde",
            published_on=datetime.date(2017, 7, 1),
        ),
        "done": ReportFactory(published_on=datetime.date(2018, 9, 30)),
    }
    assert ids(api.get(REPORTS, query)) == [reports[kept].pk]


def test_the_report_list_query_count_does_not_grow_with_the_page(api, django_assert_max_num_queries):
    for report in ReportFactory.create_batch(30):
        EstimateFactory(report=report)
    with django_assert_max_num_queries(5):
        assert len(api.get(REPORTS, {"page_size": 30}).json()["results"]) == 30


def test_sources_filter_by_kind_and_review(api):
    official = SourceFactory(name="CENTCOM", kind=Source.Kind.OFFICIAL)
    unknown = SourceFactory(name="New Monitor", needs_review=True)
    assert official.pk in ids(api.get(SOURCES, {"kind": "official"}))
    assert unknown.pk not in ids(api.get(SOURCES, {"kind": "official"}))
    assert ids(api.get(SOURCES, {"needs_review": "true"})) == [unknown.pk]


def test_a_source_has_a_stable_id_and_its_slug(api):
    source = SourceFactory(name="Airwars", aliases=["AirWars.org"])
    body = api.get(reverse("source-detail", args=[source.pk])).json()
    assert (body["id"], body["slug"], body["aliases"]) == (source.pk, "airwars", ["AirWars.org"])
    assert api.get(SOURCES).json()["last_updated"] is not None
