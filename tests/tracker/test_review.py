"""Reviewing at the speed of reading: contradictions first, history in words, a report at once.

The browser side (keys, layout at 1366 and 390 px, the measured cost) is in
test_admin_browser.py; here the pages and services behind it.
"""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from ingest.extraction import EXTRACTOR_VERSION
from ingest.services import report_create, report_reextract
from tests.factories import EstimateFactory, ReportFactory, SourceFactory, UserFactory
from tests.tracker.admin_pages import change_url, form_data
from tracker.history import history_in_words
from tracker.models import DatePrecision, Estimate, Report, Source
from tracker.series import BELOW, SAME_MONTH, contradictions
from tracker.services import (
    estimate_confirm,
    estimate_correct,
    estimate_reject,
    estimate_reopen,
    report_confirm,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:tracker_estimate_changelist") + "?queue=1"


@pytest.fixture(autouse=True)
def in_english():
    """Words said outside a request are in English (a French request earlier leaves French on)."""
    with translation.override("en"):
        yield


@pytest.fixture
def airwars():
    return SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)


def figure(source, value, as_of, confidence, **fields):
    return EstimateFactory(source=source, value=value, as_of=as_of, confidence=confidence, **fields)


def words(estimate):
    records = estimate.history.select_related("history_user").order_by("-history_date", "-history_id")
    return [sentence for _record, sentence in history_in_words(records)]


# --- Contradictions first ---------------------------------------------------------------------


@pytest.fixture
def statements(airwars):
    """Airwars' running total, with a total below an earlier one and two values for one month."""
    return {
        "confident": figure(airwars, 1787, datetime.date(2016, 12, 31), 0.20),
        "weak": figure(airwars, 3164, datetime.date(2017, 6, 30), 0.10),
        "below": figure(airwars, 2900, datetime.date(2017, 9, 30), 0.95),  # under 3,164
        "month_a": figure(airwars, 4354, datetime.date(2017, 12, 5), 0.90),
        "month_b": figure(airwars, 4801, datetime.date(2017, 12, 28), 0.80),  # same month, other value
        "ranged": figure(  # a range holding 4,354 and 4,801 contradicts neither
            airwars, 4300, datetime.date(2017, 12, 1), 0.85, qualifier="range", value_max=4900
        ),
        "yearly": figure(  # a year-precise date says nothing of the month
            airwars, 6000, datetime.date(2018, 1, 1), 0.70, as_of_precision=DatePrecision.YEAR
        ),
        "january": figure(airwars, 6100, datetime.date(2018, 1, 20), 0.75),
    }


def test_a_total_below_the_earlier_one_and_two_values_for_one_month_are_contradictions(statements):
    found = contradictions()

    assert found[statements["below"].pk] == (BELOW, 3164)
    assert found[statements["month_a"].pk] == (SAME_MONTH, 4801)
    assert found[statements["month_b"].pk] == (SAME_MONTH, 4354)
    assert statements["ranged"].pk not in found
    assert statements["yearly"].pk not in found
    assert statements["confident"].pk not in found and statements["weak"].pk not in found


def test_another_claimant_or_another_group_is_no_contradiction(airwars):
    sohr = SourceFactory(name="SOHR", kind=Source.Kind.INDEPENDENT)
    first = figure(airwars, 4354, datetime.date(2017, 12, 5), 0.5)
    others = [
        figure(sohr, 9000, datetime.date(2017, 12, 5), 0.5),
        figure(airwars, 600, datetime.date(2017, 12, 5), 0.5, victims=Estimate.Victims.CHILDREN),
    ]

    found = contradictions()

    assert first.pk not in found and not any(other.pk in found for other in others)


def test_the_queue_puts_contradictions_first_then_the_weakest_with_the_reason(editor_client, statements):
    response = editor_client.get(QUEUE)

    listed = [e.pk for e in response.context["cl"].result_list]
    contradicting = [statements[name].pk for name in ("below", "month_b", "month_a")]  # by confidence
    assert listed[:3] == sorted(contradicting, key=lambda pk: Estimate.objects.get(pk=pk).confidence)
    assert listed[3:] == [statements[n].pk for n in ("weak", "confident", "yearly", "january", "ranged")]
    content = response.content.decode()
    assert "Below the claimant&#x27;s earlier total of 3,164" in content
    assert "The claimant states 4,801 for the same month" in content


def test_the_review_link_opens_the_first_contradiction(editor_client, statements):
    response = editor_client.get(reverse("admin:tracker_estimate_review"))

    assert response["Location"] == change_url(statements["month_b"])


def test_a_confirmed_figure_still_shows_what_its_unreviewed_neighbour_contradicts(editor, statements):
    estimate_confirm(estimate=statements["weak"], user=editor)

    assert contradictions()[statements["below"].pk] == (BELOW, 3164)


def test_the_review_page_says_why_the_figure_contradicts_and_shows_its_neighbours(editor_client, statements):
    content = editor_client.get(change_url(statements["below"])).content.decode()

    assert "Below the claimant&#x27;s earlier total of 3,164" in content
    assert "Airwars's other figures near that date" in content
    assert "3,164" in content and "4,354" in content  # within six months
    assert "1,787" not in content  # nine months before


def test_the_review_page_lists_other_reports_stating_the_same_value(editor_client, airwars):
    shown = figure(airwars, 4354, datetime.date(2017, 12, 5), 0.5)
    elsewhere = figure(
        SourceFactory(name="Reuters"), 4354, None, 0.5, report=ReportFactory(title="Wire copy")
    )

    content = editor_client.get(change_url(shown)).content.decode()

    assert change_url(elsewhere) in content and "Wire copy" in content


# --- Next is the next of the editor's list ------------------------------------------------------


def test_confirm_and_next_from_the_first_row_opens_the_second_row(editor_client, airwars):
    rows = [figure(airwars, 100 + n, None, 0.9 - n / 10) for n in range(4)]  # weakest last
    kept = "?_changelist_filters=o%3D-4"  # the editor sorted the list by confidence, strongest first

    response = editor_client.post(
        change_url(rows[0]) + kept, {**form_data(editor_client, rows[0]), "_save_and_next": "1"}
    )

    assert response["Location"] == change_url(rows[1]) + kept
    assert editor_client.get(response["Location"]).context["review"]["next_url"] == change_url(rows[2]) + kept


def test_the_page_links_the_next_and_previous_figures_of_the_queue(editor_client, airwars):
    weakest, middle, strongest = (figure(airwars, 100 + n, None, c) for n, c in enumerate([0.1, 0.5, 0.9]))

    review = editor_client.get(change_url(middle)).context["review"]

    assert review["next_url"] == change_url(strongest)
    assert review["previous_url"] == change_url(weakest)
    assert (review["position"], review["listed"]) == (2, 3)


# --- History in words ------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2026, 12, 4, 17, 34, 55, 112512, tzinfo=datetime.UTC), tick=False)
def test_a_confirmation_reads_as_who_and_when_to_the_minute(airwars):
    editor = UserFactory(username="editor")
    estimate = figure(airwars, 1787, None, 0.5)

    estimate_confirm(estimate=estimate, user=editor)

    assert words(estimate)[0] == "Confirmed by editor on 4 Dec 2026 17:34"


def test_a_correction_reads_as_the_values_the_editor_and_the_note(airwars):
    editor = UserFactory(username="editor")
    estimate = figure(airwars, 1787, None, 0.5, qualifier=Estimate.Qualifier.APPROX)

    estimate_correct(
        estimate=estimate,
        user=editor,
        review_status=Estimate.ReviewStatus.CONFIRMED,
        value=1788,
        qualifier=Estimate.Qualifier.AT_LEAST,
        editor_note="Airwars site",
    )

    latest = words(estimate)[0]
    assert latest.startswith("Value 1,787 → 1,788; Qualifier about → at least by editor on ")
    assert latest.endswith(": note Airwars site")


def test_rejecting_and_reopening_read_as_such_with_no_field_names(airwars):
    editor = UserFactory(username="editor")
    estimate = figure(airwars, 1787, None, 0.5)

    estimate_reject(estimate=estimate, user=editor)
    rejected = words(estimate)
    estimate_reopen(estimate=estimate, user=editor)

    assert rejected[0].startswith("Rejected by editor on ")
    assert words(estimate)[0].startswith("Sent back to review by editor on ")
    text = " ".join(words(estimate))
    assert "reviewed_by" not in text and "Deleted user" not in text and "None" not in text


def test_a_figure_read_again_says_the_engine(django_capture_on_commit_callbacks):
    article = "Airwars, a London-based monitor, says at least 4,354 civilians have been killed by strikes."
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_create(text=article)
    estimate = report.estimates.get()
    Report.objects.filter(pk=report.pk).update(text="Updated on Monday. " + article)
    report.refresh_from_db()

    report_reextract(report=report)

    history = words(estimate)
    assert history[0].startswith(f"Re-read by the machine (engine {EXTRACTOR_VERSION}) on ")
    assert history[-1].startswith(f"Read by the machine (engine {EXTRACTOR_VERSION}) on ")


def test_the_history_page_says_what_each_version_did_in_words(editor_client, editor, airwars):
    estimate = figure(airwars, 1787, None, 0.5)
    estimate_correct(estimate=estimate, user=editor, value=1788, editor_note="Airwars site")

    content = editor_client.get(
        reverse("admin:tracker_estimate_history", args=[estimate.pk])
    ).content.decode()

    assert f"Value 1,787 → 1,788 by {editor.username} on " in content
    assert "value_max" not in content and "Deleted user" not in content


def test_the_history_speaks_french(editor_client, editor, airwars):
    estimate = figure(airwars, 1787, None, 0.5)
    estimate_confirm(estimate=estimate, user=editor)

    content = editor_client.get(change_url(estimate), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert f"Confirmé par {editor.username} le " in content


# --- A report's figures at once ------------------------------------------------------------------


@pytest.fixture
def report_of_three(airwars):
    report = ReportFactory(title="Three figures", text="Airwars: 100, 200 and 300 civilians killed.")
    figures = [
        EstimateFactory(report=report, source=airwars, value=v, start=s, end=s + 3, as_of=None)
        for v, s in ((100, 9), (200, 14), (300, 22))
    ]
    return report, figures


def test_confirming_a_report_confirms_the_figures_seen_each_with_its_history_row_and_the_editor(
    report_of_three,
):
    report, (first, second, third) = report_of_three
    editor, other = UserFactory(username="editor"), UserFactory(username="other")
    estimate_reject(estimate=second, user=other)  # reviewed meanwhile: keeps its verdict

    confirmed = report_confirm(report=report, user=editor, ids=[first.pk, second.pk])

    assert [e.pk for e in confirmed] == [first.pk]
    first.refresh_from_db(), second.refresh_from_db(), third.refresh_from_db()
    assert (first.review_status, first.reviewed_by) == ("confirmed", editor)
    assert (second.review_status, second.reviewed_by) == ("rejected", other)
    assert third.review_status == "extracted"  # not shown to the editor: not confirmed
    record = first.history.latest()
    assert (record.history_user, record.review_status) == (editor, "confirmed")
    assert record.history_change_reason == "Confirmed by editor"
    assert second.history.count() == 2 and third.history.count() == 1


def test_the_report_page_highlights_every_figure_and_confirms_them_all(
    editor_client, editor, report_of_three
):
    report, figures = report_of_three
    url = reverse("admin:tracker_estimate_review_report", args=[report.pk])

    page = editor_client.get(url)
    content = page.content.decode()
    response = editor_client.post(url, {"figure": [f.pk for f in figures], "_confirm_all": "1"}, follow=True)

    assert content.count('<mark class="figure') == 3
    assert "Confirm all 3 unreviewed figures" in content and 'data-key="A"' in content
    assert content.count("data-review-row") == 3
    assert "3 figures confirmed." in response.content.decode()
    for estimate in figures:
        estimate.refresh_from_db()
        assert (estimate.review_status, estimate.reviewed_by) == ("confirmed", editor)
        assert estimate.history.latest().history_user == editor


def test_the_report_page_confirms_or_rejects_one_figure_and_selects_the_next(editor_client, report_of_three):
    report, (first, second, third) = report_of_three
    url = reverse("admin:tracker_estimate_review_report", args=[report.pk])

    response = editor_client.post(url, {"_reject": first.pk})
    editor_client.post(url, {"_confirm": second.pk})

    assert response["Location"] == f"{url}?at={second.pk}"
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.review_status, second.review_status) == ("rejected", "confirmed")
    assert editor_client.get(f"{url}?at={third.pk}").context["selected"] == third.pk


def test_the_report_page_is_for_editors_only(client, report_of_three):
    report, _ = report_of_three
    staff = UserFactory(is_staff=True)
    client.force_login(staff)

    url = reverse("admin:tracker_estimate_review_report", args=[report.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"_confirm_all": "1"}).status_code == 403


# --- The admin as the product -------------------------------------------------------------------


def test_the_admin_is_branded_with_the_public_sites_words(editor_client):
    content = editor_client.get(reverse("admin:index")).content.decode()

    assert "Django administration" not in content and "Casualty Tracker" in content
    for word in ("Figures", "Claimants", "Reports", "Upload", "Review queue"):
        assert word in content, word
    assert reverse("ingest:upload") in content


def test_the_admin_speaks_french_with_the_public_sites_words(editor_client):
    content = editor_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    for word in ("Chiffres", "Sources", "Articles", "Déposer", "File de relecture"):
        assert word in content, word


def test_a_history_page_split_in_pages_still_says_what_its_last_row_changed(airwars):
    editor = UserFactory(username="editor")
    estimate = figure(airwars, 1787, None, 0.5)
    estimate_correct(estimate=estimate, user=editor, value=1788)
    estimate_confirm(estimate=estimate, user=editor)
    newest_first = list(estimate.history.order_by("-history_date", "-history_id"))

    page_two = history_in_words(newest_first[1:2])

    assert page_two[0][1].startswith("Value 1,787 → 1,788 by editor on ")
    assert history_in_words([]) == []
