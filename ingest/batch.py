"""One run of several files (and URLs) through report_create, for the ingest and loaddemo commands.

It keeps the tally a person wants at the end: what is new, what was already there, what waits
for the broker, and what failed and why. Each file is sent to the broker as it is stored, until
the broker fails once: the rest are stored and left queued for the sweep, so a broker that
hangs costs one timeout, not one per file.
"""

import glob
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

from ingest.fetch import FetchError
from ingest.readers import UnreadableDocument
from ingest.services import report_create, report_create_from_url, report_enqueue
from tracker.models import Estimate, Report


@dataclass
class Batch:
    created: list[Report] = field(default_factory=list)
    duplicates: list[tuple[Path, Report]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    waiting: list[Report] = field(default_factory=list)
    paths: dict[int, Path] = field(default_factory=dict)

    def add(self, path, **metadata):
        """Store one file as a report and send it; a refusal is recorded with its reason, never raised."""
        path = Path(path)
        try:
            report, created = report_create(
                data=path.read_bytes(), filename=path.name, enqueue=False, **metadata
            )
        except UnreadableDocument as exc:
            self.failed.append((path, str(exc)))
        except ValidationError as exc:
            self.failed.append((path, "; ".join(exc.messages)))
        except OSError as exc:
            self.failed.append((path, f"cannot read the file ({exc.strerror or exc})"))
        else:
            self._sent(path, report, created)

    def _sent(self, path, report, created):
        """Count a stored report and send it, unless the broker failed already: the sweep will."""
        if not created:
            self.duplicates.append((path, report))
            return
        self.created.append(report)
        self.paths[report.pk] = path
        if self.waiting or not report_enqueue(report_id=report.pk):
            self.waiting.append(report)

    def add_url(self, url, **metadata):
        """Store one URL as a report whose page the worker fetches; a refusal is recorded, never raised."""
        try:
            report, created = report_create_from_url(url=url, enqueue=False, **metadata)
        except FetchError as exc:
            self.failed.append((url, str(exc)))
        except ValidationError as exc:
            self.failed.append((url, "; ".join(exc.messages)))
        else:
            self._sent(url, report, created)

    def summary_lines(self):
        """Return the closing summary, one line per fact, failures with their reasons.

        A file whose text another report has (found once it was read) counts as a duplicate.
        """
        reports = Report.objects.filter(pk__in=[r.pk for r in self.created])
        statuses = {status: reports.filter(status=status).count() for status in Report.Status.values}
        read_twice = [
            (self.paths[report.pk], report.duplicate_of)
            for report in reports.filter(status=Report.Status.DUPLICATE).select_related("duplicate_of")
        ]
        lines = [
            f"New: {len(self.created) - len(read_twice)} "
            f"(done {statuses['done']}, queued or processing {statuses['queued'] + statuses['processing']}, "
            f"analysis failed {statuses['failed']}); estimates found: "
            f"{Estimate.objects.filter(report__in=reports).count()}",
            f"Duplicates: {len(self.duplicates) + len(read_twice)}",
        ]
        lines += [f"  {path}: already stored as report {report.pk}" for path, report in self.duplicates]
        lines += [
            f"  {path}: the same text as report {first.pk if first else '?'}" for path, first in read_twice
        ]
        if self.waiting:
            lines.append(
                f"Waiting for the broker, which did not answer: {len(self.waiting)} "
                "(stored and queued: the sweep sends them once it answers)"
            )
        lines.append(f"Failed: {len(self.failed)}")
        lines += [f"  {path}: {reason}" for path, reason in self.failed]
        for report in reports.filter(status=Report.Status.FAILED):
            lines.append(f"  report {report.pk} ({report.title}): {report.error}")
        return lines

    @property
    def failure_count(self):
        analysis_failed = Report.objects.filter(
            pk__in=[r.pk for r in self.created], status=Report.Status.FAILED
        ).count()
        return len(self.failed) + analysis_failed


def expand_paths(patterns):
    """Return the files named by paths, folders (their files, recursively) and globs, in order.

    A pattern that names nothing is returned as is, so that it is reported as a failure.
    """
    files = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern, recursive=True)) or [pattern]
        for match in map(Path, matches):
            if match.is_dir():
                files += sorted(p for p in match.rglob("*") if p.is_file() and not p.name.startswith("."))
            else:
                files.append(match)
    return list(dict.fromkeys(files))


@contextmanager
def task_logs_quiet(verbosity):
    """Keep Celery's line per task (eager tasks run in this process) out of the progress bar.

    Its warnings and errors still show; `-v 2` asks for every line.
    """
    logger = logging.getLogger("celery")
    previous = logger.level
    if verbosity < 2:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)
