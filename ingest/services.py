"""Writes of the ingest pipeline: every way in (page, API, command) and the task call these.

A report moves queued -> processing -> done | failed only here. Its figures are written in one
transaction, and only the machine's unreviewed figures are ever replaced: what an editor
confirmed, corrected or rejected stays exactly as the editor left it.
"""

import dataclasses
import datetime
import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator
from kombu.exceptions import KombuError
from redis.exceptions import RedisError

from ingest import tasks
from ingest.extraction import DEFAULT_GAZETTEER, EXTRACTOR_VERSION, Claimant, detect_language, extract, fold
from ingest.readers import UnreadableDocument, read_document, read_text
from tracker.models import DatePrecision, Estimate, Report, Source
from tracker.names import fold_name
from tracker.partial_dates import parse_as_of, parse_partial_date
from tracker.services import source_resolve

logger = logging.getLogger(__name__)

# Errors that say "try again later", not "this report is bad".
TRANSIENT_DATABASE_ERRORS = (OperationalError, InterfaceError)
BROKER_ERRORS = (KombuError, RedisError, OSError)


# --- Upload -------------------------------------------------------------------------------


def report_create(
    *,
    data: bytes | None = None,
    text: str | None = None,
    filename="",
    user=None,
    outlet="",
    url="",
    published=None,
    language="",
):
    """Store an article (a file's bytes or a text) and queue its analysis; return (report, created).

    What the uploader gave wins over what the document says about itself. The same text sent
    again, even by two people at the same instant, returns the report already stored.
    Raise UnreadableDocument for a file that cannot become article text.
    """
    if (data is None) == (text is None):
        raise ValueError("Give either the file's bytes or a text.")
    if data is not None:
        document = read_document(data, max_bytes=settings.INGEST_MAX_UPLOAD_BYTES)
    else:
        if len(text.encode("utf-8")) > settings.INGEST_MAX_UPLOAD_BYTES:
            raise UnreadableDocument("The text is over the upload size limit.")
        document = read_text(text)
    sha256 = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    existing = Report.objects.filter(sha256=sha256).first()
    if existing is not None:
        return existing, False

    published_on, precision = _published(published or document.published)
    report = Report(
        title=document.title or Truncator(document.text.split("\n", 1)[0]).chars(120),
        outlet=(outlet or document.outlet)[:200],
        url=url or _valid_url(document.url),
        language=_language(language) or _language(document.language) or detect_language(fold(document.text)),
        published_on=published_on,
        published_precision=precision,
        text=document.text,
        content_type=document.content_type,
        sha256=sha256,
        status=Report.Status.QUEUED,
        uploaded_by=user,
    )
    report.full_clean(exclude=["sha256"])  # uniqueness is the database's job, even under a race
    try:
        with transaction.atomic():
            report.save()
            if data is not None:
                report.original_file.save(_file_name(filename, document.content_type), ContentFile(data))
            transaction.on_commit(lambda: report_enqueue(report_id=report.pk))
    except IntegrityError:
        if report.original_file:
            report.original_file.delete(save=False)
        return Report.objects.get(sha256=sha256), False
    return report, True


def report_enqueue(*, report_id):
    """Hand the report to a worker; if the broker is down, leave it queued for the sweep.

    Called after commit, so the worker always finds the row. Return True when it was sent.
    """
    try:
        tasks.process_report.delay(report_id)
    except BROKER_ERRORS as exc:
        logger.warning("Report %s stays queued, the broker is unreachable: %s", report_id, exc)
        return False
    return True


def reports_requeue_stale(*, older_than=None):
    """Queue again the reports whose task may be lost (broker down at upload, worker gone).

    Return how many were sent to the broker.
    """
    if older_than is None:
        older_than = datetime.timedelta(seconds=settings.INGEST_REQUEUE_AFTER_SECONDS)
    cutoff = timezone.now() - older_than
    # A processing report untouched for longer than any task may run was abandoned.
    abandoned_cutoff = timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT * 2)
    stale = Report.objects.stale(cutoff) | Report.objects.filter(
        status=Report.Status.PROCESSING, updated_at__lt=abandoned_cutoff
    )
    sent = 0
    for report_id in stale.values_list("pk", flat=True):
        if not report_enqueue(report_id=report_id):
            break  # the broker is still down: try again at the next sweep
        Report.objects.filter(pk=report_id).update(updated_at=timezone.now())
        sent += 1
    return sent


# --- Processing ---------------------------------------------------------------------------


def report_process(*, report_id, retries=0):
    """Claim a queued report, extract its figures and mark it done (or failed with the reason).

    Safe to run twice: a done or failed report is left alone, and a second run over the same
    report writes the same figures. A report whose worker died `INGEST_MAX_ATTEMPTS` times is
    failed instead of being tried forever. Transient database errors propagate, for a retry;
    `retries` counts those retries, so that they do not use up the attempts a dying worker has.
    """
    claimed = Report.objects.filter(
        pk=report_id,
        status__in=[Report.Status.QUEUED, Report.Status.PROCESSING],
        attempts__lt=settings.INGEST_MAX_ATTEMPTS + retries,
    ).update(status=Report.Status.PROCESSING, attempts=F("attempts") + 1, updated_at=timezone.now())
    if not claimed:
        Report.objects.filter(
            pk=report_id,
            status__in=[Report.Status.QUEUED, Report.Status.PROCESSING],
        ).update(
            status=Report.Status.FAILED,
            error=f"Gave up after {settings.INGEST_MAX_ATTEMPTS} attempts: processing never finished.",
            updated_at=timezone.now(),
        )
        return
    _analyse(Report.objects.get(pk=report_id))


def report_reextract(*, report):
    """Read the report again with the current engine, now, in this process.

    The machine's unreviewed figures are replaced; figures an editor confirmed, corrected or
    rejected are not touched, and a new reading of the same number does not duplicate them.
    """
    _analyse(report)
    report.refresh_from_db()
    return report


def gazetteer():
    """Return the built-in claimants merged with the editors' Source table.

    An alias or a claimant an editor adds is used by the next extraction; the editor's kind
    wins over the built-in one.
    """
    claimants = {fold_name(c.name): c for c in DEFAULT_GAZETTEER}
    by_name = {fold_name(n): key for key, c in claimants.items() for n in c.names()}
    sources = Source.objects.exclude(kind=Source.Kind.UNATTRIBUTED).only("name", "kind", "aliases")
    for source in sources:
        names = [source.name, *source.aliases]
        key = next((by_name[fold_name(n)] for n in names if fold_name(n) in by_name), None)
        if key is None:
            key = fold_name(source.name)
            claimants[key] = Claimant(source.name, source.kind, tuple(source.aliases))
        else:
            known = claimants[key]
            aliases = dict.fromkeys([*known.aliases, *(n for n in names if n != known.name)])
            claimants[key] = Claimant(known.name, source.kind, tuple(aliases))
        by_name.update({fold_name(n): key for n in names})
    return tuple(claimants.values())


def _analyse(report):
    """Write the report's figures and mark it done, or mark it failed with the reason."""
    try:
        claimants = gazetteer()
        _write_figures(report, _read_figures(report, claimants), claimants)
    except TRANSIENT_DATABASE_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001 - any other failure belongs to this report, not the worker
        logger.exception("Report %s failed", report.pk)
        Report.objects.filter(pk=report.pk).update(
            status=Report.Status.FAILED,
            error=f"The analysis failed: {exc.__class__.__name__}: {exc}"[:2000],
            updated_at=timezone.now(),
        )


def _read_figures(report, claimants):
    published = None
    if report.published_on:
        published = report.published_on.isoformat()
        if report.published_precision != DatePrecision.DAY:
            published = published[:7]
    return extract(report.text, published=published, language=report.language or "auto", gazetteer=claimants)


@transaction.atomic
def _write_figures(report, figures, claimants):
    report = Report.objects.select_for_update().get(pk=report.pk)
    # Lock the machine's figures before deleting them: one an editor is reviewing at this very
    # moment is then read again once reviewed, and kept, instead of deleted from a stale reading.
    replaced = list(report.estimates.unreviewed().select_for_update().values_list("pk", flat=True))
    Estimate.objects.filter(pk__in=replaced).delete()
    reviewed_spans = set(report.estimates.values_list("start", "end"))
    known = {fold_name(name): c for c in claimants for name in c.names()}
    sources = {}  # claimant -> Source: one lookup per claimant and article, not per figure
    skipped = []
    for figure in figures:
        if (figure.start, figure.end) in reviewed_spans:
            continue
        estimate = _estimate(report, figure, known, sources)
        try:
            # The report and the claimant are rows in hand, and the check constraints are the
            # database's own: validating them here cost seven queries per figure, so the insert
            # checks them, in a savepoint that loses only this figure when one is violated.
            estimate.full_clean(exclude=["report", "source"], validate_constraints=False)
            with transaction.atomic():
                estimate.save()
        except (ValidationError, IntegrityError) as exc:  # one misread figure must not lose the others
            skipped.append(f"{figure.value} at {figure.start}: {exc}")
    report.status = Report.Status.DONE
    report.error = f"Skipped {len(skipped)} unreadable figure(s): " + "; ".join(skipped) if skipped else ""
    report.extractor_version = EXTRACTOR_VERSION
    report.processed_at = timezone.now()
    report.save(update_fields=["status", "error", "extractor_version", "processed_at", "updated_at"])


def _estimate(report, figure, known, sources):
    as_of, as_of_precision = _published(figure.as_of, parse=parse_as_of)
    claimant = (figure.claimant, figure.claimant_kind)
    if claimant not in sources:
        sources[claimant] = _claimant_source(figure, known)
    return Estimate(
        report=report,
        source=sources[claimant],
        value=figure.value,
        value_max=figure.value_max,
        qualifier=figure.qualifier,
        casualty=figure.casualty,
        victims=figure.victims,
        scope=figure.scope,
        geography=figure.geography,
        perpetrator=figure.perpetrator,
        as_of=as_of,
        as_of_precision=as_of_precision,
        quote=figure.quote,
        start=figure.start,
        end=figure.end,
        confidence=min(max(float(figure.confidence), 0.0), 1.0),
        machine_reading=dataclasses.asdict(figure),
    )


def _claimant_source(figure, known):
    """Return the Source of a figure's claimant; only a name nobody knows needs review."""
    if not figure.claimant or figure.claimant_kind == Source.Kind.UNATTRIBUTED:
        return Source.unattributed()
    existing = Source.objects.matching(figure.claimant).first()
    if existing is not None:
        return existing
    claimant = known.get(fold_name(figure.claimant))
    if claimant is None:
        return source_resolve(name=figure.claimant, kind=_kind(figure.claimant_kind), needs_review=True)
    return source_resolve(
        name=claimant.name, kind=_kind(claimant.kind), aliases=claimant.aliases, needs_review=False
    )


def _kind(kind):
    return kind if kind in Source.Kind.values else Source.Kind.MEDIA


def _published(value, parse=parse_partial_date):
    """Return (date, precision) of a date given as a date or "YYYY-MM[-DD]"; (None, day) if none."""
    if not value:
        return None, DatePrecision.DAY
    try:
        return parse(value)
    except ValueError:
        return None, DatePrecision.DAY


def _valid_url(value):
    """Return a URL a page declared about itself if it is a valid absolute one, else ""."""
    try:
        URLValidator()(value)
    except ValidationError:
        return ""
    return value if len(value) <= 1000 else ""


def _language(value):
    value = (value or "").strip().lower()[:2]
    return value if value in Report.Language.values else ""


def _file_name(filename, content_type):
    extension = {"text/plain": ".txt", "text/html": ".html", "application/pdf": ".pdf"}[content_type]
    stem = (filename or "").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "report"
    return stem + extension
