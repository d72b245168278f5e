"""Cut an article into sentences, with their offsets, in one pass.

A figure is quoted with its sentence, and its claimant, scope and date are read from
that sentence first, then from the two before it. Every line break ends a sentence
(headlines, link titles and tweets have no full stop); inside a line a sentence ends at
., ! or ? before a capital (or, in copy that lost its spaces, at "word.Word"), except after
an initial ("John J. Thomas"), a common abbreviation, or inside a quotation that closes later
on the line.
"""

from typing import NamedTuple

from . import regexes

_LINE = regexes.compile(r"[ \t\r\f\v]*[^\s][^\n]*")  # a line with a word: one of blanks only is a blank line
# A stop before a capital (with the quotes that close after it), or a quote: the pattern opens on the
# class of its first characters, so that the engine skips in C from one to the next; looking behind
# it then tells which it is (`lastgroup`: closer, open, close or straight).
_OPENING = '!?\u2026\u00ab\u201c\u00bb\u201d"'  # with the full stop, the characters the pattern opens on
_AFTER_OPENING = (
    r"(?:(?<=[.!?\u2026])[.!?\u2026]*(?P<closer>[\"'\u00bb\u201d\u2019)]*)"
    r"(?=\s+[\"'\u00ab\u201c(\[]?[A-Z\u00c0-\u00dd\d]"
    # copy that lost its spaces: "in western Afghanistan.The allegations"
    r"|(?<=[a-z\u00df-\u00ff][.!?])[A-Z\u00c0-\u00dd][a-z\u00df-\u00ff])"
    r"|(?<=[\u00ab\u201c])(?P<open>)|(?<=[\u00bb\u201d])(?P<close>)|(?<=\")(?P<straight>))"
)
_BOUNDARY_OR_QUOTE = regexes.compile(f"[.{_OPENING}]" + _AFTER_OPENING)
# The same where a line's only such characters are full stops (most lines): opening on a literal, the
# engine skips from one full stop to the next ~10x faster than through a class.
_BOUNDARY_AT_POINT = regexes.compile(r"\." + _AFTER_OPENING)
_ABBREVIATION = regexes.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Capt|Sgt|St|Sen|Rep|Gov|Pres|No|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|M|Mme|Mgr|av|etc|cf|vs|ibid|U\.S|U\.N|U\.K))$"
)


_OPENS_LOWER = regexes.compile(r"[ \t]*[a-z\u00df-\u00ff]")


class Sentence(NamedTuple):
    """A sentence's offsets in the text, its place among the sentences and its paragraph's."""

    start: int
    end: int
    index: int
    paragraph: int


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Return the sentences of text[start:], in order, each trimmed of surrounding blanks."""
    sentences: list[Sentence] = []
    paragraph = 0
    previous_end = start
    for line_start, line_end in _lines(text, start):
        if text.count("\n", previous_end, line_start) > 1:
            paragraph += 1
        previous_end = line_end
        for s, e in _cut_line(text, line_start, line_end):
            s, e = _trim(text, s, e)
            if e > s:
                sentences.append(Sentence(s, e, len(sentences), paragraph))
    return sentences


def _lines(text: str, start: int):
    """Yield the (start, end) of each line, a hard-wrapped line joined to the one it runs on into.

    Wire copy wrapped at 65 characters ("... fait 100\nmorts par mois") runs on into a next line
    that opens in lower case, after a line that ends with no stop: one sentence, not two.
    """
    current = None
    for line in _LINE.finditer(text, start):
        if current is not None and _OPENS_LOWER.match(text, line.start()) and _runs_on(text, *current):
            current = (current[0], line.end())
            continue
        if current is not None:
            yield current
        current = (line.start(), line.end())
    if current is not None:
        yield current


def _runs_on(text: str, start: int, end: int) -> bool:
    """Tell whether a line ends on a word or a comma (then blanks): no stop, no quote, no colon."""
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    last = text[end - 1 : end]
    return last.isalnum() or last == ","


def _cut_line(text: str, start: int, end: int):
    line = text[start:end]
    if any(map(line.__contains__, _OPENING)):
        scan = _BOUNDARY_OR_QUOTE
        balanced = line.count("\u00ab") + line.count("\u201c") == line.count("\u00bb") + line.count("\u201d")
        straight_total = line.count('"')
    else:  # full stops only, no quotation
        scan, balanced, straight_total = _BOUNDARY_AT_POINT, True, 0
    depth = 0
    straight = 0
    cut = start
    for m in scan.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "straight":
            straight += 1
        else:
            closer = m.group("closer")
            if closer:  # 'the strikes "precise." Two days later': the quote closes (most stops close none)
                straight += closer.count('"')
                depth = max(0, depth - closer.count("\u00bb") - closer.count("\u201d"))
            inside = (balanced and depth > 0) or (straight % 2 == 1 and straight_total % 2 == 0)
            if inside or _ABBREVIATION.search(text, max(start, m.start() - 6), m.start()):
                continue
            yield cut, m.end()
            cut = m.end()
    yield cut, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
