"""Article text with its figures marked, safe to show whatever the article contains.

An article is untrusted input (it can hold `<script>`), so every piece of it is escaped and
only the marks are markup. Offsets are Python string indices into `Report.text`; spans that
overlap an earlier one or fall outside the text are left unmarked rather than crashing.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def highlighted_text(text, estimates, link=None) -> SafeString:
    """Return `text` escaped, each estimate's number wrapped in a mark coloured by claimant kind.

    `link(estimate)` may return a URL for the mark to point to (the admin change page, or the
    figure's anchor on the public report page); without it the marks are not links.
    """
    parts, position = [], 0
    for estimate in sorted(estimates, key=lambda e: (e.start, e.end)):
        if not _fits(text, estimate.start, estimate.end) or estimate.start < position:
            continue
        parts.append(escape(text[position : estimate.start]))
        parts.append(_mark(text[estimate.start : estimate.end], estimate, link))
        position = estimate.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def quote_in_paragraph(text, start, end) -> SafeString:
    """Return the paragraph (line) around text[start:end], escaped, with that span marked.

    Return an empty string when the offsets do not fit the text, so the caller can fall back
    to the stored quote.
    """
    if not _fits(text, start, end):
        return mark_safe("")
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    if last == -1:
        last = len(text)
    return format_html(
        '{}<mark class="figure figure--current">{}</mark>{}',
        text[first:start],
        text[start:end],
        text[end:last],
    )


def _fits(text, start, end):
    return start is not None and end is not None and 0 <= start < end <= len(text)


def _mark(number, estimate, link):
    source = getattr(estimate, "source", None)
    kind = getattr(source, "kind", "") or "unknown"
    title = f"{estimate.display_value} · {source}" if source else str(estimate.display_value)
    mark = format_html(
        '<mark class="figure figure--{}" id="figure-{}" title="{}">{}</mark>',
        kind,
        estimate.pk,
        title,
        number,
    )
    href = link(estimate) if link else None
    return format_html('<a href="{}">{}</a>', href, mark) if href else mark
