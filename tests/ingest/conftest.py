import pytest

from ingest.services import report_create


@pytest.fixture
def upload(db, django_capture_on_commit_callbacks):
    """Return a function that stores an article and runs what its commit queues (the task)."""

    def upload(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            report, _ = report_create(**kwargs)
        report.refresh_from_db()
        return report

    return upload
