"""The JSON API router, included under /api/v1/ by the project urls.py.

The project urls.py also registers `reports/` on it, because uploads live in ingest, and
includes `schema_urls` (the OpenAPI schema, Swagger UI and ReDoc, served from local files).
Its root, /api/v1/, is a short JSON index of all of them.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from tracker.api import views


class Router(DefaultRouter):
    APIRootView = views.ApiIndex


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
