"""Editorial review: editors confirm, correct or reject every figure the machine read.

The admin only declares pages; every write goes through tracker/services.py so the review is
recorded with who and when, and the machine's original reading is never overwritten.
Re-extraction lives in ingest, which subclasses ReportAdmin and extends its `actions`.
"""

from copy import copy
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from tracker.highlight import highlighted_text, quote_in_paragraph
from tracker.history import FIELD_LABELS, history_in_words, shown
from tracker.models import ApiToken, DatePrecision, Estimate, Report, Source
from tracker.series import BELOW, contradictions
from tracker.services import (
    EDITABLE_FIELDS,
    EditConflict,
    estimate_confirm,
    estimate_correct,
    estimate_reject,
    estimate_reopen,
    report_confirm,
    report_delete,
    report_publish,
    report_withdraw,
    source_merge,
)

# The product's name and the public site's words (Figures, Claimants, Reports), not Django's.
admin.site.site_header = _("Casualty Tracker")
admin.site.site_title = _("Casualty Tracker")
admin.site.index_title = _("Review and upload")
# The header links every section (admin/base_site.html): the review queue needs the width.
admin.site.enable_nav_sidebar = False


def estimate_admin_url(estimate):
    return reverse("admin:tracker_estimate_change", args=[estimate.pk])


# --- Source -------------------------------------------------------------------------------


class AliasesField(forms.CharField):
    """Edit a list of names as one name per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        names = [line.strip() for line in (value or "").splitlines()]
        return list(dict.fromkeys(name for name in names if name))


class SourceForm(forms.ModelForm):
    aliases = AliasesField(
        required=False,
        help_text=_("One name per line, matched ignoring case and accents; the next extraction uses them."),
    )
    url = forms.URLField(required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = Source
        fields = ["name", "slug", "kind", "coalition", "aliases", "url", "description", "needs_review"]


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=Source.objects.all(), label=_("Merge into"))

    def __init__(self, *args, duplicates, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = duplicates

    def clean_into(self):
        into = self.cleaned_data["into"]
        if not self.duplicates.exclude(pk=into.pk).exists():
            raise ValidationError(_("Choose a claimant other than the ones being merged."))
        return into


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "coalition", "alias_list", "needs_review", "figure_count"]
    list_filter = ["kind", "coalition", "needs_review"]
    list_editable = ["needs_review"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(figure_count=Count("estimates"))

    @admin.display(description=_("aliases"))
    def alias_list(self, source):
        return ", ".join(source.aliases)

    @admin.display(description=_("figures"), ordering="figure_count")
    def figure_count(self, source):
        return source.figure_count

    @admin.action(description=_("Merge the selected claimants into another…"), permissions=["change"])
    def merge(self, request, queryset):
        form = MergeForm(request.POST if "apply" in request.POST else None, duplicates=queryset)
        if form.is_valid():
            into = form.cleaned_data["into"]
            duplicates = list(queryset.exclude(pk=into.pk))
            with transaction.atomic():
                for duplicate in duplicates:
                    source_merge(duplicate=duplicate, into=into, user=request.user)
                    self.log_change(request, into, f"Merged claimant {duplicate.name} into it.")
            names = ", ".join(d.name for d in duplicates)
            self.message_user(request, _("Merged %(names)s into %(into)s.") % {"names": names, "into": into})
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge claimants"),
            "opts": self.opts,
            "queryset": queryset,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/tracker/source/merge.html", context)


# --- Report -------------------------------------------------------------------------------


# A figure as a row: in its report's inline and in the list of every figure.
FIGURE_COLUMNS = [
    "figure",
    "source",
    "casualty",
    "victims",
    "scope",
    "geography",
    "as_of",
    "confidence",
    "review_status",
]


class EstimateInline(admin.TabularInline):
    """The report's figures, read-only: each links to its review page."""

    model = Estimate
    fields = FIGURE_COLUMNS
    readonly_fields = fields
    ordering = ["start"]
    extra = 0
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("figure"))
    def figure(self, estimate):
        return format_html('<a href="{}">{}</a>', estimate_admin_url(estimate), estimate.display_value)


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Reports are created by uploads (ingest); here editors read them and fix their metadata."""

    list_display = [
        "__str__",
        "outlet",
        "language",
        "published_on",
        "status",
        "publication",
        "figure_count",
        "unreviewed_count",
        "created_at",
    ]
    list_filter = ["publication", "status", "language", "published_on"]
    search_fields = ["title", "outlet", "url"]
    date_hierarchy = "created_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["publish", "withdraw"]  # ingest adds "extract again" in its subclass
    inlines = [EstimateInline]
    processing_fields = [
        "status",
        "error",
        "original_file_link",
        "content_type",
        "attempts",
        "extractor_version",
        "processed_at",
        "uploaded_by",
        "requested_url",
        "final_url",
        "http_status",
        "fetched_at",
        "sha256",
        "duplicate_of",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "url", "language", "published_on", "published_precision"]}),
        (_("Publication"), {"fields": ["publication", "publication_history"]}),
        (_("Article"), {"fields": ["article"]}),
        (_("Processing"), {"fields": processing_fields}),
    ]
    readonly_fields = ["publication", "publication_history", "article", *processing_fields]

    class Media:
        css = {"all": ["tracker/admin.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                figure_count=Count("estimates"),
                unreviewed_count=Count(
                    "estimates", filter=Q(estimates__review_status=Estimate.ReviewStatus.EXTRACTED)
                ),
            )
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("figures"), ordering="figure_count")
    def figure_count(self, report):
        return report.figure_count

    @admin.display(description=_("unreviewed"), ordering="unreviewed_count")
    def unreviewed_count(self, report):
        return report.unreviewed_count

    @admin.display(description=_("text, figures highlighted"))
    def article(self, report):
        estimates = report.estimates.select_related("source")
        return format_html(
            '<div class="article">{}</div>', highlighted_text(report.text, estimates, link=estimate_admin_url)
        )

    @admin.display(description=_("original file"))
    def original_file_link(self, report):
        if not report.original_file:
            return "-"
        return format_html('<a href="{}">{}</a>', report.original_file.url, report.original_file.name)

    @admin.display(description=_("history"))
    def publication_history(self, report):
        rows = [
            (record.history_date.strftime("%Y-%m-%d %H:%M:%S"), record.history_user or _("machine"),
             record.get_publication_display(), record.history_change_reason or "")
            for record in report.history.select_related("history_user").order_by("-history_date", "-pk")
        ]  # fmt: skip
        return format_html(
            '<table class="history"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            _("when"),
            _("who"),
            _("publication"),
            _("reason"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    # Actions and deletion: the services record who did it; a deletion removes the original file.

    @admin.action(description=_("Publish the selected reports"), permissions=["change"])
    def publish(self, request, queryset):
        for report in queryset:
            report_publish(report=report, user=request.user)
        self.message_user(request, _("Published: their text and figures are public."), messages.SUCCESS)

    @admin.action(description=_("Withdraw the selected reports from publication"), permissions=["change"])
    def withdraw(self, request, queryset):
        for report in queryset:
            report_withdraw(report=report, user=request.user)
        self.message_user(
            request, _("Withdrawn: their text and figures are hidden from the public."), messages.SUCCESS
        )

    def delete_model(self, request, obj):
        report_delete(report=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for report in queryset:
                report_delete(report=report, user=request.user)


# --- Estimate -----------------------------------------------------------------------------


class ConfidenceFilter(admin.SimpleListFilter):
    title = _("confidence")
    parameter_name = "confidence"
    BANDS = {"low": (0, 0.5), "medium": (0.5, 0.8), "high": (0.8, 1.01)}

    def lookups(self, request, model_admin):
        return [("low", _("below 0.5")), ("medium", _("0.5 to 0.8")), ("high", _("0.8 and above"))]

    def queryset(self, request, queryset):
        if self.value() in self.BANDS:
            low, high = self.BANDS[self.value()]
            return queryset.filter(confidence__gte=low, confidence__lt=high)
        return queryset


CONTRADICTS = "contradicts"


class ReviewQueueFilter(admin.SimpleListFilter):
    """The review queue as a list: unreviewed, contradictions first, then weakest confidence."""

    title = _("review queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("1", _("Unreviewed: contradictions first, then weakest confidence")),
            (CONTRADICTS, _("Contradicting another figure of the claimant")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.review_queue(first=contradictions())
        if self.value() == CONTRADICTS:
            return queryset.filter(pk__in=list(contradictions()))
        return queryset


# The list "next" walks when the editor came to a figure from no list: the review queue.
QUEUE = f"{ReviewQueueFilter.parameter_name}=1"
# The review page's fields: the number first, it is what the machine misreads most.
REVIEW_FIELDS = [
    "value",
    "qualifier",
    "value_max",
    "casualty",
    "victims",
    "source",
    "scope",
    "geography",
    "perpetrator",
    "as_of",
    "as_of_precision",
    "period_start",
    "editor_note",
]
# The machine's reading of these is in Estimate.machine_reading under the same names.
READ_FIELDS = ("value", "value_max", "qualifier", "casualty", "victims", "scope", "geography", "perpetrator")
# The review page's buttons that give a verdict and open the next figure.
NEXT_BUTTONS = {"_save_and_next", "_reject_and_next"}
# How far from a figure's date the claimant's other figures are shown beside it.
NEARBY = timedelta(days=183)


class EstimateForm(forms.ModelForm):
    """The editable fields, plus the `updated_at` the form was built from to detect conflicts."""

    expected_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Estimate
        fields = EDITABLE_FIELDS
        labels = FIELD_LABELS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_updated_at"].required = True
            self.fields["expected_updated_at"].initial = self.instance.updated_at.isoformat()

    def clean_expected_updated_at(self):
        value = self.cleaned_data["expected_updated_at"]
        if not value:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(_("The form is damaged: reload the page.")) from None

    def clean(self):
        cleaned = super().clean()
        expected = cleaned.get("expected_updated_at")
        if self.instance.pk and expected and expected != self.instance.updated_at:
            raise ValidationError(
                _(
                    "Someone else changed this figure since you opened it. Your edits were not "
                    "saved: open the figure again in a new tab to see their changes."
                ),
                code="conflict",
            )
        return cleaned


@admin.register(Estimate)
class EstimateAdmin(SimpleHistoryAdmin):
    """The review queue and the review page: the quote beside the fields, keys for every verdict.

    "Next" walks the list the editor came from, in its order (the queue unless they chose
    other filters or another sort), which the change page's link carries in
    `_changelist_filters`.
    """

    form = EstimateForm
    object_history_list_template = "admin/tracker/estimate/object_history_list.html"
    # Few columns, the figure's words in one: the queue fits a 1366 px screen with its filters.
    list_display = [
        "figure", "claimant", "as_of", "confidence_shown", "review_status", "review_reason", "report_link"
    ]  # fmt: skip
    list_filter = [
        ReviewQueueFilter,
        "review_status",
        "source__kind",
        ("source", admin.RelatedOnlyFieldListFilter),
        "qualifier",
        "casualty",
        "victims",
        "scope",
        "geography",
        "perpetrator",
        "as_of",
        ConfidenceFilter,
        ("report", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["source", "report"]
    date_hierarchy = "as_of"
    search_fields = ["quote", "source__name", "source__aliases", "report__title"]
    autocomplete_fields = ["source"]
    actions = ["confirm", "reject", "reopen"]
    # The review page lays these out itself (change_form.html); old versions show them as is.
    fields = [*REVIEW_FIELDS, "expected_updated_at"]

    class Media:  # tracker/admin.css comes with every admin page (admin/base_site.html)
        js = ["tracker/review.js"]

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        review_report = self.admin_site.admin_view(self.review_report_view)
        return [
            path("review/", review, name="tracker_estimate_review"),
            path("review/report/<int:pk>/", review_report, name="tracker_estimate_review_report"),
            *super().get_urls(),
        ]

    def get_changelist(self, request, **kwargs):
        return ReviewChangeList

    def get_ordering(self, request):
        if request.GET.get(ReviewQueueFilter.parameter_name) == "1":
            return Estimate.queue_order(contradictions())
        return super().get_ordering(request)

    def has_add_permission(self, request):
        # A figure is read from a report at known offsets: it comes from extraction.
        return False

    # Pages ---------------------------------------------------------------------------------

    def review_view(self, request):
        """Open the first figure of the review queue; `?after=<pk>` the one after that figure."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        listed = self._listed(request)
        after_id = request.GET.get("after", "")
        after = int(after_id) if after_id.isdigit() and int(after_id) in listed else None
        following = listed[listed.index(after) + 1 :] if after is not None else listed
        if not following:
            self.message_user(request, _("Nothing left to review."))
            return HttpResponseRedirect(reverse("admin:tracker_estimate_changelist"))
        return HttpResponseRedirect(self._review_url(request, following[0]))

    def review_report_view(self, request, pk):
        """One report's figures highlighted in its text: confirm them all at once, or one by one."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        report = get_object_or_404(Report, pk=pk)
        if request.method == "POST":
            return self._review_report(request, report)
        figures = list(report.estimates.select_related("source").order_by("start"))
        unreviewed = [f for f in figures if not f.is_reviewed]
        at = request.GET.get("at", "")
        selected = next((f.pk for f in figures if str(f.pk) == at), unreviewed[0].pk if unreviewed else None)
        found = contradictions()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review the figures of a report"),
            "opts": self.opts,
            "report": report,
            "article": highlighted_text(report.text, figures, link=self._review_url_of(request)),
            "figures": [(f, _reason(found.get(f.pk))) for f in figures],
            "unreviewed": unreviewed,
            "selected": selected,
        }
        return TemplateResponse(request, "admin/tracker/estimate/review_report.html", context)

    def _review_report(self, request, report):
        figures = report.estimates.all()
        ids = [int(pk) for pk in request.POST.getlist("figure") if pk.isdigit()]
        chosen = request.POST.get("_confirm") or request.POST.get("_reject") or ""
        one = figures.filter(pk=int(chosen)).first() if chosen.isdigit() else None
        following = ""
        try:
            if "_confirm_all" in request.POST:
                count = len(report_confirm(report=report, user=request.user, ids=ids))
                self.message_user(
                    request,
                    ngettext("%(count)d figure confirmed.", "%(count)d figures confirmed.", count)
                    % {"count": count},
                )
            elif one is not None:
                service = estimate_confirm if "_confirm" in request.POST else estimate_reject
                one = service(estimate=one, user=request.user)
                status = one.get_review_status_display()
                self.message_user(request, _("%(figure)s: %(status)s.") % {"figure": one, "status": status})
                after = figures.unreviewed().filter(start__gt=one.start).order_by("start").first()
                following = f"?at={after.pk}" if after else ""
        except EditConflict as conflict:
            self.message_user(request, str(conflict), messages.ERROR)
        return HttpResponseRedirect(request.path + following)

    def changelist_view(self, request, extra_context=None):
        in_queue = request.GET.get(ReviewQueueFilter.parameter_name) == "1"
        extra_context = {
            "title": _("Review queue") if in_queue else _("Figures"),
            **(extra_context or {}),
            "review_url": reverse("admin:tracker_estimate_review"),
            "queue_count": Estimate.objects.review_queue().count(),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and NEXT_BUTTONS & set(request.POST):
            request.review_order = self._listed(request)  # before the figure leaves the list
        extra_context = {"title": _("Review a figure"), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and change:
            context["review"] = self._review_context(request, obj, context["adminform"].form)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Old versions are for reading: a revert would bypass the review services.
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET"])
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Say what each version changed in words on the history page (see tracker.history)."""
        for record, words in history_in_words(historical_records):
            record.in_words = words

    # The review page ------------------------------------------------------------------------

    def _review_context(self, request, estimate, form):
        listed = self._listed(request)
        index = listed.index(estimate.pk) if estimate.pk in listed else None
        following = listed[index + 1] if index is not None and index + 1 < len(listed) else None
        previous = listed[index - 1] if index else None
        machine = _machine_words(estimate)
        return {
            "evidence": quote_in_paragraph(estimate.report.text, estimate.start, estimate.end)
            or estimate.quote,
            "fields": [(form[name], machine.get(name)) for name in REVIEW_FIELDS if name in form.fields],
            "reason": _reason(contradictions().get(estimate.pk)),
            "position": index + 1 if index is not None else None,
            "listed": len(listed),
            "next_url": self._review_url(request, following) if following else self._list_url(request),
            "previous_url": self._review_url(request, previous) if previous else "",
            "list_url": self._list_url(request),
            "report_review_url": reverse("admin:tracker_estimate_review_report", args=[estimate.report_id]),
            "nearby": _nearby(estimate),
            "same_value": _same_value(estimate),
            "history": history_in_words(
                estimate.history.select_related("history_user").order_by("-history_date", "-history_id")
            ),
            "queue_count": Estimate.objects.review_queue().count(),
        }

    def _listed(self, request):
        """Return the ids of the list the editor reviews, in its order (see the class docstring)."""
        listing = copy(request)
        listing.GET = QueryDict(request.GET.get("_changelist_filters") or QUEUE)
        try:
            changelist = self.get_changelist_instance(listing)
        except IncorrectLookupParameters:  # a damaged link: walk the queue
            return list(Estimate.objects.review_queue(first=contradictions()).values_list("pk", flat=True))
        return list(changelist.get_queryset(listing).values_list("pk", flat=True))

    def _review_url(self, request, pk):
        """Return the review page of figure `pk`, keeping the list the editor walks."""
        url = reverse("admin:tracker_estimate_change", args=[pk])
        filters = request.GET.get("_changelist_filters")
        return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url

    def _review_url_of(self, request):
        return lambda estimate: self._review_url(request, estimate.pk)

    def _list_url(self, request):
        filters = request.GET.get("_changelist_filters") or QUEUE
        return f"{reverse('admin:tracker_estimate_changelist')}?{filters}"

    # Saving ------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        """Record the editor's decision through the services, never a plain save."""
        try:
            if "_reject_and_next" in request.POST:
                note = form.cleaned_data.get("editor_note", "")
                estimate_reject(estimate=obj, user=request.user, note=note)
            else:
                changes = {n: form.cleaned_data[n] for n in EDITABLE_FIELDS if n in form.cleaned_data}
                estimate_correct(  # submitting the review form is the editor's verdict
                    estimate=obj,
                    user=request.user,
                    expected_updated_at=form.cleaned_data.get("expected_updated_at"),
                    review_status=Estimate.ReviewStatus.CONFIRMED,
                    **changes,
                )
        except EditConflict as conflict:
            request.edit_conflict = conflict
        try:
            obj.refresh_from_db()
        except Estimate.DoesNotExist:  # re-extraction replaced it meanwhile
            request.estimate_gone = True

    def log_change(self, request, obj, message):
        if getattr(request, "edit_conflict", None):
            return None
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if conflict := getattr(request, "edit_conflict", None):
            if getattr(request, "estimate_gone", False):
                self.message_user(request, f"{conflict} Your edits were not saved.", messages.ERROR)
                return HttpResponseRedirect(reverse("admin:tracker_estimate_changelist"))
            self.message_user(
                request,
                f"{conflict} Your edits were not saved; here is the figure as it is now.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        if NEXT_BUTTONS & set(request.POST):
            status = obj.get_review_status_display()
            self.message_user(request, _("%(figure)s: %(status)s.") % {"figure": obj, "status": status})
            return self._redirect_to_next(request, obj.pk, getattr(request, "review_order", []))
        return super().response_change(request, obj)

    def _redirect_to_next(self, request, pk, order):
        """Open the figure after `pk` in the list as it was, still listed now; wrap round to the start."""
        index = order.index(pk) if pk in order else -1
        listed = set(self._listed(request))
        candidates = [*order[index + 1 :], *order[: max(index, 0)]]
        following = next((c for c in candidates if c in listed and c != pk), None)
        if following is None:
            self.message_user(request, _("Nothing left to review."))
            return HttpResponseRedirect(self._list_url(request))
        return HttpResponseRedirect(self._review_url(request, following))

    # Actions -----------------------------------------------------------------------------

    @admin.action(description=_("Confirm the selected figures"), permissions=["change"])
    def confirm(self, request, queryset):
        self._review_each(request, queryset, estimate_confirm, _("confirmed"))

    @admin.action(description=_("Reject the selected figures"), permissions=["change"])
    def reject(self, request, queryset):
        self._review_each(request, queryset, estimate_reject, _("rejected"))

    @admin.action(description=_("Send the selected figures back to review"), permissions=["change"])
    def reopen(self, request, queryset):
        self._review_each(request, queryset, estimate_reopen, _("sent back to review"))

    def _review_each(self, request, queryset, service, verdict):
        count = 0
        with transaction.atomic():
            for estimate in queryset:
                try:
                    service(estimate=estimate, user=request.user)
                    count += 1
                except EditConflict as conflict:  # replaced by re-extraction meanwhile
                    self.message_user(request, str(conflict), messages.WARNING)
        self.message_user(
            request,
            ngettext("%(count)d figure %(verdict)s.", "%(count)d figures %(verdict)s.", count)
            % {"count": count, "verdict": verdict},
        )

    # Columns -------------------------------------------------------------------------------

    @admin.display(description=_("figure"), ordering="value")
    def figure(self, estimate):
        return format_html(
            '<span class="figure-value">{} {} {}</span><span class="figure-context">{} · {} · {}</span>',
            estimate.display_value,
            estimate.get_victims_display(),
            estimate.get_casualty_display(),
            estimate.get_scope_display(),
            estimate.get_geography_display(),
            estimate.get_perpetrator_display(),
        )

    @admin.display(description=_("claimant"), ordering="source__name")
    def claimant(self, estimate):
        return estimate.source.name

    @admin.display(description=_("confidence"), ordering="confidence")
    def confidence_shown(self, estimate):
        return f"{estimate.confidence:.2f}"

    @admin.display(description=_("why to check"))
    def review_reason(self, estimate):
        return _reason(getattr(estimate, "contradiction", None))

    @admin.display(description=_("report"), ordering="report")
    def report_link(self, estimate):
        url = reverse("admin:tracker_estimate_review_report", args=[estimate.report_id])
        title = Truncator(str(estimate.report)).chars(30)
        return format_html('<a href="{}?at={}">{}</a>', url, estimate.pk, title)


def _reason(contradiction):
    """Say why a figure contradicts another of its claimant (see tracker.series.contradictions)."""
    if contradiction is None:
        return ""
    why, other = contradiction
    other = number_format(other, force_grouping=True)
    if why == BELOW:
        return _("Below the claimant's earlier total of %(total)s") % {"total": other}
    return _("The claimant states %(value)s for the same month") % {"value": other}


class ReviewChangeList(ChangeList):
    """The list of figures, each row knowing what it contradicts: worked out once per page."""

    def get_results(self, request):
        super().get_results(request)
        found = contradictions()
        for estimate in self.result_list:
            estimate.contradiction = found.get(estimate.pk)


def _machine_words(estimate):
    """Return {field: the machine's reading in words} for each field where the figure now differs."""
    machine = estimate.machine_reading or {}
    words = {}
    if machine.get("claimant") and machine["claimant"] != estimate.source.name:
        words["source"] = machine["claimant"]
    for name in READ_FIELDS:
        if name in machine and machine[name] != getattr(estimate, name):
            words[name] = shown(name, machine[name], {})
    if "as_of" in machine and (machine["as_of"] or None) != _as_of_text(estimate):
        words["as_of"] = machine["as_of"] or _("none")
    return words


def _nearby(estimate):
    """Return the claimant's other public figures dated near this one: a misread stands out among them."""
    if estimate.as_of is None:
        return []
    return list(
        Estimate.objects.public()
        .filter(source_id=estimate.source_id, as_of__range=(estimate.as_of - NEARBY, estimate.as_of + NEARBY))
        .exclude(pk=estimate.pk)
        .select_related("report")
        .order_by("as_of", "pk")[:10]
    )


def _same_value(estimate):
    """Return figures of other reports stating the same value: who else says it, and of what."""
    return list(
        Estimate.objects.public()
        .filter(value=estimate.value)
        .exclude(report_id=estimate.report_id)
        .select_related("report", "source")
        .order_by("-as_of", "pk")[:10]
    )


def _as_of_text(estimate):
    if estimate.as_of is None:
        return None
    formats = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m"}
    return estimate.as_of.strftime(formats.get(estimate.as_of_precision, "%Y-%m-%d"))


# --- API tokens -----------------------------------------------------------------------------


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Issue a token (its key is shown once, on the next page) and revoke it; never edit a key.

    A superuser manages everyone's tokens; any other staff user with the permissions, their own.
    """

    list_display = ["__str__", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def get_queryset(self, request):
        tokens = super().get_queryset(request)
        return tokens if request.user.is_superuser else tokens.filter(user=request.user)

    def get_fields(self, request, obj=None):
        if obj is not None:
            return ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
        return ["user", "name"] if request.user.is_superuser else ["name"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "user"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        if not change:
            if not request.user.is_superuser:
                obj.user = request.user
            key = obj.set_new_key()
            messages.warning(
                request,
                format_html(
                    "{} <code>{}</code>",
                    _("The token's key, shown this once only: copy it now."),
                    key,
                ),
            )
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        count = queryset.revoke()
        self.message_user(request, ngettext("%d token revoked.", "%d tokens revoked.", count) % count)
