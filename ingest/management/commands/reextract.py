"""manage.py reextract --all | --report N : read reports again with the current engine."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ingest.services import report_reextract
from tracker.models import Report


class Command(BaseCommand):
    help = (
        "Replace the machine's unreviewed figures with a new reading; figures editors confirmed, "
        "corrected or rejected are kept as they are."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="Every report.")
        which.add_argument("--report", type=int, action="append", metavar="N", help="Report N (repeatable).")

    def handle(self, *args, all, report, **options):
        reports = Report.objects.order_by("pk")
        if not all:
            reports = reports.filter(pk__in=report)
            missing = set(report) - set(reports.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No report {', '.join(map(str, sorted(missing)))}.")
        count = 0
        for item in tqdm(reports, desc="Re-extracting", unit="report", file=sys.stderr):
            report_reextract(report=item)
            count += 1
        self.stdout.write(f"Re-extracted {count} report(s).")
