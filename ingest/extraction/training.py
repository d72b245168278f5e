"""Train the engine's rankers on annotated articles: `make train-extractor`.

    python -m ingest.extraction.training [--folds 5] [--check] [--hold-out GLOBS]

Reads every annotated article (../shared/news/fr and en, ../shared/seeds and the
development set in tests/ingest/extraction/gold), runs the engine to get each figure's
options (its candidate claimants, its three scopes), labels them with the annotation (the
scorer's own matching), fits one conditional logit per choice (softmax over each figure's
options, L2-penalised, plain gradient descent: deterministic, no dependency), prints the
scores cross-validated by article and writes data/claimant_ranker.json and
data/scope_ranker.json. --check writes nothing and fails if the committed weights differ
from a fresh training; --hold-out trains without some articles and scores them.
"""

import argparse
import importlib.util
import json
import math
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from .engine import figures, read_article
from .ranker import MODELS, Ranker, Rankers, weights_path

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
ATTRIBUTES = ("scope", "perpetrator")  # the attributes a model chooses, scored end to end


@dataclass
class Article:
    corpus: str
    name: str
    text: str
    meta: dict


@dataclass
class Group:
    """One figure's options, as feature dicts, with which of them the annotation names."""

    features: list[dict[str, float]]
    positive: list[bool]
    rule: int  # the option the rules alone pick


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
                name = f"{corpus}/{meta_path.stem}"
                found.append(Article(corpus, name, text_path.read_text("utf-8"), meta))
    return found


def read(article: Article, rankers: Rankers | None = None):
    meta = article.meta
    return read_article(
        article.text, published=meta.get("published"), language=meta.get("language", "auto"), rankers=rankers
    )


def groups(article: Article, score, rankers: Rankers) -> dict[str, list[Group]]:
    """Return, for each model, the labelled option groups of the figures the annotation lists."""
    found: dict[str, list[Group]] = {model: [] for model in MODELS}
    for draft in read(article, rankers)[1]:
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
        found["claimant"].append(_group(draft.candidates, positive))
        for model, options in (("scope", draft.scope_options), ("perpetrator", draft.perpetrator_options)):
            answers = {g[model] for g in golds if g.get(model)}
            if answers:
                found[model].append(_group(options, [o.value in answers for o in options]))
    return found


def _group(options, positive: list[bool]) -> Group:
    rule = next((k for k, o in enumerate(options) if o.features.get("rule")), len(options) - 1)
    return Group([o.features for o in options], positive, rule)


def fit(training: list[Group]) -> dict[str, float]:
    """Maximise the log-probability of the annotated options (softmax per figure), L2-penalised."""
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
    return dict(sorted(((n, round(w, 4)) for n, w in weights.items()), key=lambda item: -abs(item[1])))


RULES = {"rule": 1.0}  # a model not trained yet: the rules' own pick


def rankers_of(weights: dict[str, dict[str, float]]) -> Rankers:
    return Rankers(*(Ranker(weights.get(model, RULES)) for model in MODELS))


def fit_all(train: list[Article], score) -> dict[str, dict[str, float]]:
    """Fit the models in order, each on the articles read with the ones before it.

    A scope follows the claimant the engine picked, a perpetrator the scope: each model
    learns from what the models before it will give at run time, so training twice gives
    the same weights.
    """
    weights: dict[str, dict[str, float]] = {}
    for model in MODELS:
        rankers = rankers_of(weights)
        weights[model] = fit([g for a in train for g in groups(a, score, rankers)[model]])
    return weights


def right(test: list[Group], ranker: Ranker) -> tuple[int, int, int]:
    """Return how many figures the ranker and the rules alone get right, out of how many can be."""
    answerable = [g for g in test if any(g.positive)]
    ranked = ruled = 0
    for g in answerable:
        scores = [sum(ranker.weights.get(n, 0.0) * v for n, v in f.items()) for f in g.features]
        ranked += g.positive[scores.index(max(scores))]
        ruled += g.positive[g.rule]
    return ranked, ruled, len(answerable)


def end_to_end(test: list[Article], rankers: Rankers, score) -> dict[str, list[int]]:
    """Return strict (tp, fp, fn) and the hits of each attribute model of the held-out articles, by corpus."""
    counts = {corpus: [0, 0, 0, 0, 0, 0, 0] for corpus in CORPORA}
    for a in test:
        article, drafts = read(a, rankers)
        predicted = [f.as_dict() for f in figures(article, drafts)]
        pairs, missed, wrong = score.match(a.meta["figures"], predicted, strict=True)
        found = [len(pairs), len(wrong), len(missed)]
        for name in ATTRIBUTES:
            given = [(g, p) for g, p in pairs if g.get(name)]
            found += [sum(score.same_attr(name, g[name], p[name]) for g, p in given), len(given)]
        for k, n in enumerate(found):
            counts[a.corpus][k] += n
    return counts


def evaluate(train: list[Article], test: list[Article], score) -> dict:
    """Train on the `train` articles, score the `test` ones: choices right, and end to end."""
    rankers = rankers_of(fit_all(train, score))
    tested = [groups(a, score, rankers) for a in test]
    choices = {}
    for model in MODELS:
        choices[model] = list(right([g for found in tested for g in found[model]], getattr(rankers, model)))
    return {"choices": choices, "corpora": end_to_end(test, rankers, score)}


def summary(results: list[dict], score) -> dict:
    """Add the folds' counts up into accuracies and F1 scores."""
    report: dict = {}
    for model in MODELS:
        ranked, ruled, n = (sum(r["choices"][model][k] for r in results) for k in range(3))
        report[f"{model}_accuracy"] = round(ranked / n, 3) if n else None
        report[f"{model}_rules_accuracy"] = round(ruled / n, 3) if n else None
    for corpus in CORPORA:
        counts = [sum(r["corpora"][corpus][k] for r in results) for k in range(3 + 2 * len(ATTRIBUTES))]
        if sum(counts[:3]):
            report[corpus] = {"strict_f1": round(score.prf(*counts[:3])[2], 3)}
            for n, name in enumerate(ATTRIBUTES):
                hits, given = counts[3 + 2 * n : 5 + 2 * n]
                report[corpus][name] = round(hits / given, 3) if given else None
    return report


def folds(items: list[Article], k: int) -> list[list[Article]]:
    """Split by article, round robin in name order: deterministic."""
    buckets: list[list[Article]] = [[] for _ in range(k)]
    for n, article in enumerate(sorted(items, key=lambda a: a.name)):
        buckets[n % k].append(article)
    return buckets


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest.extraction.training", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds, by article (default 5)")
    parser.add_argument("--check", action="store_true", help="fail if the committed weights are not fresh")
    parser.add_argument(
        "--hold-out",
        metavar="GLOBS",
        help="train without the articles matching (news/*/2[1-9],news/*/30), score them",
    )
    args = parser.parse_args(argv)
    if not (SHARED / "eval" / "score.py").is_file():
        print(f"the annotated articles are not beside the repository ({SHARED})", file=sys.stderr)
        return 2
    score = scorer()
    items = articles()
    print(f"{len(items)} articles", file=sys.stderr)
    if args.hold_out:
        held = [a for a in items if any(fnmatch(a.name, p) for p in args.hold_out.split(","))]
        train = [a for a in items if a not in held]
        report = summary([evaluate(train, held, score)], score)
        print(f"held out {len(held)} articles: {json.dumps(report)}")
        return 0
    weights = fit_all(items, score)
    if args.check:
        stale = [m for m in MODELS if _committed(m).get("weights") != weights[m]]
        for model in stale:
            print(
                f"{weights_path(model)} is not what training gives: run make train-extractor", file=sys.stderr
            )
        return 1 if stale else 0
    results = []
    for held in folds(items, args.folds):
        train = [a for a in items if a not in held]
        results.append(evaluate(train, held, score))
    report = summary(results, score)
    print(f"cross-validated ({args.folds} folds by article): {json.dumps(report)}")
    for model in MODELS:
        data = {
            "model": f"conditional logit over each figure's {model} options",
            "trained_on": sorted(CORPORA),
            "articles": len(items),
            "cross_validated": report,
            "weights": weights[model],
        }
        path = weights_path(model)
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(REPOSITORY)}")
    return 0


def _committed(model: str) -> dict:
    path = weights_path(model)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


if __name__ == "__main__":
    sys.exit(main())
