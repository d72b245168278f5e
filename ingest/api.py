"""Uploads through the API: POST /api/v1/reports/ (built out by the ingest work)."""

from tracker.api.views import ReportViewSet as ReadReportViewSet


class ReportViewSet(ReadReportViewSet):
    """The read-only report endpoint, plus uploads for editors."""
