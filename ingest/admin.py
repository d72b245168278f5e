"""Report admin with the re-extraction action (tracker's admin, extended from ingest), and feeds."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from ingest.feeds import feed_poll, feed_resume
from ingest.fetch import FetchError, check_url
from ingest.models import Feed, FeedItem
from ingest.services import report_reextract, report_refetch
from tracker.admin import ReportAdmin as TrackerReportAdmin
from tracker.models import Report

admin.site.unregister(Report)


@admin.register(Report)
class ReportAdmin(TrackerReportAdmin):
    actions = [*(TrackerReportAdmin.actions or []), "reextract", "refetch"]

    @admin.action(
        description="Re-extract figures (editors' reviewed figures are kept)", permissions=["change"]
    )
    def reextract(self, request, queryset):
        for report in queryset:
            report_reextract(report=report, user=request.user)
        self.message_user(request, f"Re-extracted {queryset.count()} report(s).", messages.SUCCESS)

    @admin.action(description="Fetch again the pages that could not be fetched", permissions=["change"])
    def refetch(self, request, queryset):
        queued = sum(report_refetch(report=report) for report in queryset)
        self.message_user(request, f"Queued again: {queued} report(s).", messages.SUCCESS)

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


class FeedForm(forms.ModelForm):
    url = forms.URLField(max_length=1000, assume_scheme="https")

    class Meta:
        model = Feed
        fields = ["url", "title", "keywords", "language", "interval_minutes", "next_poll_at", "paused_reason"]

    def clean_url(self):
        """Check the feed's address as an article's is: http(s) and a public host, unless allowed."""
        try:
            return check_url(self.cleaned_data["url"]).url
        except FetchError as exc:
            raise forms.ValidationError(str(exc)) from None


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    form = FeedForm
    list_display = ["__str__", "state", "last_polled_at", "last_new_item_at", "items_ingested", "error"]
    list_filter = [("paused_reason", admin.EmptyFieldListFilter), "language"]
    search_fields = ["url", "title"]
    readonly_fields = [
        "last_polled_at",
        "last_new_item_at",
        "items_ingested",
        "failures",
        "last_error",
        "etag",
        "last_modified",
        "created_by",
        "created_at",
    ]
    actions = ["poll_now", "resume"]

    @admin.display(description="state")
    def state(self, feed):
        if feed.is_paused:
            return format_html('<strong class="errornote">paused</strong>: {}', feed.paused_reason)
        return format_html("active, next poll {}", feed.next_poll_at.strftime("%Y-%m-%d %H:%M"))

    @admin.display(description="last error")
    def error(self, feed):
        return Truncator(feed.last_error).chars(120) or "-"

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request, queryset):
        for feed in queryset:
            created = feed_poll(feed=feed)
            if created is None:
                self.message_user(request, f"{feed}: {feed.last_error}", messages.ERROR)
            else:
                self.message_user(request, f"{feed}: {created} new report(s).", messages.SUCCESS)

    @admin.action(description="Resume polling", permissions=["change"])
    def resume(self, request, queryset):
        for feed in queryset:
            feed_resume(feed=feed)
        self.message_user(request, f"Resumed {queryset.count()} feed(s).", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(FeedItem)
class FeedItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "feed", "matched", "report", "error", "seen_at"]
    list_filter = ["matched", "feed"]
    list_select_related = ["feed", "report"]
    search_fields = ["title", "url"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
