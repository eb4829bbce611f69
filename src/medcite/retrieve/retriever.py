"""Concept-aware retrieval: plan, search, read, re-rank, guard — given what it needs.

::

    Question ─plans─▶ searcher (words + concept clauses, per facet)
             ─records─▶ topics ─passages─▶ rank ─▶ hits (neighbours refused)

The stage owns the algorithm; the engine hands it three small things: a ``Searcher``
(the lexical index), a ``RecordSource`` (the document store) and a ``TopicReader``
(what a record is about, from ``understand``), so a test can run it on in-memory
doubles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from medcite.records import (
    Question,
    Record,
    RecordTopics,
    SearchHit,
    SearchPlan,
    Sentence,
)
from medcite.retrieve.best_passage import best_passage_scores
from medcite.retrieve.plan import facet_plan, search_plan
from medcite.retrieve.rank import Candidate, is_off_topic, rank_candidates
from medcite.settings import RetrieveSettings
from medcite.words import content_text

FACET_SHARE = 4
"""Each facet's own search contributes candidates/FACET_SHARE records."""


class Searcher(Protocol):
    """The lexical index, as retrieval uses it."""

    def search_plan(self, plan: SearchPlan, limit: int) -> Sequence[SearchHit]: ...

    def inverse_document_frequencies(self, words: list[str]) -> dict[str, float]: ...

    def analyze(self, text: str) -> list[str]: ...


class RecordSource(Protocol):
    """The document store, as retrieval uses it."""

    def get_many(self, record_ids: Iterable[str]) -> dict[str, Record]: ...

    def sentences(self, record: Record) -> tuple[Sentence, ...]: ...


class TopicReader(Protocol):
    """How much a record is about each of the question's concepts (and about others)."""

    def __call__(self, record: Record, question: Question) -> RecordTopics: ...


@dataclass(frozen=True, slots=True)
class Retrieval:
    """What retrieval found for a question, and what it refused as off-topic."""

    question: Question
    hits: tuple[SearchHit, ...]
    records: dict[str, Record]
    refused: tuple[tuple[str, str], ...]
    topics: dict[str, RecordTopics]


def retrieve(
    question: Question,
    limit: int,
    settings: RetrieveSettings,
    searcher: Searcher,
    records: RecordSource,
    topics_of: TopicReader,
    this_year: int,
    *,
    citable: bool = False,
) -> Retrieval:
    """The best ``limit`` records for ``question``, re-ranked and guarded.

    ``citable`` keeps only records that name the question's conditions (when it names
    any): what an answer may cite, so answering reads no record it cannot use. Whether
    a sentence of theirs answers is the evidence stage's to judge; records mainly about
    another disease are refused here whatever they name.
    """
    scores = _lexical_scores(question, settings, searcher)
    found = records.get_many(scores)
    ordered = [found[record_id] for record_id in scores if record_id in found]
    passages = _passage_scores(question, ordered, settings, searcher, records)
    candidates = [
        Candidate(
            SearchHit(record.id, scores[record.id], rank),
            record,
            topics_of(record, question),
            passages.get(record.id, 0.0),
        )
        for rank, record in enumerate(ordered, start=1)
    ]
    ranking = rank_candidates(question, candidates, settings, this_year)
    topics = {c.record.id: c.topics for c in candidates}
    conditions = [c.id for c in question.named_conditions()]
    hits = tuple(
        hit
        for hit in ranking.hits
        if not (citable and conditions) or topics[hit.record_id].names(conditions)
    )[:limit]
    return Retrieval(
        question,
        hits,
        {h.record_id: found[h.record_id] for h in hits},
        ranking.refused,
        {h.record_id: topics[h.record_id] for h in hits},
    )


def _passage_scores(
    question: Question,
    ordered: Sequence[Record],
    settings: RetrieveSettings,
    searcher: Searcher,
    records: RecordSource,
) -> dict[str, float]:
    """Each record's best title-plus-sentence passage for the question's content words, in
    the words research writes its concepts by (``Question.as_research_writes``)."""
    if settings.passage_weight <= 0:
        return {}
    words = searcher.analyze(content_text(question.as_research_writes()))
    idf = searcher.inverse_document_frequencies(words)
    passages = {}
    for record in ordered:
        title = searcher.analyze(record.title)
        sentences = records.sentences(record)
        passages[record.id] = [title + searcher.analyze(s.text) for s in sentences] or [title]
    return best_passage_scores(words, idf, passages)


def _lexical_scores(
    question: Question, settings: RetrieveSettings, searcher: Searcher
) -> dict[str, float]:
    """Candidates of the whole question and of each facet, with their best scaled score."""
    limit = settings.candidates
    plans: list[tuple[SearchPlan, int]] = [(search_plan(question, settings), limit)]
    if len(question.facets) > 1:
        plans += [
            (facet_plan(question, facet, settings), limit // FACET_SHARE)
            for facet in question.facets
        ]
    scores: dict[str, float] = {}
    for plan, plan_limit in plans:
        hits = searcher.search_plan(plan, plan_limit)
        best = hits[0].score if hits and hits[0].score > 0 else 1.0
        for hit in hits:
            scores[hit.record_id] = max(scores.get(hit.record_id, 0.0), hit.score / best)
    return dict(sorted(scores.items(), key=lambda item: -item[1]))


def reordered(
    found: Retrieval,
    hits: Sequence[SearchHit],
    settings: RetrieveSettings,
    records: RecordSource,
    topics_of: TopicReader,
    *,
    citable: bool = False,
) -> Retrieval:
    """``found`` re-ordered to ``hits`` (by the dense stage, say).

    A hit retrieval had not read (a dense first stage's nearest record that shares no word
    with the question) is read now and held to the same guard and ``citable`` rule as the
    records retrieval ranked itself; without this the evidence stage, which reads only
    the records a retrieval holds, would drop it silently.
    """
    question = found.question
    new = records.get_many(h.record_id for h in hits if h.record_id not in found.records)
    held = {**found.records, **new}
    topics = {**found.topics, **{k: topics_of(record, question) for k, record in new.items()}}
    conditions = [c.id for c in question.named_conditions()]
    refused = [
        (record_id, topics[record_id].other_disease)
        for record_id in new
        if settings.topic_guard and is_off_topic(question, topics[record_id])
    ]
    barred = {record_id for record_id, _ in refused}

    def admitted(record_id: str) -> bool:
        if record_id in found.records:
            return True
        if record_id not in new or record_id in barred:
            return False
        return not (citable and conditions) or topics[record_id].names(conditions)

    kept = tuple(hit for hit in hits if admitted(hit.record_id))
    ids = {hit.record_id for hit in kept}
    return Retrieval(
        question,
        kept,
        {k: v for k, v in held.items() if k in ids},
        (*found.refused, *refused),
        {k: v for k, v in topics.items() if k in ids},
    )
