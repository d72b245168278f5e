"""Reports by URL with a real Celery worker on Redis and PostgreSQL, and the command as a process.

The worker and the command are subprocesses pointed at the test database (tests/workers.py);
the site they fetch from is a real HTTP server on 127.0.0.1 run by the test.
"""

import subprocess
import sys

import pytest
from rest_framework.test import APIClient

from tests.workers import ROOT, running_worker, service_env, wait_for
from tracker.models import Report

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ENDED = ["done", "failed", "duplicate"]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_fetches_and_processes_url_reports(site, site_allowed, uploader, tmp_path):
    log = tmp_path / "worker.log"
    client = APIClient()
    client.force_authenticate(uploader)
    with running_worker(log, env={"INGEST_ALLOWED_NETWORKS": "127.0.0.1/32"}):
        ids = []
        for path in ("/a.html", "/note.pdf", "/old", "/to-private"):
            # /old redirects to /a.html: its page is the one already stored, so it is not stored twice.
            response = client.post("/api/v1/reports/", {"url": site.url(path)}, format="json")
            assert response.status_code == 202, response.content
            ids.append(response.json()["id"])
            finished = wait_for(lambda pk=ids[-1]: Report.objects.filter(pk=pk, status__in=ENDED).exists())
            assert finished, log.read_text()
    reports = {r.requested_url.rsplit("/", 1)[-1]: r for r in Report.objects.filter(pk__in=ids)}
    article, note, old, private = (
        reports["a.html"],
        reports["note.pdf"],
        reports["old"],
        reports["to-private"],
    )
    assert article.status == note.status == "done"
    assert article.estimates.filter(value=1400).exists() and note.estimates.filter(value=85).exists()
    assert (article.http_status, article.attempts) == (200, 1)
    assert old.status == "duplicate" and old.duplicate_of_id == article.pk and not old.original_file
    assert old.final_url == site.url("/a.html")
    assert private.status == "failed" and "10.0.0.7, a private address" in private.error
    assert site.hits("/a.html") == 2 and site.hits("/note.pdf") == 1


def run_command(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", "ingest", *args],
        cwd=ROOT,
        # No broker: the command runs the fetch and the analysis itself, as tasks run eagerly.
        env=service_env(CELERY_BROKER_URL="", DJANGO_ENV_FILE="", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_command_refuses_a_loopback_url_unless_the_setting_allows_it(site):
    refused = run_command(site.url("/a.html"), INGEST_ALLOW_PRIVATE_URLS="0")
    assert refused.returncode != 0
    assert "INGEST_ALLOW_PRIVATE_URLS" in refused.stdout + refused.stderr
    assert not Report.objects.exists() and site.requests == []

    allowed = run_command(site.url("/a.html"), INGEST_ALLOW_PRIVATE_URLS="1")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "New: 1 (done 1" in allowed.stdout
    report = Report.objects.get()
    assert report.status == "done" and report.estimates.filter(value=1400).exists()


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_celery_beat_polls_a_due_feed_and_the_worker_ingests_its_items_once(site, site_allowed, tmp_path):
    from django.utils import timezone

    from ingest.feeds import feed_add
    from ingest.models import Feed
    from tests.ingest import site as pages

    site.pages["/news.rss"] = pages.rss(
        (site.url("/a.html"), "Civilians killed in Raqqa", ""), (site.url("/b.html"), "Civils tués", "")
    )
    feed = feed_add(url=site.url("/news.rss"), keywords=["civil"])
    env = {"INGEST_ALLOWED_NETWORKS": "127.0.0.1/32", "INGEST_FEED_TICK_SECONDS": 1}
    log = tmp_path / "worker.log"
    with running_worker(log, beat=True, env=env):
        assert wait_for(lambda: Report.objects.done().count() == 2), log.read_text()
        feed.refresh_from_db()
        assert feed.items_ingested == 2 and feed.last_polled_at
        first_poll = feed.last_polled_at
        Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now())  # due again
        assert wait_for(lambda: Feed.objects.get(pk=feed.pk).last_polled_at > first_poll), log.read_text()
    assert site.hits("/news.rss") == 2 and site.requests[-1][1].get("If-None-Match") == '"rss-1"'
    assert Report.objects.count() == 2 and site.hits("/a.html") == site.hits("/b.html") == 1
    assert "Task ingest.tasks.poll_due_feeds[" in log.read_text()
    assert "Task ingest.tasks.poll_feed[" in log.read_text()
