"""Serializers of the read API."""

from rest_framework import serializers

from tracker.models import Report


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "title", "outlet", "url", "language", "published_on", "status", "error"]
