"""ROUGE-2 and ROUGE-SU4 against hand-computed cases, and ROUGE-2 against ``rouge-score``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score import rouge_scorer

from medcite.evaluate.rouge import (
    bigrams,
    rouge_2,
    rouge_su4,
    skip_bigrams_with_unigrams,
    tokens,
)


def test_tokens_are_lower_case_runs_of_ascii_letters_and_digits() -> None:
    assert tokens("COVID-19 raised α-synuclein; IL-6 (p<0.05).") == [
        "covid", "19", "raised", "synuclein", "il", "6", "p", "0", "05",
    ]  # fmt: skip


def test_rouge_2_of_one_reference() -> None:
    # Bigrams: candidate {the cat, cat sat, sat on, on the, the mat}, reference {the cat,
    # cat was, was on, on the, the mat}; 3 shared of 5 each: R = P = F = 0.6.
    score = rouge_2("The cat sat on the mat.", ["The cat was on the mat."])
    assert (score.recall, score.precision, score.f1) == pytest.approx((0.6, 0.6, 0.6))


def test_repeated_bigrams_are_clipped_to_the_reference_count() -> None:
    # Candidate "a b a b": (a b) ×2, (b a) ×1; reference "a b": (a b) ×1 → 1 hit.
    score = rouge_2("a b a b", ["a b"])
    assert (score.recall, score.precision) == pytest.approx((1.0, 1 / 3))


def test_skip_bigrams_reach_across_at_most_four_tokens() -> None:
    words = [f"t{i}" for i in range(7)]
    units = skip_bigrams_with_unigrams(words)
    assert ("t0", "t5") in units  # four tokens skipped
    assert ("t0", "t6") not in units  # five skipped
    # i = 0..5 (ROUGE-1.5.5 stops at the second-last token): unigrams 6; pairs from
    # t0..t5 reach 5, 5, 4, 3, 2, 1 tokens on = 20.
    assert sum(units.values()) == 26
    assert ("t6",) not in units  # the last token's unigram, as ROUGE-1.5.5 leaves it out


def test_rouge_su4_of_a_small_case() -> None:
    # Candidate a b c: units a, b, (a b), (a c), (b c); reference a c b: a, c, (a c), (a b),
    # (c b); shared a, (a b), (a c): R = P = 3/5.
    score = rouge_su4("a b c", ["a c b"])
    assert (score.recall, score.precision, score.f1) == pytest.approx((0.6, 0.6, 0.6))


def test_several_references_add_up_by_formula_a() -> None:
    # (a b) hits the first reference only: R = 1 / (1 + 1); P = 1 / (2 references × 1).
    score = rouge_2("a b", ["a b", "c d"])
    assert (score.recall, score.precision, score.f1) == pytest.approx((0.5, 0.5, 0.5))


def test_empty_texts_score_zero() -> None:
    assert rouge_2("", ["a b"]).f1 == 0.0
    assert rouge_su4("a", ["a"]).f1 == 0.0  # a one-token text has no SU units in ROUGE-1.5.5
    assert rouge_2("a b", []).f1 == 0.0
    assert bigrams(["x"]) == {}


_WORDS = st.lists(st.sampled_from(["the", "mri", "lesion", "of", "cord", "T2", "x-ray"]))


@settings(max_examples=200, deadline=None)
@given(candidate=_WORDS, reference=_WORDS)
def test_rouge_2_matches_the_rouge_score_package(
    candidate: list[str], reference: list[str]
) -> None:
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=False)
    expected = scorer.score(" ".join(reference), " ".join(candidate))["rouge2"]
    ours = rouge_2(" ".join(candidate), [" ".join(reference)])
    assert (ours.recall, ours.precision, ours.f1) == pytest.approx(
        (expected.recall, expected.precision, expected.fmeasure)
    )
