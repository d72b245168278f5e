"""Read-only API views."""

from rest_framework import viewsets

from tracker.api.serializers import ReportSerializer
from tracker.models import Report


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Report.objects.all()
    serializer_class = ReportSerializer
