"""The trained role model: a multinomial logistic regression read from one shipped file.

Inference is plain Python (a dictionary of weight rows and a softmax), so the default
install needs nothing new at question time; numpy and scikit-learn are needed only to
train (``medcite.evidence.roles.training``, extra ``train``).

A sentence's features are its own (``features.sentence_features``) and, when the model
was trained with them, the words of the sentences before and after it ("prev:…",
"next:…"): a sentence after "We enrolled 40 patients" is more likely a result.

The file (``role_model.json.gz``) says what it is: its format, the version answers
carry in their provenance, the roles in order, how it was trained (corpus files and
their checksums, the split, the settings chosen on dev) and its figures on dev and
test. Weights are stored as integers in thousandths.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from medcite.errors import SourceError
from medcite.evidence.roles.features import position_features, sentence_features, words
from medcite.records import RHETORICAL_ROLES, SentenceRole

MODEL_FORMAT = "medcite-role-model/1"
SHIPPED_MODEL = "role_model.json.gz"
WEIGHT_SCALE = 1000
"""Weights are stored as integers: the weight times this scale, rounded."""


class FeatureSet(StrEnum):
    """What a model sees of each sentence."""

    WORDS_AND_NEIGHBOURS = "words+neighbours"
    """Its own features and the words of the sentences before and after it."""
    WORDS = "words"
    """Its own features (words, word pairs, first words, position, length)."""
    POSITION = "position"
    """Only its position: the baseline every other model must beat."""


def abstract_features(
    sentences: Sequence[tuple[int, str]], count: int, feature_set: FeatureSet
) -> list[list[str]]:
    """The features of each ``(index, text)`` of the sentences a model sees.

    ``count`` is the number of sentences in the abstract, administrative ones included,
    so positions are where a reader meets each sentence; the neighbours are the
    sentences the model sees, administrative statements left out, as in training.
    """
    if feature_set is FeatureSet.POSITION:
        return [position_features(index, count) for index, _ in sentences]
    tokens = [words(text) for _, text in sentences]
    found = [sentence_features(tokens[k], index, count) for k, (index, _) in enumerate(sentences)]
    if feature_set is FeatureSet.WORDS_AND_NEIGHBOURS:
        unique = [list(dict.fromkeys(sentence)) for sentence in tokens]
        for k, features in enumerate(found):
            features += [f"prev:{w}" for w in unique[k - 1]] if k > 0 else ["prev:none"]
            features += (
                [f"next:{w}" for w in unique[k + 1]] if k + 1 < len(unique) else ["next:none"]
            )
    return found


@dataclass(frozen=True, slots=True)
class RoleModel:
    """Weights of the role classifier; ``probabilities`` scores a whole abstract at once.

    ``roles`` are the classes in the order of each weight row.
    """

    version: str
    roles: tuple[SentenceRole, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    feature_set: FeatureSet
    about: dict[str, Any] = field(default_factory=dict)
    _previous: dict[str, tuple[float, ...]] = field(init=False, repr=False)
    _following: dict[str, tuple[float, ...]] = field(init=False, repr=False)
    _order: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # The neighbours' rows keyed by the bare word, so scoring needs no "prev:…" strings.
        by_prefix: dict[str, dict[str, tuple[float, ...]]] = {"prev:": {}, "next:": {}}
        for feature, row in self.weights.items():
            prefix = feature[:5]
            if prefix in by_prefix:
                by_prefix[prefix][feature[5:]] = row
        object.__setattr__(self, "_previous", by_prefix["prev:"])
        object.__setattr__(self, "_following", by_prefix["next:"])
        order = tuple(
            self.roles.index(role) if role in self.roles else -1 for role in RHETORICAL_ROLES
        )
        object.__setattr__(self, "_order", order)

    def probabilities(
        self, sentences: Sequence[tuple[int, str]], count: int
    ) -> list[tuple[float, ...]]:
        """For each ``(index, text)`` of the sentences the model sees (see
        ``abstract_features``), the probability of each rhetorical role, in
        ``RHETORICAL_ROLES`` order.

        Scores what ``abstract_features`` describes, by a faster road for the neighbours'
        words (a test checks the two agree).
        """
        if self.feature_set is not FeatureSet.WORDS_AND_NEIGHBOURS:
            return [
                self.softmax(list(map(self.weights.get, features)))
                for features in abstract_features(sentences, count, self.feature_set)
            ]
        tokens = [words(text) for _, text in sentences]
        unique = [list(dict.fromkeys(sentence)) for sentence in tokens]
        last = len(sentences) - 1
        found = []
        for k, (index, _) in enumerate(sentences):
            rows = list(map(self.weights.get, sentence_features(tokens[k], index, count)))
            if k > 0:
                rows += map(self._previous.get, unique[k - 1])
            else:
                rows.append(self.weights.get("prev:none"))
            if k < last:
                rows += map(self._following.get, unique[k + 1])
            else:
                rows.append(self.weights.get("next:none"))
            found.append(self.softmax(rows))
        return found

    def softmax(self, rows: list[tuple[float, ...] | None]) -> tuple[float, ...]:
        """The probabilities of the rhetorical roles given the weight rows of a sentence's
        features (None for a feature the model has no weights for)."""
        # Summed column by column, so the loops run in C (bench/sentence_roles.py).
        present = [row for row in rows if row is not None]
        scores = list(self.bias)
        if present:
            columns = zip(*present, strict=True)
            scores = [b + sum(column) for b, column in zip(scores, columns, strict=True)]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return tuple(exps[i] / total if i >= 0 else 0.0 for i in self._order)


def model_from_json(document: dict[str, Any], where: str) -> RoleModel:
    """A model from the decoded file; ``SourceError`` naming ``where`` when it is not one."""
    if document.get("format") != MODEL_FORMAT:
        raise SourceError(f"{where}: not a role model of format {MODEL_FORMAT}")
    try:
        roles = tuple(SentenceRole(role) for role in document["roles"])
        width = len(roles)
        scale = float(document["scale"])
        bias = tuple(value / scale for value in document["bias"])
        weights = {
            feature: tuple(value / scale for value in row)
            for feature, row in document["weights"].items()
        }
        if len(bias) != width or any(len(row) != width for row in weights.values()):
            raise ValueError("a weight row does not have one weight per role")
        return RoleModel(
            version=str(document["version"]),
            roles=roles,
            bias=bias,
            weights=weights,
            feature_set=FeatureSet(document["feature_set"]),
            about={key: document[key] for key in ("training", "figures") if key in document},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"{where}: malformed role model ({exc})") from exc


def read_role_model(path: Path) -> RoleModel:
    """The role model in ``path`` (gzip-compressed JSON)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: cannot read the role model: {exc}") from exc
    return model_from_json(document, str(path))


@cache
def shipped_role_model() -> RoleModel:
    """The model shipped inside the package, read once per process on first use."""
    resource = resources.files("medcite.evidence.roles").joinpath(SHIPPED_MODEL)
    with resources.as_file(resource) as path:
        return read_role_model(path)
