"""The language switch: plain links, so that no public page needs a form, a CSRF token or a cookie.

`/language/fr/?next=/figures/` sets Django's language cookie and sends the visitor back to
`next` (a URL of this site only, else the dashboard). A page with no form sets no cookie, so
the reverse proxy can keep one copy of it for every anonymous visitor (deploy/nginx.conf);
each public answer says it varies with Cookie and Accept-Language (LanguageMiddleware), the
two things Django reads the language from, so no cache hands a French copy to an English reader.
Choosing a language changes nothing but how the site reads to the one who chose it: no
CSRF token is needed for that, as none is for following any other link.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@never_cache
@require_safe
def switch(request, code):
    """Remember `code` in the language cookie and redirect to `next`, if it is this site's."""
    if code not in LANGUAGE_CODES:
        raise Http404("No such language.")
    following = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        following, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        following = "/"
    response = HttpResponseRedirect(following)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, whose answers also say they vary with Cookie: the language cookie.

    Django adds `Vary: Accept-Language` only; `Cookie` comes when a view happens to read the
    session. Said always, a shared cache never gives one reader's language to another.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        patch_vary_headers(response, ("Cookie",))
        return response
