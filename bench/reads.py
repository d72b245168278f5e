"""Part 4 (and the web half of part 5): reads at 100,000 estimates, timed on the server side.

Run in a process of its own (`python -m bench.reads`, started by `python -m bench`) so its
peak memory is that of a process serving pages, nothing else. Requests go through Django's
test client: the whole middleware, view, query and rendering stack without the network, so
the times are the server's. Each read is timed twice: as a steady server answers (the answer
kept for this data version, tracker.kept) and cold, as the first request after a change to the
data does. The series' raw SQL is the endpoint's own queryset, executed
through a cursor and fetched, nothing built from its rows.
"""

import json
import os
import resource
import statistics
import sys
import time

from bench.table import Row

PATHS = {
    "series": "/api/v1/series/",
    "estimates": "/api/v1/estimates/?page_size=100",
    "dashboard": "/",
}
TARGETS = {"series": 50, "dashboard": 150}  # p95, ms, of a steady server (answers kept)
# Cold: the kept answer cleared before each request, as the first request after any data change.
COLD_REQUESTS = 30
BUDGET_SECONDS = 90  # per endpoint: a slow one is measured on fewer requests, and says so


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function, count):
    """Return the wall times of up to `count` calls, fewer if BUDGET_SECONDS runs out."""
    times, deadline = [], time.monotonic() + BUDGET_SECONDS
    function()  # warm: first-request imports and caches are not what a steady server pays
    while len(times) < count and time.monotonic() < deadline:
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def measure(count):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tracker.models import Estimate
    from tracker.series import chart_estimates, chart_rows

    client = Client()
    estimates = Estimate.objects.count()
    rows, medians = [], {}
    for name, path in PATHS.items():

        def get(path=path):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response

        def get_cold(get=get):
            cache.clear()  # as after any change to the data: the kept answer is built again
            return get()

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            size = len(get().content)
        queries = len(captured)  # now: the next request resets the log
        target = TARGETS.get(name)
        for state, function, runs in (("kept", get, count), ("cold", get_cold, COLD_REQUESTS)):
            times = timed(function, runs)
            median, p95 = statistics.median(times) * 1000, percentile(times, 0.95) * 1000
            medians[name, state] = median
            note = f"{len(times)} requests, {queries} queries when cold, {size / 1000:,.0f} KB"
            if len(times) < runs:
                note += f" (only {len(times)} in the {BUDGET_SECONDS} s budget)"
            rows += [
                Row("4 reads", f"{path} {state} median", median, "ms", note=note),
                Row(
                    "4 reads",
                    f"{path} {state} p95",
                    p95,
                    "ms",
                    f"<= {target}" if target and state == "kept" else "",
                    p95 <= target if target and state == "kept" else None,
                ),
            ]
    sql, params = chart_rows(chart_estimates()).query.sql_with_params()

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    raw_times = timed(raw, count)
    raw_median = statistics.median(raw_times) * 1000
    ratio = medians["series", "cold"] / raw_median
    rows += [
        Row(
            "4 reads",
            "series raw SQL median (its chart query, fetched)",
            raw_median,
            "ms",
            note=f"{len(raw_times)} runs",
        ),
        Row("4 reads", "series endpoint (cold) / its raw SQL", ratio, "x", "<= 2", ratio <= 2),
    ]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(
        Row(
            "5 memory",
            "web process peak RSS while serving",
            peak,
            "MB",
            note=f"database at {estimates:,} figures",
        )
    )
    return rows


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    django.setup()
    from dataclasses import asdict

    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
    print(json.dumps([asdict(r) for r in result]))


def database_for(estimates):
    """Return the database of `estimates` generated figures: one per size, kept between runs."""
    return "ct_bench" if estimates == 100_000 else f"ct_bench_{estimates}"


def run(scale=1.0):
    """Fill ct_bench to 100,000 estimates (times `scale`) and measure it in a child process."""
    import subprocess

    from bench import services
    from bench.table import skipped

    problem = services.postgres_problem()
    if problem:
        return [skipped("4 reads", problem), skipped("5 memory", problem)]
    estimates = round(100_000 * scale)
    database = database_for(estimates)
    services.create_database(database)
    services.manage(database, "scaledata", "--estimates", str(estimates))
    services.query(database, "VACUUM ANALYZE")  # as autovacuum would have, after a bulk load
    done = subprocess.run(
        [services.PYTHON, "-m", "bench.reads", str(max(20, round(200 * min(scale, 1))))],
        cwd=services.ROOT,
        env=services.environment(database),
        capture_output=True,
        text=True,
    )
    if done.returncode:
        return [skipped("4 reads", f"the reads failed: {done.stderr.strip().splitlines()[-1:]}")]
    return [Row(**row) for row in json.loads(done.stdout.strip().splitlines()[-1])]
