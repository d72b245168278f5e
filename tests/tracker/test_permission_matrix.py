"""Every route of the resolver, called with every method as anonymous, staff and editor.

The table below says what each route is; a route that is not in it fails the test, so a new
page or endpoint must be classified (and so thought about) before it ships. Anonymous reads
the public pages and the API; only editors write. "staff" is a staff account outside the
Editors group, with no permission: it may open the admin, and change nothing.
"""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.throttling import AnonRateThrottle

from tests.tracker.conftest import EDITOR_ADMIN
from tracker.models import Estimate

METHODS = ["get", "head", "options", "post", "put", "patch", "delete"]
WRITES = {"post", "put", "patch", "delete"}
ADMIN_METHODS = ["get", "post", "delete"]
ROLES = ["anonymous", "staff", "editor"]

PUBLIC = "public page"  # everyone reads; nobody writes (405)
HEALTH = "health check"  # answers any method, writes nothing
LANGUAGE = "language switch"  # anyone follows a link to choose a language (a cookie, no data)
API = "API read"  # everyone reads; nobody writes
EDITOR_PAGE = "editor page"  # editors only, anonymous sent to log in or refused
ADMIN_LOGIN = "admin login"  # anyone may try to log in (django-axes counts the failures)
ADMIN_LOGOUT = "admin logout"  # POST only (Django 5 refuses GET)
ADMIN = "admin"  # staff only, and only with the model permission


def api_writes(*methods):
    """An API route editors write to with these methods; everyone else is refused."""
    return ("API editor write", frozenset(methods))


ROUTES = {
    "healthz": HEALTH,
    "": PUBLIC,
    "figures/": PUBLIC,
    "reports/": PUBLIC,
    "reports/<int:pk>/": PUBLIC,
    "claimants/": PUBLIC,
    "claimants/<slug:slug>/": PUBLIC,
    "methodology/": PUBLIC,
    "language/<str:code>/": LANGUAGE,
    "ingest/": EDITOR_PAGE,
    "ingest/status/": EDITOR_PAGE,
    "ingest/reports/<int:pk>/original/": EDITOR_PAGE,
    "api/v1/": API,
    "api/v1/<drf_format_suffix:format>": API,
    "api/v1/^sources/$": API,
    "api/v1/^sources\\.(?P<format>[a-z0-9]+)/?$": API,
    "api/v1/^sources/(?P<pk>[^/.]+)/$": API,
    "api/v1/^sources/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": API,
    "api/v1/^estimates/$": API,
    "api/v1/^estimates\\.(?P<format>[a-z0-9]+)/?$": API,
    "api/v1/^estimates/deleted/$": API,
    "api/v1/^estimates/deleted\\.(?P<format>[a-z0-9]+)/?$": API,
    "api/v1/^estimates/(?P<pk>[^/.]+)/$": api_writes("patch"),
    "api/v1/^estimates/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": api_writes("patch"),
    "api/v1/^series/$": API,
    "api/v1/^series\\.(?P<format>[a-z0-9]+)/?$": API,
    "api/v1/^gap/$": API,
    "api/v1/^gap\\.(?P<format>[a-z0-9]+)/?$": API,
    "api/v1/^reports/$": api_writes("post"),
    "api/v1/^reports\\.(?P<format>[a-z0-9]+)/?$": api_writes("post"),
    "api/v1/^reports/(?P<pk>[^/.]+)/$": API,
    "api/v1/^reports/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": API,
    "api/v1/schema/": API,
    "api/v1/docs/": API,
    "api/v1/docs/redoc/": API,
    "admin/login/": ADMIN_LOGIN,
    "admin/logout/": ADMIN_LOGOUT,
}
# The admin's routes are generated per registered model; all of them pass admin_view (staff
# login) and the ModelAdmin permission checks, which this test exercises route by route.
ADMIN_PREFIX = "admin/"


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


ALL_ROUTES = list(walk(get_resolver().url_patterns))


def kind_of(route):
    if route in ROUTES:
        return ROUTES[route]
    if route.startswith(ADMIN_PREFIX):
        return ADMIN
    return None


def test_every_route_is_classified():
    unlisted = [route for route in ALL_ROUTES if kind_of(route) is None]
    assert unlisted == [], f"classify these routes in ROUTES (and so decide who may call them): {unlisted}"


@pytest.fixture(autouse=True)
def no_throttle(monkeypatch):
    """Hundreds of anonymous calls in a row: the throttle is tested in api/test_permissions.py."""
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


def concrete(route, objects):
    """Return a URL for a route pattern, with the ids of real objects in its parameters."""
    estimate, report, source = (
        objects["tracker/estimate"],
        objects["tracker/report"],
        objects["tracker/source"],
    )
    model = re.match(r"admin/(\w+/\w+)/", route)
    object_id = objects[model.group(1)].pk if model and model.group(1) in objects else 0
    history_id = estimate.history.first().history_id
    api_list = route.removeprefix("api/v1/^").split("/")[0].split("\\.")[0]
    replacements = [
        ("^([^/]+)/history/([^/]+)/$", f"{estimate.pk}/history/{history_id}/"),
        ("<path:content_type_id>", str(ContentType.objects.get_for_model(Estimate).pk)),
        ("<path:object_id>", str(object_id if "<path:content_type_id>" not in route else estimate.pk)),
        ("<id>", str(objects["auth/user"].pk)),
        ("<int:pk>", str(report.pk)),
        ("<slug:slug>", source.slug),
        ("<str:code>", "fr"),
        ("(?P<pk>[^/.]+)", str({"estimates": estimate, "sources": source}.get(api_list, report).pk)),
        ("\\.(?P<format>[a-z0-9]+)/?$", ".json"),
        ("<drf_format_suffix:format>", ".json"),
        ("(?P<app_label>auth|axes|tracker)", "tracker"),
        ("(?P<url>.*)$", "nowhere/"),
    ]
    url = route
    for placeholder, value in replacements:
        url = url.replace(placeholder, value)
    url = "/" + url.replace("^", "").replace("$", "")
    return url


def admin_permission_needed(route, method):
    """Return (app/model, action) a route needs in the admin, or None for the site's own pages."""
    match = re.match(r"admin/(\w+)/(\w+)/(.*)", route)
    if not match or match.group(1) not in {"auth", "axes", "tracker"}:
        return None
    rest = match.group(3)
    write = method in WRITES
    if rest.startswith("add/"):
        action = "add"
    elif "delete/" in rest:
        action = "delete"
    elif rest.startswith("<id>/password/"):
        action = "change"
    elif "history/" in rest or rest in {"", "review/"} or "<path:object_id>/" in rest:
        action = "change" if write else "view"
    else:
        action = "change" if write else "view"
    return f"{match.group(1)}/{match.group(2)}", action


def check(route, role, method, response, objects):
    kind = kind_of(route)
    status = response.status_code
    where = f"{method.upper()} {route} as {role}: {status}"
    assert status < 500, where
    location = response.get("Location", "")
    sent_to_login = status == 302 and "/login/" in location
    if kind == PUBLIC:
        assert status in ({200} if method not in WRITES else {405}), where
    elif kind == HEALTH:
        assert status in {200, 503}, where
    elif kind == LANGUAGE:
        assert status == (302 if method in {"get", "head"} else 405), where  # a link: GET only
    elif kind == API:
        assert status in ({200} if method not in WRITES else {401, 403, 405}), where
    elif isinstance(kind, tuple):
        editor_methods = kind[1]
        if method not in WRITES:
            assert status == 200, where
        elif role == "editor" and method in editor_methods:
            assert status not in {401, 403, 405}, where  # allowed (400 for the empty body)
        else:
            assert status in {401, 403, 405}, where
    elif kind == EDITOR_PAGE:
        if role == "anonymous":
            assert sent_to_login or status == 403, where
        elif role == "staff":
            assert status == 403, where
        elif route == "ingest/" and method in {"get", "head", "post", "put"}:
            assert status == 200, where  # the page, or the form with its errors
        elif method in {"get", "head"}:
            assert status == 200, where
        else:
            assert status in {405, 200} if method == "options" else status == 405, where
    elif kind == ADMIN_LOGIN:
        if method in {"patch", "delete"}:
            assert status == 405, where
        elif role == "anonymous":
            assert status == 200, where  # the form, or its errors
        else:
            assert status in {200, 302}, where  # already signed in: sent on to the admin
    elif kind == ADMIN_LOGOUT:
        if role == "anonymous":
            assert status == 302 and location == "/admin/", where
        else:
            expected = {"post": {200, 302}, "options": {200}}.get(method, {405})
            signed_out = status == 302 and location == "/admin/"  # methods after the POST
            assert status in expected or signed_out, where
    elif kind == ADMIN:
        needed = admin_permission_needed(route, method)
        if role == "anonymous":
            assert sent_to_login, where
        elif needed is None:
            pass  # the site's own pages (index, password change): a user's own account
        elif re.fullmatch(r"admin/\w+/\w+/<path:object_id>/", route):
            # The old-style object URL only redirects to its change page, which checks.
            assert status == 301 or (status == 302 and location.endswith("/change/")), where
        else:
            model, action = needed
            allowed = role == "editor" and action in EDITOR_ADMIN.get(model, set())
            if not allowed:
                # Refused, or sent back to the index when the object is not theirs to see.
                refused = status == 403 or (status == 302 and location == "/admin/")
                assert refused or (status == 405 and "history/" in route), where
            else:
                assert status != 403, where
    else:
        pytest.fail(f"unclassified route {route}")


@pytest.mark.parametrize("route", ALL_ROUTES)
def test_each_route_answers_each_role_as_its_kind_says(route, role_clients, route_objects):
    if kind_of(route) is None:
        pytest.fail(f"unclassified route {route}: add it to ROUTES")
    objects, clients = route_objects, role_clients
    url = concrete(route, objects)
    # Django's and the admin's views treat PUT, PATCH and DELETE as they do GET or POST; the API
    # and our own pages are where those methods mean something, so they get all of them.
    methods = ADMIN_METHODS if kind_of(route) == ADMIN else METHODS
    before = snapshot()
    for role in ROLES:
        if role == "editor":
            assert snapshot() == before, "a request without the permission changed data"
        for method in methods:
            response = getattr(clients[role], method)(url)
            check(route, role, method, response, objects)


def snapshot():
    """Return what an empty request must never change: the rows of every model people edit."""
    from django.apps import apps

    labels = ["tracker.Source", "tracker.Report", "tracker.Estimate", "tracker.ApiToken", "auth.Group"]
    models = [apps.get_model(label) for label in labels]
    return {model.__name__: sorted(map(str, model.objects.values_list())) for model in models}
