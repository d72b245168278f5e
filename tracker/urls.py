"""Project URLs: public pages, the JSON API, ingest (uploads) and the admin.

`ingest` imports `tracker`, never the reverse, so the report endpoint (read plus upload)
comes from ingest and is registered on the API router here.
"""

from django.contrib import admin
from django.urls import include, path

from ingest.api import ReportViewSet
from ingest.methodology import MethodologyView
from tracker import health, language
from tracker.api.urls import router, schema_urls

router.register("reports", ReportViewSet, basename="report")
handler400 = "tracker.views.bad_request"  # says what was refused, in the reader's language

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("language/<str:code>/", language.switch, name="language"),
    path("ingest/", include("ingest.urls")),
    path("api/v1/", include(router.urls)),
    path("api/v1/", include(schema_urls)),
    path("methodology/", MethodologyView.as_view(), name="methodology"),
    path("", include("tracker.web_urls")),
]
