"""Editorial review: editors confirm, correct or reject every figure the machine read.

The admin only declares pages; every write goes through tracker/services.py so the review is
recorded with who and when, and the machine's original reading is never overwritten.
Re-extraction lives in ingest, which subclasses ReportAdmin and extends its `actions`.
"""

from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from tracker.highlight import highlighted_text, quote_in_paragraph
from tracker.models import ApiToken, DatePrecision, Estimate, Report, Source
from tracker.series import out_of_sequence_below
from tracker.services import (
    EDITABLE_FIELDS,
    EditConflict,
    estimate_confirm,
    estimate_correct,
    estimate_reject,
    estimate_reopen,
    report_delete,
    report_publish,
    report_withdraw,
    source_merge,
)

# Keys of Estimate.machine_reading in the order an editor compares them; the quote and its
# offsets are shown as the evidence above the table instead.
READING_KEYS = (
    "claimant",
    "claimant_kind",
    "value",
    "value_max",
    "qualifier",
    "casualty",
    "victims",
    "scope",
    "geography",
    "perpetrator",
    "as_of",
    "confidence",
)


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
        fields = ["name", "slug", "kind", "aliases", "url", "description", "needs_review"]


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
    list_display = ["name", "kind", "alias_list", "needs_review", "figure_count"]
    list_filter = ["kind", "needs_review"]
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
        "sha256",
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


OUT_OF_SEQUENCE = "out_of_sequence"


class ReviewQueueFilter(admin.SimpleListFilter):
    """The review queue as a list: unreviewed, weakest confidence first (see get_ordering)."""

    title = _("review queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("1", _("Unreviewed, weakest first")),
            (OUT_OF_SEQUENCE, _("Out of sequence: below the claimant's earlier total")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.review_queue()
        if self.value() == OUT_OF_SEQUENCE:
            return queryset.filter(pk__in=out_of_sequence_below())
        return queryset


class EstimateForm(forms.ModelForm):
    """The editable fields, plus the `updated_at` the form was built from to detect conflicts."""

    expected_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Estimate
        fields = EDITABLE_FIELDS
        # The review page's labels in the editor's language (the model's field names have none yet:
        # verbose names there would need a migration).
        labels = {
            "source": _("Claimant"),
            "value": _("Value"),
            "value_max": _("Maximum of a range"),
            "qualifier": _("Qualifier"),
            "casualty": _("Casualty"),
            "victims": _("Victims"),
            "scope": _("Scope"),
            "geography": _("Geography"),
            "perpetrator": _("Perpetrator"),
            "period_start": _("Period start"),
            "as_of": _("As of"),
            "as_of_precision": _("Precision of the date"),
            "editor_note": _("Editor's note"),
        }

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
    form = EstimateForm
    object_history_list_template = "admin/tracker/estimate/object_history_list.html"
    list_display = [*FIGURE_COLUMNS, "review_reason", "report_link"]
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
    fieldsets = [
        (_("Evidence"), {"fields": ["evidence", "report_link", "reading"]}),
        (_("Figure"), {"fields": [*EDITABLE_FIELDS, "expected_updated_at"]}),
        (
            _("Review"),
            {"fields": ["review_reason", "review_status", "reviewed_by", "reviewed_at", "confidence"]},
        ),
        (_("History"), {"fields": ["history_table"]}),
    ]
    readonly_fields = [
        "evidence",
        "report_link",
        "reading",
        "review_reason",
        "review_status",
        "reviewed_by",
        "reviewed_at",
        "confidence",
        "history_table",
    ]

    class Media:
        css = {"all": ["tracker/admin.css"]}

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [path("review/", review, name="tracker_estimate_review"), *super().get_urls()]

    @admin.display(description=_("why to check"))
    def review_reason(self, obj):
        """Name what the chart found odd about the figure: a total below the claimant's earlier one."""
        below = out_of_sequence_below().get(obj.pk)
        if below is None:
            return ""
        return _("Out of sequence: below the claimant's earlier total of %(total)s") % {
            "total": number_format(below, force_grouping=True)
        }

    def get_ordering(self, request):
        if request.GET.get(ReviewQueueFilter.parameter_name) == "1":
            return ["confidence", "pk"]
        return super().get_ordering(request)

    def has_add_permission(self, request):
        # A figure is read from a report at known offsets: it comes from extraction.
        return False

    # Pages ---------------------------------------------------------------------------------

    def review_view(self, request):
        """Open the next figure of the review queue; `?after=<pk>` skips past that one."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        after_id = request.GET.get("after", "")
        after = Estimate.objects.filter(pk=int(after_id)).first() if after_id.isdigit() else None
        return self._redirect_to_next(request, after=after)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            # The model's verbose name is not translated yet (a migration would change it).
            "title": _("Figures"),
            **(extra_context or {}),
            "review_url": reverse("admin:tracker_estimate_review"),
            "queue_count": Estimate.objects.review_queue().count(),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            "title": _("Review a figure"),
            **(extra_context or {}),
            "skip_url": f"{reverse('admin:tracker_estimate_review')}?after={object_id}",
            "queue_count": Estimate.objects.review_queue().count(),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Old versions are for reading: a revert would bypass the review services.
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET"])
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

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
            return HttpResponseRedirect(request.path)
        if "_save_and_next" in request.POST or "_reject_and_next" in request.POST:
            status = obj.get_review_status_display()
            self.message_user(request, _("%(figure)s: %(status)s.") % {"figure": obj, "status": status})
            return self._redirect_to_next(request, exclude=obj)
        return super().response_change(request, obj)

    def _redirect_to_next(self, request, exclude=None, after=None):
        queue = Estimate.objects.review_queue()
        if exclude is not None:
            queue = queue.exclude(pk=exclude.pk)
        if after is not None:
            queue = queue.filter(
                Q(confidence__gt=after.confidence) | Q(confidence=after.confidence, pk__gt=after.pk)
            )
        following = queue.first()
        if following is None:
            self.message_user(request, _("Nothing left to review."))
            return HttpResponseRedirect(reverse("admin:tracker_estimate_changelist"))
        return HttpResponseRedirect(estimate_admin_url(following))

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

    # Columns and read-only fields ------------------------------------------------------

    @admin.display(description=_("figure"), ordering="value")
    def figure(self, estimate):
        return estimate.display_value

    @admin.display(description=_("report"), ordering="report")
    def report_link(self, estimate):
        url = reverse("admin:tracker_report_change", args=[estimate.report_id])
        title = Truncator(str(estimate.report)).chars(40)
        return format_html('<a href="{}#figure-{}">{}</a>', url, estimate.pk, title)

    @admin.display(description=_("quote in its paragraph"))
    def evidence(self, estimate):
        paragraph = quote_in_paragraph(estimate.report.text, estimate.start, estimate.end)
        return format_html('<blockquote class="evidence">{}</blockquote>', paragraph or estimate.quote)

    @admin.display(description=_("machine reading"))
    def reading(self, estimate):
        machine = estimate.machine_reading or {}
        if not machine:
            return _("No machine reading: this figure was entered by hand.")
        current = _current_reading(estimate)
        keys = [k for k in READING_KEYS if k in machine] + sorted(
            k for k in machine if k not in READING_KEYS and k not in ("quote", "start", "end")
        )
        rows = format_html_join(
            "",
            '<tr class="{}"><th>{}</th><td>{}</td><td>{}</td></tr>',
            (
                (
                    "differs" if key in current and _text(machine[key]) != _text(current[key]) else "",
                    key,
                    _text(machine[key]),
                    _text(current.get(key, "")),
                )
                for key in keys
            ),
        )
        return format_html(
            '<table class="reading"><thead><tr><th></th><th>{}</th><th>{}</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            _("machine (original)"),
            _("current"),
            rows,
        )

    @admin.display(description=_("history"))
    def history_table(self, estimate):
        records = list(estimate.history.select_related("history_user").order_by("-history_date", "-pk"))
        rows = []
        for record, older in zip(records, [*records[1:], None], strict=True):
            rows.append(
                (
                    record.history_date.strftime("%Y-%m-%d %H:%M:%S"),
                    record.history_user or _("machine"),
                    record.get_review_status_display(),
                    _describe_changes(record, older),
                    record.history_change_reason or "",
                )
            )
        return format_html(
            '<table class="history"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>'
            "</tr></thead><tbody>{}</tbody></table>",
            _("when"),
            _("who"),
            _("status"),
            _("changes"),
            _("reason"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )


def _current_reading(estimate):
    """Return the estimate's current values under the keys of the machine reading."""
    current = {name: getattr(estimate, name) for name in READING_KEYS if hasattr(estimate, name)}
    current["claimant"] = estimate.source.name
    current["claimant_kind"] = estimate.source.kind
    current["as_of"] = _as_of_text(estimate)
    return current


def _as_of_text(estimate):
    if estimate.as_of is None:
        return None
    formats = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m"}
    return estimate.as_of.strftime(formats.get(estimate.as_of_precision, "%Y-%m-%d"))


def _text(value):
    return "" if value is None else str(value)


def _describe_changes(record, older):
    if older is None:
        return _("created") if record.history_type == "+" else ""
    delta = record.diff_against(older, excluded_fields=["updated_at"], foreign_keys_are_objs=True)
    return "; ".join(f"{change.field}: {_text(change.old)} → {_text(change.new)}" for change in delta.changes)


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
