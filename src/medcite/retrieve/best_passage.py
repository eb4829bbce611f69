"""Score each candidate by its best passage: the title with one sentence of the abstract.

A question, or a claim, is usually answered by one sentence, not by a whole abstract
that mentions its words here and there. Scoring every sentence (prefixed by the title,
which frames it) with BM25 and keeping each record's best surfaces records with one
sentence that says it all; retrieval fuses that with the whole-record score. BM25
(Robertson & Zaragoza 2009) with the usual k1 = 1.2, b = 0.75, lengths relative to the
mean passage of the candidates; idf comes from the whole index.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

K1, B = 1.2, 0.75

Passage = Sequence[str]
"""A passage as its analysed words (lower case, stemmed)."""


def best_passage_scores(
    query_words: Sequence[str],
    idf: Mapping[str, float],
    passages: Mapping[str, Sequence[Passage]],
) -> dict[str, float]:
    """For each record id, the BM25 score of its best passage for ``query_words``."""
    lengths = [len(passage) for found in passages.values() for passage in found]
    mean_length = sum(lengths) / len(lengths) if lengths else 1.0
    words = list(dict.fromkeys(query_words))
    return {
        record_id: max((_bm25(words, idf, p, mean_length) for p in found), default=0.0)
        for record_id, found in passages.items()
    }


def _bm25(
    words: list[str], idf: Mapping[str, float], passage: Passage, mean_length: float
) -> float:
    counts = Counter(passage)
    norm = K1 * (1 - B + B * len(passage) / mean_length)
    return sum(
        idf.get(word, 0.0) * counts[word] * (K1 + 1) / (counts[word] + norm)
        for word in words
        if counts[word]
    )
