"""Watched feeds: register one, poll it, and ingest its new matching items by URL.

Writes, keyword-only, as in ingest/services.py. A poll is a conditional GET through the same
fetch as articles (ingest/fetch.py, so a feed's host is checked as an article's is); each item
is stored once seen, in the same transaction as its report, so an item is never fetched twice
and never lost between the two. A feed that keeps failing waits longer each time and is paused,
with the reason, after INGEST_FEED_MAX_FAILURES failures in a row.
"""

import datetime
import logging
from urllib.parse import urljoin

import feedparser
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ingest import services
from ingest.fetch import FetchError, check_url, fetch, normalise_url
from ingest.models import Feed, FeedItem
from tracker.names import fold_name

logger = logging.getLogger(__name__)

# A failing feed waits its interval times 2, 4, 8 ... but never longer than this.
LONGEST_WAIT = datetime.timedelta(hours=24)


class FeedError(Exception):
    """A feed that answered but could not be read as RSS or Atom."""


def feed_add(*, url, keywords=(), language="", interval_minutes=None, user=None):
    """Register a feed to watch, checked now as an article's URL is; return it."""
    feed = Feed(
        url=check_url(url).url,
        keywords=list(dict.fromkeys(k.strip() for k in keywords if k.strip())),
        language=language or "",
        interval_minutes=interval_minutes or settings.INGEST_FEED_INTERVAL_MINUTES,
        created_by=user,
    )
    feed.full_clean()
    feed.save()
    return feed


def feed_resume(*, feed):
    """Poll a paused feed again, now, its failures forgotten."""
    Feed.objects.filter(pk=feed.pk).update(paused_reason="", failures=0, next_poll_at=timezone.now())
    feed.refresh_from_db()


def feeds_claim_due(*, now=None):
    """Return the feeds due now, each claimed by moving its next poll: a second poller skips it."""
    now = now or timezone.now()
    claimed = []
    for feed in Feed.objects.due(now):
        later = now + datetime.timedelta(minutes=feed.interval_minutes)
        if Feed.objects.filter(pk=feed.pk, next_poll_at=feed.next_poll_at).update(next_poll_at=later):
            claimed.append(feed)
    return claimed


def feeds_poll_due(*, now=None):
    """Poll every feed that is due, once each, here; return {feed: new reports, or None if it failed}."""
    return {feed: feed_poll(feed=feed) for feed in feeds_claim_due(now=now)}


def feed_poll(*, feed):
    """Poll a feed once and ingest its new matching items; return how many reports it created.

    Return None when the poll failed (the reason is in the feed's last_error).
    """
    now = timezone.now()
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        page = fetch(feed.url, headers=headers)
        parsed = _parsed(page.data) if page.status != 304 else None
    except (FetchError, FeedError) as exc:
        _failed(feed, str(exc), now)
        return None
    created = 0
    if parsed is not None:
        created = sum(_take(feed, entry) for entry in parsed.entries)
    changes = {"last_polled_at": now, "failures": 0, "last_error": ""}
    changes["next_poll_at"] = now + datetime.timedelta(minutes=feed.interval_minutes)
    if parsed is not None:
        changes.update(etag=page.etag, last_modified=page.last_modified)
        changes["title"] = feed.title or " ".join(parsed.feed.get("title", "").split())[:300]
    if created:
        changes.update(last_new_item_at=now, items_ingested=F("items_ingested") + created)
    Feed.objects.filter(pk=feed.pk).update(**changes)
    feed.refresh_from_db()
    return created


def matches(keywords, *texts):
    """Tell whether a word of `texts` starts with one of `keywords`, ignoring case and accents."""
    if not keywords:
        return True
    words = f" {fold_name(' '.join(texts))}"
    return any(f" {fold_name(keyword)}" in words for keyword in keywords if fold_name(keyword))


def _parsed(data):
    parsed = feedparser.parse(data)
    if not parsed.version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(
            "The address does not serve an RSS or Atom feed" + (f" ({reason})." if reason else ".")
        )
    return parsed


def _take(feed, entry):
    """Store one entry as seen and, if new and matching, ingest its link; return 1 if a report was created."""
    link = entry.get("link", "")
    key = (entry.get("id") or link)[:1000]
    if not key:
        return 0
    title = " ".join(entry.get("title", "").split())[:500]
    matched = matches(feed.keywords, title, entry.get("summary", ""))
    with transaction.atomic():
        item, new = FeedItem.objects.get_or_create(
            feed=feed, key=key, defaults={"url": link[:1000], "title": title, "matched": matched}
        )
        if not new or not matched:
            return 0
        try:
            url = normalise_url(urljoin(feed.url, link))
            report, created = services.report_create_from_url(
                url=url, language=feed.language, published=_published(entry)
            )
        except (FetchError, ValidationError) as exc:  # a refused link stays listed with the reason
            item.error = "; ".join(getattr(exc, "messages", [str(exc)]))[:2000]
            item.save(update_fields=["error"])
            return 0
        item.url, item.report = url, report
        item.save(update_fields=["url", "report"])
    return int(created)


def _published(entry):
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None


def _failed(feed, reason, now):
    """Record a failed poll: wait longer before the next one, pause the feed after too many."""
    failures = feed.failures + 1
    wait = min(datetime.timedelta(minutes=feed.interval_minutes) * 2**failures, LONGEST_WAIT)
    changes = {
        "last_polled_at": now,
        "failures": failures,
        "last_error": reason[:2000],
        "next_poll_at": now + wait,
    }
    if failures >= settings.INGEST_FEED_MAX_FAILURES:
        changes["paused_reason"] = f"Paused after {failures} failed polls in a row; the last: {reason}"[:2000]
    logger.warning("Feed %s failed (%s in a row): %s", feed.pk, failures, reason)
    Feed.objects.filter(pk=feed.pk).update(**changes)
    feed.refresh_from_db()
