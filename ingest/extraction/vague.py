"""The one rule table for vague plurals and approximate nouns.

ACLED's convention: a vague plural stands for the smallest number it implies ("des
dizaines", "dozens" = at least 10 or 12); an approximate noun stands for its round
number ("une vingtaine" = about 20). The methodology page renders this table, so every
such reading the engine makes comes from here and nowhere else.
"""

from typing import NamedTuple

from .patterns import alternation


class VagueRow(NamedTuple):
    phrases: tuple[str, ...]
    language: str
    value: int
    qualifier: str


VAGUE_PLURALS: tuple[VagueRow, ...] = (
    # French vague plurals: the smallest number they imply
    VagueRow(("des dizaines", "plusieurs dizaines", "quelques dizaines"), "fr", 10, "at_least"),
    VagueRow(("des douzaines",), "fr", 12, "at_least"),
    VagueRow(("des centaines", "plusieurs centaines", "quelques centaines"), "fr", 100, "at_least"),
    VagueRow(("des milliers", "plusieurs milliers", "quelques milliers"), "fr", 1000, "at_least"),
    VagueRow(("des dizaines de milliers", "plusieurs dizaines de milliers"), "fr", 10000, "at_least"),
    VagueRow(("des centaines de milliers",), "fr", 100000, "at_least"),
    # French approximate nouns: their round number
    VagueRow(("une dizaine",), "fr", 10, "approx"),
    VagueRow(("une douzaine",), "fr", 12, "approx"),
    VagueRow(("une quinzaine",), "fr", 15, "approx"),
    VagueRow(("une vingtaine",), "fr", 20, "approx"),
    VagueRow(("une trentaine",), "fr", 30, "approx"),
    VagueRow(("une quarantaine",), "fr", 40, "approx"),
    VagueRow(("une cinquantaine",), "fr", 50, "approx"),
    VagueRow(("une soixantaine",), "fr", 60, "approx"),
    VagueRow(("une centaine",), "fr", 100, "approx"),
    VagueRow(("deux centaines",), "fr", 200, "approx"),
    VagueRow(("un millier",), "fr", 1000, "approx"),
    VagueRow(("deux milliers",), "fr", 2000, "approx"),
    # English vague plurals
    VagueRow(("tens",), "en", 10, "at_least"),
    VagueRow(("dozens", "several dozen", "a few dozen"), "en", 12, "at_least"),
    VagueRow(("scores",), "en", 20, "at_least"),
    VagueRow(("hundreds", "several hundred", "a few hundred"), "en", 100, "at_least"),
    VagueRow(("thousands", "several thousand", "a few thousand"), "en", 1000, "at_least"),
    VagueRow(("tens of thousands",), "en", 10000, "at_least"),
    VagueRow(("hundreds of thousands",), "en", 100000, "at_least"),
    # English approximate nouns
    VagueRow(("a dozen", "about a dozen", "around a dozen"), "en", 12, "approx"),
    VagueRow(("a score",), "en", 20, "approx"),
    VagueRow(("two dozen", "a couple of dozen", "a couple dozen"), "en", 24, "approx"),
    VagueRow(("three dozen",), "en", 36, "approx"),
)

_BY_PHRASE = {phrase: row for row in VAGUE_PLURALS for phrase in row.phrases}

# A prefix tree: "des dizaines de milliers" wins over "des dizaines".
VAGUE_ALTERNATION = alternation(_BY_PHRASE)


def vague_row(phrase: str) -> VagueRow | None:
    """Return the table row for a folded phrase such as "des  dizaines"."""
    return _BY_PHRASE.get(" ".join(phrase.split()))
