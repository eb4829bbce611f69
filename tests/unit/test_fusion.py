"""Fusion functions against hand-computed oracles (no dense extra needed)."""

from __future__ import annotations

import pytest

from medcite.dense import FUSERS, fuse, linear_fusion, reciprocal_rank_fusion
from medcite.dense.fusion import RRF_K
from medcite.records import SearchHit
from medcite.settings import FusionMethod


def ranking(*pairs: tuple[str, float]) -> tuple[SearchHit, ...]:
    return tuple(
        SearchHit(record_id, score, rank) for rank, (record_id, score) in enumerate(pairs, 1)
    )


LEXICAL = ranking(("a", 12.0), ("b", 10.0), ("c", 4.0))
DENSE = ranking(("c", 0.75), ("d", 0.5), ("a", 0.25))


def test_rrf_matches_the_formula_by_hand() -> None:
    fused = reciprocal_rank_fusion((LEXICAL, DENSE), (1.0, 1.0))
    expected = {
        "a": 1 / 61 + 1 / 63,
        "c": 1 / 63 + 1 / 61,
        "b": 1 / 62,
        "d": 1 / 62,
    }
    assert {hit.record_id: hit.score for hit in fused} == pytest.approx(expected)
    # a and c tie (both 1/61 + 1/63): both were ranked 1st somewhere, so the id decides.
    # b and d tie (1/62) with best rank 2: again the id.
    assert [hit.record_id for hit in fused] == ["a", "c", "b", "d"]
    assert [hit.rank for hit in fused] == [1, 2, 3, 4]


def test_rrf_weights_scale_each_ranking() -> None:
    fused = reciprocal_rank_fusion((LEXICAL, DENSE), (0.2, 0.8), k=RRF_K)
    scores = {hit.record_id: hit.score for hit in fused}
    assert scores["d"] == pytest.approx(0.8 / 62)
    assert scores["b"] == pytest.approx(0.2 / 62)
    assert fused[0].record_id == "c"  # 0.2/63 + 0.8/61 beats a's 0.2/61 + 0.8/63


def test_linear_fusion_normalises_scores_min_max() -> None:
    fused = linear_fusion((LEXICAL, DENSE), (0.5, 0.5))
    # lexical: a 1, b 0.75, c 0 ; dense: c 1, d 0.5, a 0
    expected = {"a": 0.5, "b": 0.375, "c": 0.5, "d": 0.25}
    assert {hit.record_id: hit.score for hit in fused} == pytest.approx(expected)
    assert [hit.record_id for hit in fused] == ["a", "c", "b", "d"]


def test_linear_fusion_keeps_score_gaps_that_rrf_drops() -> None:
    lexical = ranking(("x", 30.0), ("y", 29.9), ("z", 1.0))
    dense = ranking(("y", 0.80), ("x", 0.79), ("z", 0.1))
    by_linear = [hit.record_id for hit in linear_fusion((lexical, dense), (0.5, 0.5))]
    by_rrf = [hit.record_id for hit in reciprocal_rank_fusion((lexical, dense), (0.5, 0.5))]
    assert by_linear[:2] == ["y", "x"]  # y: 0.5·0.9966 + 0.5·1 > x: 0.5 + 0.5·0.9857
    assert by_rrf[:2] == ["x", "y"]  # equal RRF scores; x was ranked first earlier by id
    assert by_linear[2] == by_rrf[2] == "z"


def test_a_ranking_of_equal_scores_gives_each_record_full_weight() -> None:
    fused = linear_fusion((ranking(("a", 3.0), ("b", 3.0)),), (1.0,))
    assert [hit.score for hit in fused] == [1.0, 1.0]


def test_empty_rankings_fuse_to_nothing_or_to_the_other() -> None:
    assert linear_fusion(((), ()), (0.5, 0.5)) == ()
    assert [h.record_id for h in reciprocal_rank_fusion(((), DENSE), (1.0, 1.0))] == ["c", "d", "a"]


def test_every_fusion_method_has_a_fuser() -> None:
    assert set(FUSERS) == set(FusionMethod)
    for method in FusionMethod:
        assert {hit.record_id for hit in fuse(method, LEXICAL, DENSE, 0.5)} == {"a", "b", "c", "d"}


def test_dense_weight_zero_keeps_the_lexical_order_first() -> None:
    for method in FusionMethod:
        fused = fuse(method, LEXICAL, DENSE, 0.0)
        assert [hit.record_id for hit in fused][:3] == ["a", "b", "c"]


@pytest.mark.parametrize("weight", [-0.1, 1.5])
def test_dense_weight_outside_zero_one_is_refused(weight: float) -> None:
    with pytest.raises(ValueError, match="dense_weight"):
        fuse(FusionMethod.RRF, LEXICAL, DENSE, weight)


def test_weights_must_match_rankings() -> None:
    with pytest.raises(ValueError, match="2 rankings but 1 weights"):
        reciprocal_rank_fusion((LEXICAL, DENSE), (1.0,))
