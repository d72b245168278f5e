"""The hand-annotated seed articles beside the repository: strict F1 of at least 0.95.

The articles are read from ../shared/seeds (never copied into the repository) and scored
with the functions of ../shared/eval/score.py, so both use the same matching.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from ingest.extraction import extract

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT.parent / "shared" / "seeds"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def score():
    if not SCORER.is_file() or not SEEDS.is_dir():
        pytest.skip(f"seeds or scorer not found beside the repository ({SEEDS}, {SCORER})")
    spec = importlib.util.spec_from_file_location("seed_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_finds_the_seed_figures_with_a_strict_f1_of_at_least_095(score):
    tp = fp = fn = 0
    attributes = {name: [0, 0] for name in score.ATTRIBUTES}
    for meta_path in sorted(SEEDS.glob("*.json")):
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
    _, _, f1 = score.prf(tp, fp, fn)
    assert f1 >= 0.95, (tp, fp, fn)
    for name, (hits, total) in attributes.items():
        assert not total or hits / total >= 0.9, (name, hits, total)
