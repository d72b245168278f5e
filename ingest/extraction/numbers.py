"""Find and read the numbers of an article: digits, number words, vague plurals.

One precompiled pattern, run once over the folded article, finds every number in text
order. Digits may group thousands with ".", ",", "'" or a (non-breaking) space
("1.302", "1,302", "12'354", "4 354"); number words ("Vingt", "trente-deux",
"twenty-one", "a hundred") are read by text2num on that short span only; vague plurals
and approximate nouns ("des dizaines", "une vingtaine", "two dozen") come from
`vague.VAGUE_PLURALS`.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from . import regexes
from .patterns import WordScan, alternation, key_of, keyed, split_alternatives
from .vague import VAGUE_ALTERNATION, vague_row

_FR_WORDS = (
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "quatre-vingt",
    "quatre-vingts",
    "cent",
    "cents",
    "mille",
)
_EN_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
)
_FR_WORD = alternation(_FR_WORDS)
_EN_WORD = alternation(_EN_WORDS)
_FR_MORE = rf"(?:(?:-|\s+){_FR_WORD}|(?:\s+et\s+|-et-)(?:un|une|onze))*"  # the words after the first
_EN_NUMBER = (
    rf"(?:a\s+(?=hundred|thousand)|){_EN_WORD}(?:(?:-|\s+){_EN_WORD})*"  # "X|", not "(?:X)?": cheaper
)
DIGITS = r"\d{1,3}(?:[.,' ]\d{3})+(?!\d)|\d+"


def _not_after_l(words: str, rest: str) -> str:
    """Return the alternatives of an `alternation` of words, each followed by `rest` and not after "l'".

    The test of the "l'" comes after the first letter, so that the words still merge by it.
    """
    assert words.startswith("(?:") and words.endswith(")"), words[:20]
    return "|".join(a[0] + r"(?<!l'.)" + a[1:] + rest for a in split_alternatives(words[3:-1]))


# Matched on the folded text (see folding.py): lower case, no accents, plain spaces.
# One test of the character before for all four kinds, not one each, at every character; the
# digits open with a digit, so that a word skips them at its first letter ("(?P<digits>)" names
# the match at its end). The words of the three kinds are merged by first letter (`keyed`; `key_of`
# names the kind: digits, vague, fr or en), so that a word tries only the numbers that open like it.
_WORDS = keyed(
    {
        "vague": _not_after_l(VAGUE_ALTERNATION, r"(?![\w-])"),
        "fr": _not_after_l(_FR_WORD, _FR_MORE + r"(?![\w-])"),
        "en": _EN_NUMBER + r"(?![\w-])",
    }
)
_BODY = r"\d(?<![@#/.,']\d)(?:\d{0,2}(?:[.,' ]\d{3})+(?!\d)|\d*)(?![\w]|[.,]\d)(?P<digits>)|" + _WORDS
# Not inside a word nor after a hyphen that joins it to one ("F-16", "2014-2017"); after a dash, it is
# a number: "29 morts, —11 civils".
NUMBER_PATTERN = regexes.compile(rf"(?<!\w)(?<!\w-)(?:{_BODY})")
# Where a number may start, found by a scan that opens on the character before it: tried only at the
# characters that may stand before a number, not at every one as a look-behind is. A digit, or the words
# without their look-behinds ("l'un") and groups, which cost the scan at every word that opens like a
# number: it finds a few places more, and NUMBER_PATTERN reads the number at each place found, if any.
_NUMBER_SCAN = WordScan(
    r"(?<!\w-)(?:\d|" + re.sub(r"\(\?<!l'\.\)|\(\?P<\w+>\)", "", _WORDS) + ")", not_after=r"\w"
)


def search_number(text: str, position: int, end: int) -> re.Match | None:
    """Return NUMBER_PATTERN.search(text, position, end), found faster."""
    while (found := _NUMBER_SCAN.search(text, position, end)) is not None:
        m = NUMBER_PATTERN.match(text, found[0], end)
        if m:
            return m
        position = found[0] + 1  # "l'un", "2.5": no number here, the next word may hold one
    return None


class NumberReading(NamedTuple):
    """A number as written: its value, how it was written and the qualifier it implies.

    A named tuple: every number of every sentence makes one, at a third of a frozen dataclass's cost.
    """

    value: int
    kind: str  # digits | words | vague
    qualifier: str | None = None
    language: str | None = None


_NOT_DIGIT = regexes.compile(r"\D")


def read_number(match: re.Match) -> NumberReading | None:
    """Return the reading of a NUMBER_PATTERN match, or None when it is no number."""
    span = match.group()
    if match.lastgroup == "digits":  # most numbers: tested before `key_of` splits the other names
        return NumberReading(int(span if span.isdigit() else _NOT_DIGIT.sub("", span)), "digits")
    group = key_of(match)
    if group == "vague":
        row = vague_row(span)
        return NumberReading(row.value, "vague", row.qualifier, row.language) if row else None
    value = words_to_int(" ".join(span.split()), group)
    return NumberReading(value, "words", None, group) if value is not None else None


@lru_cache(maxsize=2048)
def words_to_int(words: str, language: str) -> int | None:
    """Return the value of a short run of number words ("trente-deux", "a hundred")."""
    if language == "en" and words.startswith("a "):
        words = "one " + words[2:]
    try:
        return int(text2num(words, language))
    except (ValueError, TypeError):
        return None


def read_number_as(match: re.Match, language: str) -> NumberReading | None:
    """Read number words in `language` ("six" matched as French is also English)."""
    if key_of(match) not in ("fr", "en"):
        return None
    value = words_to_int(" ".join(match.group().split()), language)
    return NumberReading(value, "words", None, language) if value is not None else None
