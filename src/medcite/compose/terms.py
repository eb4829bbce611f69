"""Words of a question that carry its meaning, and how strongly each should count.

A first, vocabulary-free version: lower-cased word tokens without stop words, with a
light suffix folding so "findings" meets "finding" and "studies" meets "study".
Concept-aware understanding (MeSH, abbreviations) replaces this in the ``understand`` stage.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from medcite.english import STOP_WORDS as ENGLISH_STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)

STOP_WORDS = ENGLISH_STOP_WORDS | {"patient", "patients"}
"""Function words, and "patients", which nearly every clinical sentence has."""


def fold(word: str) -> str:
    """Lower-case a word and fold common English plural endings (a light stemmer)."""
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_terms(text: str) -> tuple[str, ...]:
    """The folded, non-stop-word terms of ``text``, in order, without repeats."""
    terms = (fold(match.group()) for match in _WORD.finditer(text))
    return tuple(dict.fromkeys(t for t in terms if t not in STOP_WORDS and len(t) > 1))


def term_weights(
    question_terms: Sequence[str], documents: Iterable[frozenset[str]]
) -> dict[str, float]:
    """Inverse document frequency of each question term over the candidate sentences.

    Rare terms ("calcinosis") should count more than common ones ("disease"); the
    candidates are the only collection at hand, which is enough to rank within them.
    """
    document_list = list(documents)
    total = len(document_list)
    return {
        term: math.log((total + 1) / (sum(term in doc for doc in document_list) + 0.5))
        for term in question_terms
    }
