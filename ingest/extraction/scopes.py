"""A figure's scope (cumulative, period or incident), chosen by a model over the rules' reading.

The rules of `cues.py` find scope cues ("depuis 2014", "in one strike", "en 2017") and the
engine's rule picks one. Real news mixes them ("the toll of Thursday's strike brought to 167
the civilians killed since 2014"), so each scope is also an option described by the cues
and the words of the figure's clause, its sentence and the sentence before, each joined to
that scope; the ranker weighs them with weights learned from the annotated articles, as it
weighs claimants. The words are data (data/scope_words.json).
"""

import json
from bisect import bisect_left, bisect_right
from functools import cache
from pathlib import Path

from .patterns import WordScan, key_of, keyed
from .ranker import Option, Spelt, options

SCOPES = ("cumulative", "period", "incident")
_CLAUSE, _SENTENCE, _CUE, _BEFORE = Spelt("clause:"), Spelt("sentence:"), Spelt("cue:"), Spelt("before:")
_STRENGTH, _DIGITS = Spelt("rule_strength_"), Spelt("digits_")


@cache
def _words() -> WordScan:
    """All the scope words in one factored pattern (`key_of` names the one found), longer phrases first.

    Each word starts a word ("\\b..."): the WordScan tests the word start once, before the alternation.
    """
    data = json.loads((Path(__file__).resolve().parent / "data" / "scope_words.json").read_text("utf-8"))
    words = {name: pattern.removeprefix(r"\b") for name, pattern in data.items() if name[0] != "_"}
    return WordScan(keyed(words))


def scope_words(folded: str, start: int, end: int) -> list[tuple[str, list[int]]]:
    """Return each scope word of folded[start:end] with where it stands, in one scan: once per sentence."""
    found: dict[str, list[int]] = {}
    for position, _, m in _words().finditer(folded, start, end):
        found.setdefault(key_of(m), []).append(position)
    return list(found.items())


def scope_options(reading, fact, context, rule: str, strength: int) -> list[Option]:
    """Return one option per scope, each with the evidence around the figure joined to it."""
    breaks = fact.breaks
    here = bisect_right(breaks, reading.start)
    clause_start = breaks[here - 1] if here > 0 else fact.start
    clause_end = breaks[here] if here < len(breaks) else fact.end
    # a thousand deaths are seldom one strike's: the number's size is evidence too
    evidence = [_STRENGTH[strength], _DIGITS[min(len(str(reading.value)), 5)]]
    for name, positions in fact.scope_words:  # positions in order: one in the clause lies between its ends
        inside = bisect_left(positions, clause_start) < bisect_left(positions, clause_end)
        evidence.append(_CLAUSE[name] if inside else _SENTENCE[name])
    for cue, _, _ in fact.scope_cues:
        evidence.append(_CUE[cue])
    if context:
        for cue, _, _ in context[0].scope_cues:
            evidence.append(_BEFORE[cue])
    if reading.is_more:
        evidence.append("another")
    if reading.is_subcount:
        evidence.append("part")
    return options(SCOPES, evidence, rule, strength)
