from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tracker.models import Estimate, Report, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "needs_review"]
    search_fields = ["name", "aliases"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published_on", "status"]


@admin.register(Estimate)
class EstimateAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "as_of", "review_status", "confidence"]
    list_select_related = ["source"]
