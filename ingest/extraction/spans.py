"""Matches found in one pass over a whole article, handed out sentence by sentence."""

from bisect import bisect_left
from operator import itemgetter

_START_END = itemgetter(0, 1)


class Spans:
    """Matches found in one pass over the whole article, handed out sentence by sentence.

    One scan of the article is much cheaper than one per sentence; a match that runs
    over a sentence's end belongs to no sentence.
    """

    def __init__(self, spans):
        self.spans = sorted(spans, key=_START_END)
        self.starts = [span[0] for span in self.spans]

    def within(self, start: int, end: int) -> list[tuple]:
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, first)
        if first == last:
            return []  # most sentences name no one: no list to build
        return [span for span in self.spans[first:last] if span[1] <= end]
