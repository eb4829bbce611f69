"""Fit the sentence-relevance model on the training split, choose and calibrate it on dev.

``medcite train relevance`` reproduces ``src/medcite/evidence/models/relevance.json`` from
``../shared/data``. Examples (``examples``) come from the training split of two
benchmarks (``medcite.evaluate.splits``): BioASQ 7B–10B questions with their gold
snippets, read from the BioASQ corpus, and SciFact's training claims with their rationale
sentences, read from the SciFact corpus. Two families are fitted on them — logistic
regression at several strengths and gradient-boosted trees at two sizes — and the one
with the best average precision on the dev split is kept (the smaller trees unless the
larger do clearly better: every tree costs time at question time). Its scores are then
calibrated on dev (Platt scaling), and the answer threshold is chosen on BioASQ's dev
questions: for each, the most relevant sentence it reads among its gold records should
clear it, and the most relevant sentence of the other records (what remains when the
gold is gone) should not. Nothing is chosen on a report split.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from medcite.engine import Engine, Progress
from medcite.errors import ConfigError
from medcite.evaluate.datasets.bioasq import read_bioasq
from medcite.evaluate.datasets.scifact import read_rationales, read_scifact
from medcite.evaluate.harness import FOLDERS, dataset_path
from medcite.evaluate.names import Dataset
from medcite.evaluate.splits import Split, bioasq_split, in_dev
from medcite.evaluate.vocabularies import data_root, ensure_vocabularies
from medcite.evaluate.workspace import open_corpus
from medcite.evidence import FEATURES, RelevanceModel, Tree
from medcite.settings import Settings
from medcite.train.examples import Example, LabelledQuestion, collect_examples

STRENGTHS = (0.01, 0.1, 1.0)
"""Inverse regularisation strengths tried for logistic regression (scikit-learn's ``C``)."""
TREE_SIZES = ((100, 15), (200, 31))
"""(trees, leaves per tree) tried for gradient boosting, smallest first."""
CLEARLY_BETTER = 0.01
"""Average precision a larger model must add on dev to be preferred to a smaller one."""
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 20))


@dataclass(frozen=True, slots=True)
class RelevanceTraining:
    """What training produced: the model, and the figures it was chosen by (dev split)."""

    model: RelevanceModel
    figures: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Sets:
    """The labelled examples of each split, with the BioASQ dev ones apart."""

    train: list[Example]
    dev: list[Example]
    bioasq_dev: list[Example]
    counts: dict[str, int]


def train_relevance(
    settings: Settings, data: Path | None = None, progress: Progress | None = None
) -> RelevanceTraining:
    """Collect the examples and fit, choose, calibrate and threshold the model."""
    libraries = _fitting_libraries()
    numpy, linear, metrics = libraries["numpy"], libraries["linear"], libraries["metrics"]
    sets = _examples(settings, data, progress)
    x_train, y_train = _arrays(numpy, sets.train)
    x_dev, y_dev = _arrays(numpy, sets.dev)
    means = x_train.mean(axis=0)
    scales = x_train.std(axis=0)
    scales[scales == 0] = 1.0
    z_train, z_dev = (x_train - means) / scales, (x_dev - means) / scales
    candidates = _fit_candidates(libraries, z_train, y_train, z_dev, y_dev)
    name = _choose(candidates)
    precision, fitted, dev_score = candidates[name]
    platt = linear.LogisticRegression(C=1e6, max_iter=1000).fit(dev_score[:, None], y_dev)
    calibration = (float(platt.coef_[0][0]), float(platt.intercept_[0]))
    probability = 1 / (1 + numpy.exp(-(calibration[0] * dev_score + calibration[1])))
    bioasq = len(sets.bioasq_dev)  # the dev examples begin with BioASQ's
    bioasq_examples = sets.dev[:bioasq]
    threshold, balance = _answer_threshold(bioasq_examples, probability[:bioasq])
    model = _model(fitted, means, scales, calibration, threshold)
    model = RelevanceModel.from_json(model.to_json() | {"version": _version(model)}, "fitted")
    exported = numpy.array([model.score(row) for row in x_dev[:500]])
    if not numpy.allclose(exported, dev_score[:500], atol=1e-6):
        raise ConfigError("the exported model does not reproduce scikit-learn's scores")
    figures = {
        **sets.counts,
        "dev_average_precision": {n: round(float(c[0]), 4) for n, c in candidates.items()},
        "chosen": name,
        "dev_auc": round(float(metrics.roc_auc_score(y_dev, dev_score)), 4),
        "dev_calibration_error": round(_calibration_error(numpy, probability, y_dev), 4),
        "answer_threshold": threshold,
        "bioasq_dev_answer_and_abstain": balance,
        "bioasq_dev_precision_coverage": _precision_coverage(bioasq_examples, probability[:bioasq]),
    }
    del precision
    return RelevanceTraining(model, figures)


def _examples(settings: Settings, data: Path | None, progress: Progress | None) -> _Sets:
    """The training and dev examples of BioASQ and SciFact, each read from its corpus."""
    bioasq_path = dataset_path(Dataset.BIOASQ, data)
    scifact_path = dataset_path(Dataset.SCIFACT, data)
    with Engine.open(settings) as engine:
        ensure_vocabularies(engine, data_root(bioasq_path, FOLDERS[Dataset.BIOASQ]))
    corpus, questions = read_bioasq(bioasq_path)
    split = {q.id: bioasq_split(q.id, q.edition) for q in questions}
    asked = {
        kind: [
            LabelledQuestion(q.id, q.body, q.documents, q.snippets)
            for q in questions
            if split[q.id] is kind
        ]
        for kind in (Split.TRAIN, Split.DEV)
    }
    with open_corpus(settings, corpus) as engine:
        bioasq_train = collect_examples(engine, asked[Split.TRAIN], progress)
        bioasq_dev = collect_examples(engine, asked[Split.DEV], progress)
    scifact_corpus, _ = read_scifact(scifact_path)
    claims = [
        LabelledQuestion(f"scifact:{claim}", text, cited, spans)
        for claim, text, cited, spans in read_rationales(scifact_path)
    ]
    claim_dev = [c for c in claims if in_dev(c.id)]
    claim_train = [c for c in claims if not in_dev(c.id)]
    with open_corpus(settings, scifact_corpus) as engine:
        scifact_train = collect_examples(engine, claim_train, progress)
        scifact_dev = collect_examples(engine, claim_dev, progress)
    counts = {
        "bioasq_train_questions": len(asked[Split.TRAIN]),
        "bioasq_dev_questions": len(asked[Split.DEV]),
        "scifact_train_claims": len(claim_train),
        "scifact_dev_claims": len(claim_dev),
        "train_sentences": len(bioasq_train) + len(scifact_train),
        "train_positives": sum(e.label for e in (*bioasq_train, *scifact_train)),
        "dev_sentences": len(bioasq_dev) + len(scifact_dev),
        "dev_positives": sum(e.label for e in (*bioasq_dev, *scifact_dev)),
    }
    return _Sets(bioasq_train + scifact_train, bioasq_dev + scifact_dev, bioasq_dev, counts)


def _fit_candidates(
    libraries: dict[str, Any], z_train: Any, y_train: Any, z_dev: Any, y_dev: Any
) -> dict[str, tuple[float, Any, Any]]:
    """Every model tried, by name: its dev average precision, itself, its dev scores."""
    linear, ensemble, metrics = libraries["linear"], libraries["ensemble"], libraries["metrics"]
    fitted: dict[str, tuple[float, Any, Any]] = {}
    for strength in STRENGTHS:
        classifier = linear.LogisticRegression(C=strength, max_iter=3000)
        classifier.fit(z_train, y_train)
        score = classifier.decision_function(z_dev)
        fitted[f"logistic C={strength}"] = (
            float(metrics.average_precision_score(y_dev, score)),
            classifier,
            score,
        )
    for trees, leaves in TREE_SIZES:
        boosted = ensemble.HistGradientBoostingClassifier(
            max_iter=trees, max_leaf_nodes=leaves, early_stopping=False, random_state=0
        )
        boosted.fit(z_train, y_train)
        score = boosted.decision_function(z_dev)
        fitted[f"trees {trees}x{leaves}"] = (
            float(metrics.average_precision_score(y_dev, score)),
            boosted,
            score,
        )
    return fitted


def _choose(candidates: dict[str, tuple[float, Any, Any]]) -> str:
    """The best model on dev; a later (larger) one only if it is clearly better."""
    names = list(candidates)
    best = names[0]
    for name in names[1:]:
        larger = name.startswith("trees") and best.startswith("trees")
        margin = CLEARLY_BETTER if larger else 0.0
        if candidates[name][0] > candidates[best][0] + margin:
            best = name
    return best


def _model(
    fitted: Any, means: Any, scales: Any, calibration: tuple[float, float], threshold: float
) -> RelevanceModel:
    """The fitted scikit-learn model in medcite's own JSON-able form."""
    if hasattr(fitted, "coef_"):
        weights = tuple(float(w) for w in fitted.coef_[0])
        intercept = float(fitted.intercept_[0])
        trees: tuple[Tree, ...] = ()
    else:
        # HistGradientBoostingClassifier keeps its trees in ``_predictors`` (one per
        # iteration for two classes) and the log-odds before any tree in
        # ``_baseline_prediction``; the caller checks the export against its scores.
        weights = (0.0,) * len(FEATURES)
        intercept = float(fitted._baseline_prediction.ravel()[0])
        trees = tuple(_tree(predictors[0].nodes) for predictors in fitted._predictors)
    return RelevanceModel(
        version="",
        features=FEATURES,
        means=tuple(float(m) for m in means),
        scales=tuple(float(s) for s in scales),
        weights=weights,
        intercept=intercept,
        calibration=calibration,
        answer_threshold=threshold,
        trees=trees,
    )


def _tree(nodes: Any) -> Tree:
    return Tree(
        feature=tuple(int(n["feature_idx"]) for n in nodes),
        threshold=tuple(float(n["num_threshold"]) for n in nodes),
        left=tuple(int(n["left"]) for n in nodes),
        right=tuple(int(n["right"]) for n in nodes),
        value=tuple(float(n["value"]) for n in nodes),
        leaf=tuple(bool(n["is_leaf"]) for n in nodes),
    )


def write_model(model: RelevanceModel, path: Path) -> None:
    """Write the model as JSON (stable key order and formatting: reproducible bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model.to_json(), indent=None) + "\n", encoding="utf-8")


def _version(model: RelevanceModel) -> str:
    """A name that changes whenever the fitted numbers do: relevance-<digest>."""
    body = json.dumps(model.to_json() | {"version": ""}, sort_keys=True).encode("utf-8")
    return f"relevance-{hashlib.sha256(body).hexdigest()[:12]}"


def _fitting_libraries() -> dict[str, Any]:
    try:
        import numpy
        from sklearn import ensemble, linear_model, metrics
    except ImportError as error:
        raise ConfigError(
            f"training needs the 'train' extra ({error.name} is missing): "
            "pip install 'medcite[train]'"
        ) from error
    return {"numpy": numpy, "linear": linear_model, "metrics": metrics, "ensemble": ensemble}


def _arrays(numpy: Any, examples: Sequence[Example]) -> tuple[Any, Any]:
    if not examples:
        raise ConfigError("no training examples: are the benchmark corpora empty?")
    features = numpy.array([e.features for e in examples], dtype=float)
    labels = numpy.array([e.label for e in examples], dtype=int)
    return features, labels


def _by_question(
    examples: Sequence[Example], probability: Any
) -> dict[str, list[tuple[float, Example]]]:
    grouped: dict[str, list[tuple[float, Example]]] = {}
    for value, example in zip(probability, examples, strict=True):
        grouped.setdefault(example.question, []).append((float(value), example))
    return grouped


def _answer_threshold(
    examples: Sequence[Example], probability: Any
) -> tuple[float, list[dict[str, float]]]:
    """The threshold that best answers where gold is read and abstains where it is not.

    For each question that reads a gold sentence, its best sentence should clear the
    threshold (answer); for every question, its best sentence outside the gold
    records — what it would read were the gold gone — should not (abstain). The threshold
    with the best balanced accuracy (the mean of the two rates) is kept, the lower one on
    a tie. Returns it and both rates at every threshold tried.
    """
    grouped = _by_question(examples, probability)
    present = [
        max(p for p, _ in found) for found in grouped.values() if any(e.label for _, e in found)
    ]
    removed = [
        max((p for p, e in found if not e.gold_record), default=0.0) for found in grouped.values()
    ]
    table = [
        {
            "threshold": threshold,
            "answer": round(sum(p >= threshold for p in present) / max(len(present), 1), 4),
            "abstain": round(sum(p < threshold for p in removed) / max(len(removed), 1), 4),
        }
        for threshold in THRESHOLDS
    ]
    best = max(table, key=lambda row: (row["answer"] + row["abstain"], -row["threshold"]))
    return best["threshold"], table


def _precision_coverage(examples: Sequence[Example], probability: Any) -> list[dict[str, float]]:
    """For each threshold: the share of questions answered, and of those whose best
    sentence is a gold one."""
    grouped = _by_question(examples, probability)
    best = [max(found, key=lambda pair: pair[0]) for found in grouped.values()]
    curve = []
    for threshold in THRESHOLDS:
        answered = [example for p, example in best if p >= threshold]
        precision = sum(e.label for e in answered) / len(answered) if answered else 1.0
        curve.append(
            {
                "threshold": threshold,
                "coverage": round(len(answered) / max(len(best), 1), 4),
                "precision": round(precision, 4),
            }
        )
    return curve


def _calibration_error(numpy: Any, probability: Any, labels: Any, bins: int = 10) -> float:
    """Expected calibration error: |mean probability - positive rate| over equal-width bins."""
    edges = numpy.linspace(0, 1, bins + 1)
    error = 0.0
    for low, high in pairwise(edges):
        inside = (probability >= low) & (probability < high if high < 1 else probability <= high)
        if inside.any():
            error += inside.mean() * abs(probability[inside].mean() - labels[inside].mean())
    return float(error)
