"""POST /api/v1/reports/: uploads for editors, by token or session, answering 202."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.factories import UserFactory
from tracker.models import ApiToken, Report

ARTICLE = (
    "Airwars said at least 4,354 civilians were killed by coalition strikes in Iraq and Syria since 2014."
)


@pytest.fixture
def token_client(uploader):
    client = APIClient()
    _, key = ApiToken.objects.issue(user=uploader, name="tests")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_an_editor_posts_a_json_text_and_gets_202_with_the_report_url(
    token_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = token_client.post(
            "/api/v1/reports/",
            {"text": ARTICLE, "outlet": "Wire", "url": "https://example.org/a", "published": "2017-07-05"},
            format="json",
        )
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["status"] == "queued" and body["duplicate"] is False
    assert response["Location"] == body["url"]
    progress = token_client.get(body["url"]).json()
    assert progress["status"] == "done"
    assert progress["estimate_count"] == 1
    report = Report.objects.get()
    assert (report.outlet, report.url, str(report.published_on)) == (
        "Wire",
        "https://example.org/a",
        "2017-07-05",
    )


def test_an_editor_posts_a_file_by_session(client, uploader, django_capture_on_commit_callbacks):
    client.force_login(uploader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/reports/",
            {"file": SimpleUploadedFile("a.txt", ARTICLE.encode("utf-16")), "language": "en"},
        )
    assert response.status_code == 202, response.content
    assert Report.objects.get().language == "en"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # commits run the eager task at once
def test_the_same_text_again_answers_200_with_the_existing_report(token_client):
    first = token_client.post("/api/v1/reports/", {"text": ARTICLE}, format="json")
    again = token_client.post("/api/v1/reports/", {"text": ARTICLE + "\n"}, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and again.json()["duplicate"] is True
    # Other bytes, the same text: read by the (eager) task, then kept as a duplicate of the first.
    kept = Report.objects.exclude(pk=first.json()["id"]).get()
    assert (kept.status, kept.duplicate_of_id) == ("duplicate", first.json()["id"])
    assert token_client.get(f"/api/v1/reports/{kept.pk}/").json()["duplicate_of"] == first.json()["url"]
    same_bytes = token_client.post("/api/v1/reports/", {"text": ARTICLE}, format="json")
    assert (same_bytes.status_code, same_bytes.json()["id"]) == (200, first.json()["id"])  # known at once
    assert Report.objects.count() == 2


def test_an_upload_answers_with_the_sha256_of_the_bytes_stored(token_client):
    data = ARTICLE.encode("utf-16")
    response = token_client.post(
        "/api/v1/reports/", {"file": SimpleUploadedFile("a.txt", data)}, format="multipart"
    )
    assert response.status_code == 202
    assert response.json()["original_sha256"] == hashlib.sha256(data).hexdigest()
    assert response.json()["status"] == "queued"  # its task runs once the request's data is committed


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"text": "   "}, "no text"),
        ({}, "either a file or a text"),
        ({"text": ARTICLE, "published": "yesterday"}, "YYYY-MM-DD or YYYY-MM"),
    ],
)
def test_a_bad_upload_answers_400_with_the_reason(token_client, payload, message):
    response = token_client.post("/api/v1/reports/", payload, format="json")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_a_known_binary_format_answers_400_with_the_reason(token_client):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    response = token_client.post(
        "/api/v1/reports/", {"file": SimpleUploadedFile("a.txt", png)}, format="multipart"
    )
    assert response.status_code == 400
    assert "PNG image" in response.json()["file"][0]
    assert not Report.objects.exists()


def test_a_file_no_encoding_fits_is_kept_and_its_report_fails_with_the_reason(
    token_client, django_capture_on_commit_callbacks
):
    """Reading is the worker's: the upload answers 202, the report says why it could not be read."""
    with django_capture_on_commit_callbacks(execute=True):
        response = token_client.post(
            "/api/v1/reports/",
            {"file": SimpleUploadedFile("a.txt", bytes(range(256)) * 10)},
            format="multipart",
        )
    assert response.status_code == 202
    report = Report.objects.get()
    assert report.status == Report.Status.FAILED
    assert "neither text nor HTML nor PDF" in report.error
    assert token_client.get(response["Location"]).json()["error"] == report.error


def test_only_editors_may_upload(client, db):
    assert APIClient().post("/api/v1/reports/", {"text": ARTICLE}, format="json").status_code in {401, 403}
    reader = APIClient()
    reader.force_authenticate(UserFactory())
    assert reader.post("/api/v1/reports/", {"text": ARTICLE}, format="json").status_code == 403
    assert not Report.objects.exists()
