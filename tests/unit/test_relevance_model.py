"""The relevance model as shipped: it loads, scores in plain Python, and refuses bad files."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from medcite.errors import ConfigError
from medcite.evidence import FEATURES, RelevanceModel, load_model, shipped_model
from medcite.evidence.relevance import Tree


def linear(
    weights: dict[str, float], calibration: tuple[float, float] = (1.0, 0.0)
) -> RelevanceModel:
    return RelevanceModel(
        version="test",
        features=FEATURES,
        means=(0.0,) * len(FEATURES),
        scales=(1.0,) * len(FEATURES),
        weights=tuple(weights.get(name, 0.0) for name in FEATURES),
        intercept=-1.0,
        calibration=calibration,
    )


def values(**named: float) -> list[float]:
    return [named.get(name, 0.0) for name in FEATURES]


def test_a_logistic_model_is_a_calibrated_logistic_of_its_weighted_sum() -> None:
    model = linear({"cover_sentence": 2.0}, calibration=(0.5, 0.25))
    score = -1.0 + 2.0 * 0.75
    assert model.score(values(cover_sentence=0.75)) == pytest.approx(score)
    expected = 1 / (1 + math.exp(-(0.5 * score + 0.25)))
    assert model.probability(values(cover_sentence=0.75)) == pytest.approx(expected)


def test_trees_walk_left_when_a_feature_is_at_most_the_threshold() -> None:
    #        [0] cover_sentence <= 0.5
    #        /                 \\
    #   [1] -1.0            [2] +2.0
    tree = Tree(
        (0, 0, 0), (0.5, 0.0, 0.0), (1, 0, 0), (2, 0, 0), (0.0, -1.0, 2.0), (False, True, True)
    )
    model = RelevanceModel(
        version="t",
        features=FEATURES,
        means=(0.0,) * len(FEATURES),
        scales=(1.0,) * len(FEATURES),
        weights=(0.0,) * len(FEATURES),
        intercept=0.5,
        trees=(tree, tree),
    )
    assert model.score(values(cover_sentence=0.5)) == pytest.approx(0.5 - 2.0)
    assert model.score(values(cover_sentence=0.6)) == pytest.approx(0.5 + 4.0)


def test_the_shipped_model_reads_back_as_written(tmp_path: Path) -> None:
    model = shipped_model()
    assert model.version.startswith("relevance-") and model.features == FEATURES
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    again = load_model(path)
    row = values(cover_sentence=0.8, bm25=2.0, concepts_sentence=1.0, record_rank=1.0)
    assert again.probability(row) == pytest.approx(model.probability(row))
    assert 0.0 < model.answer_threshold < 1.0


def test_the_shipped_model_prefers_a_sentence_that_covers_the_question() -> None:
    model = shipped_model()
    covering = values(
        cover_sentence=0.9,
        cover_with_title=0.9,
        cover_record=1.0,
        bm25=2.5,
        bm25_relative=1.0,
        concepts_sentence=1.0,
        condition_sentence=1.0,
        record_rank=1.0,
        record_score=1.0,
        role_conclusions=1.0,
        proximity=1.0,
    )
    off = values(cover_record=0.2, missing_rarest=1.0, record_rank=0.05, record_score=0.1)
    assert model.probability(covering) > model.answer_threshold > model.probability(off)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        json.dumps({"version": "x"}),
        json.dumps({**linear({}).to_json(), "features": ["a"]}),
    ],
)
def test_a_file_that_is_not_a_model_is_refused_with_its_name(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.json"):
        load_model(path)
