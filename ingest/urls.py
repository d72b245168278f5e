"""Upload pages for editors."""

from django.urls import path

from ingest import views

app_name = "ingest"

urlpatterns = [
    path("", views.UploadView.as_view(), name="upload"),
    path("status/", views.StatusView.as_view(), name="status"),
    path("reports/<int:pk>/original/", views.OriginalFileView.as_view(), name="original"),
]
