"""Serializers of the JSON API: explicit fields, so a consumer's columns never move by accident."""

from django.urls import reverse
from rest_framework import serializers

from tracker.models import DatePrecision, Estimate, EstimateTombstone, Report, Source
from tracker.services import EDITABLE_FIELDS


def absolute_url(context, path):
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="source-detail")

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "kind",
            "coalition",
            "aliases",
            "description",
            "needs_review",
            "created_at",
            "updated_at",
        ]


class ClaimantSerializer(serializers.ModelSerializer):
    """The claimant as embedded in each figure: enough to group and label without a lookup."""

    class Meta:
        model = Source
        fields = ["id", "slug", "name", "kind"]


class ReportSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="report-detail")
    article_url = serializers.CharField(source="url", read_only=True, help_text="Where it was published.")
    page_url = serializers.SerializerMethodField(help_text="The report's public page.")
    estimate_count = serializers.SerializerMethodField(
        help_text="How many of its figures the public can see (rejected ones are not counted)."
    )
    duplicate_of = serializers.HyperlinkedRelatedField(
        view_name="report-detail",
        read_only=True,
        allow_null=True,
        help_text="For a duplicate: the report stored earlier with the same text.",
    )

    class Meta:
        model = Report
        fields = [
            "id",
            "url",
            "page_url",
            "title",
            "outlet",
            "article_url",
            "language",
            "published_on",
            "published_precision",
            "status",
            "error",
            "duplicate_of",
            "original_sha256",
            "attempts",
            "extractor_version",
            "processed_at",
            "requested_url",
            "final_url",
            "http_status",
            "fetched_at",
            "estimate_count",
            "publication",
            "created_at",
            "updated_at",
        ]

    def get_page_url(self, report) -> str:
        return absolute_url(self.context, report.get_absolute_url())

    def get_estimate_count(self, report) -> int | None:
        # Annotated by the viewset; a report built elsewhere (an upload) has not counted yet.
        return getattr(report, "estimate_count", None)


class ReportWithTextSerializer(ReportSerializer):
    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "text"]


class EstimateSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="estimate-detail")
    source = ClaimantSerializer(read_only=True)
    report = serializers.PrimaryKeyRelatedField(read_only=True)
    report_url = serializers.HyperlinkedRelatedField(
        source="report", view_name="report-detail", read_only=True
    )
    display_value = serializers.CharField(read_only=True, help_text='As read aloud: "at least 603".')

    class Meta:
        model = Estimate
        fields = [
            "id",
            "url",
            "report",
            "report_url",
            "source",
            "value",
            "value_max",
            "qualifier",
            "display_value",
            "casualty",
            "victims",
            "scope",
            "geography",
            "perpetrator",
            "period_start",
            "as_of",
            "as_of_precision",
            "quote",
            "start",
            "end",
            "confidence",
            "machine_reading",
            "review_status",
            "reviewed_at",
            "editor_note",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class EstimateCsvSerializer(EstimateSerializer):
    """One flat row per figure: a spreadsheet cannot open a nested claimant.

    Its links are the JSON ones: DRF would carry `?format=csv` over, which reports do not serve.
    """

    url = serializers.SerializerMethodField()
    report_url = serializers.SerializerMethodField()

    source = serializers.IntegerField(source="source.id", read_only=True)
    source_slug = serializers.CharField(source="source.slug", read_only=True)
    source_name = serializers.CharField(source="source.name", read_only=True)
    source_kind = serializers.CharField(source="source.kind", read_only=True)

    def get_url(self, estimate) -> str:
        return absolute_url(self.context, reverse("estimate-detail", args=[estimate.pk]))

    def get_report_url(self, estimate) -> str:
        return absolute_url(self.context, reverse("report-detail", args=[estimate.report_id]))

    class Meta(EstimateSerializer.Meta):
        fields = [
            *EstimateSerializer.Meta.fields[:5],
            "source_slug",
            "source_name",
            "source_kind",
            *EstimateSerializer.Meta.fields[5:],
        ]
        read_only_fields = fields


class EstimateCorrectionSerializer(serializers.ModelSerializer):
    """An editor's correction: the fields `estimate_correct` accepts, all optional.

    `review_status` changes only when sent or when a figure field changes (then: corrected);
    a note alone leaves it as it is. `updated_at` is the version the editor read; when it is
    no longer current the write is refused with 409 instead of overwriting someone else's edit.
    """

    source = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Source.objects.all(),
        required=False,
        help_text="The claimant's slug.",
    )
    updated_at = serializers.DateTimeField(
        required=False, write_only=True, help_text="The `updated_at` you read: guards against lost updates."
    )

    review_status = serializers.ChoiceField(
        choices=Estimate.ReviewStatus.choices,
        required=False,
        help_text="The verdict, only when you give one: confirmed (stays corrected if the figure "
        "changed), corrected, rejected, or extracted to send it back to review. Omitted: a changed "
        "figure field makes it corrected, a note alone changes nothing else.",
    )

    class Meta:
        model = Estimate
        fields = [*EDITABLE_FIELDS, "review_status", "updated_at"]
        extra_kwargs = {name: {"required": False} for name in fields}

    def validate(self, attrs):
        # A field sent but not editable (quote, confidence ...) would otherwise be silently dropped.
        unknown = set(self.initial_data) - set(self.fields)
        if unknown:
            raise serializers.ValidationError(
                {name: "This field cannot be corrected." for name in sorted(unknown)}
            )
        return attrs


class DeletedQuerySerializer(serializers.Serializer):
    since = serializers.DateTimeField(
        required=False,
        help_text="Only figures removed or rejected at or after this ISO 8601 time: pass the "
        "`last_updated` of your previous sync. Omitted: every one.",
    )


class DeletionSerializer(serializers.Serializer):
    """A figure a mirror of the public figures must drop: removed for good, or rejected."""

    id = serializers.IntegerField(source="estimate", help_text="The figure's id; never given again.")
    removed_at = serializers.DateTimeField(source="at", help_text="When it was removed or rejected.")
    reason = serializers.ChoiceField(
        source="why",
        choices=[EstimateTombstone.REMOVED, EstimateTombstone.REJECTED, EstimateTombstone.WITHDRAWN],
        help_text="removed: deleted (its reading is gone from the article, or an editor deleted it); "
        "rejected: an editor rejected it (an editor may reopen it: it then comes back in "
        "`updated_since`); withdrawn: an editor withdrew its report from publication (or it "
        "awaits publication), and it comes back in `updated_since` if the report is published.",
    )


class SeriesQuerySerializer(serializers.Serializer):
    """The chart's filters, named as on the dashboard; a missing one takes the chart's default."""

    casualty = serializers.ChoiceField(
        choices=Estimate.Casualty.choices, default=Estimate.Casualty.KILLED, help_text="Default: killed."
    )
    victims = serializers.ListField(
        child=serializers.ChoiceField(choices=Estimate.Victims.choices),
        required=False,
        help_text="Repeat for several. Default: civilians.",
    )
    geography = serializers.ListField(
        child=serializers.ChoiceField(choices=Estimate.Geography.choices),
        required=False,
        help_text="Repeat for several (each is a series of its own). Default: iraq_syria.",
    )
    perpetrator = serializers.ListField(
        child=serializers.ChoiceField(choices=Estimate.Perpetrator.choices),
        required=False,
        help_text="Repeat for several. Default: coalition.",
    )
    claimants = serializers.ListField(
        child=serializers.SlugField(max_length=200),
        required=False,
        help_text="Slugs of the non-official claimants to include (the official trace is always "
        "included). Default: every claimant.",
    )
    claimant_kind = serializers.ListField(
        child=serializers.ChoiceField(choices=Source.Kind.choices),
        required=False,
        help_text="Keep only the traces of these claimant kinds (official, independent, ...).",
    )
    reviewed_only = serializers.BooleanField(
        default=False, help_text="Only figures an editor confirmed or corrected."
    )
    since = serializers.DateField(required=False, help_text="Earliest as-of date (YYYY-MM-DD).")
    until = serializers.DateField(required=False, help_text="Latest as-of date (YYYY-MM-DD).")

    def validate(self, attrs):
        if attrs.get("since") and attrs.get("until") and attrs["since"] > attrs["until"]:
            raise serializers.ValidationError({"until": "The end date must not be before the start date."})
        return attrs

    def chart_filters(self):
        """Return the `for_chart` keyword arguments (defaults stay for_chart's own)."""
        data = self.validated_data
        filters = {"casualty": data["casualty"], "reviewed_only": data["reviewed_only"]}
        for name in ("victims", "geography", "perpetrator"):
            if data.get(name):
                filters[name] = tuple(data[name])
        if data.get("claimants"):
            filters["sources"] = tuple(data["claimants"])
        for name in ("since", "until"):
            if data.get(name):
                filters[name] = data[name]
        return filters


class GapQuerySerializer(SeriesQuerySerializer):
    """The series' filters, with one geography, victim group and perpetrator: a gap is like with like."""

    claimant_kind = None  # the gap has exactly two traces
    ONE_GROUP = ("victims", "geography", "perpetrator")
    independent = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Source.objects.exclude(kind=Source.Kind.OFFICIAL, coalition=True),
        required=False,
        help_text="Slug of the claimant to compare with the official trace. Default: the "
        "independent claimant with the most points.",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        several = {
            name: "The gap compares one value at a time."
            for name in self.ONE_GROUP
            if len(attrs.get(name) or ()) > 1
        }
        if several:
            raise serializers.ValidationError(several)
        return attrs


class SeriesPointSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    as_of_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, help_text="month: only the month of `as_of` is known."
    )
    value = serializers.IntegerField()
    value_max = serializers.IntegerField(allow_null=True)
    qualifier = serializers.ChoiceField(choices=Estimate.Qualifier.choices)
    label = serializers.CharField(help_text='As read aloud: "at least 603".')
    quote = serializers.CharField(help_text="The sentence of the first report stating it.")
    url = serializers.CharField(help_text="Public page of that figure.")
    report_count = serializers.IntegerField(help_text="How many reports state this figure.")
    estimate_ids = serializers.ListField(child=serializers.IntegerField(), help_text="The first 20 at most.")
    report_ids = serializers.ListField(child=serializers.IntegerField(), help_text="The first 20 at most.")
    claimants = serializers.ListField(child=serializers.CharField(), help_text="Names of who stated it.")
    out_of_sequence = serializers.BooleanField(
        help_text="Below the claimant's earlier total: a marker apart, not a point of the line."
    )
    line_value = serializers.IntegerField(
        allow_null=True,
        help_text="Where the running total's line stands: `value`, or for a range starting below the "
        "earlier total, that total. Null for an out-of-sequence statement.",
    )
    below = serializers.IntegerField(
        allow_null=True, help_text="Out of sequence: the earlier total of the line it falls below."
    )

    def to_representation(self, point):
        """Return the fields above straight from the Point, whose values are already plain.

        Going through each field's own to_representation cost as much as the chart's query
        once a series has a few thousand points; the declared fields still make the schema.
        """
        return {
            "as_of": point.as_of.isoformat(),
            "as_of_precision": point.as_of_precision,
            "value": point.value,
            "value_max": point.value_max,
            "qualifier": point.qualifier,
            "label": point.label,
            "quote": point.quote,
            "url": point.url,
            "report_count": point.report_count,
            "estimate_ids": list(point.estimate_ids),
            "report_ids": list(point.report_ids),
            "claimants": list(point.claimants),
            "out_of_sequence": point.out_of_sequence,
            "line_value": point.line_value,
            "below": point.below,
        }


class TraceSerializer(serializers.Serializer):
    key = serializers.CharField(help_text='"official" for the official trace, else the claimant slug.')
    name = serializers.CharField()
    kind = serializers.CharField(help_text="official, independent, state_media, media or unattributed.")


class SeriesSerializer(TraceSerializer):
    casualty = serializers.ChoiceField(choices=Estimate.Casualty.choices)
    victims = serializers.ChoiceField(choices=Estimate.Victims.choices)
    geography = serializers.ChoiceField(choices=Estimate.Geography.choices)
    perpetrator = serializers.ChoiceField(choices=Estimate.Perpetrator.choices)
    points = SeriesPointSerializer(
        many=True, help_text="The running total, in as-of order: it never decreases."
    )
    out_of_sequence = SeriesPointSerializer(
        many=True, help_text="Statements below the claimant's earlier total, kept apart from the line."
    )
    points_total = serializers.IntegerField(
        source="point_total",
        allow_null=True,
        help_text="How many points the running total has: `points` shows at most TRACKER_CHART_MAX_POINTS "
        "of them, the first, the last and evenly spaced others.",
    )


LAST_UPDATED_HELP = "When any source, report or figure last changed."


class SeriesResponseSerializer(serializers.Serializer):
    last_updated = serializers.DateTimeField(allow_null=True, help_text=LAST_UPDATED_HELP)
    series = SeriesSerializer(many=True)


class GapRowSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    official = serializers.IntegerField(allow_null=True, help_text="Last official figure on that date.")
    independent = serializers.IntegerField(allow_null=True, help_text="Last independent figure on that date.")
    difference = serializers.IntegerField(allow_null=True, help_text="independent - official")
    ratio = serializers.FloatField(allow_null=True, help_text="independent / official, 2 decimals")


class GapResponseSerializer(serializers.Serializer):
    last_updated = serializers.DateTimeField(allow_null=True, help_text=LAST_UPDATED_HELP)
    official = SeriesSerializer(allow_null=True, help_text="The same series as series/ gives.")
    independent = SeriesSerializer(allow_null=True, help_text="The same series as series/ gives.")
    rows = GapRowSerializer(many=True)
