import pytest
from django.contrib.auth.models import Permission

from ingest.services import report_create
from tests.factories import UserFactory


@pytest.fixture
def upload(db, django_capture_on_commit_callbacks):
    """Return a function that stores an article and runs what its commit queues (the task)."""

    def upload(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            report, _ = report_create(**kwargs)
        report.refresh_from_db()
        return report

    return upload


@pytest.fixture
def uploader(db):
    """An editor by permission (add_report), whether or not the Editors group exists.

    Transactional tests flush the group the data migration created, so tests that run beside
    them give the permission explicitly.
    """
    user = UserFactory(is_staff=True)
    permission = Permission.objects.get(codename="add_report", content_type__app_label="tracker")
    user.user_permissions.add(permission)
    return user
