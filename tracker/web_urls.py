"""Public pages (the methodology page comes from ingest, routed by the project urls.py)."""

from django.urls import path

from tracker import views

app_name = "tracker"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("figures/", views.EstimateListView.as_view(), name="estimate_list"),
    path("reports/", views.ReportListView.as_view(), name="report_list"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("claimants/", views.SourceListView.as_view(), name="source_list"),
    path("claimants/<slug:slug>/", views.SourceDetailView.as_view(), name="source_detail"),
]
