"""The OpenAPI schema describes every endpoint and filter, and the live API keeps to it.

Schemathesis generates requests from the served schema and sends them through the WSGI app:
no request may crash the API (5xx), and every documented response must match its schema.
"""

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import ApiToken, Estimate, EstimateTombstone, Report, Source
from tracker.wsgi import application

pytestmark = pytest.mark.django_db

FILTERS = {
    "/api/v1/estimates/": {
        "claimant",
        "claimant_kind",
        "casualty",
        "victims",
        "scope",
        "geography",
        "perpetrator",
        "review_status",
        "as_of_after",
        "as_of_before",
        "report",
        "min_confidence",
        "updated_since",
        "ordering",
        "page",
        "page_size",
        "format",
        "include_rejected",
    },
    "/api/v1/series/": {
        "casualty",
        "victims",
        "geography",
        "perpetrator",
        "claimants",
        "claimant_kind",
        "reviewed_only",
        "since",
        "until",
        "format",
    },
    "/api/v1/gap/": {"independent", "since", "until", "claimants", "reviewed_only"},
    "/api/v1/reports/": {"include", "status", "updated_since", "published_after", "published_before"},
    "/api/v1/sources/": {"kind", "needs_review", "updated_since"},
    "/api/v1/estimates/deleted/": {"since", "page", "page_size"},
}


@pytest.fixture
def served_schema(api):
    return api.get(reverse("api-schema"), {"format": "json"}).json()


def test_the_schema_is_openapi_3_with_every_endpoint(served_schema):
    assert served_schema["openapi"].startswith("3.")
    assert set(FILTERS) | {
        "/api/v1/estimates/{id}/",
        "/api/v1/reports/{id}/",
        "/api/v1/sources/{id}/",
    } <= set(served_schema["paths"])
    assert "patch" in served_schema["paths"]["/api/v1/estimates/{id}/"]
    assert "post" in served_schema["paths"]["/api/v1/reports/"]


@pytest.mark.parametrize("path", sorted(FILTERS))
def test_every_filter_is_in_the_schema_with_a_description(served_schema, path):
    parameters = {p["name"]: p for p in served_schema["paths"][path]["get"]["parameters"]}
    assert FILTERS[path] <= set(parameters)
    undescribed = [name for name, p in parameters.items() if not p.get("description")]
    assert undescribed == []


def test_every_operation_has_a_summary_or_description(served_schema):
    for path, operations in served_schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary") or operation.get("description"), (method, path)


@pytest.mark.parametrize("name", ["api-docs", "api-redoc"])
def test_the_docs_pages_load_their_scripts_from_our_own_static_files(api, name):
    response = api.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page
    assert "/static/drf_spectacular_sidecar/" in page
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert finders.find("drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js")


# --- Schemathesis against the live schema -------------------------------------------------


@pytest.fixture
def connection_kept_across_requests():
    """Keep the test's transaction open: a request's end closes a connection inside one.

    Django's test client does the same; schemathesis calls the WSGI app directly.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def live_schema(db, monkeypatch, connection_kept_across_requests):
    """Some real rows to find, no throttling in the way, and the schema as the app serves it."""
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1000000/minute"})
    coalition = SourceFactory(name="US-led coalition", kind=Source.Kind.OFFICIAL)
    airwars = SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)
    report = ReportFactory(status=Report.Status.FAILED, error="Could not read it.")
    EstimateFactory(report=report, source=coalition, value=603)
    EstimateFactory(report=report, source=airwars, value=4354, value_max=4400, qualifier="range")
    EstimateFactory(source=airwars, review_status=Estimate.ReviewStatus.REJECTED)
    EstimateTombstone.objects.create(estimate_id=10_000)
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
BOUNDED = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def fuzz(schema, **headers):
    """Send each operation a bounded number of generated requests and check every answer."""
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @BOUNDED
        def call(case):
            case.call_and_validate(checks=CHECKS, headers=headers)

        call()


@pytest.mark.slow
def test_no_anonymous_request_crashes_the_api_or_breaks_its_schema(live_schema):
    fuzz(live_schema)


@pytest.mark.slow
def test_no_editor_request_crashes_the_api_or_breaks_its_schema(live_schema, api_editor):
    fuzz(live_schema, Authorization=f"Token {ApiToken.objects.issue(user=api_editor, name='fuzz')[1]}")


def test_public_reads_need_no_authentication_and_writes_do(served_schema):
    for path, operations in served_schema["paths"].items():
        for method, operation in operations.items():
            anonymous = {} in operation.get("security", [])
            assert anonymous == (method == "get"), (method, path, operation.get("security"))


def test_the_api_root_is_a_json_index_of_the_docs_the_schema_and_every_endpoint(api, served_schema):
    response = api.get("/api/v1/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*")

    assert response["Content-Type"] == "application/json"
    index = response.json()
    assert index["docs"].endswith(reverse("api-docs")) and index["schema"].endswith(reverse("api-schema"))
    listed = {url.removeprefix("http://testserver") for url in index["endpoints"].values()}
    assert listed == {p for p in served_schema["paths"] if "{" not in p}
    for url in [index["docs"], index["redoc"], *index["endpoints"].values()]:
        assert api.get(url).status_code == 200, url
