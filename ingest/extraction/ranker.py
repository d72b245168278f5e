"""Choose a figure's claimant among its candidates with weights learned from annotated articles.

A linear model: each candidate's score is the sum of the weights of its features, the
best score wins, and the softmax of the scores gives the confidence, so that the review
queue puts the real doubts first. The weights are a versioned data file written by
`make train-extractor` (`python -m ingest.extraction.training`); reading them needs
nothing but the standard library.
"""

import json
import math
from functools import cache
from pathlib import Path

from .claimants import Candidate

WEIGHTS = Path(__file__).resolve().parent / "data" / "claimant_ranker.json"


class Ranker:
    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    def score(self, candidate: Candidate) -> float:
        weights = self.weights
        return sum(weights.get(name, 0.0) * value for name, value in candidate.features.items())

    def choose(self, candidates: list[Candidate]) -> tuple[Candidate, float]:
        """Return the best candidate and its probability among the others (softmax of the scores)."""
        scores = [self.score(c) for c in candidates]
        top = max(scores)
        total = sum(math.exp(s - top) for s in scores)
        best = scores.index(top)
        return candidates[best], 1.0 / total


@cache
def default_ranker() -> Ranker:
    """The trained ranker; with no weights file, the rules' own pick (a clear fallback, not an error)."""
    if not WEIGHTS.is_file():
        return Ranker({"rule": 1.0})
    return Ranker(json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"])
