"""Writes of the ingest pipeline: every way in (page, API, command) and the task call these.

A report moves queued -> processing -> done | failed only here. Its figures are written in one
transaction, in bulk, and only the machine's unreviewed figures are ever changed: what an
editor confirmed, corrected or rejected stays exactly as the editor left it. A figure read
again keeps its id, so links and consumers' copies keep their target.
"""

import dataclasses
import datetime
import hashlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import Truncator
from kombu.exceptions import KombuError
from redis.exceptions import RedisError
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ingest import tasks
from ingest.extraction import (
    DEFAULT_GAZETTEER,
    EXTRACTOR_VERSION,
    Claimant,
    detect_language,
    extract,
    fold,
    speaks_for_coalition,
)
from ingest.fetch import FetchError, check_url, fetch
from ingest.readers import UnreadableDocument, check_upload, read_document
from tracker.models import DatePrecision, Estimate, EstimateTombstone, Report, Source
from tracker.names import fold_name
from tracker.partial_dates import parse_as_of, parse_partial_date
from tracker.quotes import quote_of_figure
from tracker.services import EDITABLE_FIELDS, source_resolve

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
    enqueue=True,
):
    """Store an article's bytes (a file's, or a text's in UTF-8) and queue it; return (report, created).

    Nothing is parsed here, so an upload answers at once whatever it holds: the worker reads
    the file (see report_process). Only what no reading can fix is refused now, raising
    UnreadableDocument: too big, empty, a known binary format. The same bytes again return the
    report already stored; the same text in other bytes is found once read, and the new report
    then points to the first as its duplicate. What the uploader gave wins over what the
    document says about itself. With `enqueue=False` the caller sends it (reports_enqueue).
    """
    if (data is None) == (text is None):
        raise ValueError("Give either the file's bytes or a text.")
    if text is not None:
        if not text.strip():
            raise UnreadableDocument("The text is empty: there is no text to analyse.")
        data = text.encode("utf-8")
    check_upload(data, max_bytes=settings.INGEST_MAX_UPLOAD_BYTES)
    original_sha256 = hashlib.sha256(data).hexdigest()
    existing = Report.objects.filter(original_sha256=original_sha256).order_by("pk").first()
    if existing is not None:
        return existing, False

    published_on, precision = _published(published)
    report = Report(
        title=_file_title(filename),
        outlet=outlet[:200],
        url=url,
        language=_language(language),
        published_on=published_on,
        published_precision=precision,
        original_sha256=original_sha256,
        status=Report.Status.QUEUED,
        uploaded_by=user,
        publication=_new_publication(),
    )
    report.full_clean(exclude=["uploaded_by", "original_sha256"])  # unique: the database's job, under a race
    try:
        with transaction.atomic():  # the file first, so that the row is written by one INSERT
            report.original_file.save(_file_name(filename), ContentFile(data), save=False)
            report.save()
            if enqueue:
                transaction.on_commit(lambda: report_enqueue(report_id=report.pk))
    except BaseException as exc:
        if report.original_file:
            report.original_file.delete(save=False)
        if isinstance(exc, IntegrityError):  # the same bytes, sent at the same instant
            return Report.objects.get(original_sha256=original_sha256), False
        raise
    return report, True


def report_create_from_url(*, url, user=None, outlet="", published=None, language="", enqueue=True):
    """Store a report whose page the worker will fetch, and queue it; return (report, created).

    The URL is checked now (http or https, every address of its host allowed), so a refused one
    leaves nothing; the worker checks it again, at every redirect, when it fetches the page.
    The same URL (normalised) returns the report already stored, queued again if its fetch
    failed. What the sender gives wins over what the page says. Raise RefusedURL with the reason.
    With `enqueue=False` the caller sends it (reports_enqueue).
    """
    key = check_url(url).url
    existing = Report.objects.filter(Q(requested_url=key) | Q(final_url=key) | Q(url=key)).first()
    if existing is not None:
        report_refetch(report=existing)
        return existing, False
    published_on, precision = _published(published)
    report = Report(
        title=Truncator(key).chars(120),
        outlet=outlet[:200],
        url=key,
        requested_url=key,
        language=_language(language),
        published_on=published_on,
        published_precision=precision,
        publication=_new_publication(),
        status=Report.Status.QUEUED,
        uploaded_by=user,
    )
    report.full_clean(exclude=["uploaded_by", "original_sha256", "requested_url"])
    try:
        with transaction.atomic():
            report.save()
            if enqueue:
                transaction.on_commit(lambda: report_enqueue(report_id=report.pk))
    except IntegrityError:  # the same URL, sent at the same instant
        return Report.objects.get(requested_url=key), False
    return report, True


def report_refetch(*, report):
    """Queue again a report whose page could not be fetched or read; return True if it was.

    Any other report (an upload, a page read) is left as it is.
    """
    queued = (
        Report.objects.filter(pk=report.pk, status=Report.Status.FAILED, sha256=None)
        .exclude(requested_url="")
        .update(status=Report.Status.QUEUED, error="", attempts=0, updated_at=timezone.now())
    )
    if queued:
        transaction.on_commit(lambda: report_enqueue(report_id=report.pk))
    report.refresh_from_db()
    return bool(queued)


def report_enqueue(*, report_id):
    """Hand the report to a worker; if the broker is down or hangs, leave it queued for the sweep.

    Called after commit, so the worker always finds the row. One try, bounded by the broker
    timeouts of the settings: the sweep is the retry. Return True when it was sent.
    """
    try:
        tasks.process_report.apply_async((report_id,), retry=False)
    except BROKER_ERRORS as exc:
        logger.warning("Report %s stays queued, the broker is unreachable: %s", report_id, exc)
        return False
    return True


def reports_enqueue(*, report_ids):
    """Send reports to a worker in turn; return the ids sent.

    After the first the broker refuses, the rest stay queued for the sweep without a try: a
    broker that accepts connections and never answers costs one timeout, not one per report.
    """
    sent = []
    for report_id in report_ids:
        if not report_enqueue(report_id=report_id):
            break
        sent.append(report_id)
    return sent


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
    sent = reports_enqueue(report_ids=list(stale.values_list("pk", flat=True)))
    Report.objects.filter(pk__in=sent, status=Report.Status.QUEUED).update(updated_at=timezone.now())
    return len(sent)


# --- Processing ---------------------------------------------------------------------------


def report_process(*, report_id, retries=0):
    """Claim a queued report, read its file, extract its figures and mark it done.

    Or mark it failed with the reason, or a duplicate of the report stored earlier with its text.

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


def report_reextract(*, report, user=None):
    """Read the report again with the current engine, now, in this process.

    A figure read again at the same place keeps its id and is updated in place; only new
    readings get new ids, and a reading that is gone is removed and leaves a tombstone for the
    deletions feed. Figures an editor confirmed, corrected or rejected are not touched, and a
    new reading of the same number does not duplicate them. `user` is who asked, for history.
    """
    if report.requested_url and not report.original_file:
        return report  # a page never fetched has nothing to read again: report_refetch fetches it
    _analyse(report, user=user)
    report.refresh_from_db()
    return report


def gazetteer(sources=None):
    """Return the built-in claimants merged with the editors' Source table.

    An alias or a claimant an editor adds is used by the next extraction; the editor's kind
    wins over the built-in one. `sources` are the Source rows when the caller already has them.
    """
    claimants = {fold_name(c.name): c for c in DEFAULT_GAZETTEER}
    by_name = {fold_name(n): key for key, c in claimants.items() for n in c.names()}
    if sources is None:
        sources = Source.objects.only("name", "kind", "aliases")
    for source in sources:
        if source.kind == Source.Kind.UNATTRIBUTED:
            continue
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


class ClaimantSources:
    """The Source of each claimant an article names, looked up in memory.

    Built from the Source rows the gazetteer already read, so resolving the claimants of an
    article costs no query; only a claimant never seen before is created (and then kept).
    Matches as `Source.objects.matching(name).first()` does: by folded name or alias, the
    first source by name winning.
    """

    def __init__(self, sources, claimants):
        self.by_key = {}
        for source in sorted(sources, key=lambda s: s.name):
            for key in source.match_keys.strip("|").split("|"):
                if key:
                    self.by_key.setdefault(key, source)
        self.unattributed = next((s for s in sources if s.slug == Source.UNATTRIBUTED), None)
        self.known = {fold_name(name): c for c in claimants for name in c.names()}

    def source_of(self, figure):
        """Return the Source of a figure's claimant; only a name nobody knows needs review."""
        if not figure.claimant or figure.claimant_kind == Source.Kind.UNATTRIBUTED:
            if self.unattributed is None:
                self.unattributed = Source.unattributed()
            return self.unattributed
        source = self.by_key.get(fold_name(figure.claimant))
        if source is not None:
            return source
        claimant = self.known.get(fold_name(figure.claimant))
        if claimant is None:
            source = source_resolve(name=figure.claimant, kind=_kind(figure.claimant_kind), needs_review=True)
        else:
            source = self.by_key.get(fold_name(claimant.name)) or source_resolve(
                name=claimant.name,
                kind=_kind(claimant.kind),
                aliases=claimant.aliases,
                needs_review=False,
                coalition=speaks_for_coalition(claimant),
            )
        for name in (figure.claimant, source.name, *source.aliases):
            if key := fold_name(name):
                self.by_key.setdefault(key, source)
        return source


def _analyse(report, user=None):
    """Take a report through the stages, each a function: its original bytes, their reading, the
    figures. Mark it done, or failed with the reason, or a duplicate; reading happens only once.
    """
    try:
        if report.sha256 is None:  # not read yet
            report = _read(report, _original_bytes(report))
            if report.status == Report.Status.DUPLICATE:
                return
        sources = list(Source.objects.all())  # one read serves the gazetteer and the claimants
        claimants = gazetteer(sources)
        figures = _read_figures(report, claimants)
        _write_figures(report, figures, ClaimantSources(sources, claimants), user=user)
    except TRANSIENT_DATABASE_ERRORS:
        raise
    except _AlreadyStored:  # a page whose bytes another report holds: marked its duplicate
        return
    except UnreadableDocument as exc:  # the reason is written for the person who sent the file
        _fail(report, str(exc))
    except Exception as exc:  # noqa: BLE001 - any other failure belongs to this report, not the worker
        logger.exception("Report %s failed", report.pk)
        _fail(report, f"The analysis failed: {exc.__class__.__name__}: {exc}")


class _AlreadyStored(Exception):
    """The fetched page's bytes are another report's: this one was marked its duplicate."""


def _fail(report, error):
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.FAILED, error=error[:2000], updated_at=timezone.now()
    )


def _original_bytes(report):
    """Return the bytes the report is made of: its uploaded file, or the page fetched from its URL.

    The first stage of the worker. A page is fetched once and stored as an upload is, with its
    final URL, HTTP status and fetch time; a fetch that fails is written on the report, which
    fails with the reason and can be fetched again (report_refetch).
    """
    if not report.original_file and report.requested_url:
        return _fetch_original(report)
    if not report.original_file:
        raise UnreadableDocument("The report has no original file to read.")
    with report.original_file.open("rb") as original:
        return original.read()


def _fetch_original(report):
    """Fetch a report's page and store it as its original file; return its bytes."""
    try:
        page = fetch(report.requested_url)
    except FetchError as exc:
        Report.objects.filter(pk=report.pk).update(http_status=exc.status, fetched_at=timezone.now())
        raise UnreadableDocument(f"The page could not be fetched: {exc}") from exc
    check_upload(page.data, max_bytes=settings.INGEST_MAX_UPLOAD_BYTES)
    report.original_sha256 = hashlib.sha256(page.data).hexdigest()
    report.url = page.final_url
    report.final_url = page.final_url
    report.http_status = page.status
    report.fetched_at = page.fetched_at
    name = _file_name(urlsplit(page.final_url).path.rstrip("/"))
    try:
        with transaction.atomic():
            report.original_file.save(name, ContentFile(page.data), save=False)
            Report.objects.filter(pk=report.pk).update(
                original_file=report.original_file.name,
                original_sha256=report.original_sha256,
                url=report.url,
                final_url=report.final_url,
                http_status=report.http_status,
                fetched_at=report.fetched_at,
                updated_at=timezone.now(),
            )
    except IntegrityError:  # the same bytes are stored already: this report is their duplicate
        report.original_file.delete(save=False)
        first = Report.objects.filter(original_sha256=report.original_sha256).first()
        if first is None:
            raise
        _mark_duplicate(
            report, first, final_url=page.final_url, http_status=page.status, fetched_at=page.fetched_at
        )
        raise _AlreadyStored from None
    return page.data


def _read(report, data):
    """Read the original's text and metadata into the report (what the uploader gave wins).

    The text's hash is unique: when another report has the same text, this one is marked its
    duplicate instead, keeping its file, and is not analysed. Return the report.
    """
    document = read_document(data, max_bytes=settings.INGEST_MAX_UPLOAD_BYTES)
    report.text = document.text
    report.content_type = document.content_type
    report.title = (document.title or Truncator(document.text.split("\n", 1)[0]).chars(120))[:500]
    report.outlet = report.outlet or document.outlet[:200]
    report.url = report.url or _valid_url(document.url)
    report.language = report.language or _language(document.language) or detect_language(fold(document.text))
    if report.published_on is None:
        report.published_on, report.published_precision = _published(document.published)
    # Its only constraint is about failed reports: this one is being processed.
    report.full_clean(
        exclude=["sha256", "original_sha256", "uploaded_by", "duplicate_of"], validate_constraints=False
    )
    sha256 = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    fields = ["text", "content_type", "title", "outlet", "url", "language", "published_on",
              "published_precision", "sha256", "updated_at"]  # fmt: skip
    try:
        with transaction.atomic():  # an UPDATE, not save(): reading is no event of the report's history
            report.sha256 = sha256
            report.updated_at = timezone.now()
            Report.objects.filter(pk=report.pk).update(**{name: getattr(report, name) for name in fields})
    except IntegrityError:  # the same text is stored already, even if read this very instant
        report.sha256 = None
        first = Report.objects.filter(sha256=sha256).first()
        if first is None:
            raise
        _mark_duplicate(report, first, title=report.title, content_type=report.content_type)
    return report


def _mark_duplicate(report, first, **fields):
    """Mark a report the duplicate of the one stored first with the same bytes or text: done with it."""
    now = timezone.now()
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.DUPLICATE, duplicate_of=first, processed_at=now, updated_at=now, **fields
    )
    report.status, report.duplicate_of = Report.Status.DUPLICATE, first


def _read_figures(report, claimants):
    published = None
    if report.published_on:
        published = report.published_on.isoformat()
        if report.published_precision != DatePrecision.DAY:
            published = published[:7]
    return extract(report.text, published=published, language=report.language or "auto", gazetteer=claimants)


# What the machine reads of a figure: re-reading it may change these, never the editor's own
# (the period's start, the note), and never a reviewed figure at all.
MACHINE_FIELDS = (
    *(name for name in EDITABLE_FIELDS if name not in ("period_start", "editor_note")),
    "quote",
    "start",
    "end",
    "confidence",
    "machine_reading",
)


@transaction.atomic
def _write_figures(report, figures, sources, user=None):
    """Bring the report's machine figures in line with a reading, in a fixed number of queries.

    Each reading is matched to a figure already stored: first at the same offsets, then by the
    same value and claimant in the same sentence (the text moved). A match to an unreviewed
    figure updates it in place and keeps its id; a match to a reviewed one is dropped, the
    editor's word standing; the rest are created. Stored machine figures nothing matched are
    removed, each leaving a tombstone. Figures and history rows are written in bulk.
    """
    # Lock the report, then its figures: a second re-extraction waits for this one, and a figure
    # an editor is reviewing at this very moment is read once reviewed, and kept.
    Report.objects.select_for_update().filter(pk=report.pk).values_list("pk").get()
    stored = list(Estimate.objects.filter(report_id=report.pk).select_for_update().order_by("start", "pk"))
    machine = [e for e in stored if not e.is_reviewed]
    reviewed = [e for e in stored if e.is_reviewed]
    now = timezone.now()
    version = EXTRACTOR_VERSION

    readings, skipped = [], []
    for figure in figures:
        estimate = _estimate(report, figure, sources)
        try:
            # The report and the claimant are rows in hand, and the check constraints are
            # checked in Python: validating them in the database costs queries per figure.
            estimate.full_clean(exclude=["report", "source"], validate_constraints=False)
            if broken := estimate.violated_constraints():
                raise ValidationError(f"breaks {', '.join(broken)}")
        except ValidationError as exc:  # one misread figure must not lose the others
            skipped.append(f"{figure.value} at {figure.start}: {exc}")
            continue
        readings.append(estimate)

    matches = _match(readings, machine, reviewed)
    created, updated, fields = [], [], set()
    for reading in readings:
        match = matches.get(id(reading))
        if match is None:
            created.append(reading)
        elif not match.is_reviewed:
            changed = [name for name in MACHINE_FIELDS if _value(match, name) != _value(reading, name)]
            if changed:
                for name in changed:
                    setattr(match, name, getattr(reading, name))
                match.updated_at = now
                match._change_reason = (
                    f"Re-read by the machine (extractor {version}): {', '.join(changed)} changed"
                )
                updated.append(match)
                fields.update(changed)
    kept = {id(m) for m in matches.values()}
    removed = [e for e in machine if id(e) not in kept]

    if removed:
        _remove(removed, user=user, when=now, reason=f"No longer read by the machine (extractor {version})")
    if updated:
        bulk_update_with_history(
            updated, Estimate, [*sorted(fields), "updated_at"], default_user=user, default_date=now
        )
    if created:
        bulk_create_with_history(
            created,
            Estimate,
            default_user=user,
            default_change_reason=f"Read by the machine (extractor {version})",
            default_date=now,
        )
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.DONE,
        error=f"Skipped {len(skipped)} unreadable figure(s): " + "; ".join(skipped) if skipped else "",
        extractor_version=version,
        processed_at=now,
        updated_at=now,
    )


def _match(readings, machine, reviewed):
    """Return {id(reading): the stored figure it is a new reading of}, each figure matched once.

    Same offsets first; then, for what is left, the same value and claimant in the same
    sentence, in the order of the text (a sentence may state one number twice).
    """
    matches, taken = {}, set()
    by_span = {}
    for estimate in [*reviewed, *machine]:
        by_span.setdefault((estimate.start, estimate.end), []).append(estimate)
    for reading in readings:
        candidates = [e for e in by_span.get((reading.start, reading.end), []) if id(e) not in taken]
        if candidates:
            matches[id(reading)] = candidates[0]
            taken.add(id(candidates[0]))
    by_sentence = {}
    for estimate in [*reviewed, *machine]:
        if id(estimate) not in taken:
            for key in _sentence_keys(estimate):
                by_sentence.setdefault(key, []).append(estimate)
    for reading in readings:
        if id(reading) in matches:
            continue
        key = (reading.value, reading.source_id, reading.quote)
        candidates = [e for e in by_sentence.get(key, []) if id(e) not in taken]
        if candidates:
            matches[id(reading)] = candidates[0]
            taken.add(id(candidates[0]))
    return matches


def _sentence_keys(estimate):
    """Return the (value, claimant, sentence) a stored figure is known by: as it is, as first read."""
    keys = {(estimate.value, estimate.source_id, estimate.quote)}
    reading = estimate.machine_reading or {}
    if "value" in reading and "quote" in reading:
        keys.add((reading["value"], estimate.source_id, reading["quote"]))
    return keys


def _value(estimate, name):
    return estimate.source_id if name == "source" else getattr(estimate, name)


def _remove(estimates, *, user, when, reason):
    """Delete figures in three statements, with their history rows and their tombstones.

    The deletion bypasses Django's collector, which would send post_delete for each row and
    so write each history row and tombstone with a query of its own: they are written here,
    in bulk. Nothing references an Estimate, so no cascade is skipped.
    """
    history = Estimate.history.model
    history.objects.bulk_create(
        [
            history(
                history_date=when,
                history_user=user,
                history_change_reason=reason,
                history_type="-",
                **{field.attname: getattr(e, field.attname) for field in history.tracked_fields},
            )
            for e in estimates
        ]
    )
    EstimateTombstone.objects.bulk_create(
        [EstimateTombstone(estimate_id=e.pk, deleted_at=when, reason=reason[:200]) for e in estimates]
    )
    Estimate.objects.filter(pk__in=[e.pk for e in estimates])._raw_delete(Estimate.objects.db)


def _estimate(report, figure, sources):
    as_of, as_of_precision = _published(figure.as_of, parse=parse_as_of)
    # A run-on "sentence" can be megabytes: the stored quote, and the reading, keep its heart.
    quote = quote_of_figure(report.text, figure.quote, figure.start, figure.end)
    return Estimate(
        report=report,
        source=sources.source_of(figure),
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
        quote=quote,
        start=figure.start,
        end=figure.end,
        confidence=min(max(float(figure.confidence), 0.0), 1.0),
        machine_reading={**dataclasses.asdict(figure), "quote": quote},
    )


def _new_publication():
    """A new report is public at once, or waits for an editor when INGEST_PUBLISH_UPLOADS is off."""
    return Report.Publication.PUBLISHED if settings.INGEST_PUBLISH_UPLOADS else Report.Publication.UNPUBLISHED


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


def _file_name(filename):
    """Return the stored name of an original: the sender's, with an extension of an article's type.

    Its type is decided when it is read; the name only helps whoever downloads it.
    """
    stem, dot, extension = (filename or "").rsplit("/", 1)[-1].rpartition(".")
    if not dot:
        stem, extension = extension, ""
    extension = extension.lower() if extension.lower() in {"txt", "html", "htm", "pdf"} else "txt"
    return f"{stem[:80] or 'report'}.{extension}"


def _file_title(filename):
    """Return the title a report shows until its file is read: the file's name, cut to fit."""
    return Truncator((filename or "").rsplit("/", 1)[-1]).chars(120)[:500]
