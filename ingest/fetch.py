"""Fetch a page by URL: its original bytes and what the server said, or a clear refusal.

The first stage of a report given by URL: the bytes it returns are then read as an uploaded
file is (ingest/readers.py). Server-side request forgery is the danger, so only http and https
are fetched, and before every hop (the first and each redirect) the host is resolved and every
address it resolves to is checked; the connection is then made to the very address checked,
never resolved again, so a DNS answer changed in between (rebinding) cannot lead elsewhere.
Loopback, private, link-local, multicast and reserved addresses are refused unless
INGEST_ALLOW_PRIVATE_URLS is on or the address is in INGEST_ALLOWED_NETWORKS.
"""

import datetime
import http.client
import ipaddress
import re
import socket
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
import urllib3.connection
from django.conf import settings
from django.utils import timezone

from ingest import readers

USER_AGENT = "CasualtyTracker/0.1 (civilian casualty figures read from news articles)"
REDIRECTS = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}
# Query parameters that say who sent a reader, not which page it is.
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|xtor|_ga)$", re.I)
_READ_CHUNK = 64 * 1024


class FetchError(Exception):
    """A page that could not be fetched; the message says why, for the person who asked."""

    def __init__(self, message, *, status=None):
        super().__init__(message)
        self.status = status


class RefusedURL(FetchError):
    """A URL refused before any connection: its scheme, its form or the addresses of its host."""


@dataclass(frozen=True)
class Fetched:
    """A page as the server sent it: the body decoded from gzip or deflate, nothing else done."""

    data: bytes
    final_url: str
    status: int
    fetched_at: datetime.datetime
    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple  # the checked addresses, tried in order: the connection goes to one of them


def normalise_url(url):
    """Return the form of a URL two submissions of one article share.

    The scheme and host in lower case, the default port and the fragment dropped, an empty
    path as "/", tracking parameters (utm_* and the like) removed, the rest kept as written.
    Raise RefusedURL for what is not an http(s) URL with a host.
    """
    url = str(url).strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise RefusedURL(f"{url[:200]} is not a valid URL.") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise RefusedURL(f"Only http and https URLs are fetched, not {scheme or 'this'}: {url[:200]}")
    if parts.username is not None or parts.password is not None:
        raise RefusedURL(f"URLs with a user name or password are not fetched: {url[:200]}")
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise RefusedURL(f"{url[:200]} has no valid host name.") from None
    if not host:
        raise RefusedURL(f"{url[:200]} has no host.")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    query = "&".join(
        part for part in parts.query.split("&") if part and not _TRACKING.match(part.split("=", 1)[0])
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def check_url(url):
    """Refuse a URL whose scheme or host addresses are not allowed; return where to connect.

    Resolves the host once: the caller connects to the addresses returned, the ones checked.
    """
    url = normalise_url(url)
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise RefusedURL(f"The host {host} could not be found ({exc}).") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        if reason := _refusal(ipaddress.ip_address(address.split("%", 1)[0])):
            raise RefusedURL(
                f"{host} resolves to {address}, {reason}: such URLs are refused "
                f"(set INGEST_ALLOW_PRIVATE_URLS or INGEST_ALLOWED_NETWORKS to allow them)."
            )
    return _Target(url=url, scheme=parts.scheme, host=host, port=port, addresses=tuple(addresses))


def fetch(url, *, headers=None):
    """Return the page at `url`, following at most INGEST_FETCH_MAX_REDIRECTS redirects.

    Every hop is checked as the first one is. `headers` add to the request (a conditional GET
    sends If-None-Match and If-Modified-Since and gets status 304 with no data). The whole
    exchange, redirects included, takes at most INGEST_FETCH_TOTAL_SECONDS. Raise FetchError
    (RefusedURL before any connection) with the reason.
    """
    deadline = time.monotonic() + settings.INGEST_FETCH_TOTAL_SECONDS
    for _hop in range(settings.INGEST_FETCH_MAX_REDIRECTS + 1):
        target = check_url(url)
        with _exchange(target, deadline) as conn:
            response = _get(conn, target, headers or {})
            if response.status in REDIRECTS and response.headers.get("Location"):
                url = urljoin(target.url, response.headers["Location"])
                continue
            if response.status == 304:
                return Fetched(b"", target.url, 304, timezone.now())
            if response.status != 200:
                raise FetchError(
                    f"The server answered {response.status} {response.reason or ''}".strip() + ".",
                    status=response.status,
                )
            return Fetched(
                _body(response),
                target.url,
                response.status,
                timezone.now(),
                etag=response.headers.get("ETag", "")[:200],
                last_modified=response.headers.get("Last-Modified", "")[:100],
            )
    raise FetchError(f"More than {settings.INGEST_FETCH_MAX_REDIRECTS} redirects: the page was not fetched.")


def _refusal(address):
    """Return why an address may not be fetched, or None."""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    if settings.INGEST_ALLOW_PRIVATE_URLS or any(
        address in ipaddress.ip_network(network, strict=False) for network in settings.INGEST_ALLOWED_NETWORKS
    ):
        return None
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    if not address.is_global:
        return "not a public address"
    return None


@contextmanager
def _exchange(target, deadline):
    """Yield a connection to the first checked address that takes it, cut at the deadline.

    Timeouts bound each wait; the deadline bounds the whole, even against a server that sends
    its headers or body a byte at a time: a timer shuts the socket, and the reads then fail.
    """
    conn = _connect(target)
    sock = conn.sock  # kept: http.client lets go of it once a response says it closes the connection
    expired = threading.Event()

    def cut():
        expired.set()
        with suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    timer = threading.Timer(max(deadline - time.monotonic(), 0), cut)
    timer.daemon = True
    timer.start()
    try:
        yield conn
    except FetchError:
        raise
    except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError, ValueError) as exc:
        if expired.is_set():
            raise _too_slow() from None
        if isinstance(exc, urllib3.exceptions.TimeoutError | socket.timeout):
            raise FetchError(f"{target.host} did not answer in time.") from None
        raise FetchError(f"{target.host} could not be read ({exc.__class__.__name__}).") from None
    else:
        if expired.is_set():  # the body may have been cut short
            raise _too_slow()
    finally:
        timer.cancel()
        conn.close()


def _connect(target):
    """Connect to the first checked address that takes the connection, in the resolver's order."""
    failure = None
    for address in target.addresses:
        options = {"timeout": settings.INGEST_FETCH_CONNECT_TIMEOUT_SECONDS}
        if target.scheme == "https":
            # The host is named for TLS: SNI and the certificate check, against the system's CAs.
            options.update(
                server_hostname=target.host, assert_hostname=target.host, cert_reqs="CERT_REQUIRED"
            )
            conn = urllib3.connection.HTTPSConnection(address, target.port, **options)
        else:
            conn = urllib3.connection.HTTPConnection(address, target.port, **options)
        try:
            conn.connect()
        except urllib3.exceptions.NewConnectionError as exc:
            failure = exc  # refused or unreachable: try the host's next address
            continue
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"{target.host} did not answer in time.") from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(f"{target.host} could not be reached ({exc.__class__.__name__}).") from None
        conn.timeout = settings.INGEST_FETCH_READ_TIMEOUT_SECONDS  # from now on, each wait for data
        conn.sock.settimeout(conn.timeout)
        return conn
    raise FetchError(f"{target.host} could not be reached ({failure.__class__.__name__}).")


def _get(conn, target, headers):
    """Send GET, naming the host in the Host header, and return the response, its body unread."""
    parts = urlsplit(target.url)
    conn.request(
        "GET",
        parts.path + (f"?{parts.query}" if parts.query else ""),
        headers={
            "Host": parts.netloc,
            "User-Agent": USER_AGENT,
            "Accept": "text/html, application/xhtml+xml, application/pdf, text/plain;q=0.9, */*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            **headers,
        },
        preload_content=False,
        decode_content=True,
    )
    return conn.getresponse()


def _body(response):
    """Read the body, decoded, refusing it past the size cap."""
    limit = settings.INGEST_MAX_UPLOAD_BYTES
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        too_big = readers._size(int(declared))
        raise FetchError(f"The page is {too_big}, over the limit of {readers._size(limit)}.")
    chunks, size = [], 0
    # read1: one network read at a time, so that a body over the cap is refused as it arrives.
    while chunk := response.read1(_READ_CHUNK, decode_content=True):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"The page is over the limit of {readers._size(limit)}.")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_slow():
    return FetchError(f"The page did not arrive within {settings.INGEST_FETCH_TOTAL_SECONDS} seconds.")
