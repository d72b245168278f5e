"""CSRF on every write made with a session cookie: without the token, nothing is written.

The test client skips CSRF checks unless asked; here it is asked (enforce_csrf_checks=True),
and every route of the resolver gets every unsafe method from a signed-in editor. Tokens sent
in the Authorization header are not cookies a browser attaches by itself, so API writes by
token need no CSRF token (tests/tracker/api/test_permissions.py).
"""

import pytest
from django.test import Client
from rest_framework.throttling import AnonRateThrottle

from tests.tracker.test_permission_matrix import ADMIN, ALL_ROUTES, EDITOR_PAGE, concrete, kind_of, snapshot
from tracker.models import Estimate

UNSAFE = ["post", "put", "patch", "delete"]


@pytest.fixture(autouse=True)
def no_throttle(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


@pytest.fixture
def editor_session(role_clients):
    """A browser-like client: the editor's session cookie, CSRF checks on, no token sent."""
    client = Client(enforce_csrf_checks=True)
    client.cookies = role_clients["editor"].cookies
    return client


def writable_by_editors(route):
    kind = kind_of(route)
    return isinstance(kind, tuple) or kind in {EDITOR_PAGE, ADMIN}


@pytest.mark.parametrize("route", ALL_ROUTES)
def test_no_session_write_passes_without_the_csrf_token(route, editor_session, route_objects):
    url = concrete(route, route_objects)
    before = snapshot()
    for method in UNSAFE:
        response = getattr(editor_session, method)(url, {"value": 1})
        where = f"{method.upper()} {route}: {response.status_code}"
        assert response.status_code in {403, 405}, where
        if writable_by_editors(route) and method == "post":
            assert response.status_code == 403, where
    assert snapshot() == before


def test_with_the_token_the_same_session_writes(editor_session, route_objects):
    """The refusal above is CSRF's, not the permission's: the token lets the same write in."""
    estimate = route_objects["tracker/estimate"]
    editor_session.get("/ingest/")  # a page with a form sets the CSRF cookie
    token = editor_session.cookies["csrftoken"].value
    url = f"/api/v1/estimates/{estimate.pk}/"
    refused = editor_session.patch(url, {"value": 7}, content_type="application/json")
    assert refused.status_code == 403
    body = {"value": 7, "updated_at": editor_session.get(url).json()["updated_at"]}
    accepted = editor_session.patch(url, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 200, accepted.content
    assert Estimate.objects.get(pk=estimate.pk).value == 7


def test_the_login_form_needs_the_token_too(db):
    """Login CSRF: a foreign page must not sign a visitor into an account of its choosing."""
    client = Client(enforce_csrf_checks=True)
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 403
