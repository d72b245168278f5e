"""Conditional requests: a poller whose copy is current gets 304, a stale editor's write 412.

A response's version is a timestamp: the data's last change for a list (tracker.freshness),
the row's own `updated_at` for one object. Its ETag also depends on the URL with its query
string, the format and whether the caller is an editor, since each changes the body.
"""

import hashlib

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework import status
from rest_framework.exceptions import APIException

from tracker.freshness import data_last_updated
from tracker.kept import kept

KEPT_HEADERS = ("Content-Type", "Content-Disposition")


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The figure changed since you read it: fetch it again and reapply your change."
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = (
        "Say which version you corrected: send the ETag you read as If-Match, or the updated_at "
        "you read in the body. Without it your change could overwrite someone else's."
    )
    default_code = "precondition_required"


def entity_tag(request, version, *, editor):
    fingerprint = "|".join(
        [
            version.isoformat() if version else "empty",
            request.get_full_path(),
            getattr(getattr(request, "accepted_renderer", None), "format", "") or "",
            "editor" if editor else "public",
        ]
    )
    return f'"{hashlib.sha256(fingerprint.encode()).hexdigest()[:32]}"'


def _timestamp(version):
    return int(version.timestamp()) if version else None


class ConditionalGetMixin:
    """Answer GET and HEAD with 304 when the caller's ETag or date is still current.

    Views call `not_modified(version)` before doing the work, and the version is stamped on
    the response by `finalize_response`.
    """

    def is_editor(self):
        return False

    def list_version(self):
        return data_last_updated()

    def not_modified(self, version):
        """Return a 304 response if the caller's copy of this version is current, else None."""
        self.version = version
        etag = entity_tag(self.request, version, editor=self.is_editor())
        response = get_conditional_response(self.request, etag=etag, last_modified=_timestamp(version))
        return response  # None when the body must be sent

    def kept_response(self, build):
        """Return the answer `build()` gives for this version of the URL, rendered only once.

        Call after `not_modified`; the key is the response's own ETag.
        """

        def render():
            response = build()
            response.accepted_renderer = self.request.accepted_renderer
            response.accepted_media_type = self.request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            response.render()
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            return response.content, headers

        etag = entity_tag(self.request, self.version, editor=self.is_editor())
        content, headers = kept(["api", etag], render, version=self.version)
        return HttpResponse(content, headers=headers)

    def precondition_failed(self, version):
        """Return True if the caller sent an If-Match that `version` fails.

        If-Unmodified-Since is not read: a date to the second lets two writes of one second
        through, so only the ETag or the exact `updated_at` guard a write.
        """
        etag = entity_tag(self.request, version, editor=self.is_editor())
        response = get_conditional_response(self.request, etag=etag)
        return response is not None and response.status_code == status.HTTP_412_PRECONDITION_FAILED

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        version = getattr(self, "version", False)
        if request.method in ("GET", "HEAD") and version is not False and response.status_code in (200, 304):
            response["ETag"] = entity_tag(request, version, editor=self.is_editor())
            if version:
                response["Last-Modified"] = http_date(version.timestamp())
        patch_vary_headers(response, ["Authorization", "Cookie"])
        return response
