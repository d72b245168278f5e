"""python -m bench.load [--clients 50] [--seconds 60] [--port 8150]: the load test of issue 8.

Serves the demo data scaled to 100,000 estimates (`manage.py scaledata`, database ct_bench)
with gunicorn on 127.0.0.1, as docker-compose.yml runs it (three sync workers), and drives
it with `--clients` concurrent clients for `--seconds`: each client asks for the dashboard
and /api/v1/series/ in turn, waits for the answer, and asks again. The test stops by itself;
gunicorn is stopped on the way out, even on failure. The clients are threads of this
process (http.client), so they share the two cores with the server: the figures are a floor.
The bar: zero errors, p95 under 300 ms.
"""

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import services
from bench.reads import database_for, percentile
from bench.table import Row, render, skipped, write_json

PATHS = ["/", "/api/v1/series/"]
P95_BAR_MS = 300


def client(port, deadline, results, offset):
    """Ask for each path in turn until the deadline; append (path, seconds, error) to results."""
    turn = offset
    while time.monotonic() < deadline:
        path = PATHS[turn % len(PATHS)]
        turn += 1
        started = time.perf_counter()
        error = None
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                error = f"HTTP {response.status}"
            connection.close()
        except (OSError, http.client.HTTPException) as exc:
            error = exc.__class__.__name__
        results.append((path, time.perf_counter() - started, error))


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


def summary(results, elapsed):
    rows = []
    for path in [*PATHS, "all"]:
        mine = [r for r in results if path in ("all", r[0])]
        ok = [seconds * 1000 for _p, seconds, error in mine if error is None]
        errors = len(mine) - len(ok)
        p95 = percentile(ok, 0.95) if ok else None
        kinds = sorted({e for _p, _s, e in mine if e})
        rows += [
            Row(
                "load",
                f"{path}: requests per second",
                len(mine) / elapsed,
                "req/s",
                note=f"{len(mine)} requests",
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
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--port", type=int, default=8150, choices=range(8100, 8200), metavar="8100-8199")
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
    database = database_for(args.estimates)
    print(f"Filling {database} to {args.estimates:,} estimates ...", file=sys.stderr, flush=True)
    services.create_database(database)
    services.manage(database, "scaledata", "--estimates", str(args.estimates))
    services.query(database, "VACUUM ANALYZE")  # as autovacuum would have, after a bulk load
    gunicorn = [
        services.PYTHON,
        "-m",
        "gunicorn",
        "tracker.wsgi:application",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--timeout",
        "60",
    ]
    with tempfile.TemporaryDirectory(prefix="ct-load-") as folder:
        log = Path(folder) / "gunicorn.log"
        env = services.environment(database, DJANGO_STATIC_ROOT=str(Path(folder) / "static"))
        services.manage(
            database, "collectstatic", "--noinput", "-v0", DJANGO_STATIC_ROOT=env["DJANGO_STATIC_ROOT"]
        )
        with services.running(gunicorn, env=env, log=log, ready="Booting worker") as server:
            time.sleep(2)  # every worker booted
            print(
                f"{args.clients} clients for {args.seconds:g} s on port {args.port} ...",
                file=sys.stderr,
                flush=True,
            )
            drive(args.port, min(args.clients, 4), 3)  # warm each worker
            results, elapsed = drive(args.port, args.clients, args.seconds)
            memory = [services.peak_rss_mb(pid) for pid in services.children(server.pid)]
    rows = summary(results, elapsed)
    rows.append(
        Row(
            "load",
            "gunicorn worker peak RSS",
            max((m for m in memory if m), default=None),
            "MB",
            note=f"{args.workers} sync workers; database at {args.estimates:,} figures",
        )
    )
    return rows


if __name__ == "__main__":
    main()
