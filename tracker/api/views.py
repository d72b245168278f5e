"""The JSON API: read-only lists for everyone, an editor's correction of a figure.

Every list says when the data last changed (`last_updated`, Last-Modified) and answers a
poller whose copy is current with 304. Rejected figures stay hidden unless an editor asks.
"""

from django.conf import settings
from django.core.exceptions import ValidationError as ModelValidationError
from django.db.models import Count, Q
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, pagination, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView
from rest_framework.settings import api_settings

from tracker.api.conditional import ConditionalGetMixin, PreconditionFailed, PreconditionRequired
from tracker.api.filters import EstimateFilter, ReportFilter, SourceFilter, in_utc
from tracker.api.renderers import CsvRenderer
from tracker.api.schema import ApiSchema
from tracker.api.serializers import (
    DeletedQuerySerializer,
    DeletionSerializer,
    EstimateCorrectionSerializer,
    EstimateCsvSerializer,
    EstimateSerializer,
    GapQuerySerializer,
    GapResponseSerializer,
    ReportSerializer,
    ReportWithTextSerializer,
    SeriesPointSerializer,
    SeriesQuerySerializer,
    SeriesResponseSerializer,
    SourceSerializer,
)
from tracker.freshness import data_last_updated
from tracker.models import Estimate, EstimateTombstone, Report, Source
from tracker.series import (
    OFFICIAL,
    bounded,
    build_gap,
    build_series,
    chart_estimates,
    comparable,
    default_independent,
    thinned,
)
from tracker.services import EditConflict, estimate_correct

FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv"],
    description="`csv` for a spreadsheet: up to 1,000 rows a page (`page` for the next, named by the "
    "`Link` header).",
)


class ApiIndex(APIRootView):
    """The API's front door: where its docs, its schema and each endpoint are, as JSON.

    JSON for browsers too: DRF's browsable page styles itself inline, which the
    Content-Security-Policy refuses.
    """

    renderer_classes = [JSONRenderer]

    def get(self, request, *args, **kwargs):
        endpoints = super().get(request, *args, **kwargs).data
        return Response(
            {
                "name": "Casualty Tracker API",
                "docs": reverse("api-docs", request=request),
                "redoc": reverse("api-redoc", request=request),
                "schema": reverse("api-schema", request=request),
                "endpoints": {
                    **endpoints,
                    "estimates/deleted": reverse("estimate-deleted", request=request),
                },
            }
        )


class LastUpdatedPagination(pagination.PageNumberPagination):
    """Page-number pages with the total count, links and the data's freshness stamp.

    The stamp itself is added by the view, which already read it for its conditional GET.
    """

    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["last_updated"] = {
            "type": "string",
            "format": "date-time",
            "nullable": True,
            "description": "When any source, report or figure last changed.",
        }
        schema["required"] = [*schema.get("required", []), "last_updated"]
        return schema


class ReadApiMixin(ConditionalGetMixin):
    """List and retrieve with conditional GET, for everyone; writes need the model permission."""

    pagination_class = LastUpdatedPagination
    permission_classes = [permissions.DjangoModelPermissionsOrAnonReadOnly]

    def list(self, request, *args, **kwargs):
        return self.not_modified(self.list_version()) or super().list(request, *args, **kwargs)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["last_updated"] = self.version
        return response

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        return self.not_modified(self.object_version(instance)) or Response(
            self.get_serializer(instance).data
        )

    def object_version(self, instance):
        return instance.updated_at


@extend_schema_view(
    list=extend_schema(summary="List claimants"), retrieve=extend_schema(summary="One claimant")
)
class SourceViewSet(ReadApiMixin, viewsets.ReadOnlyModelViewSet):
    """Claimants: whoever states a figure (a military, an NGO, the UN, state media ...)."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["id", "name", "updated_at"]
    ordering = ["id"]


INCLUDE_TEXT = OpenApiParameter(
    "include", str, enum=["text"], description="`text` adds the full article text."
)


@extend_schema_view(
    list=extend_schema(summary="List reports", parameters=[INCLUDE_TEXT]),
    retrieve=extend_schema(summary="One report", parameters=[INCLUDE_TEXT]),
)
class ReportViewSet(ReadApiMixin, viewsets.ReadOnlyModelViewSet):
    """Uploaded articles and how their analysis went; the full text only with `?include=text`."""

    queryset = Report.objects.all()
    serializer_class = ReportSerializer
    filterset_class = ReportFilter
    ordering_fields = ["id", "published_on", "created_at", "updated_at"]
    ordering = ["id"]

    def includes_text(self):
        return self.request.query_params.get("include") == "text"

    def is_editor(self):
        return self.request.user.has_perm("tracker.change_report")

    def get_queryset(self):
        """Return every report to an editor, the published ones to everyone else."""
        reports = super().get_queryset() if self.is_editor() else Report.objects.public()
        reports = reports.annotate(
            estimate_count=Count(
                "estimates", filter=~Q(estimates__review_status=Estimate.ReviewStatus.REJECTED)
            )
        )
        return reports if self.includes_text() else reports.defer("text")

    def object_version(self, report):
        return data_last_updated()  # its count of figures changes with theirs

    def get_serializer_class(self):
        return ReportWithTextSerializer if self.includes_text() else self.serializer_class

    @property
    def paginator(self):
        """Return the list's pager: one report a page with its text (an article may be megabytes)."""
        paginator = super().paginator
        if self.includes_text():
            paginator.page_size = paginator.max_page_size = 1
        return paginator


# Rows of a CSV answer: a page of them, as for JSON, only larger (`page` for the next).
CSV_PAGE_ROWS = 1_000

INCLUDE_REJECTED = OpenApiParameter(
    "include_rejected", bool, description="Editors only: list rejected figures too (ignored for others)."
)


@extend_schema_view(
    list=extend_schema(summary="List figures", parameters=[FORMAT_PARAMETER, INCLUDE_REJECTED]),
    retrieve=extend_schema(summary="One figure"),
    partial_update=extend_schema(
        summary="Correct a figure (editors)",
        description="Recorded in the figure's history, in words, as an edit in the admin. "
        "`review_status` changes only when you send it or when a figure field changes (then it "
        "becomes `corrected`); an `editor_note` alone is only a note. Send `If-Match` "
        "with the ETag you read, or the `updated_at` you read in the body: without either the "
        "write is refused (428), and if the figure changed meanwhile it is refused too (412 / 409).",
        request=EstimateCorrectionSerializer,
        responses={
            200: EstimateSerializer,
            400: OpenApiResponse(description="Invalid values."),
            409: OpenApiResponse(description="`updated_at` is not the current version."),
            412: OpenApiResponse(description="`If-Match` names another version."),
            428: OpenApiResponse(description="Neither `If-Match` nor `updated_at` was sent."),
        },
    ),
)
class EstimateViewSet(ReadApiMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Figures, each with the quote it came from, its offsets and the machine's original reading."""

    serializer_class = EstimateSerializer
    filterset_class = EstimateFilter
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CsvRenderer]
    ordering_fields = ["id", "as_of", "value", "confidence", "created_at", "updated_at"]
    ordering = ["id"]
    http_method_names = ["get", "patch", "head", "options"]

    def is_editor(self):
        return self.request.user.has_perm("tracker.change_estimate")

    def get_queryset(self):
        """Return every figure to an editor who asks (or who opens one), the public ones otherwise."""
        estimates = Estimate.objects.select_related("source")
        asks = self.action != "list" or self.request.query_params.get("include_rejected") in {"true", "1"}
        return estimates if asks and self.is_editor() else estimates.public()

    def object_version(self, estimate):
        return max(estimate.updated_at, estimate.source.updated_at)  # the claimant is embedded

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != CsvRenderer.format:
            return super().list(request, *args, **kwargs)
        response = self.not_modified(self.list_version())
        if response:
            return response
        paginator = self.paginator
        paginator.page_size = paginator.max_page_size = CSV_PAGE_ROWS
        estimates = paginator.paginate_queryset(self.filter_queryset(self.get_queryset()), request, view=self)
        headers = {"Content-Disposition": 'attachment; filename="estimates.csv"'}
        if paginator.get_next_link():
            headers["Link"] = f'<{paginator.get_next_link()}>; rel="next"'
        return Response(
            EstimateCsvSerializer(estimates, many=True, context=self.get_serializer_context()).data,
            headers=headers,
        )

    @extend_schema(
        summary="Figures removed or rejected",
        description="The ids a mirror must drop, oldest first: figures removed (a re-extraction "
        "no longer reads them, or an editor deleted them) or rejected by an editor. Sync with "
        "`estimates/?updated_since=T` for what was added or changed, then this with `since=T` "
        "for what went, and your copy holds exactly the public figures. Ids are never reused.",
        parameters=[DeletedQuerySerializer],
        responses=DeletionSerializer(many=True),
    )
    @action(
        detail=False,
        url_path="deleted",
        filter_backends=[],
        renderer_classes=api_settings.DEFAULT_RENDERER_CLASSES,
    )
    def deleted(self, request, *args, **kwargs):
        query = DeletedQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        response = self.not_modified(self.list_version())
        if response:
            return response
        since = query.validated_data.get("since")
        rows = EstimateTombstone.objects.feed(since=in_utc(since) if since else None)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(DeletionSerializer(page, many=True).data)

    def update(self, request, *args, **kwargs):
        estimate = self.get_object()
        correction = EstimateCorrectionSerializer(data=request.data, partial=True)
        correction.is_valid(raise_exception=True)
        changes = dict(correction.validated_data)
        expected = changes.pop("updated_at", None)
        if expected is None and request.META.get("HTTP_IF_MATCH", "*").strip() == "*":
            raise PreconditionRequired()  # "*" names no version: any would do
        if self.precondition_failed(self.object_version(estimate)):
            raise PreconditionFailed()
        if expected is None:
            expected = estimate.updated_at  # If-Match passed: checked again under the row lock
        try:
            estimate = estimate_correct(
                estimate=estimate, user=request.user, expected_updated_at=expected, **changes
            )
        except EditConflict as conflict:
            return Response({"detail": str(conflict)}, status=status.HTTP_409_CONFLICT)
        except ModelValidationError as error:
            raise ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        estimate = self.get_queryset().get(pk=estimate.pk)
        return Response(self.get_serializer(estimate).data)


class OneObjectSchema(ApiSchema):
    """Describe the answer as one object: the router names the view `list`, it is no list."""

    def _is_list_view(self, serializer=None):
        return False


class SeriesViewSet(ConditionalGetMixin, viewsets.ViewSet):
    """Deduplicated cumulative points per claimant: the dashboard's chart, as data."""

    schema = OneObjectSchema()
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CsvRenderer]
    permission_classes = [permissions.AllowAny]
    query_class = SeriesQuerySerializer

    def valid_query(self):
        query = self.query_class(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return query

    def chart(self, query, *, also=()):
        """Return the series of `build_series` for the query, the same as the dashboard's."""
        filters = query.chart_filters()
        if filters.get("sources"):
            filters["sources"] = (*filters["sources"], *also)
        series = build_series(chart_estimates(**filters))
        kinds = query.validated_data.get("claimant_kind")
        return [s for s in series if s.kind in kinds] if kinds else series

    @extend_schema(
        summary="Time series per claimant",
        description="The dashboard's chart: running totals, one point per claimant and value "
        "(a restatement adds its reports to the earlier point). A statement below the claimant's "
        "earlier total is listed in `out_of_sequence`, never in `points`, which never decrease. "
        "Official claimants form one trace, key `official`; each geography and victim group is a "
        "series of its own. CSV: one row per point, `out_of_sequence` marking those off the line. "
        "Bounded as the dashboard draws it: at most TRACKER_CHART_MAX_TRACES series (official first, "
        "then those with most points; name others in `claimants`), TRACKER_CHART_MAX_POINTS points "
        "each (`points_total` says how many there are), 20 ids per point.",
        parameters=[SeriesQuerySerializer, FORMAT_PARAMETER],
        responses=SeriesResponseSerializer,
    )
    def list(self, request, *args, **kwargs):  # the router passes format= for series.json
        query = self.valid_query()
        response = self.not_modified(data_last_updated())
        if response:
            return response
        # Labels and names in the site's language whatever the client's: the kept answer and its
        # ETag are per URL, and a data consumer's columns should not change with its headers.
        with translation.override(settings.LANGUAGE_CODE):
            return self.kept_response(lambda: self.answer(query))

    def answer(self, query):
        series = bounded(self.chart(query))
        if self.request.accepted_renderer.format == CsvRenderer.format:
            rows = [
                {"trace": s.key, "name": s.name, "kind": s.kind, "geography": s.geography,
                 "victims": s.victims, **SeriesPointSerializer(p).data}
                for s in series
                for p in sorted([*s.points, *s.out_of_sequence], key=lambda p: (p.as_of, p.value))
            ]  # fmt: skip
            return Response(rows, headers={"Content-Disposition": 'attachment; filename="series.csv"'})
        return Response(SeriesResponseSerializer({"last_updated": self.version, "series": series}).data)


class GapViewSet(SeriesViewSet):
    """The official trace against one independent claimant, aligned on the union of their dates."""

    renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES
    query_class = GapQuerySerializer

    @extend_schema(
        summary="Official against independent",
        description="Each date of either trace with each side's last known value (a step line), "
        "their difference and ratio. Both traces count the same geography, victims and "
        "perpetrator (one of each); out-of-sequence statements are listed, never in the rows.",
        parameters=[GapQuerySerializer],
        responses=GapResponseSerializer,
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def answer(self, query):
        chosen = query.validated_data.get("independent")
        series = self.chart(query, also=[chosen.slug] if chosen else [])
        official = next((s for s in series if s.key == OFFICIAL), None)
        candidates = comparable(series, official)
        if chosen is None:
            independent = default_independent(candidates)
        else:
            independent = next((s for s in candidates if s.key == chosen.slug), None)
        rows = thinned(build_gap(official, independent), settings.CHART_MAX_POINTS)
        official, independent = (bounded([s])[0] if s else None for s in (official, independent))
        gap = {"last_updated": self.version, "official": official, "independent": independent, "rows": rows}
        return Response(GapResponseSerializer(gap).data)
