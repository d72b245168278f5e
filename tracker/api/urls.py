"""The JSON API router, included under /api/v1/ by the project urls.py.

The project urls.py also registers `reports/` on it, because uploads live in ingest, and
includes `schema_urls` (the OpenAPI schema, Swagger UI and ReDoc, served from local files).
Its root, /api/v1/, is a short JSON index of all of them.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from tracker.api import views


class ApiIndex(APIRootView):
    """The API's front door: where its docs, its schema and each endpoint are, as JSON.

    JSON for browsers too: DRF's browsable page styles itself inline, which the
    Content-Security-Policy refuses.
    """

    renderer_classes = [JSONRenderer]

    def get(self, request, *args, **kwargs):
        endpoints = super().get(request, *args, **kwargs).data
        return Response(
            {
                "name": "Casualty Tracker API",
                "docs": reverse("api-docs", request=request),
                "redoc": reverse("api-redoc", request=request),
                "schema": reverse("api-schema", request=request),
                "endpoints": {
                    **endpoints,
                    "estimates/deleted": reverse("estimate-deleted", request=request),
                },
            }
        )


class Router(DefaultRouter):
    APIRootView = ApiIndex


router = Router()
router.register("sources", views.SourceViewSet, basename="source")
router.register("estimates", views.EstimateViewSet, basename="estimate")
router.register("series", views.SeriesViewSet, basename="series")
router.register("gap", views.GapViewSet, basename="gap")

# ReDoc styles itself inline and parses the schema in a blob: worker; only its page allows that.
redoc = csp_replace({"style-src": [SELF, UNSAFE_INLINE], "worker-src": [SELF, "blob:"]})(
    SpectacularRedocView.as_view(url_name="api-schema")
)

schema_urls = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("docs/redoc/", redoc, name="api-redoc"),
]
