"""Ranking metrics against cases computed by hand (the derivation is in each test)."""

from __future__ import annotations

import math

import pytest

from medcite.evaluate.ranking import (
    average_precision_at,
    judged_at,
    mean,
    ndcg_at,
    precision_at,
    recall_at,
    reciprocal_rank,
)


def test_ndcg_uses_linear_gains_and_the_ideal_order_of_all_judged_records() -> None:
    # Rank 2 holds b (gain 1); d (gain 2) and e (gain 1) are missed at k = 3.
    # DCG = 1/log2(3) = 0.63093; ideal gains 2, 1, 1: IDCG = 2/1 + 1/log2(3) + 1/log2(4)
    # = 3.13093; nDCG@3 = 0.20152.
    relevant = {"b": 1, "d": 2, "e": 1}
    assert ndcg_at(["a", "b", "c", "d"], relevant, 3) == pytest.approx(0.2015152, abs=1e-6)
    # At k = 4, d at rank 4 adds 2/log2(5) = 0.86135; IDCG@4 is the same three gains.
    assert ndcg_at(["a", "b", "c", "d"], relevant, 4) == pytest.approx(
        (1 / math.log2(3) + 2 / math.log2(5)) / (2 + 1 / math.log2(3) + 0.5)
    )


def test_ndcg_is_one_for_the_ideal_ranking_and_zero_without_relevant_records() -> None:
    assert ndcg_at(["d", "b", "e"], {"b": 1, "d": 2, "e": 1}, 10) == pytest.approx(1.0)
    assert ndcg_at(["a", "b"], {"a": 0}, 10) == 0.0
    assert ndcg_at([], {"a": 1}, 10) == 0.0


def test_a_record_repeated_in_a_ranking_counts_once_at_its_best_rank() -> None:
    # ["b", "b"] is ["b"]: DCG = 1/log2(2) = 1 against IDCG 1 + 1/log2(3) = 1.63093.
    assert ndcg_at(["b", "b"], {"b": 1, "c": 1}, 10) == pytest.approx(1 / (1 + 1 / math.log2(3)))
    assert recall_at(["b", "b", "c"], {"b": 1, "c": 1}, 2) == 1.0


def test_recall_counts_relevant_records_within_the_cut() -> None:
    relevant = {"a": 1, "x": 1, "y": 0}
    assert recall_at(["a", "b", "x"], relevant, 2) == 0.5
    assert recall_at(["a", "b", "x"], relevant, 3) == 1.0
    assert recall_at(["y"], {"y": 0}, 10) == 0.0


def test_average_precision_divides_by_the_relevant_records_a_cut_can_hold() -> None:
    # Relevant a, b, c; found at ranks 2 and 4: P@2 = 1/2, P@4 = 2/4; (0.5 + 0.5) / min(3, 10).
    assert average_precision_at(["x", "a", "y", "b"], {"a": 1, "b": 1, "c": 1}, 10) == (
        pytest.approx(1 / 3)
    )
    # Twelve relevant records, the first two ranks right: (1 + 1) / min(12, 10).
    many = {f"r{i}": 1 for i in range(12)}
    assert average_precision_at(["r0", "r1", "z"], many, 10) == pytest.approx(0.2)
    # Three relevant records at ranks 1-3 score 1 (trec_eval's AP would too, BioASQ3-7 0.3).
    assert average_precision_at(["a", "b", "c"], {"a": 1, "b": 1, "c": 1}, 10) == 1.0
    # A relevant record past the cut does not count.
    assert average_precision_at(["x", "a"], {"a": 1}, 1) == 0.0


def test_reciprocal_rank_and_mean() -> None:
    assert reciprocal_rank(["x", "y", "a"], {"a": 1}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], {"a": 1}) == 0.0
    assert mean([1.0, 0.0, 0.5]) == 0.5
    assert mean([]) == 0.0


def test_precision_divides_by_the_cut_even_when_the_ranking_is_shorter() -> None:
    relevant = {"a": 1, "b": 2, "c": 0}
    assert precision_at(["a", "c", "b"], relevant, 1) == 1.0
    assert precision_at(["c", "a"], relevant, 1) == 0.0
    assert precision_at(["a", "a", "b"], relevant, 3) == pytest.approx(2 / 3)  # a once, then b
    assert precision_at(["b"], relevant, 2) == 0.5
    assert precision_at([], relevant, 1) == 0.0


def test_judged_counts_records_with_any_judgement_even_gain_zero() -> None:
    relevant = {"a": 1, "c": 0}
    assert judged_at(["c", "x"], relevant, 1) == 1.0
    assert judged_at(["x", "a"], relevant, 1) == 0.0
    assert judged_at(["x", "a", "c"], relevant, 3) == pytest.approx(2 / 3)
