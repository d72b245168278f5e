"""Faults a test arms inside a real worker, loaded with `celery worker -I tests.ingest.fault_hooks`.

Only the fault tests load this module; the application never imports it. The worker reads the
directory in FAULT_HOOKS_DIR, and a test arms a fault by writing there a file named for the
fault and holding the id of the report it strikes:

    kill-once       SIGKILL the pool child in the middle of writing the report's figures, once
    kill-always     the same every time: a poison article
    db-error        lose the database connection in the middle of writing the figures, as
                    many times as the number after the id says ("12 3"), once without one
    fail-once       raise an error that no retry can fix there, once
    hold-retries    while this file exists a retry of the task waits before it starts, so the
                    test can look at what the failed attempt left behind

"The middle of writing" is right after the figures were inserted (in bulk, one statement),
inside the transaction that writes them, their history and the report's status. Each strike
appends a line to `struck` in the same directory.
"""

import os
import signal
import time
from pathlib import Path

from celery.signals import task_prerun, worker_process_init
from django.db import connection

from tracker.models import Estimate

DIRECTORY = Path(os.environ["FAULT_HOOKS_DIR"])
INSERT_FIGURES = f'INSERT INTO "{Estimate._meta.db_table}"'
# The report whose task this pool child is running (set as the task starts).
CURRENT = {"report_id": None}


class PermanentFault(Exception):
    """An error that is the report's, not the infrastructure's: retrying cannot help."""


def _armed(name, report_id, *, once):
    path = DIRECTORY / name
    try:
        target, *times = path.read_text().split()
        if target != str(report_id):
            return False
        if times and int(times[0]) > 1:
            path.write_text(f"{target} {int(times[0]) - 1}")  # one pool child: no race here
        elif once:
            path.unlink()  # only one process can remove it: the fault strikes once
    except FileNotFoundError:
        return False
    return True


def _note(line):
    with (DIRECTORY / "struck").open("a") as out:
        out.write(line + "\n")


def strike_once_the_figures_are_inserted(execute, sql, params, many, context):
    """Run a statement; after the one inserting the figures, strike where a test armed a fault."""
    result = execute(sql, params, many, context)
    if sql.startswith(INSERT_FIGURES) and CURRENT["report_id"] is not None:
        strike_while_writing_figures(CURRENT["report_id"])
    return result


def strike_while_writing_figures(report_id):
    written = Estimate.objects.filter(report_id=report_id).count()  # inside the transaction
    if _armed("kill-once", report_id, once=True) or _armed("kill-always", report_id, once=False):
        _note(f"kill {report_id} after {written} figure(s) written")
        os.kill(os.getpid(), signal.SIGKILL)
    if _armed("db-error", report_id, once=True):
        _note(f"db-error {report_id} after {written} figure(s) written")
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")  # raises OperationalError
    if _armed("fail-once", report_id, once=True):
        _note(f"fail {report_id} after {written} figure(s) written")
        raise PermanentFault("the fault hook broke this report")


def remember_the_report(sender, task, args, **kwargs):
    if task.name == "ingest.tasks.process_report":
        CURRENT["report_id"] = args[0]


def watch_the_figures_inserted(**kwargs):
    """Wrap every statement of this pool child's connection (the one its tasks use)."""
    if strike_once_the_figures_are_inserted not in connection.execute_wrappers:
        connection.execute_wrappers.append(strike_once_the_figures_are_inserted)


def hold_retries(sender, task, **kwargs):
    if not task.request.retries or not (DIRECTORY / "hold-retries").exists():
        return
    _note(f"held retry {task.request.retries} of {task.name}")
    deadline = time.monotonic() + 60
    while (DIRECTORY / "hold-retries").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


worker_process_init.connect(watch_the_figures_inserted, dispatch_uid="fault_hooks")
task_prerun.connect(remember_the_report, dispatch_uid="fault_hooks_report")
task_prerun.connect(hold_retries, dispatch_uid="fault_hooks")
