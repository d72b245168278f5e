"""The services the benchmarks run against: own databases, Redis db 1, child processes.

Everything here is the benchmark's own: databases named ct_...bench... (ct_bench, ct_load_bench),
Redis database 1 (or BENCH_BROKER_URL's), ports 8100-8199. Nothing touches another database,
and every process started is stopped.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/1")
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]


def database_url(name):
    return f"{POSTGRES}/{name}"


def environment(database, **extra):
    """Return the environment of a Django process on `database`, debug off, throttle lifted.

    The anonymous API throttle (120/minute) would answer 429 to a benchmark; what is measured
    is the server's work, not the throttle's.
    """
    return {
        **os.environ,
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "insecure-bench-key"),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url(database),
        "CELERY_BROKER_URL": BROKER_URL,
        "API_ANON_RATE": "100000000/minute",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def postgres_problem():
    """Return why PostgreSQL cannot be used, or None when it can."""
    import psycopg

    try:
        psycopg.connect(database_url("postgres"), connect_timeout=3).close()
    except Exception as exc:  # noqa: BLE001 - any failure is the reason to print
        return f"PostgreSQL not reachable at {POSTGRES}: {exc.__class__.__name__}"
    return None


def redis_problem():
    """Return why Redis database 1 cannot be used, or None when it can."""
    import redis

    try:
        redis.Redis.from_url(BROKER_URL, socket_connect_timeout=3).ping()
    except Exception as exc:  # noqa: BLE001
        return f"Redis not reachable at {BROKER_URL}: {exc.__class__.__name__}"
    return None


def create_database(name, *, fresh=False):
    """Create the database `name` (dropped first when `fresh`) and migrate it."""
    import psycopg

    assert name.startswith("ct_") and "bench" in name, "the benchmarks only touch their own databases"
    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage(name, "migrate", "--noinput", "-v0")


def manage(database, *args, **extra_env):
    """Run a management command on `database`; return its standard output."""
    done = subprocess.run(
        [*MANAGE, *args], cwd=ROOT, env=environment(database, **extra_env), capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def query(database, sql, params=()):
    """Return the rows of one SQL statement on `database` (psycopg, outside Django)."""
    import psycopg

    with psycopg.connect(database_url(database), autocommit=True) as connection:
        cursor = connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def peak_rss_mb(pid):
    """Return the peak resident memory of a process (VmHWM), in MB, or None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid):
    """Return the ids of a process's direct children (Linux)."""
    try:
        found = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
        return found
    except OSError:
        return []


@contextmanager
def running(command, *, env, log, ready, timeout=90):
    """Run `command` until the block ends, once `ready` appears in its output (in `log`).

    The process leads its own process group, and the whole group is stopped on the way out,
    even when the block fails.
    """
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + timeout
        while ready not in log.read_text(errors="replace"):
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited:\n{log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield process
    finally:
        stop(process)


def stop(process):
    """Stop a process started by `running` and its group: TERM, then KILL after 20 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    try:  # children a TERMed parent left behind (prefork pool)
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
