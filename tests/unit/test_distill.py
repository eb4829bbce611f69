"""The corpus vocabulary given to distillation: commonest words, counted as written."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy", reason="the dense extra is not installed")

from medcite.dense.distill import corpus_vocabulary


def test_commonest_words_first_with_a_minimum_count() -> None:
    texts = [
        "Calcinosis in systemic sclerosis: calcinosis of the spine.",
        "Spinal calcinosis; anti-Scl-70 antibodies in SSc and sclerosis.",
        "Calcinosis cutis.",
    ]
    assert corpus_vocabulary(texts, size=10, min_count=2) == ["calcinosis", "sclerosis"]
    assert corpus_vocabulary(texts, size=1, min_count=1) == ["calcinosis"]


def test_short_tokens_numbers_and_hyphenated_words_are_left_to_the_word_pieces() -> None:
    assert corpus_vocabulary(["an MS 12 of 2024 ms ms"], size=5, min_count=1) == []
    assert corpus_vocabulary(["anti-Scl-70 anti-Scl-70"], size=5, min_count=2) == ["anti", "scl"]
