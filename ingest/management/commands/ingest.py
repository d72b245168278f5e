"""manage.py ingest PATH|URL... : store articles and queue their analysis, with a progress bar."""

import datetime
import re
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ingest.batch import Batch, expand_paths, task_logs_quiet
from ingest.services import reports_requeue_stale
from tracker.models import Report
from tracker.partial_dates import parse_partial_date

# Anything written scheme://... is a URL (and refused unless http or https), never a file name.
URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def publication_date(value):
    """Read --published: YYYY-MM-DD or YYYY-MM."""
    try:
        parse_partial_date(value)
    except ValueError:
        raise CommandError(f"--published must be YYYY-MM-DD or YYYY-MM, not {value!r}") from None
    return value


class Command(BaseCommand):
    help = (
        "Store articles (plain text, HTML or PDF files, folders or globs, or http(s) URLs of pages "
        "to fetch) and queue their analysis. Exits non-zero when any file or URL failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH_OR_URL")
        parser.add_argument("--published", type=publication_date, help="YYYY-MM-DD or YYYY-MM")
        parser.add_argument("--language", choices=Report.Language.values)
        parser.add_argument("--outlet", default="")
        parser.add_argument("--url", default="")
        parser.add_argument(
            "--requeue", action="store_true", help="Queue again every report still waiting for a worker."
        )

    def handle(self, *args, paths, published, language, outlet, url, requeue, **options):
        if requeue:
            sent = reports_requeue_stale(older_than=datetime.timedelta(0))
            self.stdout.write(f"Queued again: {sent} report(s).")
        if not paths:
            if requeue:
                return
            raise CommandError("Give at least one file, folder, glob or URL (or --requeue).")
        urls = [p for p in paths if URL_LIKE.match(p)]
        items = [*urls, *expand_paths([p for p in paths if not URL_LIKE.match(p)])]
        metadata = {"published": published, "language": language or "", "outlet": outlet}
        batch = Batch()
        with task_logs_quiet(options["verbosity"]):
            for item in tqdm(items, desc="Ingesting", unit="file", file=sys.stderr):
                if isinstance(item, str):
                    batch.add_url(item, **metadata)
                else:
                    batch.add(item, url=url, **metadata)
        for line in batch.summary_lines():
            self.stdout.write(line)
        if batch.failure_count:
            raise CommandError(f"{batch.failure_count} file(s) or URL(s) failed.")
