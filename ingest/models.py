"""Watched news feeds (RSS or Atom) and the items seen in them.

A feed is polled at its own interval by Celery beat (ingest/feeds.py); each new item whose
title or summary names one of the feed's keywords is ingested by URL, as a link an editor
gives. An item is stored once seen, so it is never fetched again.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models import Report


def default_interval():
    return settings.INGEST_FEED_INTERVAL_MINUTES


class FeedQuerySet(models.QuerySet):
    def active(self):
        return self.filter(paused_reason="")

    def due(self, now=None):
        """Return the active feeds whose next poll time has come."""
        return self.active().filter(next_poll_at__lte=now or timezone.now())


class Feed(models.Model):
    """An RSS or Atom feed the tracker watches, and how its polling goes."""

    url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    keywords = models.JSONField(
        default=list,
        blank=True,
        help_text=_(
            "Only items whose title or summary has a word starting with one of these are ingested, "
            'ignoring case and accents (["civil", "frappe"]); none: every item.'
        ),
    )
    language = models.CharField(
        max_length=2, choices=Report.Language, blank=True, help_text=_("Empty: as each article says.")
    )
    interval_minutes = models.PositiveIntegerField(default=default_interval)
    # Conditional GET: what the server said last time, sent back so it can answer 304.
    etag = models.CharField(max_length=200, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_new_item_at = models.DateTimeField(null=True, blank=True, editable=False)
    items_ingested = models.PositiveIntegerField(default=0, editable=False)
    failures = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text=_("Failed polls in a row; the next poll waits longer each time.")
    )
    last_error = models.TextField(blank=True, editable=False)
    paused_reason = models.TextField(
        blank=True, help_text=_("Set: the feed is not polled (an editor's choice or too many failures).")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interval_minutes__gte=1), name="feed_interval_at_least_a_minute"
            ),
        ]

    def __str__(self):
        return self.title or self.url

    @property
    def is_paused(self):
        return bool(self.paused_reason)


class FeedItem(models.Model):
    """An item seen in a feed: stored whether or not it matched, so it is looked at once."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=1000, help_text=_("The item's id in the feed, or its link."))
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    matched = models.BooleanField(help_text=_("Its title or summary named one of the feed's keywords."))
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    error = models.TextField(blank=True, help_text=_("Why a matching item was not ingested."))
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-seen_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["feed", "key"], name="feeditem_once_per_feed")]

    def __str__(self):
        return self.title or self.url or self.key
