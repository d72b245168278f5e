"""A local web site the URL and feed tests fetch from: a real HTTP server on 127.0.0.1.

Each page is a `Page` (status, headers, body, and how slowly it is sent); the server records
every request it receives, so a test can check what was asked and how often. The articles are
written for these tests.
"""

import gzip
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.ingest.documents import pdf_with_text


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts
    trickle: float = 0.0  # seconds between two bytes of the body
    trickle_headers: float = 0.0  # seconds between two bytes of the status line and headers


class Site:
    """A ThreadingHTTPServer serving `pages` (a dict path -> Page) until `close()`."""

    def __init__(self, pages=None):
        self.pages = dict(pages or {})
        self.requests = []  # (path, headers) of every request, in order
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                page = site.pages.get(self.path, Page(b"Not found", status=404))
                if _fresh(page, self.headers):
                    self.send_response(304)
                    self.end_headers()
                    return
                time.sleep(page.delay)
                try:
                    if page.trickle_headers:
                        head = f"HTTP/1.1 {page.status} OK\r\nContent-Length: {len(page.body)}\r\n\r\n"
                        for byte in head.encode():
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(page.trickle_headers)
                        self.wfile.write(page.body)
                        return
                    self.send_response(page.status)
                    for name, value in {"Content-Length": str(len(page.body)), **page.headers}.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if page.trickle:
                        for i in range(len(page.body)):
                            self.wfile.write(page.body[i : i + 1])
                            self.wfile.flush()
                            time.sleep(page.trickle)
                    else:
                        self.wfile.write(page.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should on a slow or oversized page

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False  # close() does not wait for a page still trickling out
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path):
        return sum(1 for requested, _ in self.requests if requested.split("?")[0] == path)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _fresh(page, headers):
    """Tell whether a conditional GET asks for what the client already has."""
    etag = page.headers.get("ETag")
    if etag and headers.get("If-None-Match") == etag:
        return True
    modified = page.headers.get("Last-Modified")
    return bool(modified and headers.get("If-Modified-Since") == modified)


# --- Articles written for these tests ----------------------------------------------------------

ARTICLE_HTML = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Monitors raise their count of civilians killed in Raqqa strikes</title>
<meta property="og:title" content="Monitors raise their count of civilians killed in Raqqa strikes">
<meta property="og:site_name" content="The Riverside Ledger">
<meta property="article:published_time" content="2018-04-12T08:00:00Z">
</head><body><article>
<h1>Monitors raise their count of civilians killed in Raqqa strikes</h1>
<p>A monitoring group that tracks air strikes said on Wednesday that at least 1,400 civilians
had been killed by the US-led coalition in Raqqa since the offensive began last June.</p>
<p>The group said its researchers had checked each incident against local reports, hospital
records and the accounts of families who had fled the city during the fighting.</p>
<p>The coalition has not commented on the new count, which is several times higher than the
figures it has published for the same campaign in Iraq and Syria.</p>
</article></body></html>
"""

OTHER_HTML = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Mossoul : un nouveau bilan des frappes</title>
<meta property="og:site_name" content="La Gazette du Fleuve">
</head><body><article>
<h1>Mossoul : un nouveau bilan des frappes</h1>
<p>Selon un groupe de surveillance, au moins 230 civils ont été tués par les frappes de la
coalition à Mossoul au cours du mois de mars, un chiffre bien supérieur aux estimations
officielles publiées jusqu'ici.</p>
<p>Les enquêteurs disent avoir recoupé chaque frappe avec des témoignages d'habitants et des
images prises sur place pendant les combats.</p>
</article></body></html>
"""

PDF_LINES = (
    "Quarterly note on civilian harm",
    "The monitoring group said that at least 85 civilians were killed by coalition strikes",
    "in Deir ez-Zor province during the three months to the end of September.",
)


def article_pdf():
    return pdf_with_text(*PDF_LINES, title="Quarterly note on civilian harm")


def rss(*items, etag='"rss-1"'):
    """Return an RSS 2.0 feed of (link, title, summary) items, with an ETag."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{summary}</description></item>"
        for link, title, summary in items
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Riverside Ledger</title><link>http://example.invalid/</link>{entries}</channel></rss>"
    ).encode()
    return Page(body, headers={"Content-Type": "application/rss+xml", "ETag": etag})


def atom(*items, modified=None):
    """Return an Atom feed of (link, title, summary) items, with a Last-Modified date."""
    entries = "".join(
        f'<entry><title>{title}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>2018-04-12T08:00:00Z</updated><summary>{summary}</summary></entry>"
        for link, title, summary in items
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>La Gazette du Fleuve</title><id>urn:gazette</id>"
        f"<updated>2018-04-12T08:00:00Z</updated>{entries}</feed>"
    ).encode()
    modified = modified or formatdate(1523520000, usegmt=True)
    return Page(body, headers={"Content-Type": "application/atom+xml", "Last-Modified": modified})


def html_page(text):
    return Page(text.encode(), headers={"Content-Type": "text/html; charset=utf-8"})


def gzipped(data):
    return Page(gzip.compress(data), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
