"""Records and sentences ranked by what they say: the relevance of their sentences.

Retrieval ranks records by how well they match the question's words and concepts; the
relevance model judges, sentence by sentence, whether they answer it. A record whose best
sentence answers the question is a better document for it than one that merely shares
its vocabulary, so documents are re-ranked by mixing the two, and snippets are simply the
most relevant sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

from medcite.records import RetrievedRecord, SearchHit, Sentence


def rank_by_evidence(weighed: Sequence[RetrievedRecord], weight: float) -> tuple[SearchHit, ...]:
    """The records re-ranked by ``weight`` × their best sentence's relevance plus the rest
    × their retrieval score (scaled to the best one); ranks renumbered from 1."""
    best = max((item.score for item in weighed), default=0.0) or 1.0
    scored = [
        (
            weight * max((n.relevance or 0.0 for n in item.notes), default=0.0)
            + (1 - weight) * item.score / best,
            item,
        )
        for item in weighed
    ]
    scored.sort(key=lambda pair: (-pair[0], pair[1].rank))
    return tuple(
        SearchHit(item.record.id, score, rank) for rank, (score, item) in enumerate(scored, start=1)
    )


def best_sentences(
    weighed: Sequence[RetrievedRecord], limit: int, floor: float = 0.0
) -> tuple[tuple[Sentence, float], ...]:
    """The ``limit`` most relevant sentences with their relevance, better-ranked records
    first on a tie; after the first, only those whose relevance reaches ``floor`` (the
    probability that a sentence answers: below it, one more sentence costs precision
    more than it brings recall)."""
    scored = [
        (note.relevance or 0.0, item.rank, sentence.index, sentence)
        for item in weighed
        for sentence, note in zip(item.sentences, item.notes, strict=True)
    ]
    scored.sort(key=lambda entry: (-entry[0], entry[1], entry[2]))
    kept = [entry for place, entry in enumerate(scored[:limit]) if place == 0 or entry[0] >= floor]
    return tuple((entry[3], entry[0]) for entry in kept)
