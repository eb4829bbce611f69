"""The learned sentence-relevance model: a calibrated probability that a sentence answers.

Gradient-boosted trees or logistic regression (whichever does better on the dev split)
over the features of ``features``, fitted on gold answer sentences of the training
split — BioASQ's snippets and SciFact's rationales — and calibrated on the dev split
(``medcite train relevance``; ``medcite.evaluate.splits``), shipped in the package as
JSON. Scoring is plain Python — a walk down each tree, or a dot product — and a logistic
function, so answering needs no numerical library. The calibration (Platt scaling, Platt
1999) maps the model's score to a probability that holds on questions it was not fitted
on, so one threshold can decide whether anything answers a facet.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from medcite.errors import ConfigError
from medcite.evidence.features import FEATURES

MODEL_FILE = Path(__file__).with_name("models") / "relevance.json"
"""The model shipped with medcite."""


@dataclass(frozen=True, slots=True)
class Tree:
    """One regression tree, as parallel arrays of nodes (node 0 is the root)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]
    leaf: tuple[bool, ...]

    def predict(self, values: Sequence[float]) -> float:
        """The leaf value reached by ``values`` (left when a feature is ≤ the threshold)."""
        node = 0
        while not self.leaf[node]:
            if values[self.feature[node]] <= self.threshold[node]:
                node = self.left[node]
            else:
                node = self.right[node]
        return self.value[node]

    def to_json(self) -> dict[str, list[float] | list[int] | list[bool]]:
        return {
            "feature": list(self.feature),
            "threshold": list(self.threshold),
            "left": list(self.left),
            "right": list(self.right),
            "value": list(self.value),
            "leaf": list(self.leaf),
        }


@dataclass(frozen=True, slots=True)
class RelevanceModel:
    """A score over standardised features (trees, else weights), and its calibration."""

    version: str
    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    """With ``trees``, the boosting's baseline (log-odds before any tree)."""
    calibration: tuple[float, float] = (1.0, 0.0)
    """Platt's (a, b): probability = 1 / (1 + exp(-(a·score + b)))."""
    answer_threshold: float = 0.5
    """The calibrated probability from which a sentence counts as answering (chosen on dev)."""
    trees: tuple[Tree, ...] = ()

    def score(self, values: Sequence[float]) -> float:
        """The model's uncalibrated log-odds for a sentence with these feature values."""
        standard = [
            (value - mean) / scale
            for value, mean, scale in zip(values, self.means, self.scales, strict=True)
        ]
        if self.trees:
            return self.intercept + sum(tree.predict(standard) for tree in self.trees)
        return self.intercept + sum(w * v for w, v in zip(self.weights, standard, strict=True))

    def probability(self, values: Sequence[float]) -> float:
        """The calibrated probability that a sentence with these feature values answers."""
        a, b = self.calibration
        return _logistic(a * self.score(values) + b)

    def to_json(self) -> dict[str, object]:
        """The model as the JSON file holds it."""
        return {
            "version": self.version,
            "features": list(self.features),
            "means": list(self.means),
            "scales": list(self.scales),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "calibration": list(self.calibration),
            "answer_threshold": self.answer_threshold,
            "trees": [tree.to_json() for tree in self.trees],
        }

    @classmethod
    def from_json(cls, data: dict[str, object], where: str) -> RelevanceModel:
        """A model from its JSON form; a ConfigError names ``where`` if it does not fit."""
        try:
            model = cls(
                version=str(data["version"]),
                features=tuple(str(f) for f in data["features"]),  # type: ignore[attr-defined]
                means=tuple(float(v) for v in data["means"]),  # type: ignore[attr-defined]
                scales=tuple(float(v) or 1.0 for v in data["scales"]),  # type: ignore[attr-defined]
                weights=tuple(float(v) for v in data["weights"]),  # type: ignore[attr-defined]
                intercept=float(data["intercept"]),  # type: ignore[arg-type]
                calibration=tuple(float(v) for v in data["calibration"]),  # type: ignore[arg-type,attr-defined]
                answer_threshold=float(data["answer_threshold"]),  # type: ignore[arg-type]
                trees=tuple(_tree(t) for t in data.get("trees", ())),  # type: ignore[attr-defined]
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ConfigError(f"{where}: not a relevance model ({error})") from error
        if model.features != FEATURES:
            raise ConfigError(
                f"{where}: the model was trained on other features than this medcite computes; "
                "train it again with `medcite train relevance`"
            )
        return model


def load_model(path: Path) -> RelevanceModel:
    """The model in a JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read the relevance model ({error})") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: not a relevance model")
    return RelevanceModel.from_json(data, str(path))


@cache
def shipped_model() -> RelevanceModel:
    """The model shipped in the package (read once)."""
    return load_model(MODEL_FILE)


def relevance_model(path: str) -> RelevanceModel:
    """The model at ``path`` (``[answer] relevance_model``), or the shipped one for ""."""
    return load_model(Path(path).expanduser()) if path else shipped_model()


def _tree(data: dict[str, list[float]]) -> Tree:
    return Tree(
        feature=tuple(int(v) for v in data["feature"]),
        threshold=tuple(float(v) for v in data["threshold"]),
        left=tuple(int(v) for v in data["left"]),
        right=tuple(int(v) for v in data["right"]),
        value=tuple(float(v) for v in data["value"]),
        leaf=tuple(bool(v) for v in data["leaf"]),
    )


def _logistic(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)
