"""Uploads racing each other on PostgreSQL (SQLite serialises writers, so no race there)."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from rest_framework.test import APIClient

from ingest.services import report_create, report_process
from tracker.models import Report

pytestmark = pytest.mark.postgres

TEXT = "SOHR said at least 611 civilians were killed by coalition strikes in Syria since 2014."


@pytest.fixture
def all_past_the_duplicate_check(monkeypatch):
    """Hold every caller after its look-up for an existing copy until all of them got there.

    Each has then found nothing and goes on to insert: the race is certain, not a matter of
    thread scheduling. Return a function that sets how many callers take part.
    """
    original = Report.full_clean  # report_create validates right after its look-up, the worker
    # right before it stores the text it read

    def start(callers):
        barrier = Barrier(callers, timeout=30)

        def full_clean(self, *args, **kwargs):
            barrier.wait()
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Report, "full_clean", full_clean)

    return start


def run_at_once(function, count):
    def call(n):
        try:
            return function(n)
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(call, range(count)))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_text_read_by_four_workers_at_once_is_stored_once_the_others_pointing_to_it(
    uploader, all_past_the_duplicate_check
):
    """The unique hash of the text decides under a race: one report keeps it, each other one
    becomes its duplicate and keeps its own file."""
    reports = [report_create(text=TEXT + " " * n, user=uploader, enqueue=False)[0] for n in range(4)]
    assert len({r.original_sha256 for r in reports}) == 4  # four files: each is stored
    all_past_the_duplicate_check(4)  # the worker validates what it read right before saving it

    run_at_once(lambda n: report_process(report_id=reports[n].pk), 4)

    first = Report.objects.get(status=Report.Status.DONE)
    duplicates = Report.objects.filter(status=Report.Status.DUPLICATE)
    assert duplicates.count() == 3
    assert set(duplicates.values_list("duplicate_of", flat=True)) == {first.pk}
    assert all(r.original_file for r in duplicates)
    assert first.estimates.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_file_posted_twice_at_once_gives_one_report_and_one_stored_file(
    uploader, all_past_the_duplicate_check, settings
):
    all_past_the_duplicate_check(2)

    def post(n):
        api = APIClient()
        api.force_authenticate(uploader)
        upload = SimpleUploadedFile(f"copy{n}.txt", TEXT.encode(), content_type="text/plain")
        return api.post("/api/v1/reports/", {"file": upload}, format="multipart")

    responses = run_at_once(post, 2)

    assert sorted(r.status_code for r in responses) == [200, 202], [r.content for r in responses]
    assert {r.json()["id"] for r in responses} == {Report.objects.get().pk}
    assert sorted(r.json()["duplicate"] for r in responses) == [False, True]
    assert len(list((settings.MEDIA_ROOT / "reports").rglob("*.txt"))) == 1  # the loser left no file


@pytest.mark.django_db
def test_the_editors_group_survives_the_race_test():
    """Transactional tests restore what migrations wrote, so later tests still find the group."""
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name="Editors").exists()
