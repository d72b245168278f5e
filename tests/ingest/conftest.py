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


@pytest.fixture
def site():
    """A local web site of articles, redirects, a slow and an oversized page (tests/ingest/site.py)."""
    from tests.ingest import site as pages

    site = pages.Site()
    port = site.port
    site.pages.update(
        {
            "/a.html": pages.html_page(pages.ARTICLE_HTML),
            "/b.html": pages.html_page(pages.OTHER_HTML),
            "/note.pdf": pages.Page(pages.article_pdf(), headers={"Content-Type": "application/pdf"}),
            "/old": pages.Page(status=301, headers={"Location": "/moved"}),
            "/moved": pages.Page(status=302, headers={"Location": f"http://127.0.0.1:{port}/a.html"}),
            "/loop": pages.Page(status=302, headers={"Location": "/loop"}),
            "/to-private": pages.Page(status=302, headers={"Location": "http://10.0.0.7/a.html"}),
            "/to-metadata": pages.Page(status=307, headers={"Location": "http://169.254.169.254/latest/"}),
            "/to-loopback6": pages.Page(status=302, headers={"Location": f"http://[::1]:{port}/a.html"}),
            "/gone": pages.Page(b"Gone", status=410),
        }
    )
    yield site
    site.close()


@pytest.fixture
def site_allowed(settings):
    """Allow fetching from the test site's address, and from no other private address."""
    settings.INGEST_ALLOWED_NETWORKS = ["127.0.0.1/32"]
