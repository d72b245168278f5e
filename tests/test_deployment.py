"""The documented deployment: deploy/nginx.conf in front of gunicorn.conf.py's threaded workers.

The real nginx runs the shipped configuration, its upstream pointed at a server started by
the test that answers one request at a time (as one sync gunicorn worker did): if nginx passed
a slow body on as it came, that server would sit reading it and /healthz would starve, as it
did for the probe's four clients sending one byte a second. Skipped when nginx is absent
(`make test` installs Debian's nginx as root).
"""

import os
import re
import shutil
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from tests.workers import free_port

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

pytestmark = pytest.mark.skipif(NGINX is None, reason="needs nginx (make test installs Debian's nginx)")


def rendered(folder, *, upstream_port, port):
    """Return the shipped config pointed at 127.0.0.1 ports and a scratch folder (logs, cache) alone."""
    text = CONFIG.read_text()
    for old, new in [
        ("server web:8000;", f"server 127.0.0.1:{upstream_port};"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("pid /tmp/nginx.pid;", f"pid {folder}/nginx.pid;"),
        ("/var/log/nginx/", f"{folder}/"),
        ("/var/cache/nginx/", f"{folder}/"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    temp_paths = "".join(
        f"    {name}_temp_path {folder}/{name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    text = text.replace("http {\n", "http {\n" + temp_paths, 1)
    if os.geteuid() == 0:  # workers as root too: pytest's folder (mode 700) is root's alone
        text = "user root;\n" + text
    path = folder / "nginx.conf"
    path.write_text(text)
    return path


class Upstream(BaseHTTPRequestHandler):
    """One request at a time: /healthz answers at once, a POST reads its whole body first."""

    protocol_version = "HTTP/1.0"  # one request per connection: a kept-alive one would block it
    seen = []

    def do_GET(self):
        self.seen.append(("GET", self.path, self.headers.get("X-Forwarded-For")))
        self.answer(b'{"status": "ok"}')

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append(("POST", self.path, len(body)))
        self.answer(b"stored")

    def answer(self, body):
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def proxy(tmp_path):
    """Run nginx with the shipped config in front of a one-request-at-a-time upstream; yield its port."""
    upstream = HTTPServer(("127.0.0.1", 0), Upstream)
    Upstream.seen = []
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        with running_nginx(tmp_path, upstream.server_address[1]) as port:
            yield port
    finally:
        upstream.shutdown()
        upstream.server_close()


@contextmanager
def running_nginx(folder, upstream_port):
    """Run nginx with the shipped config (logs, cache in `folder`) before `upstream_port`; yield its port."""
    port = free_port()
    config = rendered(folder, upstream_port=upstream_port, port=port)
    process = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(folder), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def request(port, raw, timeout=5):
    """Send `raw` and return the answer's status line and headers."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(raw)
        answer = b""
        while b"\r\n\r\n" not in answer and (chunk := connection.recv(65536)):
            answer += chunk
    return answer


def status_of(answer):
    return int(answer.split(b" ", 2)[1])


def test_the_shipped_configuration_is_valid_nginx(tmp_path):
    config = rendered(tmp_path, upstream_port=8000, port=free_port())
    result = subprocess.run(
        [NGINX, "-t", "-c", str(config), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_four_slow_body_clients_do_not_starve_healthz(tmp_path):
    """The probe: 4 anonymous clients sending one byte per second made /healthz time out."""
    with proxy(tmp_path) as port:
        slow = []
        for n in range(4):
            client = socket.create_connection(("127.0.0.1", port))
            client.sendall(
                # Under the body cap, so nginx accepts it and waits for it: a slower attack than the 413's.
                f"POST /ingest/{n} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10000000\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n\r\n".encode()
            )
            slow.append(client)
        answers = []
        for _second in range(4):
            for client in slow:
                client.sendall(b"x")  # one byte a second each
            started = time.monotonic()
            answer = request(port, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            answers.append((status_of(answer), time.monotonic() - started))
            time.sleep(1)
        for client in slow:
            client.close()

    assert [status for status, _seconds in answers] == [200] * 4
    assert max(seconds for _status, seconds in answers) < 1  # the bound
    assert not [seen for seen in Upstream.seen if seen[0] == "POST"]  # no slow body reached it


def test_without_the_proxy_one_slow_body_client_starves_the_same_server():
    """The control: the upstream of the test above is as fragile as a sync worker facing clients."""
    upstream = HTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = upstream.server_address[1]
    try:
        with socket.create_connection(("127.0.0.1", port)) as slow:
            slow.sendall(b"POST /ingest/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 300000000\r\n\r\nx")
            with pytest.raises(TimeoutError):
                request(port, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n", timeout=2)
    finally:
        upstream.shutdown()
        upstream.server_close()


def test_a_body_over_the_cap_is_refused_before_reaching_django(tmp_path):
    cap = int(re.search(r"client_max_body_size (\d+)m;", CONFIG.read_text()).group(1)) * 1024 * 1024
    with proxy(tmp_path) as port:
        answer = request(
            port,
            f"POST /ingest/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: {cap + 1}\r\n"
            "Connection: close\r\n\r\n".encode(),
        )
        whole = request(
            port,
            b"POST /ingest/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
            b"Connection: close\r\n\r\nhello",
        )
    assert status_of(answer) == 413
    assert status_of(whole) == 200
    assert Upstream.seen == [("POST", "/ingest/", 5)]  # only the whole, small one


def test_django_reads_the_address_nginx_appends_never_the_one_a_client_writes(tmp_path, settings, rf):
    from tracker.addresses import client_address

    with proxy(tmp_path) as port:
        request(
            port,
            b"GET /healthz-spoof HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.9\r\n"
            b"Connection: close\r\n\r\n",
        )
    (_method, _path, forwarded) = Upstream.seen[0]
    assert forwarded == "203.0.113.9, 127.0.0.1"
    settings.TRUSTED_PROXIES = 1
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.2")) == "127.0.0.1"
    settings.TRUSTED_PROXIES = 0
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"


def test_gunicorn_runs_threaded_workers_that_are_recycled(monkeypatch):
    """gunicorn.conf.py, which gunicorn reads from the project folder (docker-compose.yml, make load)."""
    for name in ("GUNICORN_WORKERS", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    config = {}
    exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), config)

    assert config["worker_class"] == "gthread" and config["threads"] > 1
    assert 0 < config["max_requests"] and 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["preload_app"] is True
    assert config["bind"] == "0.0.0.0:8000"  # what nginx's upstream `web:8000` reaches in compose
