"""An editor, in a real browser, opens the review page of a seed figure and corrects it."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from ingest.services import report_create
from tests.factories import EditorFactory
from tracker.models import Estimate, Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "correct horse battery staple"  # EditorFactory's
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def editor():
    """An editor. Transactional tests that ran before this one flushed what migrations wrote and
    left content types re-created under new ids: forget the cached ids, make the group again."""
    ContentType.objects.clear_cache()
    migration = importlib.import_module("tracker.migrations.0003_editors_group")
    migration.create_editors(django_apps, None)
    return EditorFactory()


@pytest.fixture
def seed_report(seeds_dir):
    """A seed article through the real pipeline: upload, then extraction (eager in tests)."""
    report, _ = report_create(text=(seeds_dir / "000_15e2628a9a9d80c5.txt").read_text(encoding="utf-8"))
    report.refresh_from_db()
    assert report.status == Report.Status.DONE, report.error
    assert report.estimates.unreviewed().exists()
    return report


def test_an_editor_corrects_a_seed_figure_on_its_review_page(live_server, settings, editor, seed_report):
    from playwright.sync_api import sync_playwright

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False  # the live server is http
    assert editor.has_perm("tracker.change_estimate")
    first = Estimate.objects.review_queue().first()
    corrected_value = first.value + 1
    ARTIFACTS.mkdir(exist_ok=True)

    # The ORM is not called while Playwright's event loop runs in this thread.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.goto(
            f"{live_server.url}{reverse('admin:login')}?next={reverse('admin:tracker_estimate_review')}"
        )
        page.fill("#id_username", editor.username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(re.compile(r"/admin/tracker/estimate/\d+/change/"))
        review_url = page.url
        evidence = page.inner_text("blockquote.evidence")
        marked = page.inner_text("blockquote.evidence mark")
        page.fill("#id_value", str(corrected_value))
        page.fill("#id_editor_note", "Checked against the communiqué.")
        page.screenshot(path=ARTIFACTS / "admin_review_correction.png", full_page=True)
        page.click("input[name=_save_and_next]")
        page.wait_for_load_state()
        message = page.inner_text("ul.messagelist")
        after_url = page.url
        browser.close()

    assert review_url.endswith(reverse("admin:tracker_estimate_change", args=[first.pk]))
    assert marked in evidence and marked in first.quote
    assert after_url != review_url
    assert "corrected" in message
    first.refresh_from_db()
    assert first.value == corrected_value
    assert first.review_status == Estimate.ReviewStatus.CORRECTED
    assert first.reviewed_by == editor
    assert first.machine_reading["value"] == corrected_value - 1
    assert first.history.latest().history_user == editor
