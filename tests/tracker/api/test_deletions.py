"""The deletions feed: with `updated_since`, a consumer can mirror the public figures exactly.

Articles go through the real pipeline (eager tasks) and are read again by the real engine;
only the clock is moved, so that each step happens at its own time.
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from ingest.services import report_create, report_reextract
from tests.factories import EstimateFactory, UserFactory
from tracker.models import Estimate, EstimateTombstone, Report
from tracker.services import estimate_reject, estimate_reopen

pytestmark = pytest.mark.django_db

ARTICLE = (
    "The US-led coalition said on Friday that at least 603 civilians had been killed "
    "unintentionally by its strikes in Iraq and Syria since 2014. Airwars, a London-based "
    "monitor, says at least 4,354 civilians have been killed by coalition strikes."
)
OTHER = "Airwars said on Monday that 107 civilians were killed by coalition strikes in Mosul in May."
# After the rows the migrations create (the unattributed claimant), so that each step is the latest.
T0 = datetime.datetime(2031, 11, 2, 9, 0, tzinfo=datetime.UTC)


def at(minutes):
    return time_machine.travel(T0 + datetime.timedelta(minutes=minutes), tick=False)


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    def upload(text):
        with django_capture_on_commit_callbacks(execute=True):
            report, _ = report_create(text=text)
        report.refresh_from_db()
        return report

    return upload


def every_page(api, url, params):
    """Return every row of a paginated list and the `last_updated` of its first page."""
    body = api.get(url, params).json()
    stamp, rows = body["last_updated"], body["results"]
    while body["next"]:
        body = api.get(body["next"]).json()
        rows += body["results"]
    return rows, stamp


def sync(api, mirror, since):
    """Bring `mirror` up to date as a consumer would; return the `since` of the next sync."""
    changed, stamp = every_page(
        api, reverse("estimate-list"), {"page_size": 2, **({"updated_since": since} if since else {})}
    )
    for row in changed:
        mirror[row["id"]] = row
    gone, _ = every_page(
        api, reverse("estimate-deleted"), {"page_size": 2, **({"since": since} if since else {})}
    )
    for row in gone:
        mirror.pop(row["id"], None)
    return stamp


def server_rows(api):
    rows, _ = every_page(api, reverse("estimate-list"), {"page_size": 500})
    return {row["id"]: row for row in rows}


def test_a_mirror_built_from_updated_since_and_the_deletions_holds_exactly_the_servers_rows(
    api, upload, editor
):
    with at(0):
        report = upload(ARTICLE)
        upload(OTHER)
    official, other = Estimate.objects.get(value=603), Estimate.objects.get(value=107)
    mirror = {}
    with at(1):
        since = sync(api, mirror, None)
    assert mirror == server_rows(api)

    with at(2):  # the article is corrected and read again: 603 reworded, Airwars' sentence moved
        Report.objects.filter(pk=report.pk).update(
            text="Updated. " + ARTICLE.replace("on Friday", "on Friday in a statement")
        )
        report.refresh_from_db()
        report_reextract(report=report)
    with at(3):  # an editor rejects a figure of the other article
        estimate_reject(estimate=other, user=editor, note="a monthly toll")
    before = set(mirror)
    with at(4):
        sync(api, mirror, since)

    assert mirror == server_rows(api)
    assert before - set(mirror) == {official.pk, other.pk}  # reworded, and rejected
    assert len(mirror) == 2
    assert EstimateTombstone.objects.count() == 1


def test_the_feed_lists_removed_and_rejected_figures_oldest_first(api, upload, editor):
    with at(0):
        report = upload(ARTICLE)
        official = report.estimates.get(value=603)
        airwars = report.estimates.get(value=4354)
    with at(5):
        Report.objects.filter(pk=report.pk).update(text=ARTICLE.split(" Airwars")[0])
        report.refresh_from_db()
        report_reextract(report=report)
    with at(10):
        estimate_reject(estimate=official, user=editor)

    body = api.get(reverse("estimate-deleted")).json()

    assert body["count"] == 2
    assert [(r["id"], r["reason"]) for r in body["results"]] == [
        (airwars.pk, "removed"),
        (official.pk, "rejected"),
    ]
    assert body["results"][0]["removed_at"] == "2031-11-02T09:05:00Z"
    since = api.get(reverse("estimate-deleted"), {"since": "2031-11-02T09:06:00Z"}).json()
    assert [r["id"] for r in since["results"]] == [official.pk]


def test_a_reopened_figure_leaves_the_feed_and_comes_back_in_updated_since(api, editor):
    estimate = EstimateFactory()
    with at(0):
        estimate_reject(estimate=estimate, user=editor)
    with at(1):
        estimate_reopen(estimate=estimate, user=editor)

    feed = api.get(reverse("estimate-deleted"), {"since": "2031-11-02T09:00:00Z"}).json()
    changed = api.get(reverse("estimate-list"), {"updated_since": "2031-11-02T09:00:00Z"}).json()

    assert feed["results"] == []
    assert [r["id"] for r in changed["results"]] == [estimate.pk]


def test_a_report_deleted_in_the_admin_leaves_a_tombstone_for_each_of_its_figures(api, upload):
    report = upload(ARTICLE)
    figures = set(report.estimates.values_list("pk", flat=True))
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)

    client.post(
        reverse("admin:tracker_report_changelist"),
        {"action": "delete_selected", "_selected_action": [report.pk], "post": "yes"},
    )

    body = api.get(reverse("estimate-deleted")).json()
    assert {r["id"] for r in body["results"]} == figures


def test_the_feed_is_paginated_and_public(api):
    EstimateTombstone.objects.bulk_create(EstimateTombstone(estimate_id=n) for n in range(1, 8))

    body = api.get(reverse("estimate-deleted"), {"page_size": 5}).json()

    assert (body["count"], len(body["results"])) == (7, 5)
    assert body["next"] and "last_updated" in body


def test_a_bad_since_is_a_400_that_names_it(api):
    response = api.get(reverse("estimate-deleted"), {"since": "yesterday"})

    assert response.status_code == 400
    assert "since" in response.json()


def test_the_feed_answers_304_until_something_changes(api, editor):
    estimate = EstimateFactory()
    first = api.get(reverse("estimate-deleted"))

    assert api.get(reverse("estimate-deleted"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    estimate_reject(estimate=estimate, user=editor)
    assert api.get(reverse("estimate-deleted"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.fixture
def editor(db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_estimate"))
    return user
