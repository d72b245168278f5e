import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Estimate, Source
from tracker.services import estimate_correct

pytestmark = pytest.mark.django_db

URL = reverse("estimate-list")


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


@pytest.fixture
def pair():
    """Two figures that differ in every filterable way: each filter keeps exactly one."""
    matching = EstimateFactory(
        source=SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT),
        casualty=Estimate.Casualty.KILLED,
        victims=Estimate.Victims.CIVILIANS,
        scope=Estimate.Scope.CUMULATIVE,
        geography=Estimate.Geography.IRAQ_SYRIA,
        perpetrator=Estimate.Perpetrator.COALITION,
        review_status=Estimate.ReviewStatus.CONFIRMED,
        as_of=datetime.date(2017, 5, 31),
        confidence=0.9,
    )
    other = EstimateFactory(
        source=SourceFactory(name="CENTCOM", kind=Source.Kind.OFFICIAL),
        casualty=Estimate.Casualty.INJURED,
        victims=Estimate.Victims.CHILDREN,
        scope=Estimate.Scope.INCIDENT,
        geography=Estimate.Geography.SYRIA,
        perpetrator=Estimate.Perpetrator.RUSSIA,
        review_status=Estimate.ReviewStatus.EXTRACTED,
        as_of=datetime.date(2016, 1, 1),
        confidence=0.3,
    )
    return {"matching": matching, "other": other}


@pytest.mark.parametrize(
    "query, kept",
    [
        ({"claimant": "airwars"}, "matching"),
        ({"claimant_kind": "official"}, "other"),
        ({"casualty": "injured"}, "other"),
        ({"victims": "civilians"}, "matching"),
        ({"scope": "incident"}, "other"),
        ({"geography": "iraq_syria"}, "matching"),
        ({"perpetrator": "russia"}, "other"),
        ({"review_status": "confirmed"}, "matching"),
        ({"as_of_after": "2017-01-01"}, "matching"),
        ({"as_of_before": "2016-12-31"}, "other"),
        ({"min_confidence": "0.5"}, "matching"),
    ],
)
def test_each_filter_keeps_only_the_figures_it_names(api, pair, query, kept):
    assert ids(api.get(URL, query)) == [pair[kept].pk]


def test_the_report_filter_keeps_the_figures_of_that_report(api, pair):
    assert ids(api.get(URL, {"report": pair["other"].report_id})) == [pair["other"].pk]


def test_a_repeated_filter_keeps_any_of_its_values(api, pair):
    assert ids(api.get(URL, {"casualty": ["killed", "injured"]})) == sorted(e.pk for e in pair.values())


@pytest.mark.parametrize(
    "query",
    [
        {"casualty": "drowned"},
        {"claimant": "nobody-by-this-name"},
        {"as_of_after": "last tuesday"},
        {"min_confidence": "high"},
        {"report": "999999999999999999999999"},
        {"updated_since": "yesterday"},
    ],
)
def test_an_invalid_filter_value_is_a_400_naming_the_parameter(api, pair, query):
    response = api.get(URL, query)
    assert response.status_code == 400
    assert set(response.json()) == {name.removesuffix("_after") for name in query}


@pytest.mark.parametrize("name", ["claimant", "outlet", "updated_since", "ordering", "include", "page"])
def test_a_nul_byte_in_any_parameter_is_never_a_crash(api, pair, name):
    for url in (URL, reverse("source-list"), reverse("series-list")):
        assert api.get(url, {name: "air\x00wars"}).status_code < 500


@pytest.mark.parametrize("name", ["claimant", "updated_since", "as_of_after", "report"])
def test_a_nul_byte_in_a_filter_is_a_400(api, pair, name):
    assert api.get(URL, {name: "2017\x00"}).status_code == 400


def test_updated_since_returns_what_changed_including_an_editors_correction(api, pair, api_editor):
    with time_machine.travel(datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC), tick=False):
        for estimate in pair.values():
            estimate.save()
    with time_machine.travel(datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC), tick=False):
        estimate_correct(estimate=pair["other"], user=api_editor, value=15)
    assert ids(api.get(URL, {"updated_since": "2024-02-01T00:00:00Z"})) == [pair["other"].pk]
    assert len(ids(api.get(URL, {"updated_since": "2023-12-31T00:00:00Z"}))) == 2


def test_rejected_figures_are_hidden_from_the_public_and_from_editors_who_do_not_ask(editor_api, pair):
    api = APIClient()
    rejected = EstimateFactory(review_status=Estimate.ReviewStatus.REJECTED)
    assert rejected.pk not in ids(api.get(URL))
    assert rejected.pk not in ids(api.get(URL, {"include_rejected": "true"}))
    assert api.get(reverse("estimate-detail", args=[rejected.pk])).status_code == 404
    assert rejected.pk not in ids(editor_api.get(URL))
    assert rejected.pk in ids(editor_api.get(URL, {"include_rejected": "true"}))
    assert ids(editor_api.get(URL, {"include_rejected": "true", "review_status": "rejected"})) == [
        rejected.pk
    ]
    assert editor_api.get(reverse("estimate-detail", args=[rejected.pk])).status_code == 200


def test_a_figure_carries_its_evidence_and_links_to_its_report(api):
    estimate = EstimateFactory(
        value=603,
        quote="at least 603 civilians were killed.",
        start=9,
        end=12,
        machine_reading={"value": 600, "qualifier": "exact"},
    )
    body = api.get(reverse("estimate-detail", args=[estimate.pk])).json()
    assert body["id"] == estimate.pk
    assert body["quote"] == "at least 603 civilians were killed."
    assert (body["start"], body["end"]) == (9, 12)
    assert body["machine_reading"] == {"value": 600, "qualifier": "exact"}
    assert body["display_value"] == "at least 603"
    assert body["source"]["slug"] == estimate.source.slug
    assert body["report"] == estimate.report_id
    assert body["report_url"].endswith(reverse("report-detail", args=[estimate.report_id]))
    assert api.get(body["report_url"]).json()["id"] == estimate.report_id


def test_a_list_is_paginated_with_count_links_and_its_last_update(api):
    first, *_ = EstimateFactory.create_batch(5)
    body = api.get(URL, {"page_size": 2}).json()
    assert body["count"] == 5
    assert body["previous"] is None
    assert "page=2" in body["next"]
    assert [row["id"] for row in body["results"]] == [first.pk, first.pk + 1]
    latest = Estimate.objects.latest("updated_at").updated_at
    assert body["last_updated"] == latest.isoformat().replace("+00:00", "Z")
    last = api.get(URL, {"page_size": 2, "page": 3}).json()
    assert last["next"] is None and len(last["results"]) == 1


def test_ordering_sorts_by_the_named_field_either_way(api):
    small, large = EstimateFactory(value=119), EstimateFactory(value=1302)
    assert [r["id"] for r in api.get(URL, {"ordering": "-value"}).json()["results"]] == [large.pk, small.pk]
    assert [r["id"] for r in api.get(URL, {"ordering": "value"}).json()["results"]] == [small.pk, large.pk]


def test_csv_lists_every_matching_figure_as_flat_rows(api):
    EstimateFactory.create_batch(3, value=603)
    airwars = EstimateFactory(source=SourceFactory(name="Airwars"), value=4354)
    response = api.get(URL, {"format": "csv", "claimant": "airwars", "page_size": 1})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(int(r["id"]), r["source_slug"], int(r["value"])) for r in rows] == [
        (airwars.pk, "airwars", 4354)
    ]
    assert len(list(csv.DictReader(io.StringIO(api.get(URL, {"format": "csv"}).content.decode())))) == 4
    assert rows[0]["report_url"].endswith(reverse("report-detail", args=[airwars.report_id]))
    assert api.get(rows[0]["report_url"]).status_code == 200


def test_csv_defuses_a_quote_a_spreadsheet_would_run_as_a_formula(api):
    EstimateFactory(quote='=HYPERLINK("http://evil.example","603")')
    (row,) = csv.DictReader(io.StringIO(api.get(URL, {"format": "csv"}).content.decode()))
    assert row["quote"] == '\'=HYPERLINK("http://evil.example","603")'


def test_a_poller_gets_304_until_something_changes(api, pair):
    first = api.get(URL, {"claimant": "airwars"})
    assert first["ETag"] and first["Last-Modified"]
    again = api.get(URL, {"claimant": "airwars"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = api.get(URL, {"claimant": "airwars"}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other_page = api.get(URL, {"claimant": "centcom"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert other_page.status_code == 200
    with time_machine.travel(datetime.timedelta(seconds=5)):
        pair["other"].save()
        changed = api.get(URL, {"claimant": "airwars"}, HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200
        stale = api.get(URL, {"claimant": "airwars"}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert stale.status_code == 200


def test_a_figure_gets_304_until_it_changes(api, pair):
    url = reverse("estimate-detail", args=[pair["matching"].pk])
    etag = api.get(url)["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    pair["matching"].save()
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_number_of_queries_does_not_grow_with_the_page(api, django_assert_max_num_queries, fmt):
    EstimateFactory.create_batch(3)
    with django_assert_max_num_queries(6):
        small = api.get(URL, {"format": fmt, "claimant_kind": "independent"})
    EstimateFactory.create_batch(40, report=ReportFactory())
    with django_assert_max_num_queries(6):
        large = api.get(URL, {"format": fmt, "claimant_kind": "independent", "page_size": 100})
    assert small.status_code == large.status_code == 200
    assert len(large.content) > 10 * len(small.content)


@pytest.mark.parametrize(
    "since", ["0620-01-01T05:12:24-20:47", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-23:59"]
)
def test_updated_since_takes_any_iso_time_even_far_offsets(api, pair, since):
    assert api.get(URL, {"updated_since": since}).status_code == 200
