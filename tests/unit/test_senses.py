"""The corpus's measure of how well an abbreviation's sense fits a question's other words."""

from __future__ import annotations

import math

import pytest

from medcite.records import AbbreviationSense
from medcite.understand.senses import choose_sense, corpus_context_fit


class Counts:
    """Record counts as the lexical index gives them: per phrase, and per phrase and word."""

    def __init__(self, total: int, alone: dict[str, int], together: dict[tuple[str, str], int]):
        self._total, self._alone, self._together = total, alone, together

    def count(self, phrase: str, word: str = "") -> int:
        return self._together.get((phrase, word), 0) if word else self._alone.get(phrase, 0)

    def document_count(self) -> int:
        return self._total


def test_a_rare_word_missing_beside_a_common_sense_is_no_evidence_against_it() -> None:
    """4 records of 20,000 name "PNS": none of 76 records on MRI is expected to, so its
    absence there says nothing (the shared corpus's seed question once lost MRI this way)."""
    counts = Counts(20_000, {"PNS": 4, "magnetic resonance imaging": 76}, {})
    fit = corpus_context_fit(counts)
    assert fit("magnetic resonance imaging", ["PNS"]) == pytest.approx(0.0, abs=0.02)


def test_a_common_word_missing_beside_a_common_sense_counts_against_it() -> None:
    """2,000 records of 20,000 name "peptides": about 8 of 76 would if the sense were
    indifferent to it, so none at all is evidence the sense does not fit."""
    counts = Counts(20_000, {"peptides": 2_000, "multiple sclerosis": 76}, {})
    fit = corpus_context_fit(counts)
    assert fit("multiple sclerosis", ["peptides"]) < math.log(0.2)


def test_a_sense_seen_often_beside_the_words_beats_one_seen_once() -> None:
    """The misspelt "magentic resonance imaging", defined once and met beside nothing, must
    not outscore the sense 76 records give beside the question's words."""
    counts = Counts(
        20_000,
        {"magnetic resonance imaging": 76, "magentic resonance imaging": 1, "findings": 1_400,
         "sclerosis": 200, "PNS": 4, "CNS": 84},
        {("magnetic resonance imaging", "findings"): 11,
         ("magnetic resonance imaging", "sclerosis"): 14},
    )  # fmt: skip
    senses = [
        AbbreviationSense("MRI", "magentic resonance imaging", 1),
        AbbreviationSense("MRI", "magnetic resonance imaging", 23),
    ]
    choice = choose_sense(
        senses, ["findings", "CNS", "PNS", "sclerosis"], corpus_context_fit(counts)
    )
    assert choice is not None and choice.chosen.long_form == "magnetic resonance imaging"
    assert not choice.ambiguous
