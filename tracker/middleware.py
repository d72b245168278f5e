"""Refuse requests that carry a NUL character, before any view sees them.

PostgreSQL cannot store or even compare a string holding NUL: a filter value, a form field
or a file name with one would reach the database and end as a 500. No legitimate client
sends one, so the request is answered 400 here, whatever the page.
"""

from urllib.parse import unquote

from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class NulByteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.carries_nul(request):
            return HttpResponseBadRequest(
                "The request contains a NUL character.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)

    def carries_nul(self, request):
        """Tell whether the path, the query or a form field or file name holds a NUL."""
        if NUL in request.path_info or NUL in unquote(request.META.get("QUERY_STRING", "")):
            return True
        if request.method != "POST" or not request.content_type.startswith(FORM_TYPES):
            return False
        try:
            fields = [text for key, values in request.POST.lists() for text in (key, *values)]
            names = [
                name for key, uploads in request.FILES.lists() for name in (key, *(f.name for f in uploads))
            ]
        except (MultiPartParserError, ValueError):
            return False  # a malformed body: the view's own parsing answers it (400)
        return any(NUL in (value or "") for value in fields + names)
