"""Public pages."""

from django.urls import path

from tracker import views

app_name = "tracker"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("claimants/<slug:slug>/", views.SourceDetailView.as_view(), name="source_detail"),
]
