"""Count the SQL queries a process runs, for the end-to-end benchmark's queries per article.

A Celery worker imports this module at start (`celery worker -I bench.querycount`): each pool
process then counts its queries and writes its total to BENCH_QUERY_DIR after every task.
`python -m bench.querycount ingest PATH...` runs a management command with the same count.
"""

import json
import os
import sys
from pathlib import Path

from celery.signals import task_postrun, worker_process_init

COUNT = {"queries": 0, "tasks": 0}


def count(execute, sql, params, many, context):
    COUNT["queries"] += 1
    return execute(sql, params, many, context)


def install():
    """Count every query of the default connection of this process's main thread."""
    from django.db import connection

    if count not in connection.execute_wrappers:
        connection.execute_wrappers.append(count)


def save():
    folder = os.environ.get("BENCH_QUERY_DIR")
    if folder:
        path = Path(folder) / f"{os.getpid()}.json"
        path.write_text(json.dumps(COUNT))


@worker_process_init.connect
def on_worker_process_init(**kwargs):
    install()


@task_postrun.connect
def on_task_postrun(**kwargs):
    COUNT["tasks"] += 1
    save()


def totals(folder):
    """Return (queries, tasks) summed over every process that wrote to `folder`."""
    counts = [json.loads(p.read_text()) for p in Path(folder).glob("*.json")]
    return sum(c["queries"] for c in counts), sum(c["tasks"] for c in counts)


if __name__ == "__main__":
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    django.setup()
    install()
    try:
        call_command(*sys.argv[1:])
    finally:
        save()
