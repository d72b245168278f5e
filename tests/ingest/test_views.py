"""The editors' upload page and the status endpoint it polls."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory
from tests.ingest.documents import pdf_with_text
from tracker.models import Report

ARTICLE = "The US-led coalition said at least 603 civilians were killed by its strikes in Iraq and Syria."


@pytest.fixture
def editor_client(client, uploader):
    client.force_login(uploader)
    return client


def test_the_upload_page_needs_a_login(client, db):
    response = client.get("/ingest/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_upload_page_is_for_editors_only(client, db):
    client.force_login(UserFactory())
    assert client.get("/ingest/").status_code == 403
    assert client.get("/ingest/status/?reports=1").status_code == 403


def test_an_editor_uploads_several_files_and_sees_each_status_and_figure(
    editor_client, django_capture_on_commit_callbacks
):
    files = [
        SimpleUploadedFile("one.txt", ARTICLE.encode("cp1252")),
        SimpleUploadedFile("two.pdf", pdf_with_text("Airwars said at least 4,354 civilians were killed.")),
        SimpleUploadedFile("three.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/ingest/", {"files": files, "outlet": "Wire", "published": "2017-07", "language": "en"}
        )
    assert response.status_code == 302
    response = editor_client.get(response["Location"])
    assert Report.objects.count() == 2
    assert set(Report.objects.values_list("outlet", flat=True)) == {"Wire"}
    page = response.content.decode()
    assert "three.txt: The file is a PNG image" in page
    assert "at least 603" in page and "at least 4,354" in page
    ids = ",".join(str(pk) for pk in Report.objects.values_list("pk", flat=True))
    body = editor_client.get(f"/ingest/status/?reports={ids}").json()
    assert {r["status"] for r in body["reports"]} == {"done"}
    assert {e["value"] for r in body["reports"] for e in r["estimates"]} == {"at least 603", "at least 4,354"}


def test_an_upload_over_the_size_limit_is_refused_with_the_reason(editor_client, settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 100
    response = editor_client.post(
        "/ingest/", {"files": [SimpleUploadedFile("big.txt", b"a" * 500)]}, follow=True
    )
    assert "big.txt: The file is 500 bytes, over the limit of 100 bytes." in response.content.decode()
    assert not Report.objects.exists()


def test_an_uploaded_title_is_escaped_on_the_page(editor_client, django_capture_on_commit_callbacks):
    html = (
        b"<html><head><title><script>alert(1)</script>x</title></head><body><p>"
        + ARTICLE.encode()
        + b"</p></body></html>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post("/ingest/", {"files": [SimpleUploadedFile("a.html", html)]})
    page = editor_client.get(response["Location"]).content.decode()
    assert Report.objects.get().title == "<script>alert(1)</script>x"
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;x" in page


def test_a_bad_date_is_refused_by_the_form(editor_client):
    response = editor_client.post(
        "/ingest/", {"files": [SimpleUploadedFile("a.txt", ARTICLE.encode())], "published": "July 2017"}
    )
    assert response.status_code == 200
    assert "YYYY-MM-DD or YYYY-MM" in response.content.decode()
    assert not Report.objects.exists()
