"""The editors' upload page, the status endpoint it polls, and the uploaded originals."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView

from ingest.fetch import FetchError
from ingest.forms import UploadForm
from ingest.readers import UnreadableDocument
from ingest.services import report_create, report_create_from_url
from tracker.models import Report

EDITOR_PERMISSION = "tracker.add_report"


class EditorRequiredMixin(LoginRequiredMixin, PermissionRequiredMixin):
    permission_required = EDITOR_PERMISSION


def requested_ids(request):
    """Return the report ids of ?reports=1,2,3 (at most 100)."""
    raw = request.GET.get("reports", "")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()][:100]


def report_status(report):
    """Return what the upload page shows of a report; text is escaped by the page."""
    return {
        "id": report.pk,
        "title": report.title,
        "status": report.status,
        "status_display": report.get_status_display(),
        "error": report.error,
        "url": report.get_absolute_url(),
        "estimates": [
            {
                "value": estimate.display_value,
                "casualty": estimate.get_casualty_display(),
                "victims": estimate.get_victims_display(),
                "claimant": estimate.source.name,
                "as_of": estimate.as_of.isoformat() if estimate.as_of else "",
            }
            for estimate in report.estimates.all()
        ],
    }


class UploadView(EditorRequiredMixin, FormView):
    template_name = "ingest/upload.html"
    form_class = UploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ids = requested_ids(self.request)
        reports = (
            Report.objects.filter(pk__in=ids)
            if ids
            else Report.objects.filter(uploaded_by=self.request.user)[:20]
        )
        context["reports"] = [report_status(r) for r in reports.prefetch_related("estimates__source")]
        context["max_megabytes"] = settings.INGEST_MAX_UPLOAD_BYTES // (1024 * 1024)
        return context

    def form_valid(self, form):
        metadata = {key: form.cleaned_data[key] for key in ("outlet", "published", "language")}
        ids = []
        for upload in form.cleaned_data["files"]:
            try:
                report, created = report_create(
                    data=upload.read(),
                    filename=upload.name,
                    user=self.request.user,
                    url=form.cleaned_data["url"],
                    **metadata,
                )
            except UnreadableDocument as exc:
                messages.error(self.request, f"{upload.name}: {exc}")
                continue
            if not created:
                messages.info(self.request, f"{upload.name}: already uploaded as “{report}”.")
            ids.append(report.pk)
        for url in form.cleaned_data["urls"]:
            try:
                report, created = report_create_from_url(url=url, user=self.request.user, **metadata)
            except FetchError as exc:
                messages.error(self.request, f"{url}: {exc}")
                continue
            if not created:
                messages.info(self.request, f"{url}: already asked for as “{report}”.")
            ids.append(report.pk)
        url = reverse("ingest:upload")
        return redirect(f"{url}?reports={','.join(map(str, ids))}" if ids else url)


class StatusView(EditorRequiredMixin, View):
    """Return the status and figures of the reports in ?reports=..., for the page's polling."""

    raise_exception = True

    def get(self, request):
        reports = Report.objects.filter(pk__in=requested_ids(request)).prefetch_related("estimates__source")
        return JsonResponse({"reports": [report_status(r) for r in reports]})


class OriginalFileView(EditorRequiredMixin, View):
    """Send a report's uploaded file as a download, never as a page the browser would render.

    An uploaded HTML file is whatever its sender wrote, scripts included: it leaves only as an
    attachment of no particular type, in a sandbox, so it cannot run in this site's origin.
    MEDIA_ROOT must never be served by the web server itself.
    """

    def get(self, request, pk):
        report = get_object_or_404(Report.objects.exclude(original_file=""), pk=pk)
        response = FileResponse(
            report.original_file.open("rb"),
            as_attachment=True,
            filename=report.original_file.name.rsplit("/", 1)[-1],
            content_type="application/octet-stream",
        )
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        return response
