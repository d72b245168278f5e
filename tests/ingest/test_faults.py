"""Faults with the real services: a prefork worker in a subprocess, Redis and PostgreSQL.

The worker loads tests/ingest/fault_hooks.py, which kills its pool child, drops its database
connection or breaks a report where a test arms it; the worker's environment shortens the
retry backoff and the sweep so that what takes minutes in production takes seconds here.
"""

import re
import shutil
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from rest_framework.test import APIClient

from ingest.services import report_create, report_process
from tests.workers import (
    broker_of_this_process,
    hung_broker,
    queue_is_empty,
    redis_server,
    running_worker,
    wait_for,
)
from tracker.models import Estimate, Report

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.slow]

ARTICLE = (
    "The US-led coalition said on Friday that at least 603 civilians had been killed "
    "unintentionally by its strikes in Iraq and Syria since 2014. Airwars, a London-based "
    "monitor, says at least 4,354 civilians have been killed by coalition strikes. The Syrian "
    "Observatory for Human Rights said 3,833 civilians were killed by coalition strikes in Syria."
)
FIELDS = ("source_id", "value", "value_max", "qualifier", "casualty", "victims", "scope", "geography",
          "perpetrator", "period_start", "as_of", "as_of_precision", "quote", "start", "end",
          "confidence", "machine_reading", "review_status", "editor_note")  # fmt: skip


def figures(report):
    return list(report.estimates.order_by("start", "end", "value").values_list(*FIELDS))


def clean_run(report):
    """Return the figures one clean run gives the report, processing it again in this process."""
    report.estimates.all().delete()
    Report.objects.filter(pk=report.pk).update(status=Report.Status.QUEUED, attempts=0, error="")
    report_process(report_id=report.pk)
    return figures(report)


class Faults:
    """The directory through which a test arms the worker's fault hooks."""

    def __init__(self, directory):
        self.directory = directory
        directory.mkdir()

    def arm(self, name, report_id=""):
        (self.directory / name).write_text(str(report_id))

    def disarm(self, name):
        (self.directory / name).unlink()

    def struck(self):
        path = self.directory / "struck"
        return path.read_text().splitlines() if path.exists() else []


class Worker:
    def __init__(self, process, log):
        self.process, self.log = process, log

    def output(self):
        return self.log.read_text()

    def is_up(self):
        return self.process.poll() is None

    def deliveries(self):
        """Return the id of each process_report message the worker received, in order."""
        return re.findall(r"Task ingest\.tasks\.process_report\[([0-9a-f-]+)\] received", self.output())


@pytest.fixture
def faults(tmp_path):
    return Faults(tmp_path / "faults")


@pytest.fixture
def worker(faults, tmp_path, settings):
    log = tmp_path / "worker.log"
    env = {"FAULT_HOOKS_DIR": faults.directory, "INGEST_RETRY_BACKOFF": 1, "INGEST_RETRY_BACKOFF_MAX": 2}
    with running_worker(log, include=["tests.ingest.fault_hooks"], env=env) as process:
        yield Worker(process, log)
    assert queue_is_empty(settings.CELERY_BROKER_URL)


def upload(text, faults=None, fault=None, times=None):
    """Store an article and arm a fault for it (`times` times) before its task is sent, at commit."""
    with transaction.atomic():
        report, created = report_create(text=text)
        assert created
        if fault:
            faults.arm(fault, f"{report.pk} {times}" if times else report.pk)
    return report


def status_of(report):
    return Report.objects.values_list("status", flat=True).get(pk=report.pk)


def explain(worker, report):
    row = Report.objects.values("status", "attempts", "error").get(pk=report.pk)
    return f"{row}\n--- worker log ---\n{worker.output()}"


# --- 1. A pool child killed in the middle of a task ---------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pool_child_killed_mid_task_gets_it_delivered_again_and_processed_once(worker, faults):
    report = upload(ARTICLE, faults, "kill-once")

    assert wait_for(lambda: status_of(report) == Report.Status.DONE), explain(worker, report)

    assert faults.struck() == [f"kill {report.pk} after 3 figure(s) written"]
    assert "exited with 'signal 9 (SIGKILL)'" in worker.output()
    first, again = worker.deliveries()  # the same message, given back when its child died
    assert first == again
    report.refresh_from_db()
    assert report.attempts == 2  # the killed run and the redelivery
    processed = figures(report)
    assert len(processed) == 3
    assert processed == clean_run(report)
    assert worker.is_up()


# --- 2. A poison task that kills its worker every time ------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_poison_article_fails_after_the_bounded_attempts_and_the_worker_goes_on(worker, faults, settings):
    poison = upload(ARTICLE, faults, "kill-always")

    assert wait_for(lambda: status_of(poison) == Report.Status.FAILED), explain(worker, poison)

    poison.refresh_from_db()
    assert poison.attempts == settings.INGEST_MAX_ATTEMPTS == 3
    assert poison.error == "Gave up after 3 attempts: processing never finished."
    assert len(faults.struck()) == 3
    assert worker.output().count("exited with 'signal 9 (SIGKILL)'") == 3
    deliveries = worker.deliveries()
    assert len(deliveries) == 4 and len(set(deliveries)) == 1  # 3 deaths, then the run that gave up
    assert not poison.estimates.exists()
    assert wait_for(lambda: queue_is_empty(settings.CELERY_BROKER_URL)), "the poison task is still queued"
    healthy = upload(ARTICLE.replace("603", "604"))
    assert wait_for(lambda: status_of(healthy) == Report.Status.DONE), explain(worker, healthy)
    assert Report.objects.get(pk=healthy.pk).attempts == 1
    assert worker.is_up()


# --- 3. Redis down when an article is uploaded --------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_upload_while_redis_is_down_answers_at_once_and_the_sweep_processes_it_once(
    tmp_path, uploader, settings
):
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server on PATH: the test stops and starts a Redis of its own")
    log = tmp_path / "worker.log"
    sweep = {"INGEST_SWEEP_SECONDS": 1, "INGEST_REQUEUE_AFTER_SECONDS": 2}
    api = APIClient()
    api.force_authenticate(uploader)
    with redis_server() as redis, running_worker(log, broker_url=redis.url, beat=True, env=sweep) as process:
        redis.stop()
        with broker_of_this_process(redis.url):
            started = time.monotonic()
            response = api.post("/api/v1/reports/", {"text": ARTICLE}, format="json")
            elapsed = time.monotonic() - started
        assert response.status_code == 202, response.content
        assert elapsed < 2 * settings.INGEST_BROKER_TIMEOUT_SECONDS, (
            f"the upload took {elapsed:.2f}s with Redis down"
        )
        report = Report.objects.get(pk=response.json()["id"])
        assert (report.status, report.attempts) == (Report.Status.QUEUED, 0)

        redis.start()
        assert wait_for(lambda: status_of(report) == Report.Status.DONE, timeout=90), log.read_text()
        assert process.poll() is None
        assert wait_for(lambda: queue_is_empty(redis.url))

    report.refresh_from_db()
    assert report.attempts == 1
    output = log.read_text()
    assert "Task ingest.tasks.requeue_stale_reports[" in output  # beat ran the sweep
    assert output.count("Task ingest.tasks.process_report[") == 2  # received once, succeeded once
    processed = figures(report)
    assert len(processed) == 3
    assert processed == clean_run(report)
    print(f"upload with Redis down answered in {elapsed:.2f}s")


# --- 4. A database error in the middle of writing figures; a permanent error --------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_error_mid_write_rolls_back_and_the_retry_after_a_backoff_succeeds(worker, faults):
    faults.arm("hold-retries")
    report = upload(ARTICLE, faults, "db-error")

    assert wait_for(lambda: "held retry 1 of ingest.tasks.process_report" in faults.struck()), explain(
        worker, report
    )
    assert faults.struck()[0] == f"db-error {report.pk} after 3 figure(s) written"
    report.refresh_from_db()
    assert (report.status, report.attempts, report.error) == (Report.Status.PROCESSING, 1, "")
    assert not Estimate.objects.filter(report=report).exists()  # the figures written were rolled back
    assert "retry: Retry in" in worker.output()
    assert "OperationalError" in worker.output()

    faults.disarm("hold-retries")
    assert wait_for(lambda: status_of(report) == Report.Status.DONE), explain(worker, report)

    report.refresh_from_db()
    assert report.attempts == 2
    processed = figures(report)
    assert len(processed) == 3
    assert processed == clean_run(report)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_retries_after_database_errors_do_not_use_up_the_attempts_of_a_dying_worker(worker, faults, settings):
    strikes = settings.INGEST_MAX_ATTEMPTS  # as many as the attempts a dying worker gets
    report = upload(ARTICLE, faults, "db-error", times=strikes)

    assert wait_for(lambda: status_of(report) == Report.Status.DONE), explain(worker, report)

    report.refresh_from_db()
    assert report.attempts == strikes + 1
    assert worker.output().count("retry: Retry in") == strikes
    assert len(faults.struck()) == strikes
    assert len(figures(report)) == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_error_no_retry_can_fix_fails_the_report_at_once(worker, faults):
    report = upload(ARTICLE, faults, "fail-once")

    assert wait_for(lambda: status_of(report) == Report.Status.FAILED), explain(worker, report)
    assert wait_for(lambda: "succeeded" in worker.output()), worker.output()  # the task has ended

    report.refresh_from_db()
    assert report.attempts == 1
    assert report.error == "The analysis failed: PermanentFault: the fault hook broke this report"
    assert not report.estimates.exists()
    assert "retry:" not in worker.output()
    assert len(worker.deliveries()) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_corrupt_pdf_is_stored_at_once_and_the_worker_fails_it_with_the_reason(worker, uploader):
    api = APIClient()
    api.force_authenticate(uploader)
    corrupt = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + bytes(range(256)) * 8
    started = time.monotonic()
    response = api.post("/api/v1/reports/", {"file": _named(corrupt, "article.pdf")}, format="multipart")
    elapsed = time.monotonic() - started

    assert response.status_code == 202, response.content
    report = Report.objects.get(pk=response.json()["id"])
    assert wait_for(lambda: status_of(report) == Report.Status.FAILED), explain(worker, report)
    report.refresh_from_db()
    assert "PDF" in report.error and not report.error.startswith("The analysis failed"), report.error
    assert report.attempts == 1 and report.original_file
    assert "retry:" not in worker.output()
    assert worker.is_up()
    print(f"corrupt PDF stored in {elapsed:.2f}s")


# --- 5. A broker that accepts connections and never answers, during a page upload -----------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_files_uploaded_while_the_broker_hangs_are_all_kept_and_later_sent_by_the_sweep(
    tmp_path, client, uploader, settings
):
    """The probe's case: a 500 after 30 s, 7 files stored, 3 lost and nobody told which."""
    client.force_login(uploader)
    files = [
        SimpleUploadedFile(f"f{n}.txt", ARTICLE.replace("603", str(600 + n)).encode()) for n in range(10)
    ]
    log = tmp_path / "worker.log"
    # the sweep leaves a report alone for longer than the upload may take (checked below), so that
    # the upload's page is read before the sweep sends any report, even on a loaded machine
    requeue_after = 4 * settings.INGEST_BROKER_TIMEOUT_SECONDS + 2
    sweep = {"INGEST_SWEEP_SECONDS": 1, "INGEST_REQUEUE_AFTER_SECONDS": requeue_after}
    with running_worker(log, beat=True, env=sweep) as process:
        with hung_broker() as broker, broker_of_this_process(broker.url):
            started = time.monotonic()
            response = client.post("/ingest/", {"files": files})
            elapsed = time.monotonic() - started
        assert response.status_code == 302
        assert elapsed < 4 * settings.INGEST_BROKER_TIMEOUT_SECONDS, f"the upload took {elapsed:.1f}s"
        ids = list(Report.objects.filter(title__in=[f.name for f in files]).values_list("pk", flat=True))
        assert len(ids) == 10  # until read, a report bears its file's name
        reports = Report.objects.filter(pk__in=ids)
        page = client.get(response["Location"]).content.decode()
        assert page.count("stored, waiting for the task queue, which does not answer now") == 10

        def all_done():
            return reports.filter(status=Report.Status.DONE).count() == 10

        assert wait_for(all_done, timeout=120), (
            list(reports.values("status", "error")),
            log.read_text()[-3000:],
        )
        assert process.poll() is None

    assert set(reports.values_list("attempts", flat=True)) == {1}
    assert "Task ingest.tasks.requeue_stale_reports[" in log.read_text()  # beat ran the sweep
    assert {r.estimates.get(value__gte=600, value__lte=609).value for r in reports} == set(range(600, 610))
    print(f"10 files with a hung broker answered in {elapsed:.2f}s; the sweep sent them later")


def _named(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/pdf")
