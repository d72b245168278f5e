"""A real Celery worker (prefork, Redis) processing uploads end to end on PostgreSQL.

The worker is a subprocess pointed at the test database pytest created, so the test commits
its rows (transaction=True) for the worker to see them.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from rest_framework.test import APIClient

from tracker.models import Report

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.slow]


def database_url():
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(db, tmp_path):
    log = tmp_path / "worker.log"
    env = {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": settings.CELERY_BROKER_URL}
    celery = Path(sys.executable).with_name("celery")
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(celery), "-A", "tracker", "worker", "--pool", "prefork", "--concurrency", "1", "--purge",
             "--without-gossip", "--without-mingle", "-l", "info"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the worker did not start:\n" + log.read_text()
        time.sleep(0.2)
    yield process, log
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def wait_for(predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_processes_uploads_end_to_end(worker, uploader, seeds_dir):
    process, log = worker
    client = APIClient()
    client.force_authenticate(uploader)
    ids = []
    for path in sorted(seeds_dir.glob("*.txt"))[:3]:
        started = time.monotonic()
        response = client.post("/api/v1/reports/", {"file": path.open("rb")}, format="multipart")
        assert response.status_code == 202, response.content
        assert time.monotonic() - started < 2
        ids.append(response.json()["id"])

    def all_done():
        return Report.objects.filter(pk__in=ids, status=Report.Status.DONE).count() == len(ids)

    assert wait_for(all_done), log.read_text() + repr(list(Report.objects.values("pk", "status", "error")))
    for report in Report.objects.filter(pk__in=ids):
        assert report.attempts == 1
        assert report.estimates.exists()
        assert report.extractor_version
    assert "process_report" in log.read_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_report_queued_while_the_worker_was_away_is_processed_after_the_sweep(worker):
    report = Report.objects.create(
        text="Airwars said at least 4,354 civilians were killed by coalition strikes in Iraq and Syria.",
        sha256="f" * 64,
        status=Report.Status.QUEUED,
    )
    call_command("ingest", "--requeue")
    assert wait_for(lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE)
    assert Report.objects.get(pk=report.pk).estimates.get().value == 4354

