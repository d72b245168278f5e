"""Choose among options (a figure's candidate claimants, its scopes) with weights learned from articles.

A linear model: each option's score is the sum of the weights of its features, the best
score wins, and the softmax of the scores gives the confidence, so that the review queue
puts the real doubts first. The weights are versioned data files written by
`make train-extractor` (`python -m ingest.extraction.training`); reading them needs
nothing but the standard library.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
MODELS = ("claimant", "scope", "perpetrator")
_ZEROS = repeat(0.0)  # the default of each weight looked up
_NONE: tuple[dict[str, float], float] = ({}, 0.0)  # the weights and bias of a value never seen in training


class Spelt(dict):
    """Feature names spelt once each, on first use: Spelt("back_role_")["selon"] is "back_role_selon".

    A name an f-string builds for each option is a new string, hashed anew where it is looked up.
    """

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def __missing__(self, tail) -> str:
        name = self[tail] = f"{self.prefix}{tail}"
        return name


def weights_path(model: str) -> Path:
    return DATA / f"{model}_ranker.json"


@dataclass(slots=True)
class Option:
    """One answer to a figure's question ("period" for its scope, "russia" for its perpetrator).

    Its features are its evidence joined to its value ("period|clause:since"), and "rule"
    if the rules pick it; they are spelt out only for training: scoring reads the evidence.
    """

    value: str
    evidence: tuple[str, ...]
    strength: int | None = None  # the rules' strength, where the rules pick this option

    @property
    def features(self) -> dict[str, float]:
        features = {f"{self.value}|{name}": 1.0 for name in (*self.evidence, "bias")}
        if self.strength is not None:
            features["rule"] = features[f"rule_{self.strength}"] = 1.0
        return features


def options(values, evidence: list[str], rule: str, strength: int) -> list[Option]:
    """Return one option per value, with the evidence, and the rules' pick marked."""
    evidence = tuple(evidence)
    return [Option(value, evidence, strength if value == rule else None) for value in values]


class Ranker:
    def __init__(self, weights: dict[str, float]):
        self.weights = weights
        self.rule_weights: dict[int, float] = {}  # by the rules' strength
        by_value: dict[str, dict[str, float]] = {}  # "period|clause:since" as period -> clause:since
        for name, weight in weights.items():
            value, joined, evidence = name.partition("|")
            if joined:
                by_value.setdefault(value, {})[evidence] = weight
        # each value's weights, and its bias taken out once
        self.by_value = {value: (w, w.get("bias", 0.0)) for value, w in by_value.items()}

    def scores(self, options: list) -> list[float]:
        """Score options of one kind, all in one call (a call per option costs more than its sum)."""
        if options and not isinstance(options[0], Option):
            get = self.weights.get  # a candidate's features are all 1.0: their weights add up
            return [sum(map(get, c.features, _ZEROS)) for c in options]
        by_value, scores = self.by_value, []
        for option in options:
            weights, bias = by_value.get(option.value, _NONE)
            total = bias + sum(map(weights.get, option.evidence, _ZEROS))
            if option.strength is not None:
                total += self._rule(option.strength)
            scores.append(total)
        return scores

    def score(self, option) -> float:
        return self.scores([option])[0]

    def _rule(self, strength: int) -> float:
        """The weight of the rules' pick at this strength, added up once (not per option)."""
        if strength not in self.rule_weights:
            weights = self.weights
            self.rule_weights[strength] = weights.get("rule", 0.0) + weights.get(f"rule_{strength}", 0.0)
        return self.rule_weights[strength]

    def best(self, options: list):
        """Return the best option (the first of equals), when its probability is not wanted."""
        scores = self.scores(options)
        return options[scores.index(max(scores))]

    def choose(self, options: list):
        """Return the best option and its probability among the others (softmax of the scores)."""
        scores = self.scores(options)
        top = max(scores)
        total = sum(map(math.exp, [s - top for s in scores]))
        return options[scores.index(top)], 1.0 / total


@dataclass(frozen=True)
class Rankers:
    """The engine's learned choices: who states a figure, its scope and who caused the harm."""

    claimant: Ranker
    scope: Ranker
    perpetrator: Ranker


@cache
def default_rankers() -> Rankers:
    """The trained rankers; where a weights file is missing, the rules' own pick (a fallback)."""
    return Rankers(*(Ranker(_weights(model)) for model in MODELS))


def _weights(model: str) -> dict[str, float]:
    path = weights_path(model)
    if not path.is_file():
        return {"rule": 1.0}
    return json.loads(path.read_text(encoding="utf-8"))["weights"]
