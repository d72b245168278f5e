"""Shared fixtures, and the rules that decide which marked tests can run here.

Marked tests run when their service is configured (CI configures all of them):
`postgres` with DATABASE_URL=postgres://..., `redis` with CELERY_BROKER_URL=redis://...,
`browser` when Debian's chromium is installed. Elsewhere they are skipped with the reason.
"""

import shutil
from pathlib import Path

import hypothesis
import pytest
from django.conf import settings

from tests import factories

# Speed lives in benchmarks, never in tests: no example of a property test is timed (the default
# 200 ms deadline failed first examples on a loaded CI machine).
hypothesis.settings.register_profile("untimed", deadline=None)
hypothesis.settings.load_profile("untimed")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds"


def _missing_service(marker):
    if marker == "postgres" and settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if marker == "redis" and not settings.CELERY_BROKER_URL.startswith("redis://"):
        return "needs Redis and a worker: set CELERY_BROKER_URL=redis://..."
    if marker == "browser" and not shutil.which("chromium"):
        return "needs Debian's chromium (make browser installs it)"
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        for marker in ("postgres", "redis", "browser"):
            if item.get_closest_marker(marker) and (reason := _missing_service(marker)):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def eager_celery_unless_marked_redis(request):
    """Run tasks in-process, through Celery's API, unless the test drives a real worker."""
    from tracker.celery import app

    if request.node.get_closest_marker("redis"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def empty_cache():
    """Start each test with nothing kept: frozen clocks can give two tests the same data stamp."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeds_dir():
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is beside the repository in CI)")
    return SEEDS


@pytest.fixture
def editor(db):
    return factories.EditorFactory()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
