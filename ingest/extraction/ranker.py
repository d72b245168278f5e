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
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
MODELS = ("claimant", "scope", "perpetrator")


def weights_path(model: str) -> Path:
    return DATA / f"{model}_ranker.json"


@dataclass
class Option:
    """One answer to a figure's question ("period" for its scope, "russia" for its perpetrator)."""

    value: str
    features: dict[str, float]


def options(values, evidence: list[str], rule: str, strength: int) -> list[Option]:
    """Return one option per value, the evidence joined to each, and the rules' pick marked."""
    found = []
    for value in values:
        features = {f"{value}|{name}": 1.0 for name in evidence}
        features[f"{value}|bias"] = 1.0
        if value == rule:
            features["rule"] = 1.0
            features[f"rule_{strength}"] = 1.0
        found.append(Option(value, features))
    return found


class Ranker:
    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    def score(self, option) -> float:
        weights = self.weights
        return sum(weights.get(name, 0.0) * value for name, value in option.features.items())

    def choose(self, options: list):
        """Return the best option and its probability among the others (softmax of the scores)."""
        scores = [self.score(o) for o in options]
        top = max(scores)
        total = sum(math.exp(s - top) for s in scores)
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
