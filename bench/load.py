"""python -m bench.load [--clients 50] [--seconds 60] [--port 8150]: the load test of issues 8 and 17.

Serves the demo data scaled to 100,000 estimates (`manage.py scaledata`, database ct_bench)
as docker-compose.yml runs it: nginx with deploy/nginx.conf on 127.0.0.1:PORT in front of
gunicorn with gunicorn.conf.py (threaded workers) on PORT+1, the cache in Redis (the
benchmark's database 1). It drives it with `--clients` concurrent clients for `--seconds`:
each asks for the dashboard and /api/v1/series/ in turn, waits for the answer, and asks
again, as anonymous readers: most answers come from nginx's microcache, and the first row of
each path counts them by X-Cache-Status (HIT, MISS, STALE, UPDATING). Meanwhile
`--slow-clients` clients (the probe's four) hold connections open sending a body one byte a
second, and /healthz is asked once a second. `--no-proxy` serves gunicorn alone (no cache).
The test stops by itself; every process is stopped on the way out, even on failure. The
clients are threads of this process (http.client), so they share the two cores with the
server: the figures are a floor. The bar: zero errors, p95 under 300 ms, /healthz within 1 s.
"""

import argparse
import http.client
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from bench import services
from bench.reads import database_for, percentile
from bench.table import Row, render, skipped, write_json

PATHS = ["/", "/api/v1/series/"]
P95_BAR_MS = 300
HEALTHZ_BAR_MS = 1000
ROOT = Path(__file__).resolve().parents[1]


def client(port, deadline, results, offset):
    """Ask for each path in turn until the deadline; append (path, seconds, error, cache) to results.

    `cache` is nginx's X-Cache-Status (HIT: its microcache answered; MISS, STALE...: see
    deploy/nginx.conf), None without the proxy.
    """
    turn = offset
    while time.monotonic() < deadline:
        path = PATHS[turn % len(PATHS)]
        turn += 1
        started = time.perf_counter()
        error = cache = None
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            cache = response.getheader("X-Cache-Status")
            if response.status != 200:
                error = f"HTTP {response.status}"
            connection.close()
        except (OSError, http.client.HTTPException) as exc:
            error = exc.__class__.__name__
        results.append((path, time.perf_counter() - started, error, cache))


def drive(port, clients, seconds):
    """Run the clients; return their results and the seconds the run really took."""
    results, deadline = [], time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, deadline, results, i), daemon=True)
        for i in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return results, time.perf_counter() - started


def slow_client(port, deadline):
    """Hold a connection open, sending a 10 MB body (under the cap) one byte a second, until the deadline."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(
                b"POST /ingest/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n"
                b"Content-Type: multipart/form-data; boundary=x\r\n\r\n"
            )
            while time.monotonic() < deadline:
                connection.sendall(b"x")
                time.sleep(1)
    except OSError:
        pass  # cut off by the server: what it should do to a client this slow


def health_prober(port, deadline, results):
    """Ask for /healthz once a second until the deadline; append (seconds, error) to results."""
    while time.monotonic() < deadline:
        started = time.perf_counter()
        error = None
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            error = None if response.status == 200 else f"HTTP {response.status}"
            connection.close()
        except (OSError, http.client.HTTPException) as exc:
            error = exc.__class__.__name__
        results.append((time.perf_counter() - started, error))
        time.sleep(1)


def nginx_config(folder, *, port, upstream_port):
    """Write deploy/nginx.conf pointed at 127.0.0.1 ports and `folder` (logs, cache), and return its path."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for old, new in [
        ("server web:8000;", f"server 127.0.0.1:{upstream_port};"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("pid /tmp/nginx.pid;", f"pid {folder}/nginx.pid;"),
        ("/var/log/nginx/", f"{folder}/"),
        ("/var/cache/nginx/", f"{folder}/"),
    ]:
        text = text.replace(old, new)
    temp = "".join(
        f"    {n}_temp_path {folder}/{n};\n" for n in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    text = text.replace("http {\n", "http {\n" + temp, 1)
    if os.geteuid() == 0:  # workers as root too: the scratch folder (mode 700) is root's alone
        text = "user root;\n" + text
    path = Path(folder) / "nginx.conf"
    path.write_text(text)
    return path


def listening(port, process, log, timeout=10):
    """Wait until `process` accepts connections on `port`; raise with its log if it exits or never does."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx is not listening on {port}:\n{log.read_text()[-3000:]}") from None
            time.sleep(0.1)


def summary(results, elapsed):
    rows = []
    for path in [*PATHS, "all"]:
        mine = [r for r in results if path in ("all", r[0])]
        ok = [seconds * 1000 for _p, seconds, error, _c in mine if error is None]
        errors = len(mine) - len(ok)
        p95 = percentile(ok, 0.95) if ok else None
        kinds = sorted({e for _p, _s, e, _c in mine if e})
        caches = Counter(c for _p, _s, _e, c in mine if c)
        rows += [
            Row(
                "load",
                f"{path}: requests per second",
                len(mine) / elapsed,
                "req/s",
                note=f"{len(mine)} requests"
                + "".join(f", {count} {status}" for status, count in sorted(caches.items())),
            ),
            Row("load", f"{path}: median latency", statistics.median(ok) if ok else None, "ms"),
            Row(
                "load",
                f"{path}: p95 latency",
                p95,
                "ms",
                f"< {P95_BAR_MS}",
                p95 is not None and p95 < P95_BAR_MS,
            ),
            Row("load", f"{path}: errors", errors, "", "0", errors == 0, note=", ".join(kinds)),
        ]
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--estimates", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (4 threads each)")
    parser.add_argument("--port", type=int, default=8150, choices=range(8100, 8199), metavar="8100-8198")
    parser.add_argument("--slow-clients", type=int, default=4, help="clients sending a body 1 byte/s")
    parser.add_argument("--no-proxy", dest="proxy", action="store_false", help="gunicorn alone, no nginx")
    parser.add_argument("--database", help="a ct_...bench... database to fill (default: ct_bench at 100,000)")
    args = parser.parse_args(argv)
    problem = services.postgres_problem()
    if problem:
        rows = [skipped("load", problem)]
    else:
        rows = run(args)
    print(render(rows))
    path = write_json(rows, "load", vars(args))
    print(f"\nWritten to {path.relative_to(path.parents[2])}")


def run(args):
    database = args.database or database_for(args.estimates)
    print(f"Filling {database} to {args.estimates:,} estimates ...", file=sys.stderr, flush=True)
    services.create_database(database)
    services.manage(database, "scaledata", "--estimates", str(args.estimates))
    services.query(database, "VACUUM ANALYZE")  # as autovacuum would have, after a bulk load
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    proxied = args.proxy and Path(nginx).exists()
    upstream = args.port + 1 if proxied else args.port
    # gunicorn.conf.py (gthread, max_requests), as docker-compose.yml runs it.
    gunicorn = [services.PYTHON, "-m", "gunicorn", "tracker.wsgi:application", "--workers", str(args.workers)]
    with tempfile.TemporaryDirectory(prefix="ct-load-") as folder, ExitStack() as stack:
        log = Path(folder) / "gunicorn.log"
        env = services.environment(
            database,
            DJANGO_STATIC_ROOT=str(Path(folder) / "static"),
            DJANGO_CACHE_URL=services.BROKER_URL,
            DJANGO_TRUSTED_PROXIES="1" if proxied else "0",
            GUNICORN_BIND=f"127.0.0.1:{upstream}",
        )
        services.manage(
            database, "collectstatic", "--noinput", "-v0", DJANGO_STATIC_ROOT=env["DJANGO_STATIC_ROOT"]
        )
        server = stack.enter_context(services.running(gunicorn, env=env, log=log, ready="Booting worker"))
        if proxied:
            config = nginx_config(folder, port=args.port, upstream_port=upstream)
            command = [nginx, "-c", str(config), "-p", folder, "-g", "daemon off;"]
            nginx_log = Path(folder) / "nginx.log"
            process = stack.enter_context(services.running(command, env=env, log=nginx_log, ready=""))
            listening(args.port, process, nginx_log)
        time.sleep(2)  # every worker booted
        print(
            f"{args.clients} clients and {args.slow_clients} slow ones for {args.seconds:g} s on port "
            f"{args.port} ({'nginx, then gunicorn' if proxied else 'gunicorn alone'}) ...",
            file=sys.stderr,
            flush=True,
        )
        drive(args.port, min(args.clients, 4), 3)  # warm each worker
        # The probe's attack alone first: slow clients hold connections while /healthz is asked.
        deadline = time.monotonic() + args.seconds + 15
        slow = [
            threading.Thread(target=slow_client, args=(args.port, deadline), daemon=True)
            for _ in range(args.slow_clients)
        ]
        for thread in slow:
            thread.start()
        attacked = []
        health_prober(args.port, time.monotonic() + 10, attacked)
        # Then the load, the slow clients still there, /healthz still asked.
        loaded = []
        prober = threading.Thread(
            target=health_prober, args=(args.port, time.monotonic() + args.seconds, loaded), daemon=True
        )
        prober.start()
        results, elapsed = drive(args.port, args.clients, args.seconds)
        prober.join(timeout=15)
        for thread in slow:
            thread.join(timeout=30)
        memory = [services.peak_rss_mb(pid) for pid in services.children(server.pid)]
    rows = summary(results, elapsed)
    for health, during, bar in [(attacked, "alone", True), (loaded, f"and {args.clients} clients", False)]:
        ok = [seconds * 1000 for seconds, error in health if error is None]
        slowest = max(ok) if ok and len(ok) == len(health) else None
        rows.append(
            Row(
                "load",
                f"/healthz, {args.slow_clients} slow clients {during}: slowest",
                slowest,
                "ms",
                f"< {HEALTHZ_BAR_MS}" if bar else "",
                (slowest is not None and slowest < HEALTHZ_BAR_MS) if bar else None,
                note=f"{len(health)} asked, {len(health) - len(ok)} failed",
            )
        )
    rows += [
        Row(
            "load",
            "gunicorn worker peak RSS",
            max((m for m in memory if m), default=None),
            "MB",
            note=f"{args.workers} gthread workers; {'behind nginx; ' if proxied else ''}"
            f"database at {args.estimates:,} figures",
        ),
    ]
    return rows


if __name__ == "__main__":
    main()
