"""The JSON API router, included under /api/v1/ by the project urls.py.

The project urls.py also registers `reports/` on it, because uploads live in ingest.
"""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()
