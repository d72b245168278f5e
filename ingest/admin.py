"""Report admin with the re-extraction action (tracker's admin, extended from ingest)."""

from django.contrib import admin, messages

from ingest.services import report_reextract
from tracker.admin import ReportAdmin as TrackerReportAdmin
from tracker.models import Report

admin.site.unregister(Report)


@admin.register(Report)
class ReportAdmin(TrackerReportAdmin):
    actions = [*(TrackerReportAdmin.actions or []), "reextract"]

    @admin.action(
        description="Re-extract figures (editors' reviewed figures are kept)", permissions=["change"]
    )
    def reextract(self, request, queryset):
        for report in queryset:
            report_reextract(report=report)
        self.message_user(request, f"Re-extracted {queryset.count()} report(s).", messages.SUCCESS)
