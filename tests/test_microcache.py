"""The microcache of deploy/nginx.conf, with the real nginx in front of the real Django (live_server).

Anonymous readers of the public pages and the API share a copy for a couple of seconds (the
`X-Cache-Status` header says HIT); a signed-in editor, by session cookie or API token, never
gets that copy and never leaves one (BYPASS); the admin and the upload pages are never cached;
a reader who chose French, by the language links or by the browser's language, gets French.
Skipped when nginx is absent (`make test` installs Debian's nginx as root).
"""

import http.client
import re
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.throttling import AnonRateThrottle

from tests.factories import EditorFactory, EstimateFactory, SourceFactory
from tests.test_deployment import NGINX, running_nginx
from tracker.models import ApiToken, Estimate

pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="needs nginx (make test installs Debian's nginx)"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # live_server reads commits
]


@pytest.fixture(autouse=True)
def no_throttle(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


@contextmanager
def nginx_before(live_server, folder):
    """Run nginx with the shipped configuration in front of live_server; yield its port."""
    try:
        with running_nginx(folder, urlsplit(live_server.url).port) as port:
            yield port
    finally:
        assert "[crit]" not in (folder / "error.log").read_text()  # e.g. a cache it cannot write


@pytest.fixture
def proxy(live_server, tmp_path):
    with nginx_before(live_server, tmp_path) as port:
        yield port


class Answer:
    def __init__(self, response):
        self.status = response.status
        self.headers = response.headers
        self.body = response.read().decode()
        self.cache = response.headers.get("X-Cache-Status")
        self.cookies = response.headers.get_all("Set-Cookie") or []


def ask(port, path, method="GET", **headers):
    """Ask nginx for `path` with these headers (underscores for dashes); return the Answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            method,
            path,
            headers={"Host": "127.0.0.1", **{k.replace("_", "-"): v for k, v in headers.items()}},
        )
        return Answer(connection.getresponse())
    finally:
        connection.close()


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


@pytest.fixture
def editor():
    """An editor: the Editors group's permissions (restored by serialized_rollback), no more."""
    user = EditorFactory()
    assert user.has_perm("tracker.add_report") and not user.is_superuser
    return user


@pytest.fixture
def figures():
    coalition = SourceFactory(name="US-led coalition")
    EstimateFactory(source=coalition, value=352)
    EstimateFactory(source=coalition, value=999, review_status=Estimate.ReviewStatus.REJECTED)
    return coalition


@pytest.mark.parametrize("path", ["/", "/figures/", "/claimants/", "/methodology/", "/api/v1/series/"])
def test_anonymous_readers_share_one_copy_for_a_moment(proxy, figures, path):
    first = ask(proxy, path)
    SourceFactory(name="Claimant added after the first reader")  # a new data version for Django
    second = ask(proxy, path)
    assert (first.status, second.status) == (200, 200)
    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert second.body == first.body and not first.cookies and not second.cookies
    assert ask(proxy, path, method="HEAD").cache == "HIT"


def test_a_copy_lives_seconds_and_the_next_reader_gets_the_new_data(proxy, figures):
    assert "Newly added claimant" not in ask(proxy, "/claimants/").body
    SourceFactory(name="Newly added claimant")
    assert "Newly added claimant" not in ask(proxy, "/claimants/").body  # the copy
    deadline = time.monotonic() + 10
    while "Newly added claimant" not in (answer := ask(proxy, "/claimants/")).body:
        assert time.monotonic() < deadline, "the copy outlived its few seconds"
        assert answer.cache in {"HIT", "STALE", "UPDATING", "EXPIRED"}
        time.sleep(0.2)


def test_an_editor_never_gets_the_shared_copy_nor_leaves_one(proxy, figures, editor):
    signed_in = session_cookie(editor)
    assert ask(proxy, "/").cache == "MISS"
    anonymous = ask(proxy, "/")
    assert anonymous.cache == "HIT" and "/ingest/" not in anonymous.body

    for _ in range(2):
        own = ask(proxy, "/", Cookie=signed_in)
        assert own.cache == "BYPASS" and own.status == 200
        assert 'href="/ingest/"' in own.body  # the editor's own links: Upload, Review

    after = ask(proxy, "/")
    assert after.cache == "HIT" and after.body == anonymous.body


def test_an_api_token_never_gets_the_shared_copy_nor_leaves_one(proxy, figures, editor):
    _token, key = ApiToken.objects.issue(user=editor, name="script")
    path = "/api/v1/estimates/?include_rejected=1"
    public = [ask(proxy, path), ask(proxy, path)]
    assert [a.cache for a in public] == ["MISS", "HIT"]
    assert [re.search(r'"count":(\d+)', a.body).group(1) for a in public] == ["1", "1"]

    own = ask(proxy, path, Authorization=f"Token {key}")
    assert own.cache == "BYPASS" and re.search(r'"count":(\d+)', own.body).group(1) == "2"
    again = ask(proxy, path)
    assert again.cache == "HIT" and re.search(r'"count":(\d+)', again.body).group(1) == "1"


def test_editors_pages_are_never_cached(proxy, figures, editor):
    signed_in = session_cookie(editor)
    for path, headers in [
        ("/admin/login/", {}),
        ("/admin/login/", {}),
        ("/admin/tracker/estimate/review/", {"Cookie": signed_in}),
        ("/ingest/", {"Cookie": signed_in}),
        ("/ingest/", {}),
        ("/healthz", {}),
    ]:
        answer = ask(proxy, path, **headers)
        assert answer.status in {200, 302}, path
        assert answer.cache is None, path  # not even looked up


def test_each_language_gets_its_own_copy(proxy, figures):
    english = [ask(proxy, "/figures/") for _ in range(2)]
    assert [a.cache for a in english] == ["MISS", "HIT"] and '<html lang="en">' in english[1].body

    switch = ask(proxy, "/language/fr/?next=/figures/")
    assert switch.status == 302 and switch.headers["Location"] == "/figures/"
    assert [c.split(";")[0] for c in switch.cookies] == [f"{settings.LANGUAGE_COOKIE_NAME}=fr"]
    assert ask(proxy, "/language/fr/?next=/figures/").cookies  # never served from a copy

    french_cookie = f"{settings.LANGUAGE_COOKIE_NAME}=fr"
    french = [ask(proxy, "/figures/", Cookie=french_cookie) for _ in range(2)]
    assert [a.cache for a in french] == ["MISS", "HIT"]
    assert all('<html lang="fr">' in a.body and "Chiffres" in a.body for a in french)

    by_browser = ask(proxy, "/figures/", Accept_Language="fr-FR,fr;q=0.9")
    assert '<html lang="fr">' in by_browser.body

    still_english = ask(proxy, "/figures/")
    assert still_english.cache == "HIT" and still_english.body == english[0].body


def test_the_api_in_csv_is_not_handed_the_json_copy(proxy, figures):
    assert [ask(proxy, "/api/v1/series/").cache for _ in range(2)] == ["MISS", "HIT"]
    csv = ask(proxy, "/api/v1/series/", Accept="text/csv")
    assert csv.status == 200 and csv.headers["Content-Type"].startswith("text/csv")
    assert ask(proxy, "/api/v1/series/").headers["Content-Type"] == "application/json"


@pytest.mark.browser
def test_a_browser_switches_language_by_links_through_the_proxy(live_server, tmp_path, figures):
    """Chromium reads the cached pages and follows the two links, with no cookie but the language's."""
    from playwright.sync_api import sync_playwright

    from tests.tracker.test_dashboard_browser import ARTIFACTS, launch

    with nginx_before(live_server, tmp_path) as port, sync_playwright() as playwright:
        site = f"http://127.0.0.1:{port}"
        browser = launch(playwright)
        try:
            context = browser.new_context(locale="en-GB")
            page = context.new_page()
            assert page.goto(site + "/figures/?sort=-value").headers["x-cache-status"] in {"MISS", "HIT"}
            assert page.goto(site + "/figures/?sort=-value").headers["x-cache-status"] == "HIT"
            assert page.get_attribute("html", "lang") == "en" and context.cookies() == []

            page.click(".language-switch a[lang=fr]")
            page.wait_for_url(site + "/figures/?sort=-value")
            assert page.get_attribute("html", "lang") == "fr"
            assert page.inner_text(".language-switch [aria-current]") == "français"
            assert [(c["name"], c["value"]) for c in context.cookies()] == [
                (settings.LANGUAGE_COOKIE_NAME, "fr")
            ]
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "language-switch-fr.png"))

            page.click(".language-switch a[lang=en]")
            page.wait_for_url(site + "/figures/?sort=-value")
            assert page.get_attribute("html", "lang") == "en"
            assert [(c["name"], c["value"]) for c in context.cookies()] == [
                (settings.LANGUAGE_COOKIE_NAME, "en")
            ]
        finally:
            browser.close()
