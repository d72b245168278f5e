"""Who caused the harm a figure counts, chosen by a model over the rules' reading.

The rules of `cues.py` find harms with a named actor ("frappes russes", "killed by IS"),
and the engine's rule takes the nearest, else the claimant's own side, the claim of
responsibility, the sentences before. Each perpetrator is also an option described by the
actors harming in the figure's clause, its sentence and the sentence before, the actors
merely named, the claimant's side, the place, air strikes, a war's toll and the scope,
each joined to that option; the ranker weighs them, as it weighs claimants.
"""

from bisect import bisect_right

from . import cues, regexes
from .patterns import word_start
from .ranker import Option, Spelt, options

PERPETRATORS = ("coalition", "russia", "syria_gov", "isis", "other", "unknown")
_STRENGTH, _SCOPE, _GEO, _DIGITS = Spelt("rule_strength_"), Spelt("scope:"), Spelt("geo:"), Spelt("digits_")
_NAMED, _HARM_BEFORE, _SIDE = Spelt("named:"), Spelt("harm_before:"), Spelt("claimant_side:")
_PREVIOUS, _COMPARED = Spelt("previous:"), Spelt("compared_with:")
_AIR = regexes.compile(
    word_start(
        r"\b(?:air\s*strikes?|air\s+raids?|drones?|frappes?|raids?\s+aeriens?|bombardements?\s+aeriens?)"
    )
)

# An attack on the ground ("attentat-suicide", "car bomb"): whose it is depends on the war, and on claims.
BOMBING = regexes.compile(
    r"\b(?:attentats?(?:-suicides?)?|suicide\s+(?:bombings?|attacks?|bombers?)|car\s+bombs?|truck\s+bombs?"
    r"|bombings?|kamikazes?|voitures?\s+piegees?|engins?\s+explosifs?)\b"
)


def perpetrator_options(
    draft, fact, context, own_side: str | None, named: list[str], previous: str | None, compared: bool
) -> list[Option]:
    """Return one option per perpetrator, each with the evidence around the figure joined to it.

    `previous` is the perpetrator of the figure just before, if near; `compared` tells that the
    sentence puts a toll higher or lower than another ("un bilan plus lourd").
    """
    reading = draft.reading
    evidence = [_STRENGTH[draft.strength["perpetrator"]], _SCOPE[draft.scope], _GEO[draft.geography]]
    harms = fact.perpetrators
    if harms:
        nearest = min(harms, key=lambda h: min(abs(h[0] - reading.start), abs(h[1] - reading.start)))
        evidence.append(f"harm_nearest:{nearest[2]}")
        here = bisect_right(fact.breaks, reading.start)  # the clauses, read only where a harm is named
        for start, _, actor in harms:
            where = "clause" if bisect_right(fact.breaks, start) == here else "sentence"
            evidence.append(f"harm_{where}:{actor}")
            evidence.append(f"harm_{'before' if start < reading.start else 'after'}:{actor}")
    for actor in named:
        evidence.append(_NAMED[actor])
    if context:
        for _, _, actor in context[0].perpetrators:
            evidence.append(_HARM_BEFORE[actor])
    if own_side:
        evidence.append(_SIDE[own_side])
    air, bombing, war = harm_kinds(fact)
    if air:
        evidence.append("air")
    if bombing:
        evidence.append("bombing")
    if war:
        evidence.append("war")
    evidence.append(_DIGITS[min(len(str(reading.value)), 5)])
    if previous:
        evidence.append(_PREVIOUS[previous])
        if compared:
            evidence.append(_COMPARED[previous])

    return options(PERPETRATORS, sorted(set(evidence)), draft.perpetrator, draft.strength["perpetrator"])


def harm_kinds(fact) -> tuple[bool, bool, bool]:
    """Tell whether a sentence speaks of strikes from the air, of bombings on the ground and of a
    whole war: once per sentence."""
    if "harm" not in fact.memo:
        folded, start, end = fact.article.folded, fact.start, fact.end
        fact.memo["harm"] = (
            bool(_AIR.search(folded, start, end)),
            bool(BOMBING.search(folded, start, end)),
            cues.whole_war(folded, start, end),
        )
    return fact.memo["harm"]
