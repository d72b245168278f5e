"""Refuse requests that carry a NUL character before a view sees them, reading no body for it.

PostgreSQL cannot store or even compare a string holding NUL: a filter value, a form field
or a file name with one would reach the database and end as a 500. No legitimate client
sends one, so the request is answered 400.

The path and the query cost nothing to check. A form body is checked only once a view will
read it: in `process_view`, so never for an unknown URL, and after CSRF (listed before this
in MIDDLEWARE) has let the request through, so an anonymous client's body is never parsed
(nor its files written to disk) on its way to a 403 or 404. Views exempt from CSRF are the
API's: DRF authenticates first, then its serializers refuse NUL themselves.
"""

from urllib.parse import unquote

from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def refused():
    return HttpResponseBadRequest(
        "The request contains a NUL character.", content_type="text/plain; charset=utf-8"
    )


class NulByteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info or NUL in unquote(request.META.get("QUERY_STRING", "")):
            return refused()
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if getattr(view, "csrf_exempt", False) or request.method != "POST":
            return None
        if not request.content_type.startswith(FORM_TYPES):
            return None
        return refused() if self.body_carries_nul(request) else None

    def body_carries_nul(self, request):
        """Tell whether a form field or a file name of the body holds a NUL."""
        try:
            fields = [text for key, values in request.POST.lists() for text in (key, *values)]
            names = [
                name for key, uploads in request.FILES.lists() for name in (key, *(f.name for f in uploads))
            ]
        except (MultiPartParserError, ValueError):
            return False  # a malformed body: the view's own parsing answers it (400)
        return any(NUL in (value or "") for value in fields + names)
