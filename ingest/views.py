"""The editors' upload page, the status endpoint it polls, and the uploaded originals."""

import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from ingest.fetch import FetchError
from ingest.forms import UploadForm
from ingest.readers import UnreadableDocument
from ingest.services import report_create, report_create_from_url, reports_enqueue
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
        "duplicate_of": {"title": str(report.duplicate_of), "url": report.duplicate_of.get_absolute_url()}
        if report.duplicate_of
        else None,
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
        reports = reports.select_related("duplicate_of").prefetch_related("estimates__source")
        context["reports"] = [report_status(r) for r in reports]
        context["max_megabytes"] = settings.INGEST_MAX_UPLOAD_BYTES // (1024 * 1024)
        return context

    def form_valid(self, form):
        """Store every file and URL, then send the new reports to the broker, and tell each one's fate.

        Storing comes first: a broker that hangs costs one timeout once all files are safe, and
        the reports it did not take wait, queued, for the sweep.
        """
        metadata = {key: form.cleaned_data[key] for key in ("outlet", "published", "language")}
        stored = []
        for upload in form.cleaned_data["files"]:
            try:
                report, created = report_create(
                    data=upload.read(),
                    filename=upload.name,
                    user=self.request.user,
                    url=form.cleaned_data["url"],
                    enqueue=False,
                    **metadata,
                )
            except UnreadableDocument as exc:
                messages.error(self.request, f"{upload.name}: {exc}")
                continue
            except ValidationError as exc:
                messages.error(self.request, f"{upload.name}: {' '.join(exc.messages)}")
                continue
            stored.append((upload.name, report, created))
        for url in form.cleaned_data["urls"]:
            try:
                report, created = report_create_from_url(
                    url=url, user=self.request.user, enqueue=False, **metadata
                )
            except FetchError as exc:
                messages.error(self.request, f"{url}: {exc}")
                continue
            stored.append((url, report, created))
        sent = set(reports_enqueue(report_ids=[report.pk for _name, report, created in stored if created]))
        for name, report, created in stored:
            if not created:
                text = _("%(name)s: already uploaded as “%(report)s”.")
                messages.info(self.request, text % {"name": name, "report": report})
            elif report.pk in sent:
                messages.success(
                    self.request, _("%(name)s: stored and queued for analysis.") % {"name": name}
                )
            else:
                text = _(
                    "%(name)s: stored, waiting for the task queue, which does not answer now: "
                    "it will be sent for analysis automatically."
                )
                messages.warning(self.request, text % {"name": name})
        ids = [str(report.pk) for _name, report, _created in stored]
        url = reverse("ingest:upload")
        return redirect(f"{url}?reports={','.join(ids)}" if ids else url)


class StatusView(EditorRequiredMixin, View):
    """Return the status and figures of the reports in ?reports=..., for the page's polling."""

    raise_exception = True

    def get(self, request):
        reports = Report.objects.filter(pk__in=requested_ids(request)).select_related("duplicate_of")
        reports = reports.prefetch_related("estimates__source")
        return JsonResponse({"reports": [report_status(r) for r in reports]})


class OriginalFileView(EditorRequiredMixin, View):
    """Send a report's uploaded file as a download, never as a page the browser would render.

    An uploaded HTML file is whatever its sender wrote, scripts included: it leaves only as an
    attachment of no particular type, in a sandbox, so it cannot run in this site's origin.
    MEDIA_ROOT must never be served by the web server itself. The SHA-256 of the bytes stored
    at upload goes with it (Repr-Digest, RFC 9530), for whoever checks the copy.
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
        if report.original_sha256:
            digest = base64.b64encode(bytes.fromhex(report.original_sha256)).decode()
            response["Repr-Digest"] = f"sha-256=:{digest}:"
        return response
