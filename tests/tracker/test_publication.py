"""Editorial control: a report withdrawn is hidden from the public and kept for editors; a report
deleted takes its figures and its original file with it; uploads may wait for an editor."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.test import Client
from rest_framework.test import APIClient

from ingest.services import report_create
from tests.factories import EditorFactory, EstimateFactory, SourceFactory, UserFactory
from tracker.models import Estimate, EstimateTombstone, Report
from tracker.services import report_delete, report_publish, report_withdraw

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Airwars said at least 4,354 civilians were killed by coalition strikes in Iraq and Syria since 2014."
)


@pytest.fixture
def figure():
    return EstimateFactory(
        value=4354, source=SourceFactory(name="Airwars"), quote="at least 4,354 civilians were killed"
    )


@pytest.fixture
def editor():
    user = EditorFactory()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_report", "change_estimate"]))
    return user


def public_views(figure):
    return {
        "/": "4,354",
        "/figures/": "4,354",
        "/reports/": figure.report.title,
        f"/claimants/{figure.source.slug}/": "4,354",
        "/api/v1/estimates/": f'"id":{figure.pk}',
        "/api/v1/series/": '"value":4354',
        "/api/v1/reports/": figure.report.title,
    }


def shows(client, url, text):
    response = client.get(url)
    assert response.status_code == 200, url
    return text in response.content.decode()


def test_a_withdrawn_report_is_hidden_from_the_public_kept_for_editors_and_in_its_history(figure, editor):
    anonymous = Client()
    assert all(shows(anonymous, url, text) for url, text in public_views(figure).items())

    report_withdraw(report=figure.report, user=editor, note="the outlet retracted it")

    hidden = {url: shows(anonymous, url, text) for url, text in public_views(figure).items()}
    assert not any(hidden.values()), hidden
    assert anonymous.get(figure.report.get_absolute_url()).status_code == 404
    assert APIClient().get(f"/api/v1/reports/{figure.report_id}/").status_code == 404
    assert APIClient().get(f"/api/v1/estimates/{figure.pk}/").status_code == 404
    # Kept: the figure and its report are there for editors, unchanged.
    api = APIClient()
    api.force_authenticate(editor)
    assert api.get(f"/api/v1/estimates/{figure.pk}/").json()["value"] == 4354
    assert api.get(f"/api/v1/reports/{figure.report_id}/").json()["publication"] == "withdrawn"
    assert Estimate.objects.filter(pk=figure.pk).exists()
    record = figure.report.history.latest("history_date")
    assert (record.history_user, record.publication) == (editor, "withdrawn")
    assert record.history_change_reason == f"Withdrawn by {editor.username}: the outlet retracted it"


def test_a_mirror_drops_the_figures_of_a_withdrawn_report_and_gets_them_back_on_republication(figure, editor):
    api = APIClient()
    before = api.get("/api/v1/estimates/").json()["last_updated"]

    report_withdraw(report=figure.report, user=editor)
    feed = api.get("/api/v1/estimates/deleted/", {"since": before}).json()["results"]
    assert [(row["id"], row["reason"]) for row in feed] == [(figure.pk, "withdrawn")]

    report_publish(report=figure.report, user=editor)
    assert api.get("/api/v1/estimates/deleted/", {"since": before}).json()["results"] == []
    back = api.get("/api/v1/estimates/", {"updated_since": before}).json()["results"]
    assert [row["id"] for row in back] == [figure.pk]
    assert shows(Client(), "/", "4,354")


def test_editors_withdraw_and_publish_from_the_report_admin(figure, editor):
    client = Client()
    client.force_login(editor)
    url = "/admin/tracker/report/"

    client.post(url, {"action": "withdraw", "_selected_action": [figure.report_id]})
    assert Report.objects.get().publication == Report.Publication.WITHDRAWN
    client.post(url, {"action": "publish", "_selected_action": [figure.report_id]})
    assert Report.objects.get().publication == Report.Publication.PUBLISHED
    page = client.get(f"{url}{figure.report_id}/change/").content.decode()
    assert f"Withdrawn by {editor.username}" in page and f"Published by {editor.username}" in page


@pytest.mark.parametrize("how", ["service", "admin-delete-view", "admin-bulk-action"])
def test_deleting_a_report_removes_its_figures_and_its_original_file(
    figure, how, django_capture_on_commit_callbacks
):
    report = figure.report
    report.original_file.save("article.txt", ContentFile(ARTICLE.encode()))
    storage, name = report.original_file.storage, report.original_file.name
    assert storage.exists(name)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)

    with django_capture_on_commit_callbacks(execute=True):
        if how == "service":
            report_delete(report=report, user=superuser)
        elif how == "admin-delete-view":
            response = client.post(f"/admin/tracker/report/{report.pk}/delete/", {"post": "yes"})
            assert response.status_code == 302
        else:
            client.post(
                "/admin/tracker/report/",
                {"action": "delete_selected", "_selected_action": [report.pk], "post": "yes"},
            )

    assert not Report.objects.exists() and not Estimate.objects.exists()
    assert not storage.exists(name)
    assert EstimateTombstone.objects.filter(estimate_id=figure.pk).exists()
    assert report.history.filter(history_type="-").get().history_user == superuser


def test_a_deletion_rolled_back_keeps_the_original_file(figure, monkeypatch):
    from django.db import transaction

    report = figure.report
    report.original_file.save("article.txt", ContentFile(ARTICLE.encode()))
    storage, name = report.original_file.storage, report.original_file.name
    with pytest.raises(RuntimeError), transaction.atomic():
        report_delete(report=report, user=None)
        raise RuntimeError("a later step of the same transaction failed")
    assert Report.objects.filter(pk=report.pk).exists() and storage.exists(name)


def test_with_publication_by_editors_an_upload_waits_unpublished(
    settings, editor, django_capture_on_commit_callbacks
):
    settings.INGEST_PUBLISH_UPLOADS = False
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_create(text=ARTICLE, language="en", published="2017-03-01")

    assert report.publication == Report.Publication.UNPUBLISHED
    assert Estimate.objects.filter(report=report, value=4354).exists()
    assert not Estimate.objects.public().exists()
    assert Client().get(report.get_absolute_url()).status_code == 404

    report_publish(report=report, user=editor)
    assert Estimate.objects.public().filter(value=4354).exists()
    assert shows(Client(), "/figures/", "4,354")


def test_by_default_an_upload_is_published_at_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_create(text=ARTICLE, language="en")
    assert report.publication == Report.Publication.PUBLISHED
