"""The development set in gold/: sixty articles annotated by hand, independently of the engine.

Scored with the matching of ../shared/eval/score.py, as the seeds are; the floors sit a little
below what the engine reaches, so that a regression fails.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from ingest.extraction import extract

GOLD = Path(__file__).resolve().parent / "gold"
SCORER = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "score.py"
STRICT_F1_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.85


@pytest.fixture(scope="module")
def score():
    if not SCORER.is_file():
        pytest.skip(f"scorer not found beside the repository ({SCORER})")
    spec = importlib.util.spec_from_file_location("gold_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(score):
    """Return (tp, fp, fn) and {attribute: [hits, total]} over the whole development set."""
    tp = fp = fn = 0
    attributes = {name: [0, 0] for name in score.ATTRIBUTES}
    for meta_path in sorted(GOLD.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        text = meta_path.with_suffix(".txt").read_text(encoding="utf-8")
        predicted = [
            f.as_dict()
            for f in extract(text, published=meta.get("published"), language=meta.get("language", "auto"))
        ]
        pairs, missed, wrong = score.match(meta["figures"], predicted, strict=True)
        tp, fp, fn = tp + len(pairs), fp + len(wrong), fn + len(missed)
        for gold, pred in pairs:
            for name in score.ATTRIBUTES:
                if gold.get(name) is not None:
                    attributes[name][1] += 1
                    attributes[name][0] += score.same_attr(name, gold[name], pred.get(name))
    return (tp, fp, fn), attributes


def test_the_development_set_is_all_there():
    assert len(list(GOLD.glob("*.json"))) == len(list(GOLD.glob("*.txt"))) == 60


def test_it_finds_the_development_figures_with_their_claimants(score, results):
    (tp, fp, fn), _ = results
    _, _, f1 = score.prf(tp, fp, fn)
    assert f1 >= STRICT_F1_FLOOR, (tp, fp, fn)


def test_it_reads_scope_place_perpetrator_and_date_of_most_development_figures(results):
    _, attributes = results
    for name, (hits, total) in attributes.items():
        assert not total or hits / total >= ATTRIBUTE_FLOOR, (name, hits, total)
