"""Celery tasks of the ingest pipeline: thin, each owns its retry policy and calls one service.

A worker killed mid-task leaves its message unacknowledged (acks_late) and rejected back to
the queue (reject_on_worker_lost), so another worker runs it again; the service's claim and
attempt count make that safe and bounded.
"""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

from ingest import feeds, services
from ingest.models import Feed


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError, BrokerOperationalError),
    retry_backoff=settings.INGEST_RETRY_BACKOFF,
    retry_backoff_max=settings.INGEST_RETRY_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=6,
)
def process_report(self, report_id):
    """Extract the figures of one report."""
    services.report_process(report_id=report_id, retries=self.request.retries)


@shared_task(acks_late=True, ignore_result=True)
def requeue_stale_reports():
    """Queue again the reports whose task was lost (run by Celery beat)."""
    return services.reports_requeue_stale()


@shared_task(acks_late=True, ignore_result=True)
def poll_due_feeds():
    """Send a poll of each watched feed that is due (run by Celery beat every INGEST_FEED_TICK_SECONDS).

    One task per feed, so that a slow feed never holds up the others.
    """
    due = feeds.feeds_claim_due()
    for feed in due:
        poll_feed.delay(feed.pk)
    return len(due)


@shared_task(acks_late=True, ignore_result=True)
def poll_feed(feed_id):
    """Poll one feed and ingest its new matching items."""
    feed = Feed.objects.active().filter(pk=feed_id).first()
    if feed is not None:
        feeds.feed_poll(feed=feed)
