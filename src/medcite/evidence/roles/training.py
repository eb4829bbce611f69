"""Train the role model on structured abstracts, choose on dev, report on test.

The labelled data is what authors and NLM already did: every sentence of a structured
abstract carries its section's move (PubMed 200k RCT, Dernoncourt & Lee 2017, is built
the same way). An abstract is used when every sentence is placed by a label or an
administrative pattern and it has at least two moves; the model sees its rhetorical
sentences without their labels, as it will see an unlabelled abstract.

The split is by record, fixed by a hash of the record id (``split_of``) so that it does
not depend on the order or the set of files read: 80% train, 10% dev (where every
setting was chosen), 10% test (reported, never chosen on). Fitting uses scikit-learn's
multinomial logistic regression (L-BFGS, deterministic: the same data gives the same
weights); weights whose largest magnitude is under ``prune`` are dropped, which keeps
the shipped file small at no cost on dev. Figures are measured with the shipped
inference code on the stored (rounded) weights.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from medcite.errors import ExtraMissingError
from medcite.evidence.roles.assign import decided_roles
from medcite.evidence.roles.model import (
    MODEL_FORMAT,
    WEIGHT_SCALE,
    FeatureSet,
    RoleModel,
    abstract_features,
    model_from_json,
)
from medcite.records import RHETORICAL_ROLES, Record, Sentence, SentenceRole


class Split(StrEnum):
    """Which part of the labelled data a record belongs to."""

    TRAIN = "train"
    DEV = "dev"
    TEST = "test"


SPLIT_RULE = "sha256(PMID, else record id) mod 10: 0-7 train, 8 dev, 9 test"
"""The split, written down once; it is recorded in the model file too."""


def split_of(key: str) -> Split:
    """The split of a record by its PMID, or its id when it has none (see ``SPLIT_RULE``)."""
    bucket = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10
    return Split.TEST if bucket == 9 else Split.DEV if bucket == 8 else Split.TRAIN


@dataclass(frozen=True, slots=True)
class LabelledAbstract:
    """An abstract whose every sentence has a known role, as the model will see it.

    ``split_key`` (the PMID, else the record id) decides its split; ``sentences`` are
    the rhetorical ones, ``(index, text, role)`` in reading order; ``count`` counts
    every sentence, administrative ones included.
    """

    split_key: str
    count: int
    sentences: tuple[tuple[int, str, SentenceRole], ...]


@dataclass(frozen=True, slots=True)
class RoleTraining:
    """The settings of training, chosen on dev (see docs/roles.md for the comparison)."""

    feature_set: FeatureSet = FeatureSet.WORDS_AND_NEIGHBOURS
    regularization: float = 0.03
    """scikit-learn's C: the inverse strength of the L2 penalty."""
    min_count: int = 2
    """Features seen in fewer training sentences are left out."""
    prune: float = 0.02
    """Weights rows whose largest magnitude is below this are dropped."""


@dataclass(frozen=True, slots=True)
class RoleFigures:
    """How well a model places the rhetorical sentences of some abstracts."""

    sentences: int
    accuracy: float
    precision: dict[str, float]
    recall: dict[str, float]


def labelled_abstract(record: Record, sentences: Sequence[Sentence]) -> LabelledAbstract | None:
    """The record as training data; None when a sentence has no label or it has one move."""
    decided = decided_roles(record, sentences)
    if any(estimate is None for estimate in decided):
        return None
    kept = tuple(
        (k, sentence.text, estimate.role)
        for k, (sentence, estimate) in enumerate(zip(sentences, decided, strict=True))
        if estimate is not None and estimate.role.rhetorical
    )
    if len({role for _, _, role in kept}) < 2:
        return None
    return LabelledAbstract(record.pmid or record.id, len(sentences), kept)


def fit_role_model(
    abstracts: Sequence[LabelledAbstract], training: RoleTraining, about: dict[str, Any]
) -> dict[str, Any]:
    """The model file's document, fitted on ``abstracts`` (numpy and scikit-learn needed)."""
    try:  # scikit-learn by name: it ships no type stubs
        import numpy as np

        feature_extraction = importlib.import_module("sklearn.feature_extraction")
        linear_model = importlib.import_module("sklearn.linear_model")
    except ImportError as exc:
        raise ExtraMissingError(
            "training needs the 'train' extra: pip install 'medcite[train]'"
        ) from exc
    rows: list[list[str]] = []
    targets: list[str] = []
    for abstract in abstracts:
        seen = [(index, text) for index, text, _ in abstract.sentences]
        rows += abstract_features(seen, abstract.count, training.feature_set)
        targets += [role.value for _, _, role in abstract.sentences]
    counts: dict[str, int] = {}
    for row in rows:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    kept = {feature for feature, n in counts.items() if n >= training.min_count}
    vectorizer = feature_extraction.DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in row if f in kept} for row in rows])
    fitted = linear_model.LogisticRegression(C=training.regularization, max_iter=5000)
    fitted.fit(matrix, targets)
    names = vectorizer.get_feature_names_out()
    scaled = np.rint(fitted.coef_ * WEIGHT_SCALE).astype(int)
    keep_columns = np.abs(fitted.coef_).max(axis=0) >= training.prune
    weights = {str(names[j]): [int(v) for v in scaled[:, j]] for j in np.flatnonzero(keep_columns)}
    document: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "roles": [str(role) for role in fitted.classes_],
        "feature_set": training.feature_set.value,
        "scale": WEIGHT_SCALE,
        "bias": [int(v) for v in np.rint(fitted.intercept_ * WEIGHT_SCALE)],
        "weights": weights,
        "training": {**about, "settings": _settings(training), "split": SPLIT_RULE},
    }
    digest = hashlib.sha256(_canonical({k: document[k] for k in ("roles", "bias", "weights")}))
    document["version"] = f"roles-lr-{digest.hexdigest()[:12]}"
    return document


def evaluate_role_model(model: RoleModel, abstracts: Sequence[LabelledAbstract]) -> RoleFigures:
    """Accuracy and per-role precision and recall of ``model`` on ``abstracts``."""
    pairs: list[tuple[SentenceRole, SentenceRole]] = []
    for abstract in abstracts:
        seen = [(index, text) for index, text, _ in abstract.sentences]
        for (_, _, gold), probabilities in zip(
            abstract.sentences, model.probabilities(seen, abstract.count), strict=True
        ):
            best = max(range(len(probabilities)), key=probabilities.__getitem__)
            pairs.append((gold, RHETORICAL_ROLES[best]))
    precision, recall = {}, {}
    for role in RHETORICAL_ROLES:
        predicted = sum(1 for _, guess in pairs if guess is role)
        actual = sum(1 for gold, _ in pairs if gold is role)
        hits = sum(1 for gold, guess in pairs if gold is guess is role)
        precision[role.value] = round(hits / predicted, 4) if predicted else 0.0
        recall[role.value] = round(hits / actual, 4) if actual else 0.0
    correct = sum(1 for gold, guess in pairs if gold is guess)
    accuracy = round(correct / len(pairs), 4) if pairs else 0.0
    return RoleFigures(len(pairs), accuracy, precision, recall)


def train_role_model(
    abstracts: Sequence[LabelledAbstract],
    about: dict[str, Any],
    training: RoleTraining | None = None,
) -> dict[str, Any]:
    """Fit on the train split; add dev and test figures, beside the position-only
    baseline's, to the document."""
    training = training or RoleTraining()
    by_split: dict[Split, list[LabelledAbstract]] = {split: [] for split in Split}
    for abstract in abstracts:
        by_split[split_of(abstract.split_key)].append(abstract)
    about = {
        **about,
        "abstracts": {split.value: len(found) for split, found in by_split.items()},
    }
    document = fit_role_model(by_split[Split.TRAIN], training, about)
    baseline = fit_role_model(
        by_split[Split.TRAIN],
        RoleTraining(FeatureSet.POSITION, regularization=1.0, min_count=1, prune=0.0),
        about,
    )
    figures: dict[str, Any] = {}
    for name, found in (("model", document), ("position baseline", baseline)):
        model = model_from_json(found, name)
        for split in (Split.DEV, Split.TEST):
            figures.setdefault(split.value, {})[name] = asdict(
                evaluate_role_model(model, by_split[split])
            )
    document["figures"] = figures
    return document


CANDIDATES: tuple[RoleTraining, ...] = (
    RoleTraining(FeatureSet.WORDS, regularization=0.03),
    RoleTraining(FeatureSet.WORDS_AND_NEIGHBOURS, regularization=0.01),
    RoleTraining(FeatureSet.WORDS_AND_NEIGHBOURS, regularization=0.03),
    RoleTraining(FeatureSet.WORDS_AND_NEIGHBOURS, regularization=0.1),
    RoleTraining(FeatureSet.WORDS_AND_NEIGHBOURS, regularization=0.03, prune=0.05),
)
"""The settings compared on dev when choosing the defaults of ``RoleTraining``."""


def compare_on_dev(
    abstracts: Sequence[LabelledAbstract], candidates: Sequence[RoleTraining] = CANDIDATES
) -> list[tuple[RoleTraining, float, int]]:
    """Each candidate fitted on train: its dev accuracy and how many weight rows it keeps."""
    train = [a for a in abstracts if split_of(a.split_key) is Split.TRAIN]
    dev = [a for a in abstracts if split_of(a.split_key) is Split.DEV]
    found = []
    for training in candidates:
        document = fit_role_model(train, training, {})
        model = model_from_json(document, "candidate")
        found.append((training, evaluate_role_model(model, dev).accuracy, len(document["weights"])))
    return found


def encode_role_model(document: dict[str, Any]) -> bytes:
    """The document as the bytes of the file (before compression), always the same."""
    return _canonical(document)


def _settings(training: RoleTraining) -> dict[str, Any]:
    return {
        key: str(value) if isinstance(value, StrEnum) else value
        for key, value in asdict(training).items()
    }


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
