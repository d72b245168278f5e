"""Articles by URL through the web page, the API and the command line, against a local site.

The site (tests/ingest/site.py) is a real HTTP server on 127.0.0.1; the tests allow that one
address (INGEST_ALLOWED_NETWORKS) unless they check that loopback is refused by default.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from ingest.services import report_create_from_url, report_refetch
from tests.ingest import site as pages
from tracker.models import Estimate, Report


@pytest.fixture
def fetched(db, django_capture_on_commit_callbacks):
    """Return a function that asks for a URL and runs the fetch and analysis its commit queues."""

    def fetched(url, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            report, created = report_create_from_url(url=url, **kwargs)
        report.refresh_from_db()
        return report, created

    return fetched


def nothing_written(settings):
    """Tell whether no report, figure or stored file exists."""
    media = settings.MEDIA_ROOT / "reports"
    return not Report.objects.exists() and not Estimate.objects.exists() and not media.exists()


def assert_failed_cleanly(report, settings, words):
    """A failed fetch: the reason given, no text, no figures, no file; the URL kept for a retry."""
    assert report.status == Report.Status.FAILED
    assert words in report.error
    assert report.text == "" and not report.original_file and not report.estimates.exists()
    assert report.requested_url
    assert not (settings.MEDIA_ROOT / "reports").exists()


def test_an_html_page_is_fetched_read_and_analysed(site, site_allowed, fetched):
    report, created = fetched(site.url("/a.html?utm_source=newsletter"))
    assert created
    assert report.status == Report.Status.DONE, report.error
    assert report.requested_url == report.final_url == report.url == site.url("/a.html")
    assert report.http_status == 200 and report.fetched_at is not None
    assert report.title == "Monitors raise their count of civilians killed in Raqqa strikes"
    assert report.outlet == "The Riverside Ledger"
    assert str(report.published_on) == "2018-04-12"
    assert report.language == "en" and report.content_type == "text/html"
    assert "at least 1,400 civilians" in report.text
    assert report.original_file.read() == pages.ARTICLE_HTML.encode()
    assert report.estimates.filter(value=1400).exists()


def test_a_pdf_page_is_read_by_its_content(site, site_allowed, fetched):
    report, _ = fetched(site.url("/note.pdf"))
    assert report.status == Report.Status.DONE, report.error
    assert report.content_type == "application/pdf"
    assert report.title == "Quarterly note on civilian harm"
    assert report.estimates.filter(value=85).exists()


def test_a_redirect_chain_keeps_the_asked_and_the_final_url(site, site_allowed, fetched):
    report, _ = fetched(site.url("/old"))
    assert report.status == Report.Status.DONE, report.error
    assert report.requested_url == site.url("/old")
    assert report.final_url == site.url("/a.html")


def test_the_same_url_normalised_gives_the_existing_report(site, site_allowed, fetched):
    first, _ = fetched(site.url("/a.html"))
    again, created = fetched(
        site.url("/a.html?utm_medium=rss&fbclid=abc#comments").replace("http", "HTTP", 1)
    )
    assert (again.pk, created) == (first.pk, False)
    via_redirect_target, created = fetched(site.url("/a.html"))
    assert (via_redirect_target.pk, created) == (first.pk, False)
    assert site.hits("/a.html") == 1
    assert Report.objects.count() == 1


def test_a_page_whose_text_is_stored_already_is_not_stored_twice(site, site_allowed, fetched, upload):
    stored = upload(data=pages.ARTICLE_HTML.encode(), filename="a.html")
    report, created = fetched(site.url("/a.html"))
    assert created and report.status == Report.Status.DUPLICATE
    assert report.duplicate_of_id == stored.pk
    assert Report.objects.filter(sha256=stored.sha256).count() == 1
    assert not report.estimates.exists()


def test_loopback_is_refused_by_default_and_nothing_is_written(site, settings, db):
    with pytest.raises(Exception, match="loopback address.*INGEST_ALLOW_PRIVATE_URLS"):
        report_create_from_url(url=site.url("/a.html"))
    assert nothing_written(settings)
    assert site.requests == []


@pytest.mark.parametrize(
    "path, words",
    [
        ("/to-private", "10.0.0.7, a private address"),
        ("/to-metadata", "a link-local address"),
        ("/gone", "The server answered 410"),
    ],
)
def test_a_failed_fetch_marks_the_report_failed_with_the_reason(
    site, site_allowed, fetched, settings, path, words
):
    report, _ = fetched(site.url(path))
    assert_failed_cleanly(report, settings, words)


def test_a_page_too_large_fails_cleanly(site, site_allowed, fetched, settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 20_000
    site.pages["/big.html"] = pages.html_page("<p>" + "words " * 10_000 + "</p>")
    report, _ = fetched(site.url("/big.html"))
    assert_failed_cleanly(report, settings, "over the limit")


def test_a_page_too_slow_fails_cleanly(site, site_allowed, fetched, settings):
    settings.INGEST_FETCH_READ_TIMEOUT_SECONDS = 1
    site.pages["/slow.html"] = pages.Page(pages.ARTICLE_HTML.encode(), delay=4)
    report, _ = fetched(site.url("/slow.html"))
    assert_failed_cleanly(report, settings, "did not answer in time")


def test_a_failed_fetch_is_retried_by_asking_again(site, site_allowed, fetched, settings):
    site.pages["/later.html"] = pages.Page(b"Busy", status=503)
    report, _ = fetched(site.url("/later.html"))
    assert report.status == Report.Status.FAILED and report.http_status == 503
    site.pages["/later.html"] = pages.html_page(pages.OTHER_HTML)
    again, created = fetched(site.url("/later.html"))
    assert (again.pk, created) == (report.pk, False)
    assert again.status == Report.Status.DONE, again.error
    assert again.http_status == 200 and again.error == ""
    assert again.language == "fr" and again.estimates.filter(value=230).exists()


def test_refetch_leaves_a_report_that_was_read_alone(site, site_allowed, fetched):
    report, _ = fetched(site.url("/a.html"))
    assert report_refetch(report=report) is False
    assert report.status == Report.Status.DONE


# --- The three ways in ----------------------------------------------------------------------


def test_the_upload_page_takes_urls_one_per_line(
    client, uploader, site, site_allowed, django_capture_on_commit_callbacks
):
    client.force_login(uploader)
    urls = "\n".join([site.url("/a.html"), site.url("/note.pdf"), "ftp://example.org/x.txt", ""])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ingest/", {"urls": urls, "language": "en"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "ftp://example.org/x.txt: Only http and https URLs are fetched" in page
    assert Report.objects.done().count() == 2
    assert "at least 1,400" in page and "at least 85" in page


def test_the_upload_page_asks_for_a_file_or_a_url(client, uploader):
    client.force_login(uploader)
    response = client.post("/ingest/", {"urls": "  \n"})
    assert response.status_code == 200
    assert "Choose at least one file or give a URL." in response.content.decode()
    assert not Report.objects.exists()


@pytest.fixture
def api(uploader):
    client = APIClient()
    client.force_authenticate(uploader)
    return client


def test_the_api_takes_a_url_and_answers_202_then_200_for_the_same_url(
    api, site, site_allowed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/reports/", {"url": site.url("/a.html")}, format="json")
    assert response.status_code == 202, response.content
    body = api.get(response["Location"]).json()
    assert body["status"] == "done" and body["estimate_count"] >= 1
    assert body["requested_url"] == body["final_url"] == site.url("/a.html")
    assert body["http_status"] == 200 and body["fetched_at"]
    again = api.post("/api/v1/reports/", {"url": site.url("/a.html?utm_source=x")}, format="json")
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["id"] == body["id"]


def test_the_api_refuses_a_private_url_with_the_reason(api, site):
    response = api.post("/api/v1/reports/", {"url": site.url("/a.html")}, format="json")
    assert response.status_code == 400
    assert "INGEST_ALLOW_PRIVATE_URLS" in response.json()["url"][0]
    assert not Report.objects.exists()


def test_the_api_needs_a_file_a_text_or_a_url(api):
    response = api.post("/api/v1/reports/", {}, format="json")
    assert response.status_code == 400
    assert not Report.objects.exists()


def run_ingest(*args):
    out = StringIO()
    call_command("ingest", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_command_refuses_a_loopback_url_naming_the_setting(site, settings, db):
    out = StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", site.url("/a.html"), stdout=out, stderr=StringIO())
    assert "INGEST_ALLOW_PRIVATE_URLS" in out.getvalue()
    assert nothing_written(settings)


def test_the_command_ingests_urls_beside_paths_when_private_urls_are_allowed(
    site, settings, tmp_path, db, django_capture_on_commit_callbacks
):
    settings.INGEST_ALLOW_PRIVATE_URLS = True
    article = tmp_path / "c.txt"
    article.write_text("Airwars said at least 4,354 civilians were killed by coalition strikes since 2014.")
    with django_capture_on_commit_callbacks(execute=True):
        out = run_ingest(site.url("/a.html"), str(article), site.url("/b.html"))
    assert "New: 3" in out and "Failed: 0" in out
    assert Report.objects.done().count() == 3
    assert Report.objects.exclude(requested_url="").count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        out = run_ingest(site.url("/a.html#again"))
    assert "Duplicates: 1" in out and "already stored as report" in out


def test_reextracting_a_page_never_read_leaves_it_failed(site, site_allowed, fetched):
    from ingest.services import report_reextract

    report, _ = fetched(site.url("/gone"))
    report_reextract(report=report)
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED and "410" in report.error


def test_the_admin_fetches_a_failed_page_again(
    site, site_allowed, fetched, admin_client, django_capture_on_commit_callbacks
):
    site.pages["/later.html"] = pages.Page(b"Busy", status=503)
    report, _ = fetched(site.url("/later.html"))
    site.pages["/later.html"] = pages.html_page(pages.ARTICLE_HTML)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/tracker/report/", {"action": "refetch", "_selected_action": [report.pk]}, follow=True
        )
    assert "Queued again: 1 report(s)." in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.DONE and report.http_status == 200
    page = admin_client.get(f"/admin/tracker/report/{report.pk}/change/").content.decode()
    assert site.url("/later.html") in page


def test_the_connection_names_the_host_it_was_given(site, settings):
    from ingest.fetch import fetch

    settings.INGEST_ALLOW_PRIVATE_URLS = True
    page = fetch(f"http://LocalHost:{site.port}/a.html")
    assert page.final_url == f"http://localhost:{site.port}/a.html"
    assert site.requests[-1][1]["Host"] == f"localhost:{site.port}"


def test_the_command_refuses_other_schemes_clearly(settings, db):
    out = StringIO()
    with pytest.raises(CommandError, match="2 file"):
        call_command("ingest", "ftp://example.org/a.txt", "file:///etc/passwd", stdout=out, stderr=StringIO())
    assert "ftp://example.org/a.txt: Only http and https URLs are fetched, not ftp" in out.getvalue()
    assert "file:///etc/passwd: Only http and https URLs are fetched, not file" in out.getvalue()
    assert nothing_written(settings)
