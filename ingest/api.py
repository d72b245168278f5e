"""Uploads through the API: POST /api/v1/reports/ with a file or a JSON body of text.

The answer is 202 with the report's URL: the same URL shows its progress (status, error,
figures counted) as a worker goes through it.
"""

from django.core.exceptions import ValidationError as ModelValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from ingest.forms import validate_upload_size
from ingest.readers import UnreadableDocument
from ingest.services import report_create
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
    url = serializers.URLField(required=False, allow_blank=True, max_length=1000, default="")
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
        if ("file" in attrs) == ("text" in attrs):
            raise ValidationError("Send either a file or a text, not both or neither.")
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
        """Store the article and queue its analysis; the same text again returns its report (200)."""
        upload = ReportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data = dict(upload.validated_data)
        file = data.pop("file", None)
        try:
            if file is not None:
                report, created = report_create(
                    data=file.read(), filename=file.name, user=request.user, **data
                )
            else:
                report, created = report_create(user=request.user, **data)
        except UnreadableDocument as exc:
            raise ValidationError({"file" if file else "text": [str(exc)]}) from exc
        except ModelValidationError as exc:
            raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc
        body = ReportSerializer(report, context=self.get_serializer_context()).data
        body["duplicate"] = not created
        return Response(
            body,
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
            headers={"Location": body["url"]},
        )
