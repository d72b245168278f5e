"""Two people (or an editor and the machine) writing the same figure: never a silent overwrite.

The second save made from stale data is refused, in the admin with a message and in the API
with 412 or 409, and leaves no history row. The races run on PostgreSQL, where writers really
run at once; the threads are lined up so that each race is certain, not a matter of luck.
"""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier, Event

import pytest
from django.contrib.auth.models import Permission
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from ingest import services as ingest_services
from ingest.services import report_create, report_reextract
from tests.factories import UserFactory
from tests.tracker.admin_pages import change_url, form_data
from tests.workers import wait_for
from tracker.models import Estimate, Report
from tracker.services import estimate_confirm

ARTICLE = (
    "The US-led coalition said on Friday that at least 603 civilians had been killed "
    "unintentionally by its strikes in Iraq and Syria since 2014. Airwars, a London-based "
    "monitor, says at least 4,354 civilians have been killed by coalition strikes."
)


def make_editor(name):
    """An editor by permission, whether or not the Editors group exists (transactional tests flush it)."""
    user = UserFactory(username=name, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="tracker",
            codename__in=["view_estimate", "change_estimate", "view_report", "change_report"],
        )
    )
    return user


@pytest.fixture
def figure(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_create(text=ARTICLE)
    return report.estimates.get(value=603)


@pytest.fixture
def editors(db):
    return make_editor("alice"), make_editor("bob")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def api_for(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def detail(estimate):
    return reverse("estimate-detail", args=[estimate.pk])


def edits_by(estimate, user):
    return estimate.history.filter(history_user=user).count()


def run_at_once(*calls):
    def call(function):
        try:
            return function()
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(call, calls))


def someone_waits_for_a_lock():
    """Return True if a session of this test's database waits for a lock (a row another holds)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # the view is cached per transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


# --- Two editors, one after the other -----------------------------------------------------


@pytest.mark.django_db
def test_the_second_editors_stale_save_in_the_admin_is_refused_with_a_message(figure, editors):
    alice, bob = (logged_in(user) for user in editors)
    alices_form = form_data(alice, figure, value="604")
    bobs_form = form_data(bob, figure, value="605")

    assert alice.post(change_url(figure), alices_form).status_code == 302
    refused = bob.post(change_url(figure), bobs_form)

    assert refused.status_code == 200
    assert "Someone else changed this figure since you opened it" in refused.content.decode()
    figure.refresh_from_db()
    assert figure.value == 604
    assert (edits_by(figure, editors[0]), edits_by(figure, editors[1])) == (1, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("precondition", ["if_match", "updated_at"])
def test_the_second_editors_stale_patch_is_refused_with_412_or_409(figure, editors, precondition):
    alice, bob = (api_for(user) for user in editors)
    read = bob.get(detail(figure))
    stale = {"HTTP_IF_MATCH": read["ETag"]} if precondition == "if_match" else {}
    body = (
        {"value": 605}
        if precondition == "if_match"
        else {"value": 605, "updated_at": read.json()["updated_at"]}
    )

    first = {"HTTP_IF_MATCH": alice.get(detail(figure))["ETag"]}
    assert alice.patch(detail(figure), {"value": 604}, format="json", **first).status_code == 200
    refused = bob.patch(detail(figure), body, format="json", **stale)

    assert refused.status_code == (412 if precondition == "if_match" else 409)
    figure.refresh_from_db()
    assert figure.value == 604
    assert edits_by(figure, editors[1]) == 0


# --- Races on PostgreSQL ------------------------------------------------------------------


@pytest.fixture
def both_past_the_checks(monkeypatch):
    """Hold two saves at the service until both passed the view's own staleness check."""

    def line_up(module):
        barrier = Barrier(2, timeout=30)
        original = module.estimate_correct

        def estimate_correct(**kwargs):
            barrier.wait()
            return original(**kwargs)

        monkeypatch.setattr(module, "estimate_correct", estimate_correct)

    return line_up


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_patches_from_the_same_version_at_the_same_instant_one_wins_one_gets_409(
    figure, editors, both_past_the_checks
):
    import tracker.api.views

    etag = api_for(editors[0]).get(detail(figure))["ETag"]
    both_past_the_checks(tracker.api.views)

    def patch(user, value):
        return lambda: api_for(user).patch(
            detail(figure), {"value": value}, format="json", HTTP_IF_MATCH=etag
        )

    responses = run_at_once(patch(editors[0], 604), patch(editors[1], 605))

    assert sorted(r.status_code for r in responses) == [200, 409], [r.content for r in responses]
    sent = {r.status_code: value for r, value in zip(responses, (604, 605), strict=True)}
    figure.refresh_from_db()
    assert figure.value == sent[200]
    assert edits_by(figure, editors[0]) + edits_by(figure, editors[1]) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_admin_saves_from_the_same_form_at_the_same_instant_one_wins_one_is_told(
    figure, editors, both_past_the_checks
):
    import tracker.admin

    clients = [logged_in(user) for user in editors]
    forms = [
        form_data(client, figure, value=str(value)) for client, value in zip(clients, (604, 605), strict=True)
    ]
    both_past_the_checks(tracker.admin)

    def save(n):
        return lambda: clients[n].post(change_url(figure), forms[n])

    responses = run_at_once(save(0), save(1))

    # Pages are read afterwards, one at a time: the test client gathers the templates rendered
    # in every thread while a request runs, so pages rendered during the race are mixed up.
    pages = [client.get(r["Location"]).content.decode() for client, r in zip(clients, responses, strict=True)]
    told = ["changed by someone else meanwhile. Your edits were not saved" in page for page in pages]
    assert sorted(told) == [False, True]
    loser = told.index(True)
    assert responses[loser]["Location"] == change_url(figure)  # back to the figure as it is now
    assert responses[1 - loser]["Location"] == reverse("admin:tracker_estimate_changelist")
    figure.refresh_from_db()
    assert figure.value == (605 if loser == 0 else 604)
    assert edits_by(figure, editors[0]) + edits_by(figure, editors[1]) == 1


# --- An editor and re-extraction ----------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_figure_confirmed_while_re_extraction_runs_stays_confirmed_and_byte_identical(figure, editors):
    report = figure.report
    with ThreadPoolExecutor(1) as pool:
        with transaction.atomic():
            estimate_confirm(estimate=figure, user=editors[0])  # the row stays locked until commit
            confirmed = Estimate.objects.filter(pk=figure.pk).values().get()
            reextraction = pool.submit(lambda: _closing(report_reextract, report=report))
            assert wait_for(someone_waits_for_a_lock, timeout=30), "re-extraction never reached the figure"
        reextraction.result(timeout=30)

    assert Estimate.objects.filter(pk=figure.pk).values().get() == confirmed
    assert report.estimates.filter(start=figure.start).count() == 1
    assert report.estimates.count() == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_correction_of_a_figure_re_extraction_is_removing_gets_409_not_an_error(
    figure, editors, monkeypatch
):
    report = figure.report
    # The sentence of the 603 was reworded: re-extraction reads it anew and removes the old one.
    Report.objects.filter(pk=report.pk).update(text=ARTICLE.replace("on Friday", "on Friday in a statement"))
    report.refresh_from_db()
    response = _correct_while_reextracting(report, figure, editors[0], monkeypatch)

    assert response.status_code == 409, response.content
    assert not Estimate.objects.filter(pk=figure.pk).exists()
    assert edits_by(figure, editors[0]) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_correction_waiting_for_a_re_extraction_that_reads_the_figure_again_applies_to_it(
    figure, editors, monkeypatch
):
    report = figure.report
    response = _correct_while_reextracting(report, figure, editors[0], monkeypatch)

    assert response.status_code == 200, response.content
    figure.refresh_from_db()
    assert (figure.value, figure.review_status) == (604, "corrected")
    assert edits_by(figure, editors[0]) == 1


def _closing(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    finally:
        connection.close()


# --- A figure re-extraction deleted while an editor was on it -------------------------------


def deleting_first(service):
    """Return `service` preceded by the deletion of its figure, as a re-extraction would do."""

    def call(*, estimate, **kwargs):
        Estimate.objects.filter(pk=estimate.pk).delete()
        return service(estimate=estimate, **kwargs)

    return call


@pytest.mark.django_db
def test_an_admin_save_of_a_figure_deleted_meanwhile_says_so_instead_of_crashing(
    figure, editors, monkeypatch
):
    from tracker import admin as tracker_admin

    alice = logged_in(editors[0])
    form = form_data(alice, figure, value="604")
    monkeypatch.setattr(tracker_admin, "estimate_correct", deleting_first(tracker_admin.estimate_correct))

    response = alice.post(change_url(figure), form, follow=True)

    assert response.status_code == 200
    assert "no longer exists" in response.content.decode()
    assert not Estimate.objects.filter(pk=figure.pk).exists()


@pytest.mark.django_db
def test_a_bulk_confirm_skips_a_figure_deleted_meanwhile_and_confirms_the_others(
    figure, editors, monkeypatch
):
    from tracker import admin as tracker_admin

    other = figure.report.estimates.exclude(pk=figure.pk).get()
    real_confirm = tracker_admin.estimate_confirm

    def confirm(*, estimate, **kwargs):
        if estimate.pk == figure.pk:
            return deleting_first(real_confirm)(estimate=estimate, **kwargs)
        return real_confirm(estimate=estimate, **kwargs)

    monkeypatch.setattr(tracker_admin, "estimate_confirm", confirm)
    response = logged_in(editors[0]).post(
        reverse("admin:tracker_estimate_changelist"),
        {"action": "confirm", "_selected_action": [figure.pk, other.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert "no longer exists" in page
    assert "1 figure confirmed." in page
    other.refresh_from_db()
    assert other.review_status == Estimate.ReviewStatus.CONFIRMED


def _correct_while_reextracting(report, figure, editor, monkeypatch):
    """Send an editor's PATCH of `figure` while a re-extraction of `report` holds its transaction open.

    The re-extraction waits inside its transaction (while it writes figures) until the PATCH
    waits for a lock; then both finish, and the PATCH's response is returned.
    """
    writing, release = Event(), Event()
    estimate = ingest_services._estimate

    def held_estimate(*args, **kwargs):
        writing.set()
        assert release.wait(30)
        return estimate(*args, **kwargs)

    monkeypatch.setattr(ingest_services, "_estimate", held_estimate)
    api = api_for(editor)
    body = {"value": 604, "updated_at": figure.updated_at.isoformat()}
    with ThreadPoolExecutor(2) as pool:
        reextraction = pool.submit(lambda: _closing(report_reextract, report=report))
        assert writing.wait(30)
        correction = pool.submit(lambda: _closing(api.patch, detail(figure), body, format="json"))
        assert wait_for(someone_waits_for_a_lock, timeout=30)
        release.set()
        reextraction.result(timeout=30)
        return correction.result(timeout=30)
