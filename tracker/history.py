"""A figure's history in words: "Confirmed by editor on 4 Dec 2026 17:34", "Value 1,787 → 1,788 by ...".

Each history row is compared with the one before it, and what changed is said with the
review page's labels and the values as the page shows them, in the reader's language: no
field names, no microseconds, and an empty field is "none", never a "Deleted user".
"""

import re

from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.models import Estimate, Source
from tracker.services import EDITABLE_FIELDS

# The words for a figure's fields, on the review page and in its history. The model's fields
# have no verbose names (adding them would only rename columns in a migration).
FIELD_LABELS = {
    "source": gettext_lazy("Claimant"),
    "value": gettext_lazy("Value"),
    "value_max": gettext_lazy("Maximum of a range"),
    "qualifier": gettext_lazy("Qualifier"),
    "casualty": gettext_lazy("Casualty"),
    "victims": gettext_lazy("Victims"),
    "scope": gettext_lazy("Scope"),
    "geography": gettext_lazy("Geography"),
    "perpetrator": gettext_lazy("Perpetrator"),
    "period_start": gettext_lazy("Period start"),
    "as_of": gettext_lazy("As of"),
    "as_of_precision": gettext_lazy("Precision of the date"),
    "editor_note": gettext_lazy("Editor's note"),
}
FIGURE_FIELDS = [name for name in EDITABLE_FIELDS if name != "editor_note"]
ENGINE_VERSION = re.compile(r"\(extractor ([^)]+)\)")


def history_in_words(records):
    """Return (record, sentence) for each history row of one figure, given newest first."""
    records = list(records)
    if not records:
        return []
    olders = [*records[1:], records[-1].prev_record]  # a page of the history page may end mid-way
    sources = Source.objects.in_bulk({r.source_id for r in [*records, *olders] if r is not None})
    return [(record, sentence(record, older, sources)) for record, older in zip(records, olders, strict=True)]


def sentence(record, older, sources):
    """Return what `record` did to the figure since `older` (None for its first row), in words."""
    version = ENGINE_VERSION.search(record.history_change_reason or "")
    engine = version.group(1) if version else ""
    if record.history_type == "+" or older is None:
        if not engine:
            return _("Read by the machine on %(when)s") % {"when": when(record)}
        return _("Read by the machine (engine %(version)s) on %(when)s") % {
            "version": engine,
            "when": when(record),
        }
    if record.history_type == "-":
        return _("Removed on %(when)s") % {"when": when(record)}
    changes = "; ".join(
        _("%(field)s %(old)s → %(new)s")
        % {
            "field": FIELD_LABELS[name],
            "old": shown(name, getattr(older, _attname(name)), sources),
            "new": shown(name, getattr(record, _attname(name)), sources),
        }
        for name in FIGURE_FIELDS
        if getattr(older, _attname(name)) != getattr(record, _attname(name))
    )
    if record.history_user_id is None and version:  # the machine read the report again
        words = _("Re-read by the machine (engine %(version)s) on %(when)s") % {
            "version": engine,
            "when": when(record),
        }
        return f"{words}: {changes}" if changes else words
    what = changes or _verdict(record, older)
    words = _("%(what)s by %(who)s on %(when)s") % {"what": what, "who": who(record), "when": when(record)}
    if record.editor_note and record.editor_note != older.editor_note:
        words += ": " + _("note %(note)s") % {"note": record.editor_note}
    return words


def _verdict(record, older):
    status = Estimate.ReviewStatus
    if record.review_status == status.CONFIRMED or (
        record.review_status == status.CORRECTED and record.reviewed_at != older.reviewed_at
    ):
        return _("Confirmed")
    if record.review_status == status.REJECTED:
        return _("Rejected")
    if record.review_status == status.EXTRACTED and older.review_status != status.EXTRACTED:
        return _("Sent back to review")
    return _("Note")


def who(record):
    user = record.history_user
    return user.get_username() if user is not None else _("the machine")


def when(record):
    # Translators: a date and time as the history says it ("4 Dec 2026 17:34"), Django's date format.
    return date_format(localtime(record.history_date), _("j M Y H:i"))


def shown(name, value, sources):
    """Return a field's value as the review page shows it: a name, a label, a grouped number."""
    if value in (None, ""):
        return _("none")
    if name == "source":
        source = sources.get(value)
        return source.name if source else _("claimant #%(id)s") % {"id": value}
    if name in ("value", "value_max"):
        return number_format(value, force_grouping=True)
    if name in ("as_of", "period_start"):
        # Translators: a date as the review page shows it ("4 Dec 2026"), Django's date format.
        return date_format(value, _("j M Y"))
    choices = dict(Estimate._meta.get_field(name).flatchoices)
    return str(choices.get(value, value))


def _attname(name):
    return "source_id" if name == "source" else name
