"""Annotate retrieved records for composing: grade, topics, and what each sentence says.

Grading reads a record's publication types and text (a few milliseconds), so grades are
cached per record id and version; sentence notes are per question and computed fresh:
which of the question's concepts a sentence names (its own words, narrower names,
abbreviations, or a sibling's), the numbers it reports, and for patients how readable
it is.
"""

from __future__ import annotations

from functools import lru_cache

from medcite.evidence import find_numbers, grade_record, readability
from medcite.records import (
    Audience,
    EvidenceGrade,
    Question,
    Record,
    RecordTopics,
    RetrievedRecord,
    Sentence,
    SentenceNotes,
)
from medcite.understand import Lexicon, count_concepts, question_lexicon

GRADE_CACHE = 20_000


@lru_cache(maxsize=GRADE_CACHE)
def _grade(record: Record) -> EvidenceGrade:
    return grade_record(record)


def annotate(
    question: Question,
    ranked: list[tuple[Record, tuple[Sentence, ...], int, float, RecordTopics | None]],
    audience: Audience,
) -> tuple[RetrievedRecord, ...]:
    """The records with their grades, topics and per-sentence notes, in rank order."""
    asked = question_lexicon(question)
    return tuple(
        RetrievedRecord(
            record,
            sentences,
            rank,
            score,
            grade=_grade(record),
            topics=topics,
            notes=tuple(_notes(sentence, asked, audience) for sentence in sentences),
        )
        for record, sentences, rank, score, topics in ranked
    )


def _notes(sentence: Sentence, asked: Lexicon, audience: Audience) -> SentenceNotes:
    return SentenceNotes(
        concepts=tuple(count_concepts(sentence.text, asked, asked.short_forms)),
        numbers=find_numbers(sentence.text),
        readability=readability(sentence.text) if audience is Audience.PATIENT else None,
    )
