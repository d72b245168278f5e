"""A real Celery worker (prefork, Redis) processing uploads end to end on PostgreSQL.

The worker is a subprocess (tests/workers.py) pointed at the test database pytest created, so
the test commits its rows (transaction=True) for the worker to see them.
"""

import time

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from tests.workers import running_worker, wait_for
from tracker.models import Report

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def worker(db, tmp_path):
    log = tmp_path / "worker.log"
    with running_worker(log) as process:
        yield process, log


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
    assert log.read_text().count("Task ingest.tasks.process_report[") == 2 * len(ids)  # received, succeeded


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
