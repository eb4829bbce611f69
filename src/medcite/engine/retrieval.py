"""Concept-aware retrieval, wired: understand the question, search, read, re-rank, guard.

::

    text ─understand─▶ Question ─plans─▶ index (words + concept clauses, per facet)
         ─store─▶ records ─topics─▶ RecordTopics ─rank─▶ hits (neighbours refused)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from medcite.engine.vocabularies import Vocabularies
from medcite.index import LexicalIndex, analyze
from medcite.records import ConceptRole, Question, Record, RecordTopics, SearchHit, SearchPlan
from medcite.retrieve import (
    Candidate,
    best_passage_scores,
    facet_plan,
    rank_candidates,
    search_plan,
)
from medcite.settings import Settings
from medcite.store import SqliteStore
from medcite.understand import Knowledge, question_lexicon, record_topics, understand_question
from medcite.words import content_text

FACET_SHARE = 4
"""Each facet's own search contributes candidates/FACET_SHARE records."""
SENSE_PRIOR = 5.0


@dataclass(frozen=True, slots=True)
class Retrieval:
    """What retrieval found for a question, and what it refused as off-topic."""

    question: Question
    hits: tuple[SearchHit, ...]
    records: dict[str, Record]
    refused: tuple[tuple[str, str], ...]
    topics: dict[str, RecordTopics]


class Retriever:
    """Understands questions and retrieves records for them from one store and index."""

    def __init__(
        self,
        settings: Settings,
        store: SqliteStore,
        index: LexicalIndex,
        vocabularies: Vocabularies,
    ) -> None:
        self._settings = settings.retrieve
        self._store = store
        self._index = index
        self._vocabularies = vocabularies

    def understand(self, text: str, previous: Question | None = None) -> Question:
        """The question read through the vocabularies and the corpus's abbreviations."""
        knowledge = Knowledge(
            lexicon=self._vocabularies.lexicon(),
            concepts=self._vocabularies.store,
            senses=self._store,
            context_fit=self._context_fit,
            rarity=self._index.word_rarity,
        )
        return understand_question(text, knowledge, previous)

    def retrieve(self, question: Question, limit: int, *, citable: bool = False) -> Retrieval:
        """The best ``limit`` records for ``question``, re-ranked and guarded.

        ``citable`` keeps only records about the question's conditions (when it names
        any): what an answer may cite, so answering reads no record it cannot use.
        """
        scores = self._lexical_scores(question)
        found = self._store.get_many(scores)
        records = [found[record_id] for record_id in scores if record_id in found]
        asked = question_lexicon(question)
        lexicon = self._vocabularies.lexicon()
        passages = self._passage_scores(question, records)
        candidates = [
            Candidate(
                SearchHit(record.id, scores[record.id], rank),
                record,
                record_topics(record, question, asked, lexicon),
                passages.get(record.id, 0.0),
            )
            for rank, record in enumerate(records, start=1)
        ]
        ranking = rank_candidates(question, candidates, self._settings, datetime.now(UTC).year)
        topics = {c.record.id: c.topics for c in candidates}
        conditions = [c.id for c in question.with_role(ConceptRole.CONDITION)]
        hits = tuple(
            hit
            for hit in ranking.hits
            if not (citable and conditions) or topics[hit.record_id].is_about(conditions)
        )[:limit]
        return Retrieval(
            question,
            hits,
            {h.record_id: found[h.record_id] for h in hits},
            ranking.refused,
            {h.record_id: topics[h.record_id] for h in hits},
        )

    def _passage_scores(self, question: Question, records: Sequence[Record]) -> dict[str, float]:
        """Each record's best title-plus-sentence passage for the question's content words."""
        if self._settings.passage_weight <= 0:
            return {}
        words = analyze(content_text(question.text))
        idf = self._index.inverse_document_frequencies(words)
        passages = {}
        for record in records:
            title = analyze(record.title)
            sentences = self._store.sentences(record)
            passages[record.id] = [title + analyze(s.text) for s in sentences] or [title]
        return best_passage_scores(words, idf, passages)

    def _lexical_scores(self, question: Question) -> dict[str, float]:
        """Candidates of the whole question and of each facet, with their best scaled score."""
        limit = self._settings.candidates
        plans: list[tuple[SearchPlan, int]] = [(search_plan(question, self._settings), limit)]
        if len(question.facets) > 1:
            plans += [
                (facet_plan(question, facet, self._settings), limit // FACET_SHARE)
                for facet in question.facets
            ]
        scores: dict[str, float] = {}
        for plan, plan_limit in plans:
            hits = self._index.search_plan(plan, plan_limit)
            best = hits[0].score if hits and hits[0].score > 0 else 1.0
            for hit in hits:
                scores[hit.record_id] = max(scores.get(hit.record_id, 0.0), hit.score / best)
        return dict(sorted(scores.items(), key=lambda item: -item[1]))

    def _context_fit(self, long_form: str, words: Sequence[str]) -> float:
        """Σ log P(word | long form) / P(word), from document counts in the index.

        P(word | long form) is smoothed towards the word's background rate (Dirichlet
        prior, ``SENSE_PRIOR`` pseudo-records), so a sense seen in two records gains
        nothing from chance co-occurrence, while a sense seen often beside the
        question's words gains in proportion.
        """
        total = max(1, self._index.document_count())
        named = self._index.count(long_form)
        fit = 0.0
        for word in words:
            background = (self._index.count(word) + 0.5) / (total + 1.0)
            together = self._index.count(long_form, word)
            fit += math.log(
                (together + SENSE_PRIOR * background) / (named + SENSE_PRIOR) / background
            )
        return fit
