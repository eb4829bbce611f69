"""Weigh retrieved records as evidence for one question: grade them, read their sentences.

For every record: its evidence grade (cached per record, a few milliseconds each), and for
every sentence what composing an answer needs — the question's concepts it names, the
numbers it reports, its role in the abstract, for patients its readability, and the
calibrated probability that it answers the question (``relevance``).

The stage owns the algorithm and is given what it needs as two small protocols: a
``ConceptSpotter`` (the question's concepts named in a text, from ``understand``) and
``WordStatistics`` (how rare a word is in the corpus, from the index). Tests pass
in-memory doubles.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Protocol

from msgspec.structs import replace

from medcite.evidence.features import (
    QuestionWords,
    RecordContext,
    SentenceView,
    question_words,
    sentence_bm25,
    sentence_features,
    sentence_words,
)
from medcite.evidence.grade import grade_record
from medcite.evidence.numbers import find_numbers
from medcite.evidence.readability import readability
from medcite.evidence.relevance import RelevanceModel
from medcite.evidence.roles import sentence_roles
from medcite.records import (
    RHETORICAL_ROLES,
    AnswerKind,
    Audience,
    ConceptRole,
    EvidenceGrade,
    Question,
    QuestionConcept,
    Record,
    RetrievedRecord,
    SentenceNotes,
)
from medcite.words import is_content_word

GRADE_CACHE = 20_000
PAGE_ASKS_THE_SAME = 10.3
"""How much likelier a page is to answer a question when it asks what the question asks:
the likelihood ratio of that for MEDIQA 2019's assessors' verdicts (correct: 3 or 4 of 4)
on the answers to its training questions (``medcite eval mediqa-pages --split train``
reports it as ``likelihood_ratio``)."""


class ConceptSpotter(Protocol):
    """The ids of the question's concepts that a text names."""

    def __call__(self, text: str) -> tuple[str, ...]: ...


class RecordSpotter(Protocol):
    """The spotter for one record's texts: the question's concepts, by their names and by
    the short forms the record defines for them ("IHPS" where it spelled out infantile
    hypertrophic pyloric stenosis)."""

    def __call__(self, record: Record) -> ConceptSpotter: ...


class WordStatistics(Protocol):
    """How rare words are in the corpus: idf by canonical word, and the corpus's size."""

    def word_rarity(self, words: Iterable[str]) -> Mapping[str, float]: ...

    def document_count(self) -> int: ...


@lru_cache(maxsize=GRADE_CACHE)
def _grade(record: Record) -> EvidenceGrade:
    return grade_record(record)


def weigh_evidence(
    question: Question,
    retrieved: Sequence[RetrievedRecord],
    spotter: RecordSpotter,
    statistics: WordStatistics,
    audience: Audience,
    model: RelevanceModel,
) -> tuple[RetrievedRecord, ...]:
    """The records with their grades and per-sentence notes, relevance included, in order.

    A question of several facets is also asked facet by facet ("CNS involvement in
    systemic sclerosis", "PNS involvement in …"): a sentence that answers one facet
    cannot cover the whole question's words, and must not look irrelevant for that.
    ``relevance`` is the best of the whole question and its facets; ``facet_relevance``
    holds each facet's, in the question's order. A facet of one concept alone, of a
    question relating it to others, counts only for a sentence naming one of them
    (``Facet.answered_beside``): "Does giving babies Calpol when they have their jabs make
    the vaccines work less well?" asked "vaccines" alone, and a programme of vaccine
    advisory committees, at 0.96 for that facet, led the page (review 18).

    The model reads a sentence alone. That its page asks what the question asks
    (``RecordTopics.asks_the_same``: "What are the treatments for Gout?" for "How is gout
    treated?") is evidence it never sees, since a page's sentences seldom repeat the
    question heading them: it multiplies the sentence's odds of answering by
    ``PAGE_ASKS_THE_SAME``, up to the answer threshold (``_with_page``).
    """
    read, features = read_evidence(question, retrieved, spotter, statistics, audience, facets=True)
    weighed = []
    for item, rows in zip(read, features, strict=True):
        notes = []
        odds = PAGE_ASKS_THE_SAME if item.topics and item.topics.asks_the_same else 1.0
        for note, askings in zip(item.notes, rows, strict=True):
            chances = [model.probability(values) for values in askings]
            per_facet = tuple(chances[1:]) if len(chances) > 1 else ()
            facets = question.facets if per_facet else ()
            answering = [
                chances[0],
                *(
                    chance
                    for chance, facet in zip(per_facet, facets, strict=True)
                    if facet.is_answered_by(note.concepts)
                ),
            ]
            relevance = _with_page(max(answering), odds, model.answer_threshold)
            notes.append(replace(note, relevance=relevance, facet_relevance=per_facet))
        weighed.append(replace(item, notes=tuple(notes)))
    return tuple(weighed)


def read_evidence(
    question: Question,
    retrieved: Sequence[RetrievedRecord],
    spotter: RecordSpotter,
    statistics: WordStatistics,
    audience: Audience,
    *,
    facets: bool = False,
) -> tuple[tuple[RetrievedRecord, ...], list[list[tuple[tuple[float, ...], ...]]]]:
    """The records graded and annotated, and each sentence's relevance features.

    For each sentence, one row of features per way of asking: the whole question first,
    then (with ``facets``, for a question of several) each facet in turn. What
    ``weigh_evidence`` scores, and what training learns from (the whole question only).
    """
    words = {w for item in retrieved for s in item.sentences for w in sentence_words(s.text)}
    worded = question.as_research_writes()
    idf = relative_rarity(
        statistics.word_rarity({*words, *sentence_words(worded)} - {""}),
        statistics.document_count(),
    )
    askings = _askings(question, worded, idf, facets)
    best_score = max((item.score for item in retrieved), default=0.0) or 1.0
    keys = [[sentence_words(s.text) for s in item.sentences] for item in retrieved]
    best_bm25 = [
        max((sentence_bm25(asked, k) for ks in keys for k in ks), default=0.0) for asked in askings
    ]
    read: list[RetrievedRecord] = []
    features: list[list[tuple[tuple[float, ...], ...]]] = []
    for item, item_keys in zip(retrieved, keys, strict=True):
        grade = _grade(item.record)
        spot = spotter(item.record)
        views = _sentences(item, spot, audience)
        notes = tuple(view.notes for view in views)
        context = _context(item, notes, grade, best_score, spot)
        read.append(replace(item, grade=grade, notes=notes))
        contexts = [
            dataclasses.replace(
                context, best_bm25=max((sentence_bm25(asked, k) for k in item_keys), default=0.0)
            )
            for asked in askings
        ]
        features.append(
            [
                tuple(
                    sentence_features(asked, ctx, view, best, idf)
                    for asked, ctx, best in zip(askings, contexts, best_bm25, strict=True)
                )
                for view in views
            ]
        )
    return tuple(read), features


def with_odds_times(probability: float, ratio: float) -> float:
    """``probability`` updated by evidence of likelihood ratio ``ratio``: its odds times it."""
    return probability * ratio / (probability * ratio + 1.0 - probability)


def _with_page(relevance: float, odds: float, threshold: float) -> float:
    """A sentence's relevance with its page's evidence (``odds``): enough to make it an
    answer (``threshold``) where the model alone would not, never more. The model has read
    the page's title already; raised further, every sentence of the page would be as
    likely as every other, and a line of the page answering nothing would lead."""
    return max(relevance, min(with_odds_times(relevance, odds), threshold))


def relative_rarity(idf: Mapping[str, float], documents: int) -> dict[str, float]:
    """Each idf as a share of the largest a corpus of this size gives (an unseen word's).

    Rarity then means the same in a corpus of ten thousand records as in one of a million,
    so a model fitted on one scores sentences of the other alike.
    """
    unseen = math.log(1 + (documents + 0.5) / 0.5)
    return {word: value / unseen for word, value in idf.items()}


def _askings(
    question: Question, worded: str, idf: Mapping[str, float], facets: bool
) -> list[QuestionWords]:
    """The question as a whole, and (``facets``, several of them) each facet asked alone,
    each in the words research writes its concepts by (``worded`` is the whole question so,
    ``Question.as_research_writes``).

    An amount asked of an effect ("How much does aspirin reduce …?") is scored as the
    yes/no question on the same relation: the sentences stating that finding answer both,
    and the model's training questions hold no such question to learn it from (BioASQ's
    "how many" questions count things).
    """
    conditions = [c.id for c in question.with_role(ConceptRole.CONDITION)]
    kind = AnswerKind.YES_NO if question.effect_asked else question.answer_kind
    whole = question_words(worded, idf, _names(question.concepts), conditions, kind)
    if not facets or len(question.facets) < 2:
        return [whole]
    by_id = {c.id: c for c in question.concepts}
    askings = [whole]
    for facet in question.facets:
        named = [by_id[i] for i in facet.concept_ids if i in by_id]
        if not named:  # a kind of question ("… and diagnosis"): asked with all the rest
            askings.append(whole)
            continue
        asked = [*named, *(c for c in question.with_role(ConceptRole.CONDITION) if c not in named)]
        text = " ".join(c.worded for c in asked)
        askings.append(question_words(text, idf, _names(asked), conditions, kind))
    return askings


def _names(concepts: Iterable[QuestionConcept]) -> dict[str, tuple[str, ...]]:
    """Each concept's id and its names, as the question wrote it first."""
    return {c.id: c.names for c in concepts}


def _sentences(
    item: RetrievedRecord, spot: ConceptSpotter, audience: Audience
) -> list[SentenceView]:
    """Each sentence with its notes and role (``roles``), as feature extraction sees it."""
    views = []
    roles = sentence_roles(item.record, item.sentences)
    for index, (sentence, estimate) in enumerate(zip(item.sentences, roles, strict=True)):
        notes = SentenceNotes(
            concepts=spot(sentence.text),
            numbers=find_numbers(sentence.text),
            readability=readability(sentence.text) if audience is Audience.PATIENT else None,
            role=estimate.role,
        )
        shares = {role: estimate.probability(role) for role in RHETORICAL_ROLES}
        views.append(
            SentenceView(sentence.text, index, shares, estimate.role.administrative, notes)
        )
    return views


def _context(
    item: RetrievedRecord,
    notes: Sequence[SentenceNotes],
    grade: EvidenceGrade,
    best_score: float,
    spot: ConceptSpotter,
) -> RecordContext:
    title = frozenset(w for w in sentence_words(item.record.title) if is_content_word(w))
    words = frozenset(w for s in item.sentences for w in sentence_words(s.text))
    title_concepts = frozenset(spot(item.record.title))
    named = {c for note in notes for c in note.concepts} | title_concepts
    return RecordContext(
        title_words=title,
        words=words,
        concept_ids=frozenset(named),
        title_concepts=title_concepts,
        rank=item.rank,
        score=item.score / best_score,
        level=grade.level,
        sentences=len(item.sentences),
    )
