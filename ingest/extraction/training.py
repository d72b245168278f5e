"""Train the claimant ranker on annotated articles: `make train-extractor`.

    python -m ingest.extraction.training [--folds 5] [--check]

Reads every annotated article (../shared/news/fr and en, ../shared/seeds and the
development set in tests/ingest/extraction/gold), runs the engine to get each figure's
candidate claimants, labels the candidates with the annotation (the scorer's own claimant
matching), fits a conditional logit (softmax over each figure's candidates, L2-penalised,
plain gradient descent: deterministic, no dependency), prints cross-validated scores by
article and writes the weights to data/claimant_ranker.json. With --check it writes
nothing and fails if the committed weights differ from a fresh training.
"""

import argparse
import importlib.util
import json
import math
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from .engine import _figure, _merge, read_article
from .ranker import WEIGHTS, Ranker

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED = REPOSITORY.parent / "shared"
CORPORA = {
    "news/fr": SHARED / "news" / "fr",
    "news/en": SHARED / "news" / "en",
    "seeds": SHARED / "seeds",
    "dev": REPOSITORY / "tests" / "ingest" / "extraction" / "gold",
}
L2 = 0.02
EPOCHS = 400
RATE = 0.5


@dataclass
class Article:
    corpus: str
    name: str
    text: str
    meta: dict


@dataclass
class Group:
    """One figure's candidates, as feature dicts, with which of them the annotation names."""

    article: str
    features: list[dict[str, float]]
    positive: list[bool]
    rule: int  # the index of the candidate the rules pick


def scorer():
    """The scoring contract's matching (../shared/eval/score.py), so labels mean what the score means."""
    path = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles() -> list[Article]:
    found = []
    for corpus, folder in CORPORA.items():
        for meta_path in sorted(folder.glob("*.json")):
            text_path = meta_path.with_suffix(".txt")
            if text_path.is_file():
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                found.append(
                    Article(corpus, f"{corpus}/{meta_path.stem}", text_path.read_text("utf-8"), meta)
                )
    return found


def groups(article: Article, score) -> list[Group]:
    """Return the labelled candidate groups of an article's figures that the annotation lists."""
    _, drafts = read_article(
        article.text, published=article.meta.get("published"), language=article.meta.get("language", "auto")
    )
    found = []
    for draft in drafts:
        r = draft.reading
        predicted = {"value": r.value, "value_max": r.value_max, "casualty": r.casualty}
        golds = [
            g
            for g in article.meta["figures"]
            if g.get("value") is not None and score.key(g) == score.key(predicted)
        ]
        if not golds:
            continue
        names = [c.claimant.name if c.claimant else "unattributed" for c in draft.candidates]
        positive = [any(score.same_claimant(g.get("claimant"), n) for g in golds) for n in names]
        rule = next((k for k, c in enumerate(draft.candidates) if c.features.get("rule")), len(names) - 1)
        found.append(Group(article.name, [c.features for c in draft.candidates], positive, rule))
    return found


def fit(training: list[Group]) -> dict[str, float]:
    """Maximise the log-probability of the annotated candidates (softmax per figure), L2-penalised."""
    usable = [g for g in training if any(g.positive) and not all(g.positive)]
    names = sorted({name for g in usable for f in g.features for name in f})
    weights = dict.fromkeys(names, 0.0)
    if not usable:
        return weights
    for _ in range(EPOCHS):
        gradient = {name: -L2 * w for name, w in weights.items()}
        for g in usable:
            scores = [sum(weights[n] * v for n, v in f.items()) for f in g.features]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total, good = sum(exp), sum(e for e, p in zip(exp, g.positive, strict=True) if p)
            for f, e, p in zip(g.features, exp, g.positive, strict=True):
                # d log(sum_pos exp / sum_all exp) / d score_k = [p] e/good - e/total
                delta = (e / good if p else 0.0) - e / total
                for n, v in f.items():
                    gradient[n] += delta * v
        for name in weights:
            weights[name] += RATE * gradient[name] / len(usable)
    return {name: round(w, 4) for name, w in weights.items()}


def accuracy(test: list[Group], ranker: Ranker) -> tuple[float, float, int]:
    """Return the share of figures whose claimant the ranker and the rules get right, and how many."""
    from .claimants import Candidate

    answerable = [g for g in test if any(g.positive)]
    ranked = ruled = 0
    for g in answerable:
        scores = [ranker.score(Candidate(None, None, f)) for f in g.features]
        ranked += g.positive[scores.index(max(scores))]
        ruled += g.positive[g.rule]
    n = len(answerable)
    return (ranked / n if n else 0.0), (ruled / n if n else 0.0), n


def strict_f1(test_articles: list[Article], ranker: Ranker, score) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for a in test_articles:
        article, drafts = read_article(
            a.text, published=a.meta.get("published"), language=a.meta.get("language", "auto"), ranker=ranker
        )
        predicted = [_figure(d, article.text, article.sentences).as_dict() for d in _merge(drafts)]
        pairs, missed, wrong = score.match(a.meta["figures"], predicted, strict=True)
        tp, fp, fn = tp + len(pairs), fp + len(wrong), fn + len(missed)
    return tp, fp, fn


def folds(items: list[Article], k: int) -> list[list[Article]]:
    """Split by article, round robin in name order within each corpus: deterministic."""
    buckets: list[list[Article]] = [[] for _ in range(k)]
    for n, article in enumerate(sorted(items, key=lambda a: a.name)):
        buckets[n % k].append(article)
    return buckets


def cross_validate(items: list[Article], by_article: dict[str, list[Group]], k: int, score) -> dict:
    """Train on k-1 folds of articles, test on the last; return held-out scores summed over the folds."""
    totals = {corpus: [0, 0, 0] for corpus in CORPORA}
    right = {"ranker": 0, "rules": 0, "n": 0}
    for held in folds(items, k):
        held_names = {a.name for a in held}
        training = [g for a in items if a.name not in held_names for g in by_article[a.name]]
        ranker = Ranker(fit(training))
        test = [g for a in held for g in by_article[a.name]]
        ranked, ruled, n = accuracy(test, ranker)
        right["ranker"] += round(ranked * n)
        right["rules"] += round(ruled * n)
        right["n"] += n
        for corpus in CORPORA:
            counts = strict_f1([a for a in held if a.corpus == corpus], ranker, score)
            totals[corpus] = [t + c for t, c in zip(totals[corpus], counts, strict=True)]
    return {
        "claimant_accuracy": round(right["ranker"] / right["n"], 3),
        "rules_claimant_accuracy": round(right["rules"] / right["n"], 3),
        "figures": right["n"],
        "strict_f1": {corpus: round(score.prf(*counts)[2], 3) for corpus, counts in totals.items()},
    }


def hold_out(items: list[Article], by_article: dict[str, list[Group]], pattern: str, score) -> int:
    """Train on the articles that do not match `pattern`, print the scores of those that do."""
    held = [a for a in items if any(fnmatch(a.name, p) for p in pattern.split(","))]
    if not held:
        print(f"no article matches {pattern!r}", file=sys.stderr)
        return 2
    ranker = Ranker(fit([g for a in items if a not in held for g in by_article[a.name]]))
    ranked, ruled, n = accuracy([g for a in held for g in by_article[a.name]], ranker)
    print(f"held out {len(held)} articles ({pattern}): claimant accuracy {ranked:.3f}", end=" ")
    print(f"(rules {ruled:.3f}, {n} figures)")
    for corpus in CORPORA:
        counts = strict_f1([a for a in held if a.corpus == corpus], ranker, score)
        if sum(counts):
            tp, fp, fn = counts
            print(f"  {corpus}: strict F1 {score.prf(tp, fp, fn)[2]:.3f} (tp {tp} fp {fp} fn {fn})")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest.extraction.training", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds, by article (default 5)")
    parser.add_argument("--check", action="store_true", help="fail if the committed weights are not fresh")
    parser.add_argument(
        "--hold-out",
        metavar="GLOB",
        help="train without the articles matching these globs (news/*/2[1-9],news/*/30), score them only",
    )
    args = parser.parse_args(argv)
    if not (SHARED / "eval" / "score.py").is_file():
        print(f"the annotated articles are not beside the repository ({SHARED})", file=sys.stderr)
        return 2
    score = scorer()
    items = articles()
    by_article = {a.name: groups(a, score) for a in items}
    if args.hold_out:
        return hold_out(items, by_article, args.hold_out, score)
    every = [g for a in items for g in by_article[a.name]]
    print(f"{len(items)} articles, {len(every)} annotated figures read", file=sys.stderr)
    weights = dict(sorted(fit(every).items(), key=lambda item: -abs(item[1])))
    if args.check:
        committed = json.loads(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.is_file() else {}
        if committed.get("weights") != weights:
            print(f"{WEIGHTS} is not what training gives: run make train-extractor", file=sys.stderr)
            return 1
        return 0
    report = cross_validate(items, by_article, args.folds, score)
    print(f"cross-validated ({args.folds} folds by article): {json.dumps(report)}")
    model = {
        "model": "conditional logit over each figure's candidate claimants",
        "trained_on": sorted(CORPORA),
        "articles": len(items),
        "cross_validated": report,
        "weights": weights,
    }
    WEIGHTS.parent.mkdir(exist_ok=True)
    WEIGHTS.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(REPOSITORY)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
