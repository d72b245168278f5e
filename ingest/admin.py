"""Report admin with the re-extraction action (tracker's admin, extended from ingest)."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

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
            report_reextract(report=report, user=request.user)
        self.message_user(request, f"Re-extracted {queryset.count()} report(s).", messages.SUCCESS)

    @admin.display(description=_("original file"))
    def original_file_link(self, report):
        """Link the original to the download view (MEDIA_ROOT itself is never served), with the
        SHA-256 of its bytes, so that a downloaded copy can be checked."""
        if not report.original_file:
            return "-"
        url = reverse("ingest:original", args=[report.pk])
        return format_html(
            '<a href="{}" download>{}</a><br>SHA-256 <code class="sha256">{}</code>',
            url,
            report.original_file.name,
            report.original_sha256 or "-",
        )
