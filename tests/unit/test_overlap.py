"""Set and character-overlap precision, recall and F1 against cases computed by hand."""

from __future__ import annotations

import pytest

from medcite.evaluate.cases import TITLE, TextSpan
from medcite.evaluate.overlap import Counts, character_overlap


def test_counts_of_sets_and_their_micro_sum() -> None:
    first = Counts.of_sets({"D1", "D2", "D3"}, {"D1", "D4"})
    assert (first.true_positives, first.false_positives, first.false_negatives) == (1, 2, 1)
    total = first + Counts.of_sets({"D5"}, {"D5"})
    # Micro: TP 2, FP 2, FN 1 → P = 2/4, R = 2/3, F1 = 2·(1/2)(2/3) / (1/2 + 2/3) = 4/7.
    assert total.precision == 0.5
    assert total.recall == pytest.approx(2 / 3)
    assert total.f1 == pytest.approx(4 / 7)


def test_empty_sides_score_zero_rather_than_failing() -> None:
    assert Counts().precision == Counts().recall == Counts().f1 == 0.0
    nothing_found = Counts.of_sets(set(), {"D1"})
    assert (nothing_found.precision, nothing_found.recall) == (0.0, 0.0)


def test_characters_shared_with_gold_snippets() -> None:
    gold = [TextSpan("r", 0, 0, 10)]
    found = [TextSpan("r", 0, 5, 15), TextSpan("r", 0, 12, 20)]
    # Found characters [5, 20): 15; shared [5, 10): 5 → P = 1/3, R = 1/2, F1 = 0.4.
    counts = character_overlap(found, gold)
    assert counts.precision == pytest.approx(1 / 3)
    assert counts.recall == 0.5
    assert counts.f1 == pytest.approx(0.4)


def test_overlapping_spans_count_their_characters_once() -> None:
    gold = [TextSpan("r", 0, 0, 10), TextSpan("r", 0, 5, 10)]
    found = [TextSpan("r", 0, 0, 10), TextSpan("r", 0, 0, 10)]
    counts = character_overlap(found, gold)
    assert (counts.precision, counts.recall) == (1.0, 1.0)


def test_characters_of_another_part_or_record_do_not_overlap() -> None:
    gold = [TextSpan("r", TITLE, 0, 10), TextSpan("r", 1, 0, 10)]
    found = [TextSpan("r", 0, 0, 10), TextSpan("s", 1, 0, 10), TextSpan("r", 1, 8, 12)]
    counts = character_overlap(found, gold)
    # Only r/1 [8, 10) is shared: 2 of 24 found characters, 2 of 20 gold ones.
    assert counts.true_positives == 2
    assert counts.precision == pytest.approx(2 / 24)
    assert counts.recall == pytest.approx(2 / 20)
