"""What reviewing 20 figures (16 right, 2 misread values, 2 not figures) costs an editor, keyboard only.

A measurement printed by the test (keystrokes and seconds), not a timed assertion. This version
drives the admin as it was before issue 18: the change page, Tab to reach each button.
"""

import importlib
import re
import time

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tests.factories import EditorFactory, EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Estimate, Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"  # EditorFactory's
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


@pytest.fixture
def editor():
    ContentType.objects.clear_cache()
    importlib.import_module("tracker.migrations.0003_editors_group").create_editors(django_apps, None)
    return EditorFactory()


def twenty_figures():
    """Return {pk: (action, right value)}: 16 to confirm, 2 to correct, 2 to reject."""
    source = SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)
    sentences = [
        f"Airwars says at least {1000 + 10 * n} civilians were killed by strikes." for n in range(20)
    ]
    text = "\n".join(sentences)
    report = ReportFactory(title="Twenty figures", text=text)
    plan = {}
    for n, sentence in enumerate(sentences):
        number = str(1000 + 10 * n)
        start = text.index(number, text.index(sentence))
        action = "confirm"
        value = int(number)
        if n in (3, 11):
            action, value = "correct", value + 1  # the machine misread it: the right value is one more
        elif n in (7, 15):
            action = "reject"
        estimate = EstimateFactory(
            report=report,
            source=source,
            value=int(number) - (1 if action == "correct" else 0),
            start=start,
            end=start + len(number),
            quote=sentence,
            confidence=0.3 + n / 100,
        )
        plan[estimate.pk] = (action, value)
    return plan


def tab_to(page, selector):
    """Press Tab until `selector` has the focus; return how many presses it took."""
    for presses in range(1, 400):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return presses
    raise AssertionError(f"{selector} never took the focus")


def test_reviewing_twenty_figures_in_the_admin_before_issue_18(live_server, settings, editor):
    from playwright.sync_api import sync_playwright

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    plan = twenty_figures()
    keys = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(
            f"{live_server.url}{reverse('admin:login')}?next={reverse('admin:tracker_estimate_review')}"
        )
        page.fill("#id_username", editor.username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(re.compile(r"/change/"))
        started = time.monotonic()
        for _ in range(20):
            pk = int(re.search(r"/estimate/(\d+)/change/", page.url).group(1))
            action, value = plan[pk]
            if action == "correct":
                keys += tab_to(page, "#id_value")
                page.keyboard.press("Control+A")
                page.keyboard.type(str(value))
                keys += 1 + len(str(value))
            button = "input[name=_reject_and_next]" if action == "reject" else "input[name=_save_and_next]"
            keys += tab_to(page, button)
            with page.expect_navigation():
                page.keyboard.press("Enter")
            keys += 1
        seconds = time.monotonic() - started
        browser.close()

    print(f"\nBEFORE: 20 figures reviewed with {keys} keystrokes in {seconds:.1f} s")
    statuses = Estimate.objects.values_list("review_status", flat=True)
    assert sorted(statuses).count("rejected") == 2
    assert sorted(statuses).count("corrected") == 2
    assert sorted(statuses).count("confirmed") == 16
