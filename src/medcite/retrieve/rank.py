"""Re-rank the index's candidates by what they are about, and refuse the neighbours.

The index ranks by words (BM25 over text and headings). Here each candidate's lexical
score, scaled to the best one, is joined by the score of its best passage, and by
features of meaning: how much the record is
about the question's condition, what share of the question's other concepts it
covers, and how recent it is — priors that reorder, never filters that hide. One rule
does filter: a record mainly about a different disease (its headings or title say so,
while the question's condition is at most a passing mention) is refused, so it can
never be cited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medcite.records import ConceptRole, Question, Record, RecordTopics, SearchHit
from medcite.settings import RetrieveSettings

FULL_TOPIC = 8.0
"""A condition that is a major heading, in the title and all through the abstract."""
OTHER_DISEASE_MAIN = 3.0
"""An other disease this strong (a major heading, or the title) is a main topic."""
MARGIN = 1.5
OLDEST_YEAR, YEAR_SPAN = 1990, 36


@dataclass(frozen=True, slots=True)
class Candidate:
    """A record the index found, with what it is about."""

    hit: SearchHit
    record: Record
    topics: RecordTopics
    passage: float = 0.0
    """The BM25 score of the record's best passage (``passages.best_passage_scores``)."""


@dataclass(frozen=True, slots=True)
class Ranking:
    """Re-ranked hits, and the records refused as mainly about another disease."""

    hits: tuple[SearchHit, ...]
    refused: tuple[tuple[str, str], ...]
    """(record id, the disease it is mainly about)."""


def is_off_topic(question: Question, topics: RecordTopics) -> bool:
    """Whether a record is mainly about a disease other than the conditions the question
    asks of (``Question.subject_conditions``)."""
    conditions = question.subject_conditions()
    if not conditions or topics.other_score < OTHER_DISEASE_MAIN:
        return False
    condition = max(topics.score(c.id) for c in conditions)
    return condition < RecordTopics.ABOUT and condition < topics.other_score - MARGIN


def rank_candidates(
    question: Question,
    candidates: Sequence[Candidate],
    settings: RetrieveSettings,
    this_year: int,
) -> Ranking:
    """The candidates re-scored and re-ranked, off-topic ones refused (see module doc)."""
    if not candidates:
        return Ranking((), ())
    best = max(c.hit.score for c in candidates) or 1.0
    best_passage = max(c.passage for c in candidates) or 1.0
    conditions = question.with_role(ConceptRole.CONDITION)
    others = [c for c in question.concepts if c.role is not ConceptRole.CONDITION]
    scored: list[tuple[float, Candidate]] = []
    refused: list[tuple[str, str]] = []
    for candidate in candidates:
        topics = candidate.topics
        if settings.topic_guard and is_off_topic(question, topics):
            refused.append((candidate.record.id, topics.other_disease))
            continue
        condition = max((topics.score(c.id) for c in conditions), default=0.0)
        coverage = sum(topics.score(c.id) > 0 for c in others) / len(others) if others else 0.0
        absent = bool(conditions) and condition == 0.0
        score = (
            candidate.hit.score / best
            - settings.absent_condition_penalty * absent
            + settings.passage_weight * candidate.passage / best_passage
            + settings.topic_weight * min(condition, FULL_TOPIC) / FULL_TOPIC
            + settings.coverage_weight * coverage
            + settings.recency_weight * _recency(candidate.record.year, this_year)
        )
        scored.append((score, candidate))
    scored.sort(key=lambda pair: (-pair[0], pair[1].hit.rank))
    hits = tuple(
        SearchHit(candidate.record.id, score, rank)
        for rank, (score, candidate) in enumerate(scored, start=1)
    )
    return Ranking(hits, tuple(refused))


def _recency(year: int | None, this_year: int) -> float:
    if year is None:
        return 0.0
    return min(1.0, max(0.0, (year - OLDEST_YEAR) / min(YEAR_SPAN, this_year - OLDEST_YEAR)))
