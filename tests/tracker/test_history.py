"""Every write to a figure leaves a history row that says who made it.

One test per write path: the admin's change form and its buttons, each admin action, the API's
PATCH, the commands and the bulk operations. What the machine writes from a command (an
upload, a re-extraction) has no user: the admin shows it as "machine".
"""

from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from ingest.services import report_create
from tests.factories import SourceFactory, UserFactory
from tests.tracker.admin_pages import change_url, form_data
from tracker.models import Estimate, Report, Source
from tracker.services import estimate_confirm, estimate_correct

pytestmark = pytest.mark.django_db

ARTICLE = (
    "The US-led coalition said on Friday that at least 603 civilians had been killed "
    "unintentionally by its strikes in Iraq and Syria since 2014. Airwars, a London-based "
    "monitor, says at least 4,354 civilians have been killed by coalition strikes."
)


@pytest.fixture
def report(django_capture_on_commit_callbacks):
    """An article through the real pipeline (tasks run eagerly): two machine figures."""
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_create(text=ARTICLE)
    report.refresh_from_db()
    assert report.estimates.count() == 2
    return report


@pytest.fixture
def official(report):
    return report.estimates.get(value=603)


@pytest.fixture
def independent(report):
    return report.estimates.get(value=4354)


def latest(estimate):
    return estimate.history.order_by("-history_date", "-history_id").first()


def history_of(report_id):
    """Every history row of the report's figures, including those of figures deleted since."""
    return Estimate.history.filter(report_id=report_id)


def row(estimate):
    """Every column of the figure as stored."""
    return Estimate.objects.filter(pk=estimate.pk).values().get()


# --- The admin's change form --------------------------------------------------------------


@pytest.mark.parametrize(
    ("button", "status"),
    [("_save", "corrected"), ("_continue", "corrected"), ("_save_and_next", "corrected"),
     ("_reject_and_next", "rejected")],
)  # fmt: skip
def test_each_button_of_the_change_form_records_the_editor(editor_client, editor, official, button, status):
    before = official.history.count()

    editor_client.post(change_url(official), {**form_data(editor_client, official, value="604"), button: "1"})

    official.refresh_from_db()
    assert official.review_status == status
    assert official.history.count() == before + 1
    assert (latest(official).history_user, latest(official).review_status) == (editor, status)


# --- Admin actions ------------------------------------------------------------------------


@pytest.mark.parametrize(("action", "status"), [("confirm", "confirmed"), ("reject", "rejected"),
                                                ("reopen", "extracted")])  # fmt: skip
def test_each_figure_action_records_the_editor_on_every_figure(
    editor_client, editor, official, independent, action, status
):
    if action == "reopen":
        for estimate in (official, independent):
            estimate_confirm(estimate=estimate, user=UserFactory())

    editor_client.post(
        reverse("admin:tracker_estimate_changelist"),
        {"action": action, "_selected_action": [official.pk, independent.pk]},
    )

    for estimate in (official, independent):
        record = latest(estimate)
        assert (record.history_user, record.review_status) == (editor, status)


def test_merging_claimants_records_the_editor_on_every_figure_moved(editor_client, editor, report):
    into = SourceFactory(name="Airwars monitor", kind=Source.Kind.INDEPENDENT)
    duplicates = sorted({e.source for e in report.estimates.all()}, key=lambda s: s.pk)

    editor_client.post(
        reverse("admin:tracker_source_changelist"),
        {"action": "merge", "_selected_action": [s.pk for s in duplicates], "apply": "yes", "into": into.pk},
    )

    for estimate in report.estimates.all():
        assert estimate.source == into
        assert latest(estimate).history_user == editor
        assert "merged into Airwars monitor" in latest(estimate).history_change_reason


def test_re_extracting_from_the_admin_records_the_editor_on_what_it_changed(
    editor_client, editor, report, official, independent
):
    # The article was corrected: a line before it, and Airwars' figure is now 4,400.
    Report.objects.filter(pk=report.pk).update(text="Updated on Monday. " + ARTICLE.replace("4,354", "4,400"))

    editor_client.post(
        reverse("admin:tracker_report_changelist"), {"action": "reextract", "_selected_action": [report.pk]}
    )

    rows = history_of(report.pk).filter(history_user=editor)
    assert list(rows.filter(history_type="-").values_list("id", flat=True)) == [independent.pk]
    assert list(rows.filter(history_type="~").values_list("id", flat=True)) == [official.pk]
    assert rows.filter(history_type="+").get().value == 4400
    assert "Re-read by the machine" in rows.get(history_type="~").history_change_reason


def test_deleting_reports_in_bulk_records_who_deleted_their_figures(client, report):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    figures = set(report.estimates.values_list("pk", flat=True))

    client.post(
        reverse("admin:tracker_report_changelist"),
        {"action": "delete_selected", "_selected_action": [report.pk], "post": "yes"},
    )

    assert not Report.objects.filter(pk=report.pk).exists()
    deleted = history_of(report.pk).filter(history_type="-")
    assert set(deleted.values_list("id", flat=True)) == figures
    assert set(deleted.values_list("history_user", flat=True)) == {superuser.pk}


# --- API ----------------------------------------------------------------------------------


@pytest.mark.parametrize("precondition", ["if_match", "updated_at"])
def test_an_api_correction_records_the_editor(official, precondition):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(*_permissions("change_estimate"))
    api = APIClient()
    api.force_authenticate(editor)
    url = reverse("estimate-detail", args=[official.pk])
    read = api.get(url)
    body, headers = {"value": 604}, {}
    if precondition == "if_match":
        headers["HTTP_IF_MATCH"] = read["ETag"]
    elif precondition == "updated_at":
        body["updated_at"] = read.json()["updated_at"]

    response = api.patch(url, body, format="json", **headers)

    assert response.status_code == 200, response.content
    assert (latest(official).history_user, latest(official).value) == (editor, 604)


# --- Commands and services ----------------------------------------------------------------


def test_the_ingest_command_records_each_figure_it_creates_as_the_machines(
    tmp_path, django_capture_on_commit_callbacks
):
    (tmp_path / "a.txt").write_text(ARTICLE)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(tmp_path / "a.txt"), stdout=StringIO(), stderr=StringIO())

    report = Report.objects.get()
    created = history_of(report.pk).filter(history_type="+")
    assert created.count() == report.estimates.count() == 2
    assert set(created.values_list("history_user", flat=True)) == {None}


def test_the_reextract_command_records_what_it_replaced_and_leaves_reviewed_figures_alone(
    editor, report, official, independent
):
    estimate_correct(estimate=official, user=editor, value=604, editor_note="the release says 604")
    reviewed, reviewed_history = row(official), official.history.count()
    Report.objects.filter(pk=report.pk).update(text=ARTICLE.split(" Airwars")[0])  # Airwars cut

    call_command("reextract", "--all", stdout=StringIO(), stderr=StringIO())

    assert row(official) == reviewed  # byte-identical
    assert official.history.count() == reviewed_history
    assert not Estimate.objects.filter(pk=independent.pk).exists()
    replaced = history_of(report.pk).filter(id=independent.pk, history_type="-").get()
    assert replaced.history_user is None
    assert replaced.history_change_reason.startswith("No longer read by the machine")
    assert list(report.estimates.all()) == [official]


def test_a_correction_through_the_service_records_the_user_it_is_given(official):
    user = UserFactory()

    estimate_correct(estimate=official, user=user, value=604)

    assert latest(official).history_user == user


def _permissions(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename__in=codenames, content_type__app_label="tracker")


def test_every_figure_action_of_the_admin_is_covered_here():
    """A new action must come with its own history test above."""
    actions = {name for name in admin.site._registry[Estimate].actions}
    assert actions == {"confirm", "reject", "reopen"}
