"""The address a request comes from, as the throttle and the login lockout count it.

Behind `TRUSTED_PROXIES` reverse proxies, each appending the address it received from to
X-Forwarded-For, the client is the entry that many places from the right: what the client
wrote itself stands further left and is never read. With no trusted proxy the header is
ignored, since any client can send it.
"""

from django.conf import settings


def client_address(request):
    """Return the address of the client behind the trusted proxies, or REMOTE_ADDR without any."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies <= 0 or not forwarded:
        return remote
    return forwarded[-min(proxies, len(forwarded))]
