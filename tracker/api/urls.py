"""The JSON API router, included under /api/v1/ by the project urls.py.

The project urls.py also registers `reports/` on it, because uploads live in ingest, and
includes `schema_urls` (the OpenAPI schema, Swagger UI and ReDoc, served from local files).
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from tracker.api import views

router = DefaultRouter()
router.register("sources", views.SourceViewSet, basename="source")
router.register("estimates", views.EstimateViewSet, basename="estimate")
router.register("series", views.SeriesViewSet, basename="series")
router.register("gap", views.GapViewSet, basename="gap")

schema_urls = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]
