"""Uploads through the API: POST /api/v1/reports/ with a file, a JSON body of text, or a URL.

The answer is 202 with the report's URL, as soon as the bytes are stored: the same URL shows
its progress (status, error, figures counted) as a worker reads and analyses it.
"""

from django.core.exceptions import ValidationError as ModelValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from ingest.fetch import FetchError
from ingest.forms import validate_upload_size
from ingest.readers import UnreadableDocument
from ingest.services import report_create, report_create_from_url
from tracker.api.parsers import JSONParser
from tracker.api.serializers import ReportSerializer
from tracker.api.views import ReportViewSet as ReadReportViewSet
from tracker.models import Report
from tracker.partial_dates import parse_partial_date


class ReportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        required=False, validators=[validate_upload_size], help_text="Plain text, HTML or PDF."
    )
    text = serializers.CharField(required=False, trim_whitespace=False, help_text="Or the article's text.")
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    url = serializers.URLField(
        required=False,
        allow_blank=True,
        max_length=1000,
        default="",
        help_text="The article's address; alone (no file, no text), the page is fetched and read.",
    )
    published = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="YYYY-MM-DD or YYYY-MM."
    )
    language = serializers.ChoiceField(
        choices=Report.Language.choices, required=False, allow_blank=True, default=""
    )

    def validate_published(self, value):
        if not value:
            return None
        try:
            parse_partial_date(value)
        except ValueError:
            raise ValidationError("Give a date as YYYY-MM-DD or YYYY-MM.") from None
        return value

    def validate(self, attrs):
        if ("file" in attrs) == ("text" in attrs) and ("file" in attrs or not attrs.get("url")):
            raise ValidationError("Send either a file or a text, or a URL alone for its page to be fetched.")
        return attrs


class ReportViewSet(ReadReportViewSet):
    """The read-only report endpoint, plus uploads for editors (the add_report permission)."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]  # JSON nested too deeply: a 400

    @extend_schema(
        summary="Upload an article (editors)",
        request=ReportUploadSerializer,
        responses={202: ReportSerializer, 200: ReportSerializer},
    )
    def create(self, request, *args, **kwargs):
        """Store the article and queue its reading; the same article or URL again returns its report (200).

        The same bytes or URL are known at once; the same text in other bytes once a worker has
        read it: the new report then says it is a duplicate and points to the first (at once
        when tasks run eagerly, in the answer itself). Given a URL alone, the worker fetches the
        page: the report shows the fetch's outcome.
        """
        upload = ReportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data = dict(upload.validated_data)
        file = data.pop("file", None)
        try:
            if file is not None:
                report, created = report_create(
                    data=file.read(), filename=file.name, user=request.user, **data
                )
            elif "text" in data:
                report, created = report_create(user=request.user, **data)
            else:
                report, created = report_create_from_url(user=request.user, **data)
        except FetchError as exc:
            raise ValidationError({"url": [str(exc)]}) from exc
        except UnreadableDocument as exc:
            raise ValidationError({"file" if file else "text": [str(exc)]}) from exc
        except ModelValidationError as exc:
            raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc
        report.refresh_from_db()  # as it stands now: read already when tasks run eagerly
        if report.status == Report.Status.DUPLICATE and report.duplicate_of:
            report, created = report.duplicate_of, False
        body = ReportSerializer(report, context=self.get_serializer_context()).data
        body["duplicate"] = not created
        return Response(
            body,
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
            headers={"Location": body["url"]},
        )
