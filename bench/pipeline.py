"""Part 3 (and the worker's half of part 5): articles through `manage.py ingest` end to end.

A real prefork Celery worker on Redis (database 1) and PostgreSQL (database ct_bench_ingest,
made afresh) extracts what the command stores. The clock runs from the command's start to
the last report done. Queries per article are counted in the command and in every pool
process (bench/querycount.py); the second run starts on a database holding the first run's
articles plus generated figures, to show the count does not grow with the database.
"""

import subprocess
import tempfile
import time
from pathlib import Path

from bench import services
from bench.corpus import corpus
from bench.querycount import totals
from bench.table import Row, skipped

DATABASE = "ct_bench_ingest"
PART = "3 end to end"
FINISHED = "SELECT count(*) FROM tracker_report WHERE status IN ('done', 'failed')"
WAITING = "SELECT count(*) FROM tracker_report WHERE status IN ('queued', 'processing')"


def run(scale=1.0):
    problem = services.postgres_problem() or services.redis_problem()
    if problem:
        return [skipped(PART, problem), skipped("5 memory", problem)]
    count = max(50, round(1_000 * scale))
    services.create_database(DATABASE, fresh=True)
    rows, peaks = [], []
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as folder:
        folder = Path(folder)
        for phase, processes in enumerate((1, 2)):
            if phase:  # grow the database between the runs
                services.manage(DATABASE, "scaledata", "--force", "--estimates", str(round(20_000 * scale)))
            row, peak = ingest(folder / f"run{phase}", first=phase * count, count=count, processes=processes)
            rows += row
            peaks.append((processes, peak))
    rows += [
        Row(
            "5 memory",
            f"worker peak RSS while ingesting, {processes} process(es): main",
            peak,
            "MB",
            note=note,
        )
        for processes, (peak, note) in peaks
    ]
    return rows


def ingest(folder, *, first, count, processes):
    """Ingest `count` generated articles with a worker of `processes`; return (rows, memory)."""
    articles = folder / "articles"
    articles.mkdir(parents=True)
    for index, (_language, text) in enumerate(corpus(first + count)[first:], start=first):
        (articles / f"article-{index:05}.txt").write_text(text, encoding="utf-8")
    queries = folder / "queries"
    queries.mkdir()
    before = services.query(DATABASE, "SELECT count(*) FROM tracker_estimate")[0][0]
    done_before = services.query(DATABASE, FINISHED)[0][0]
    env = services.environment(DATABASE, BENCH_QUERY_DIR=str(queries))
    worker = [
        services.PYTHON,
        "-m",
        "celery",
        "-A",
        "tracker",
        "worker",
        "--pool",
        "prefork",
        "--concurrency",
        str(processes),
        "--purge",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-I",
        "bench.querycount",
        "-l",
        "info",
    ]
    with services.running(worker, env=env, log=folder / "worker.log", ready="ready.") as process:
        started = time.perf_counter()
        command_dir = folder / "command-queries"
        command_dir.mkdir()
        subprocess.run(
            [services.PYTHON, "-m", "bench.querycount", "ingest", str(articles)],
            cwd=services.ROOT,
            env={**env, "BENCH_QUERY_DIR": str(command_dir)},
            capture_output=True,
        )  # (exits non-zero when an analysis failed: counted below)
        stored = time.perf_counter() - started
        wait_until_processed(timeout=600)
        elapsed = time.perf_counter() - started
        pool = services.children(process.pid)
        memory = (services.peak_rss_mb(process.pid), [services.peak_rss_mb(pid) for pid in pool])
    worker_queries, tasks = totals(queries)
    command_queries, _ = totals(command_dir)
    finished = services.query(DATABASE, FINISHED)[0][0] - done_before
    failed = services.query(DATABASE, "SELECT count(*) FROM tracker_report WHERE status = 'failed'")[0][0]
    label = f"{count} articles, {processes} worker process(es)"
    rate = finished / elapsed
    target = ">= 50 (2 processes)" if processes == 2 else ""
    rows = [
        Row(
            PART,
            f"{label}: throughput",
            rate,
            "articles/s",
            target,
            rate >= 50 if processes == 2 else None,
            note=f"stored by the command in {stored:.1f} s; {finished} processed, {failed} failed",
        ),
        Row(
            PART,
            f"{label}: queries per article",
            (worker_queries + command_queries) / max(count, 1),
            "queries",
            "flat",
            note=f"command {command_queries / count:.1f} + worker "
            f"{worker_queries / max(tasks, 1):.1f}, database at {before:,} figures",
        ),
    ]
    main, each = memory
    note = "pool: " + ", ".join(f"{m:.0f}" for m in each if m) if each else ""
    return rows, (main, note)


def wait_until_processed(timeout):
    """Return once no report waits for the worker, or at the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not services.query(DATABASE, WAITING)[0][0]:
            return
        time.sleep(0.1)
