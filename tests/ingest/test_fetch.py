"""ingest/fetch.py against a real local HTTP server: what is fetched, what is refused and why."""

import gzip
import shutil
import ssl
import subprocess

import pytest

from ingest.fetch import USER_AGENT, FetchError, RefusedURL, check_url, fetch, normalise_url
from tests.ingest import site as pages


def test_normalising_drops_tracking_parameters_the_fragment_and_the_default_port():
    assert (
        normalise_url("HTTPS://News.Example.ORG:443/a/b?utm_source=x&id=7&fbclid=y&xtor=RSS-1#top")
        == "https://news.example.org/a/b?id=7"
    )
    assert normalise_url("http://example.org") == "http://example.org/"
    assert normalise_url("http://example.org:8080/x?a&b=") == "http://example.org:8080/x?a&b="


@pytest.mark.parametrize(
    "url, words",
    [
        ("ftp://example.org/a.txt", "Only http and https"),
        ("file:///etc/passwd", "Only http and https"),
        ("javascript:alert(1)", "Only http and https"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http:///nohost", "no host"),
    ],
)
def test_it_refuses_what_is_not_an_http_url_with_a_host(url, words):
    with pytest.raises(RefusedURL, match=words):
        normalise_url(url)


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost/", "loopback"),
        ("http://2130706433/", "loopback"),  # 127.0.0.1 written as one number
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),  # IPv4-mapped IPv6
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://100.64.0.1/", "not a public address"),
    ],
)
def test_it_refuses_hosts_on_non_public_addresses_naming_the_setting(url, kind):
    with pytest.raises(RefusedURL) as refused:
        check_url(url)
    assert kind in str(refused.value)
    assert "INGEST_ALLOW_PRIVATE_URLS" in str(refused.value)


def test_the_setting_allows_private_addresses(settings):
    settings.INGEST_ALLOW_PRIVATE_URLS = True
    assert set(check_url("http://localhost:8000/a").addresses) <= {"127.0.0.1", "::1"}


def test_allowed_networks_allow_those_addresses_only(settings):
    settings.INGEST_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    assert check_url("http://127.0.0.1:8000/a").addresses == ("127.0.0.1",)
    with pytest.raises(RefusedURL, match="private"):
        check_url("http://10.0.0.1/")


def test_it_fetches_a_page_naming_the_project_and_offering_compression(site, site_allowed):
    page = fetch(site.url("/a.html?utm_campaign=feed"))
    assert page.status == 200
    assert page.data == pages.ARTICLE_HTML.encode()
    assert page.final_url == site.url("/a.html")
    path, headers = site.requests[-1]
    assert path == "/a.html"  # the tracking parameter was never sent
    assert headers["User-Agent"] == USER_AGENT and "CasualtyTracker" in USER_AGENT
    assert "gzip" in headers["Accept-Encoding"]
    assert headers["Host"] == f"127.0.0.1:{site.port}"


def test_it_follows_a_redirect_chain_to_the_final_url(site, site_allowed):
    page = fetch(site.url("/old"))
    assert page.final_url == site.url("/a.html")
    assert page.data == pages.ARTICLE_HTML.encode()
    assert [path for path, _ in site.requests] == ["/old", "/moved", "/a.html"]


def test_it_stops_after_the_redirects_allowed(site, site_allowed, settings):
    settings.INGEST_FETCH_MAX_REDIRECTS = 3
    with pytest.raises(FetchError, match="More than 3 redirects"):
        fetch(site.url("/loop"))
    assert site.hits("/loop") == 4


@pytest.mark.parametrize(
    "path, words",
    [
        ("/to-private", "10.0.0.7, a private address"),
        ("/to-metadata", "169.254.169.254, a link-local address"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused_before_connecting(site, site_allowed, path, words):
    with pytest.raises(RefusedURL, match=words):
        fetch(site.url(path))
    assert [p for p, _ in site.requests] == [path]


def test_a_redirect_to_ipv6_loopback_is_refused(site, site_allowed):
    with pytest.raises(RefusedURL, match="loopback"):
        fetch(site.url("/to-loopback6"))


def test_a_page_over_the_size_limit_is_refused(site, site_allowed, settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 50_000
    site.pages["/big.html"] = pages.html_page("<p>" + "words " * 20_000 + "</p>")
    with pytest.raises(FetchError, match="over the limit of 50,000 bytes"):
        fetch(site.url("/big.html"))


def test_a_page_over_the_limit_without_a_length_is_refused_as_it_arrives(site, site_allowed, settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 50_000
    page = pages.html_page("<p>" + "words " * 20_000 + "</p>")
    page.headers["Content-Length"] = ""  # no length announced: counted as it arrives
    site.pages["/big.html"] = page
    with pytest.raises(FetchError, match="over the limit"):
        fetch(site.url("/big.html"))


def test_a_compressed_page_is_decoded_and_capped_once_decoded(site, site_allowed, settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 1024 * 1024
    site.pages["/small.html"] = pages.gzipped(pages.ARTICLE_HTML.encode())
    assert fetch(site.url("/small.html")).data == pages.ARTICLE_HTML.encode()
    site.pages["/bomb.html"] = pages.gzipped(b"\0" * (64 * 1024 * 1024))  # 64 MB in about 64 KB
    assert len(site.pages["/bomb.html"].body) < 1024 * 1024
    with pytest.raises(FetchError, match="over the limit of 1.0 MB"):
        fetch(site.url("/bomb.html"))


def test_a_page_slower_than_the_read_timeout_is_refused(site, site_allowed, settings):
    settings.INGEST_FETCH_READ_TIMEOUT_SECONDS = 1
    site.pages["/slow.html"] = pages.Page(pages.ARTICLE_HTML.encode(), delay=4)
    with pytest.raises(FetchError, match="did not answer in time"):
        fetch(site.url("/slow.html"))


def test_a_page_that_trickles_in_past_the_total_time_is_refused(site, site_allowed, settings):
    settings.INGEST_FETCH_TOTAL_SECONDS = 1
    # A byte every 20 ms, 400 bytes: each comes well within the read timeout, the whole takes 8 s.
    site.pages["/trickle.html"] = pages.Page(b"x" * 400, trickle=0.02)
    with pytest.raises(FetchError, match="within 1 seconds"):
        fetch(site.url("/trickle.html"))


def test_a_server_sending_its_headers_a_byte_at_a_time_is_cut_at_the_total_time(site, site_allowed, settings):
    settings.INGEST_FETCH_TOTAL_SECONDS = 1
    # A byte every 50 ms: each within the read timeout, the status line and headers in about 3 s.
    site.pages["/drip.html"] = pages.Page(pages.ARTICLE_HTML.encode(), trickle_headers=0.05)
    with pytest.raises(FetchError, match="within 1 seconds"):
        fetch(site.url("/drip.html"))


def test_the_total_time_counts_every_hop_of_a_redirect_chain(site, site_allowed, settings):
    settings.INGEST_FETCH_TOTAL_SECONDS = 2
    site.pages["/slow-hop"] = pages.Page(status=302, headers={"Location": "/a.html"}, delay=1.5)
    site.pages["/a.html"].delay = 1.5
    with pytest.raises(FetchError, match="within 2 seconds"):
        fetch(site.url("/slow-hop"))


def test_an_error_status_is_refused_with_the_status(site, site_allowed):
    with pytest.raises(FetchError, match="410") as failed:
        fetch(site.url("/gone"))
    assert failed.value.status == 410


def test_a_conditional_get_gets_304_and_no_data(site, site_allowed):
    site.pages["/feed.rss"] = pages.rss(("http://example.invalid/x", "t", "s"), etag='"v1"')
    first = fetch(site.url("/feed.rss"))
    assert (first.status, first.etag) == (200, '"v1"')
    again = fetch(site.url("/feed.rss"), headers={"If-None-Match": first.etag})
    assert (again.status, again.data) == (304, b"")


def test_gzip_helper_round_trips():
    assert gzip.decompress(pages.gzipped(b"abc").body) == b"abc"


def test_a_host_nothing_listens_on_is_reported_unreachable(site_allowed):
    from tests.workers import free_port

    with pytest.raises(FetchError, match="could not be reached"):
        fetch(f"http://127.0.0.1:{free_port()}/a.html")


@pytest.mark.skipif(not shutil.which("openssl"), reason="needs openssl to make a certificate")
def test_https_checks_the_certificate(site_allowed, tmp_path):
    """A self-signed certificate is refused: TLS is verified against the host named in the URL."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = pages.Site({"/a.html": pages.html_page(pages.ARTICLE_HTML)})
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
    try:
        with pytest.raises(FetchError, match=r"could not be reached \(SSL"):
            fetch(f"https://127.0.0.1:{site.port}/a.html")
    finally:
        site.close()
