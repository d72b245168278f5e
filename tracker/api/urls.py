"""The JSON API under /api/v1/. The project urls.py registers `reports/` (uploads live in ingest)."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()

urlpatterns = router.urls
