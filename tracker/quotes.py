"""A figure's quote, cut to a readable length around its number.

The quote is the sentence a figure was read from, and a sentence can be megabytes long (a
page with no full stop): stored whole it would be sent to every visitor of the dashboard and
every API client. What is kept is the number with about QUOTE_MAX_CHARS characters around
it, cut at words, each cut marked with an ellipsis; the article keeps the full text.
"""

from django.conf import settings

CUT = "…"


def quote_around(sentence, start, end, limit=None):
    """Return `sentence` cut to about `limit` characters around sentence[start:end], cuts marked."""
    limit = settings.QUOTE_MAX_CHARS if limit is None else limit
    if len(sentence) <= limit:
        return sentence
    room = max(limit - (end - start), 0)
    left = max(start - room // 2, 0)
    right = min(left + (end - start) + room, len(sentence))
    left = max(min(left, right - limit), 0)  # room unused on the right goes to the left
    left, right = _at_words(sentence, left, right, start, end)
    return (
        (CUT + " " if left > 0 else "")
        + sentence[left:right].strip()
        + (" " + CUT if right < len(sentence) else "")
    )


def _at_words(sentence, left, right, start, end):
    """Move the cuts inwards to the nearest space, never into the number, at most 30 characters."""
    if left > 0:
        space = sentence.find(" ", left, min(left + 30, start))
        left = space + 1 if space >= 0 else left
    if right < len(sentence):
        space = sentence.rfind(" ", max(right - 30, end), right)
        right = space if space >= 0 else right
    return left, right


def quote_of_figure(text, quote, start, end):
    """Return the stored quote of a figure whose number is text[start:end] within the sentence `quote`.

    The sentence is found in the text where it holds the number, which places the number
    within it even when the sentence states the same number twice.
    """
    if len(quote) <= settings.QUOTE_MAX_CHARS:
        return quote
    begin = text.find(quote, max(end - len(quote), 0), start + len(quote))
    if begin < 0:  # not verbatim: place it at the number's first mention
        at = max(quote.find(text[start:end]), 0)
        return quote_around(quote, at, at + (end - start))
    return quote_around(quote, start - begin, end - begin)
