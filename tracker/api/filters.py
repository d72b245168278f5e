"""Filters of the JSON API's lists; each is named after the word a consumer would search for."""

import datetime

import django_filters as filters
from drf_spectacular.utils import extend_schema_field

from tracker.models import Estimate, Report, Source


def in_utc(moment):
    """Return a time in UTC: PostgreSQL refuses an offset beyond 15 hours, which ISO 8601 allows."""
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:  # before year 1 once in UTC: everything is newer
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)


class UpdatedSinceFilter(filters.IsoDateTimeFilter):
    """Compare in UTC (see in_utc)."""

    def filter(self, qs, value):
        return super().filter(qs, in_utc(value) if value is not None else value)


class UpdatedSinceFilterSet(filters.FilterSet):
    updated_since = UpdatedSinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only rows changed at or after this ISO 8601 time (corrections included): "
        "pass the `last_updated` of your previous sync.",
    )


class SourceFilter(UpdatedSinceFilterSet):
    kind = filters.MultipleChoiceFilter(choices=Source.Kind.choices, help_text="Repeat for several.")
    needs_review = filters.BooleanFilter(help_text="Created from a name nobody has reviewed yet.")

    class Meta:
        model = Source
        fields = ["kind", "needs_review", "updated_since"]


class ReportFilter(UpdatedSinceFilterSet):
    status = filters.MultipleChoiceFilter(choices=Report.Status.choices, help_text="Repeat for several.")
    language = filters.ChoiceFilter(choices=Report.Language.choices)
    outlet = filters.CharFilter(lookup_expr="iexact", help_text="Exact outlet name, any case.")
    published = filters.DateFromToRangeFilter(
        field_name="published_on", help_text="`published_after` / `published_before` (YYYY-MM-DD)."
    )

    class Meta:
        model = Report
        fields = ["status", "language", "outlet", "published", "updated_since"]


@extend_schema_field({"type": "string", "description": "Claimant slug; repeat for several."})
class ClaimantFilter(filters.ModelMultipleChoiceFilter):
    """Figures of any of the given claimants; an unknown slug is a 400, not an empty list."""


class EstimateFilter(UpdatedSinceFilterSet):
    claimant = ClaimantFilter(field_name="source__slug", to_field_name="slug", queryset=Source.objects.all())
    claimant_kind = filters.MultipleChoiceFilter(
        field_name="source__kind", choices=Source.Kind.choices, help_text="Repeat for several."
    )
    casualty = filters.MultipleChoiceFilter(
        choices=Estimate.Casualty.choices, help_text="Repeat for several."
    )
    victims = filters.MultipleChoiceFilter(choices=Estimate.Victims.choices, help_text="Repeat for several.")
    scope = filters.MultipleChoiceFilter(choices=Estimate.Scope.choices, help_text="Repeat for several.")
    geography = filters.MultipleChoiceFilter(
        choices=Estimate.Geography.choices, help_text="Repeat for several."
    )
    perpetrator = filters.MultipleChoiceFilter(
        choices=Estimate.Perpetrator.choices, help_text="Repeat for several."
    )
    review_status = filters.MultipleChoiceFilter(
        choices=Estimate.ReviewStatus.choices,
        help_text="Repeat for several. Rejected figures are listed only to editors who ask "
        "`include_rejected=true`.",
    )
    as_of = filters.DateFromToRangeFilter(help_text="`as_of_after` / `as_of_before` (YYYY-MM-DD), inclusive.")
    report = filters.ModelChoiceFilter(
        queryset=Report.objects.only("pk"), help_text="Only the figures of this report (its id)."
    )
    min_confidence = filters.NumberFilter(
        field_name="confidence", lookup_expr="gte", help_text="The extractor's confidence, 0 to 1."
    )

    class Meta:
        model = Estimate
        fields = [
            "claimant",
            "claimant_kind",
            "casualty",
            "victims",
            "scope",
            "geography",
            "perpetrator",
            "review_status",
            "as_of",
            "report",
            "min_confidence",
            "updated_since",
        ]
