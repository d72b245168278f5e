"""Watched feeds against a local site: RSS and Atom, keywords, conditional GET, failures."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from ingest.feeds import feed_add, feed_poll, feed_resume, feeds_poll_due, matches
from ingest.models import Feed, FeedItem
from ingest.tasks import poll_due_feeds
from tests.ingest import site as pages
from tracker.models import Report


@pytest.fixture
def polled(db, django_capture_on_commit_callbacks):
    """Return a function that polls a feed and runs the fetches and analyses its commits queue."""

    def polled(feed):
        with django_capture_on_commit_callbacks(execute=True):
            created = feed_poll(feed=feed)
        feed.refresh_from_db()
        return created

    return polled


def items(site, *paths_and_texts):
    return [(site.url(path), title, summary) for path, title, summary in paths_and_texts]


NEWS = [
    ("/a.html", "Monitors raise their count of civilians killed", "Strikes on Raqqa, a new count."),
    ("/b.html", "Mossoul : un nouveau bilan", "Au moins 230 civils <b>tués</b> selon un groupe."),
    ("/c.html", "Football: the local team wins the cup", "A late goal in the final."),
]


def test_keywords_match_the_start_of_a_word_ignoring_case_and_accents():
    assert matches(["CIVILIAN"], "Monitors count civilians killed")
    assert matches(["tués"], "Au moins 230 civils TUES")
    assert matches(["tues"], "civils tués")
    assert not matches(["war"], "Airwars said", "towards the city")
    assert matches([], "anything at all")
    assert not matches(["civil"], "Football results", "")


def test_an_rss_feed_polled_twice_ingests_each_matching_item_once(site, site_allowed, polled):
    site.pages["/news.rss"] = pages.rss(*items(site, *NEWS), etag='"v1"')
    feed = feed_add(url=site.url("/news.rss"), keywords=["CIVILIAN", "tues"])

    assert polled(feed) == 2
    assert Report.objects.done().count() == 2
    assert set(Report.objects.values_list("language", flat=True)) == {"en", "fr"}
    assert FeedItem.objects.filter(feed=feed).count() == 3
    assert site.hits("/c.html") == 0  # the item no keyword names is never fetched
    assert (feed.items_ingested, feed.title, feed.last_error) == (2, "The Riverside Ledger", "")
    assert feed.last_polled_at and feed.last_new_item_at and feed.etag == '"v1"'

    # The feed changes: one item more, the others still listed.
    note = ("/note.pdf", "A quarterly note on civilian harm", "Deir ez-Zor.")
    site.pages["/news.rss"] = pages.rss(*items(site, note, *NEWS), etag='"v2"')
    first_new_item = feed.last_new_item_at
    assert polled(feed) == 1
    assert Report.objects.done().count() == 3
    assert (site.hits("/a.html"), site.hits("/b.html"), site.hits("/note.pdf"), site.hits("/c.html")) == (
        1,
        1,
        1,
        0,
    )
    assert feed.items_ingested == 3 and feed.last_new_item_at > first_new_item
    assert FeedItem.objects.filter(feed=feed).count() == 4


def test_a_conditional_get_gets_304_and_ingests_nothing(site, site_allowed, polled):
    site.pages["/news.rss"] = pages.rss(*items(site, *NEWS[:1]), etag='"v1"')
    feed = feed_add(url=site.url("/news.rss"))
    assert polled(feed) == 1
    polled_at = feed.last_polled_at

    assert polled(feed) == 0
    path, headers = site.requests[-1]
    assert path == "/news.rss" and headers["If-None-Match"] == '"v1"'
    assert Report.objects.count() == 1 and FeedItem.objects.count() == 1
    assert feed.last_polled_at > polled_at and feed.items_ingested == 1


def test_an_atom_feed_is_polled_with_if_modified_since(site, site_allowed, polled):
    site.pages["/gazette.atom"] = pages.atom(*items(site, NEWS[1]))
    feed = feed_add(url=site.url("/gazette.atom"), language="fr")
    assert polled(feed) == 1
    report = Report.objects.get()
    assert (report.status, report.language, str(report.published_on)) == ("done", "fr", "2018-04-12")
    assert feed.last_modified

    assert polled(feed) == 0
    _, headers = site.requests[-1]
    assert headers["If-Modified-Since"] == feed.last_modified
    assert Report.objects.count() == 1


def test_an_item_linking_to_a_refused_address_is_listed_with_the_reason(site, site_allowed, polled):
    site.pages["/news.rss"] = pages.rss(
        ("http://10.0.0.9/inside.html", "Civilians killed, an internal page", ""), *items(site, NEWS[0])
    )
    feed = feed_add(url=site.url("/news.rss"))
    assert polled(feed) == 1
    refused = FeedItem.objects.get(key="http://10.0.0.9/inside.html")
    assert refused.report is None and "private address" in refused.error
    assert Report.objects.count() == 1


def test_a_failing_feed_waits_longer_each_time_and_is_paused_with_the_reason(
    site, site_allowed, polled, settings
):
    settings.INGEST_FEED_MAX_FAILURES = 3
    site.pages["/broken.rss"] = pages.html_page("<html><body><p>Not a feed at all.</p></body></html>")
    feed = feed_add(url=site.url("/broken.rss"), interval_minutes=10)
    waits = []
    for _ in range(2):
        assert polled(feed) is None
        waits.append(feed.next_poll_at - feed.last_polled_at)
        assert "does not serve an RSS or Atom feed" in feed.last_error and not feed.is_paused
    assert waits == [datetime.timedelta(minutes=20), datetime.timedelta(minutes=40)]

    site.pages["/broken.rss"] = pages.Page(b"Down", status=503)
    assert polled(feed) is None
    assert feed.is_paused and feed.failures == 3
    assert "Paused after 3 failed polls" in feed.paused_reason and "503" in feed.paused_reason
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now() - datetime.timedelta(days=1))
    assert feed not in Feed.objects.due()

    feed_resume(feed=feed)
    assert not feed.is_paused and feed.failures == 0 and feed in Feed.objects.due()


def test_a_success_clears_the_failures(site, site_allowed, polled):
    site.pages["/news.rss"] = pages.Page(b"Down", status=503)
    feed = feed_add(url=site.url("/news.rss"))
    assert polled(feed) is None and feed.failures == 1
    site.pages["/news.rss"] = pages.rss(*items(site, NEWS[0]))
    assert polled(feed) == 1
    assert (feed.failures, feed.last_error) == (0, "")


def test_the_beat_task_polls_only_the_due_feeds_once(
    site, site_allowed, db, django_capture_on_commit_callbacks
):
    site.pages["/news.rss"] = pages.rss(*items(site, NEWS[0]))
    site.pages["/later.rss"] = pages.rss(*items(site, NEWS[1]))
    due = feed_add(url=site.url("/news.rss"))
    later = feed_add(url=site.url("/later.rss"))
    Feed.objects.filter(pk=later.pk).update(next_poll_at=timezone.now() + datetime.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_due_feeds.delay().get() == 1
    assert site.hits("/news.rss") == 1 and site.hits("/later.rss") == 0
    due.refresh_from_db()
    assert due.next_poll_at > timezone.now() + datetime.timedelta(minutes=29)
    assert feeds_poll_due() == {}  # nothing due any more


def test_a_feed_on_a_private_address_is_refused_when_added(site, db):
    with pytest.raises(Exception, match="INGEST_ALLOW_PRIVATE_URLS"):
        feed_add(url=site.url("/news.rss"))
    assert not Feed.objects.exists()


# --- The command and the admin ----------------------------------------------------------------


def feeds_command(*args):
    out = StringIO()
    call_command("feeds", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_feeds_command_adds_lists_and_polls(site, site_allowed, db, django_capture_on_commit_callbacks):
    site.pages["/news.rss"] = pages.rss(*items(site, *NEWS))
    out = feeds_command(
        "add", site.url("/news.rss"), "--keyword", "civil", "--keyword", "tués", "--language", "en"
    )
    assert "Watching feed" in out and "civil, tués" in out
    assert "never" in feeds_command("list")
    with django_capture_on_commit_callbacks(execute=True):
        out = feeds_command("poll")
    assert "2 new report(s)" in out
    listing = feeds_command("list")
    assert "items ingested 2" in listing and "last polled never" not in listing
    assert "No feed is due." in feeds_command("poll")


def test_the_feeds_command_says_why_a_feed_failed_and_exits_non_zero(site, site_allowed, db):
    feeds_command("add", site.url("/gone"))
    with pytest.raises(CommandError, match="could not be polled"):
        feeds_command("poll")
    assert "last error (1 in a row): The server answered 410" in feeds_command("list")


def test_the_feeds_command_refuses_a_private_feed_naming_the_setting(site, db):
    with pytest.raises(CommandError, match="INGEST_ALLOW_PRIVATE_URLS"):
        feeds_command("add", site.url("/news.rss"))


def test_editors_see_a_paused_feed_and_its_reason_in_the_admin(client, db):
    from tests.factories import EditorFactory

    Feed.objects.create(url="https://news.example.org/feed", paused_reason="Paused after 5 failed polls")
    Feed.objects.create(url="https://other.example.org/rss", last_error="The server answered 500.")
    editor = EditorFactory(is_staff=True)
    client.force_login(editor)
    page = client.get("/admin/ingest/feed/").content.decode()
    assert "Paused after 5 failed polls" in page and "The server answered 500." in page
    assert client.get("/admin/ingest/feed/add/").status_code == 200


def test_the_admin_refuses_a_feed_on_a_private_address(admin_client, db):
    response = admin_client.post(
        "/admin/ingest/feed/add/",
        {
            "url": "http://192.168.1.10/rss",
            "keywords": "[]",
            "interval_minutes": 30,
            "next_poll_at_0": "2026-01-01",
            "next_poll_at_1": "00:00",
        },
    )
    assert response.status_code == 200
    assert "a private address" in response.content.decode()
    assert not Feed.objects.exists()
