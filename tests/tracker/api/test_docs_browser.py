"""The API's pages in a real browser: everything they load comes from the site itself.

Debian's chromium, driven by Playwright, against live_server; every request the page makes
and every Content-Security-Policy violation it reports are recorded.
"""

import pytest

from tests.tracker.test_dashboard_browser import CHROMIUM_ARGS, RECORD_CSP_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(
    ("path", "ready"),
    [("/api/v1/docs/redoc/", "a[href='https://redocly.com/redoc/']"), ("/api/v1/docs/", ".swagger-ui .info"),
     ("/api/v1/", "body")],
)  # fmt: skip
def test_the_api_pages_load_nothing_from_another_origin(live_server, path, ready):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(RECORD_CSP_VIOLATIONS)
            requested = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(live_server.url + path)
            page.wait_for_selector(ready, state="attached", timeout=20_000)
            page.wait_for_load_state("networkidle")
            violations = page.evaluate("window.cspViolations")
        finally:
            browser.close()

    outside = [url for url in requested if not url.startswith((live_server.url, "data:", "blob:"))]
    assert outside == []
    assert violations == [], "\n".join(violations)


def test_the_footer_links_the_api_docs(live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(live_server.url + "/methodology/")
            page.click("footer a[href='/api/v1/docs/']")
            page.wait_for_selector(".swagger-ui .info", timeout=20_000)
        finally:
            browser.close()
