"""The rankers' training: a conditional logit that learns the same weights each time, and fresh ones."""

import pytest

from ingest.extraction import training
from ingest.extraction.claimants import Candidate
from ingest.extraction.ranker import Option, Ranker, options


def test_fit_learns_which_feature_marks_the_annotated_option():
    groups = [
        training.Group([{"near": 1.0}, {"far": 1.0}, {"unattributed": 1.0}], [True, False, False], 2),
        training.Group([{"far": 1.0}, {"near": 1.0}], [False, True], 0),
        training.Group([{"unattributed": 1.0}, {"near": 1.0, "far": 1.0}], [True, False], 0),
    ]
    weights = training.fit(groups)
    assert weights["near"] > 0 > weights["far"]
    assert training.fit(groups) == weights  # no randomness: the same weights each time
    ranker = Ranker(weights)
    far, near = Candidate(None, None, {"far": 1.0}), Candidate(None, None, {"near": 1.0})
    best, probability = ranker.choose([far, near])
    assert best is near and probability > 0.5


def test_options_join_the_evidence_to_each_value_and_mark_the_rules_pick():
    found = options(("cumulative", "period"), ["clause:since"], "period", 2)
    assert [o.value for o in found] == ["cumulative", "period"]
    assert found[0].features == {"cumulative|clause:since": 1.0, "cumulative|bias": 1.0}
    assert found[1].features["rule"] == found[1].features["rule_2"] == 1.0
    weights = {"period|clause:since": 0.5, "cumulative|bias": 0.25, "rule": 1.0, "rule_2": 0.5}
    ranker = Ranker(weights)  # scoring from the evidence gives what the spelt-out features give
    for option in found:
        assert ranker.score(option) == sum(weights.get(n, 0.0) * v for n, v in option.features.items())
    assert isinstance(found[0], Option)


@pytest.mark.slow
def test_the_committed_weights_are_what_training_gives():
    if not (training.SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"the annotated articles are not beside the repository ({training.SHARED})")
    assert training.main(["--check"]) == 0
