"""Cosine ranking and re-ranking of lexical candidates, against hand-made vectors."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy", reason="the dense extra is not installed")

from medcite.dense.rerank import cosine_ranking, rerank  # noqa: E402
from medcite.records import SearchHit  # noqa: E402
from medcite.settings import FusionMethod  # noqa: E402


def test_cosine_ranking_orders_by_inner_product_with_the_question() -> None:
    question = np.array([1.0, 0.0], dtype=np.float32)
    vectors = np.array([[0.0, 1.0], [0.6, 0.8], [1.0, 0.0]], dtype=np.float32)
    ranked = cosine_ranking(question, ["far", "middle", "near"], vectors)
    assert [(hit.record_id, hit.rank) for hit in ranked] == [("near", 1), ("middle", 2), ("far", 3)]
    assert [hit.score for hit in ranked] == pytest.approx([1.0, 0.6, 0.0])


def test_cosine_ranking_keeps_the_given_order_on_ties() -> None:
    question = np.array([1.0, 0.0], dtype=np.float32)
    vectors = np.array([[0.5, 0.5], [0.5, -0.5]], dtype=np.float32)
    assert [hit.record_id for hit in cosine_ranking(question, ["b", "a"], vectors)] == ["b", "a"]


def test_cosine_ranking_refuses_mismatched_inputs() -> None:
    with pytest.raises(ValueError, match="2 records but 1 vectors"):
        cosine_ranking(np.zeros(2, np.float32), ["a", "b"], np.zeros((1, 2), np.float32))


def test_rerank_fuses_the_top_and_keeps_the_rest_after_it() -> None:
    lexical = tuple(SearchHit(rid, 10.0 - n, n + 1) for n, rid in enumerate("abcde"))
    dense = (SearchHit("c", 0.9, 1), SearchHit("a", 0.5, 2), SearchHit("b", 0.1, 3))
    reranked = rerank(lexical, dense, candidates=3, method=FusionMethod.LINEAR, dense_weight=1.0)
    assert [hit.record_id for hit in reranked] == ["c", "a", "b", "d", "e"]
    assert [hit.rank for hit in reranked] == [1, 2, 3, 4, 5]
    assert [hit.score for hit in reranked[3:]] == [0.0, 0.0]


def test_rerank_with_no_dense_weight_is_the_lexical_order() -> None:
    lexical = tuple(SearchHit(rid, 10.0 - n, n + 1) for n, rid in enumerate("abcd"))
    dense = (SearchHit("c", 0.9, 1), SearchHit("b", 0.5, 2), SearchHit("a", 0.1, 3))
    for method in FusionMethod:
        reranked = rerank(lexical, dense, candidates=3, method=method, dense_weight=0.0)
        assert [hit.record_id for hit in reranked] == ["a", "b", "c", "d"]
