"""Uploads racing each other on PostgreSQL (SQLite serialises writers, so no race there)."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection

from ingest.services import report_create
from tracker.models import Report

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_uploads_of_one_text_give_one_report(uploader):
    """The unique hash decides under a race: every caller gets the one report."""
    text = "SOHR said at least 611 civilians were killed by coalition strikes in Syria since 2014."
    barrier = Barrier(4)

    def upload(n):
        barrier.wait()
        try:
            return report_create(text=text + " " * n, user=uploader)  # the same normalised text
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(upload, range(4)))
    assert Report.objects.count() == 1
    assert {report.pk for report, _ in results} == {Report.objects.get().pk}
    assert sum(created for _, created in results) == 1


@pytest.mark.django_db
def test_the_editors_group_survives_the_race_test():
    """Transactional tests restore what migrations wrote, so later tests still find the group."""
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name="Editors").exists()
