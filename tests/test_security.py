"""Production settings, login limits, the JSON-only API, the CSP header and NUL characters."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import EstimateFactory, UserFactory
from tracker.models import ApiToken, Report

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Airwars said at least 4,354 civilians were killed by coalition strikes since 2014."


def test_the_deploy_check_passes_with_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="tracker.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_production_settings_hold_what_the_deploy_check_cannot_see(settings):
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SECURE_HSTS_SECONDS >= 31536000
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


# --- Login attempts -----------------------------------------------------------------------


@pytest.mark.django_db
def test_logins_are_locked_out_after_repeated_failures(settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="target", is_staff=True)  # password: correct horse battery staple
    client = Client()
    url = reverse("admin:login")
    for _ in range(3):
        response = client.post(url, {"username": "target", "password": "guess"})
        assert response.status_code in {200, 429}
    locked = client.post(url, {"username": "target", "password": "correct horse battery staple"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_success_before_the_limit_resets_the_count(settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="typo", is_staff=True)
    client = Client()
    url = reverse("admin:login")
    for _ in range(2):
        client.post(url, {"username": "typo", "password": "guess"})
    response = client.post(url, {"username": "typo", "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


# --- API: JSON only -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_browsable_api_is_off_in_production(settings):
    assert not settings.DEBUG
    assert settings.REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] == ["rest_framework.renderers.JSONRenderer"]
    response = Client().get("/api/v1/sources/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert Client().get("/api/v1/sources/?format=api").status_code == 404


# --- Content-Security-Policy ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/figures/", "/methodology/", "/admin/login/", "/api/v1/docs/"])
def test_every_page_carries_a_policy_without_inline_or_eval_scripts(client, url):
    response = client.get(url)
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert "unsafe" not in policy["style-src"]
    assert "<script>" not in response.content.decode()  # no inline script block on the page


# --- NUL characters ---------------------------------------------------------------------------


@pytest.fixture
def editor_api(db):
    user = UserFactory(username="nul-editor", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_report", "change_estimate"]))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {ApiToken.objects.issue(user=user, name='nul')[1]}")
    client.user = user
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/figures/?claimant=air%00wars",
        "/figures/?sort=%00",
        "/?independent=%00",
        "/reports/%00/",
        "/claimants/air%00wars/",
        "/api/v1/estimates/?claimant=a%00b",
        "/api/v1/series/?claimants=%00",
        "/api/v1/sources/?updated_since=2020%00",
        "/api/v1/reports/?include=text%00",
        "/admin/tracker/estimate/?q=%00",
        "/language/fr/?next=%00",
    ],
)
def test_a_nul_in_a_path_or_query_is_a_400(client, url):
    assert client.get(url).status_code == 400


@pytest.mark.django_db
def test_a_nul_in_a_form_field_is_a_400(editor_api):
    client = Client()
    client.force_login(editor_api.user)
    upload = SimpleUploadedFile("article.txt", ARTICLE.encode())
    assert client.post("/ingest/", {"files": [upload], "outlet": "A\x00FP"}).status_code == 400
    assert client.post("/admin/login/", {"username": "a\x00", "password": "x"}).status_code == 400
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_a_nul_in_a_file_name_never_reaches_the_disk(editor_api, django_capture_on_commit_callbacks):
    """Django's parser drops unprintable characters from upload names; the upload goes on."""
    client = Client()
    client.force_login(editor_api.user)
    named = SimpleUploadedFile("arti\x00cle.txt", ARTICLE.encode())
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/ingest/", {"files": [named]}).status_code == 302
    assert Report.objects.get().original_file.name.endswith("article.txt")


@pytest.mark.django_db
def test_a_nul_in_a_json_field_is_a_400(editor_api):
    assert editor_api.post("/api/v1/reports/", {"text": ARTICLE + "\x00"}, format="json").status_code == 400
    estimate = EstimateFactory()
    response = editor_api.patch(
        f"/api/v1/estimates/{estimate.pk}/",
        {"editor_note": "\x00", "updated_at": estimate.updated_at.isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert not Report.objects.exclude(pk=estimate.report_id).exists()


@pytest.mark.django_db
def test_nul_bytes_inside_an_uploaded_text_are_dropped_not_stored(
    editor_api, django_capture_on_commit_callbacks
):
    data = ARTICLE.replace("civilians", "civil\x00ians").encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post(
            "/api/v1/reports/", {"file": SimpleUploadedFile("a.txt", data)}, format="multipart"
        )
    assert response.status_code == 202, response.content
    assert "\x00" not in Report.objects.get().text
    assert "civilians" in Report.objects.get().text


# --- Bodies nobody asked for ------------------------------------------------------------------


class CountingBody:
    """A request body of `size` bytes that counts what the server reads of it."""

    def __init__(self, size):
        self.size, self.read_bytes = size, 0

    def read(self, size=-1):
        size = self.size - self.read_bytes if size is None or size < 0 else size
        chunk = b"x" * min(size, self.size - self.read_bytes)
        self.read_bytes += len(chunk)
        return chunk

    def readline(self, size=-1):
        return self.read(size)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"), [("/no-such-page/upload", 404), ("/ingest/", 403), ("/admin/login/", 403)]
)
def test_an_anonymous_multipart_body_is_never_read_on_its_way_to_a_refusal(url, status):
    """The probe sent 300-500 MB bodies that were written to disk before the 403 or 404."""
    body = CountingBody(500 * 1024 * 1024)
    response = Client(enforce_csrf_checks=True).generic(
        "POST",
        url,
        **{
            "wsgi.input": body,
            "CONTENT_LENGTH": str(body.size),
            "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
        },
    )
    assert response.status_code == status
    assert body.read_bytes == 0


# --- Who is asking ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_client_changing_x_forwarded_for_on_each_request_is_still_throttled(monkeypatch):
    """The probe got 500 requests of 500 through by writing a new X-Forwarded-For each time."""
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "120/minute"})
    api = APIClient()
    statuses = [
        api.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR=f"10.0.{n // 250}.{n % 250}").status_code
        for n in range(500)
    ]
    assert statuses.count(200) == 120
    assert statuses.count(429) == 380


@pytest.mark.django_db
def test_behind_one_trusted_proxy_the_address_it_appends_is_the_client(monkeypatch, settings):
    from rest_framework.throttling import AnonRateThrottle

    settings.TRUSTED_PROXIES = 1
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    api = APIClient()

    def status(written_by_client, seen_by_proxy):
        forwarded = f"{written_by_client}, {seen_by_proxy}"
        return api.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The same client, whatever it writes itself, is counted once; another client has its own count.
    assert [status(f"10.9.9.{n}", "198.51.100.7") for n in range(3)] == [200, 200, 429]
    assert status("10.9.9.1", "203.0.113.5") == 200


# --- Deeply nested JSON -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deeply_nested_json_from_an_editor_is_a_400_that_says_why(editor_api, depth):
    estimate = EstimateFactory()
    nested = "[" * depth + "]" * depth
    for method, url in [("patch", f"/api/v1/estimates/{estimate.pk}/"), ("post", "/api/v1/reports/")]:
        response = getattr(editor_api, method)(url, nested, content_type="application/json")
        assert response.status_code == 400, (url, response.content)
        assert "nested too deeply" in response.json()["detail"]
    assert not Report.objects.exclude(pk=estimate.report_id).exists()
