"""manage.py feeds add URL | list | poll | resume ID: the watched news feeds."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ingest.feeds import feed_add, feed_resume, feeds_poll_due
from ingest.fetch import FetchError
from ingest.models import Feed
from tracker.models import Report


class Command(BaseCommand):
    help = "Register RSS or Atom feeds to watch, list them with their state, and poll the due ones."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("add", help="Watch a feed: its new matching items are ingested by URL.")
        add.add_argument("url")
        add.add_argument(
            "--keyword",
            action="append",
            default=[],
            dest="keywords",
            help="Ingest only items naming it (repeat for several; none: every item).",
        )
        add.add_argument("--language", choices=Report.Language.values, default="")
        add.add_argument("--interval", type=int, help="Minutes between two polls.")
        commands.add_parser("list", help="Each feed's state: last polled, last new item, items, last error.")
        commands.add_parser("poll", help="Poll every due feed once, now.")
        resume = commands.add_parser("resume", help="Poll a paused feed again.")
        resume.add_argument("feed_id", type=int)

    def handle(self, *args, action, **options):
        getattr(self, action)(**options)

    def add(self, *, url, keywords, language, interval, **options):
        try:
            feed = feed_add(url=url, keywords=keywords, language=language, interval_minutes=interval)
        except FetchError as exc:
            raise CommandError(str(exc)) from None
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        words = ", ".join(feed.keywords) or "every item"
        self.stdout.write(f"Watching feed {feed.pk}: {feed.url} ({words}; every {feed.interval_minutes} min)")

    def list(self, **options):
        feeds = Feed.objects.all()
        if not feeds:
            self.stdout.write("No feed is watched.")
        for feed in feeds:
            state = (
                f"paused: {feed.paused_reason}" if feed.is_paused else f"next poll {_when(feed.next_poll_at)}"
            )
            self.stdout.write(f"{feed.pk}  {feed.url}  [{state}]")
            self.stdout.write(
                f"    last polled {_when(feed.last_polled_at)}, "
                f"last new item {_when(feed.last_new_item_at)}, items ingested {feed.items_ingested}, "
                f"keywords: {', '.join(feed.keywords) or 'none (all)'}"
            )
            if feed.last_error:
                self.stdout.write(f"    last error ({feed.failures} in a row): {feed.last_error}")

    def poll(self, **options):
        results = feeds_poll_due()
        if not results:
            self.stdout.write("No feed is due.")
        for feed, created in results.items():
            outcome = f"failed: {feed.last_error}" if created is None else f"{created} new report(s)"
            self.stdout.write(f"{feed.pk}  {feed.url}: {outcome}")
        if any(created is None for created in results.values()):
            raise CommandError("A feed could not be polled.")

    def resume(self, *, feed_id, **options):
        feed = Feed.objects.filter(pk=feed_id).first()
        if feed is None:
            raise CommandError(f"No feed {feed_id}.")
        feed_resume(feed=feed)
        self.stdout.write(f"Feed {feed.pk} will be polled again.")


def _when(moment):
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"
