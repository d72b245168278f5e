"""Writes of the tracker domain: every path (admin, API, commands) calls these functions.

An editor's decision is recorded with who and when, and the machine's original reading in
`Estimate.machine_reading` is never touched here.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from tracker.models import Estimate, Report, Source

EDITABLE_FIELDS = (
    "source",
    "value",
    "value_max",
    "qualifier",
    "casualty",
    "victims",
    "scope",
    "geography",
    "perpetrator",
    "period_start",
    "as_of",
    "as_of_precision",
    "editor_note",
)


class EditConflict(Exception):
    """Raised when an editor saves changes on top of a figure someone else changed meanwhile."""


@transaction.atomic
def estimate_correct(*, estimate, user, expected_updated_at=None, review_status=None, **changes):
    """Apply an editor's changes; the verdict changes only when asked or when the figure does.

    A changed figure field makes the figure corrected; a note alone is only a note, and a
    request that changes nothing writes nothing. `review_status` is the verdict the editor
    states (the admin's review form states "confirmed"): confirming a changed or already
    corrected figure keeps it corrected, and "extracted" sends it back to review.
    `expected_updated_at` is the `updated_at` the editor's form was built from: if the row
    changed since, raise EditConflict instead of silently overwriting the other edit.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    if review_status is not None and review_status not in Estimate.ReviewStatus.values:
        raise ValueError(f"Not a review status: {review_status}")
    estimate = _locked(estimate)
    if expected_updated_at is not None and estimate.updated_at != expected_updated_at:
        raise EditConflict(f"Figure {estimate.pk} was changed by someone else meanwhile.")
    before = {name: getattr(estimate, name) for name in EDITABLE_FIELDS}
    changed = [name for name in EDITABLE_FIELDS if name in changes and before[name] != changes[name]]
    for name in changed:
        setattr(estimate, name, changes[name])
    corrected = [name for name in changed if name != "editor_note"]
    if review_status is None and corrected:
        review_status = Estimate.ReviewStatus.CORRECTED
    if review_status == Estimate.ReviewStatus.CONFIRMED and (
        corrected or estimate.review_status == Estimate.ReviewStatus.CORRECTED
    ):
        review_status = Estimate.ReviewStatus.CORRECTED
    if review_status is None and not changed:
        return estimate  # nothing to record
    estimate._change_reason = _in_words(estimate, user, before, changed, review_status)
    if review_status is None:  # a note: the verdict, and who gave it, stay as they were
        estimate._history_user = user
        estimate.full_clean()
        estimate.save()
    elif review_status == Estimate.ReviewStatus.EXTRACTED:
        _mark_unreviewed(estimate, user)
    else:
        estimate.review_status = review_status
        _mark_reviewed(estimate, user)
    return estimate


@transaction.atomic
def estimate_confirm(*, estimate, user):
    """Confirm the figure as read (a corrected figure stays corrected)."""
    estimate = _locked(estimate)
    if estimate.review_status != Estimate.ReviewStatus.CORRECTED:
        estimate.review_status = Estimate.ReviewStatus.CONFIRMED
    estimate._change_reason = f"Confirmed by {_who(user)}"
    _mark_reviewed(estimate, user)
    return estimate


@transaction.atomic
def report_confirm(*, report, user, ids):
    """Confirm in one go the figures of `report` the editor saw highlighted (`ids`); return them.

    Only figures still unreviewed are confirmed: one an editor reviewed meanwhile keeps its
    verdict, and one read again or added since the page was shown is not in `ids`. Each gets
    its own history row, with the editor.
    """
    figures = report.estimates.unreviewed().filter(pk__in=ids).select_for_update().order_by("start")
    return [estimate_confirm(estimate=estimate, user=user) for estimate in figures]


@transaction.atomic
def estimate_reject(*, estimate, user, note=""):
    """Reject a misread figure: it stays for the record but never reaches the public."""
    estimate = _locked(estimate)
    estimate.review_status = Estimate.ReviewStatus.REJECTED
    if note:
        estimate.editor_note = note
    estimate._change_reason = f"Rejected by {_who(user)}" + (f": {note}" if note else "")
    _mark_reviewed(estimate, user)
    return estimate


@transaction.atomic
def estimate_reopen(*, estimate, user):
    """Send a figure back to review; what editors changed stays, only the verdict is cleared."""
    estimate = _locked(estimate)
    estimate._change_reason = f"Sent back to review by {_who(user)}"
    _mark_unreviewed(estimate, user)
    return estimate


def _locked(estimate):
    """Return the figure's row, locked until the transaction ends; EditConflict if it is gone."""
    try:
        return Estimate.objects.select_for_update().get(pk=estimate.pk)
    except Estimate.DoesNotExist:
        raise EditConflict(
            f"Figure {estimate.pk} no longer exists: its report was extracted again or deleted meanwhile."
        ) from None


def _mark_reviewed(estimate, user):
    estimate.reviewed_by = user
    estimate.reviewed_at = timezone.now()
    estimate._history_user = user
    estimate.full_clean()
    estimate.save()


def _mark_unreviewed(estimate, user):
    estimate.review_status = Estimate.ReviewStatus.EXTRACTED
    estimate.reviewed_by = None
    estimate.reviewed_at = None
    estimate._history_user = user
    estimate.full_clean()
    estimate.save()


def _who(user):
    return user.get_username() if user is not None else "the machine"


def _in_words(estimate, user, before, changed, review_status):
    """Return what an edit did, for the figure's history: who, what, and the editor's why."""
    what = [
        f"{name} {_shown(before[name])} → {_shown(getattr(estimate, name))}"
        for name in changed
        if name != "editor_note"
    ]
    verdict = {
        None: "Note",
        Estimate.ReviewStatus.CONFIRMED: "Confirmed",
        Estimate.ReviewStatus.CORRECTED: "Corrected",
        Estimate.ReviewStatus.REJECTED: "Rejected",
        Estimate.ReviewStatus.EXTRACTED: "Sent back to review",
    }[review_status]
    words = f"{verdict} by {_who(user)}" + (f": {', '.join(what)}" if what else "")
    if "editor_note" in changed and estimate.editor_note:
        words += f". Note: {estimate.editor_note}"
    return words


def _shown(value):
    return "(none)" if value in (None, "") else str(value)


@transaction.atomic
def source_resolve(*, name, kind=Source.Kind.MEDIA, aliases=(), needs_review=True, coalition=False):
    """Return the Source a claimant name refers to, creating one if unknown.

    A name the extractor did not know is created needs_review; a claimant from the built-in
    gazetteer comes with its kind and aliases and needs_review=False.
    """
    if not name or name == Source.UNATTRIBUTED:
        return Source.unattributed()
    existing = Source.objects.matching(name).first()
    if existing is not None:
        return existing
    source = Source(
        name=name[:200], kind=kind, aliases=list(aliases), needs_review=needs_review, coalition=coalition
    )
    source.slug = _free_slug(source)
    source.full_clean()
    try:
        with transaction.atomic():
            source.save()
    except IntegrityError:  # created by a concurrent worker meanwhile
        return Source.objects.get(name=source.name)
    return source


def _free_slug(source):
    base = slugify(source.name)[:190] or "source"
    slug, n = base, 2
    while Source.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def source_merge(*, duplicate, into, user=None):
    """Move every figure of `duplicate` to `into`, keep its names as aliases, delete it."""
    if duplicate.pk == into.pk:
        raise ValueError("A claimant cannot be merged into itself.")
    for estimate in Estimate.objects.filter(source=duplicate).select_for_update():
        estimate.source = into
        estimate._history_user = user
        estimate._change_reason = f"Claimant {duplicate.name} merged into {into.name}"
        estimate.save(update_fields=["source", "updated_at"])
    into.aliases = list(dict.fromkeys([*into.aliases, duplicate.name, *duplicate.aliases]))
    into.save()
    duplicate.delete()
    return into


# --- Reports ----------------------------------------------------------------------------------


@transaction.atomic
def report_publish(*, report, user, note=""):
    """Make a report's text and figures public (an upload waiting, or a report withdrawn)."""
    return _set_publication(report, user, Report.Publication.PUBLISHED, "Published", note)


@transaction.atomic
def report_withdraw(*, report, user, note=""):
    """Hide a report's text and figures from the public and the API; editors keep them.

    Nothing is deleted: the figures, their reviews and history stay, and publishing the
    report again brings them back. The deletions feed lists its figures meanwhile.
    """
    return _set_publication(report, user, Report.Publication.WITHDRAWN, "Withdrawn", note)


def _set_publication(report, user, publication, verb, note):
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.publication == publication:
        return report
    report.publication = publication
    report._history_user = user
    report._change_reason = f"{verb} by {_who(user)}" + (f": {note}" if note else "")
    report.full_clean(exclude=["sha256"])
    report.save()
    # A mirror syncing `updated_since` sees the figures change with their report.
    Estimate.objects.filter(report=report).update(updated_at=report.updated_at)
    return report


@transaction.atomic
def report_delete(*, report, user, note=""):
    """Delete a report, its figures (each leaving a tombstone) and its original file.

    The file is removed once the deletion is committed: a rolled-back deletion keeps it.
    """
    report = Report.objects.select_for_update().get(pk=report.pk)
    stored = report.original_file
    report._history_user = user
    report._change_reason = f"Deleted by {_who(user)}" + (f": {note}" if note else "")
    report.delete()
    if stored:
        name, storage = stored.name, stored.storage
        transaction.on_commit(lambda: storage.delete(name))
