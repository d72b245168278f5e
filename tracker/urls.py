"""Project URLs: public pages, the read API, ingest (uploads) and the admin."""

from django.contrib import admin
from django.urls import include, path

from tracker import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("ingest/", include("ingest.urls")),
    path("api/v1/", include("tracker.api.urls")),
    path("", include("tracker.web_urls")),
]
