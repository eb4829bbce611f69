"""Compose an extractive answer: every statement is a sentence of a cited record.

Nothing is generated. Sentences of the retrieved records are scored for how much of
the question they cover (idf-weighted), where they sit in the abstract (conclusions
and results over background and methods) and how highly retrieval ranked their record.
The best conclusion-like sentences form the bottom line; the next ones, a few per
record at most, are the research bullets. References are numbered in order of citation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medcite.compose.terms import content_terms, fold, term_weights
from medcite.errors import QuestionError
from medcite.records import (
    Answer,
    AnswerSection,
    Provenance,
    Record,
    Reference,
    RetrievedRecord,
    Sentence,
    Statement,
)
from medcite.settings import AnswerSettings

BOTTOM_LINE = "Bottom line"
FROM_THE_RESEARCH = "From the research"

# NLM's NlmCategory values (and common author labels) → how answer-like the section is.
_SECTION_PRIOR = {
    "CONCLUSIONS": 0.30,
    "CONCLUSION": 0.30,
    "RESULTS": 0.20,
    "FINDINGS": 0.20,
    "UNASSIGNED": 0.0,
    "": 0.0,
    "OBJECTIVE": -0.10,
    "BACKGROUND": -0.10,
    "INTRODUCTION": -0.10,
    "METHODS": -0.20,
}
_MIN_CHARS, _MAX_CHARS = 40, 600


@dataclass(frozen=True, slots=True)
class _Scored:
    sentence: Sentence
    retrieved: RetrievedRecord
    score: float
    coverage: float
    concluding: bool


def check_question(question: str, settings: AnswerSettings) -> str:
    """The question, stripped; QuestionError when it is empty or over the length cap."""
    text = " ".join(question.split())
    if not text:
        raise QuestionError("the question is empty; ask about a condition, test or treatment")
    if len(text) > settings.max_question_chars:
        raise QuestionError(
            f"the question is {len(text)} characters long; the limit is "
            f"{settings.max_question_chars}. Ask one focused question at a time."
        )
    return text


def compose_answer(
    question: str,
    retrieved: Sequence[RetrievedRecord],
    settings: AnswerSettings,
    provenance: Provenance,
) -> Answer:
    """The answer page as data: bottom line, research bullets and numbered references."""
    scored = _score_sentences(content_terms(question), retrieved)
    bottom_line = _pick_bottom_line(scored, settings.bottom_line_statements)
    research = _pick_research(scored, bottom_line, settings)
    numbers: dict[str, int] = {}
    sections = tuple(
        AnswerSection(title, tuple(_statement(item, numbers) for item in items))
        for title, items in ((BOTTOM_LINE, bottom_line), (FROM_THE_RESEARCH, research))
        if items
    )
    by_id = {item.record.id: item.record for item in retrieved}
    references = tuple(_reference(n, by_id[record_id]) for record_id, n in numbers.items())
    notes = () if sections else ("No record in the index addresses this question.",)
    return Answer(question, sections, references, provenance, notes)


def _score_sentences(
    question_terms: Sequence[str], retrieved: Sequence[RetrievedRecord]
) -> list[_Scored]:
    candidates = [
        (item, sentence, frozenset(content_terms(sentence.text)))
        for item in retrieved
        for sentence in item.sentences
        if _MIN_CHARS <= len(sentence.text) <= _MAX_CHARS
    ]
    weights = term_weights(question_terms, (terms for _, _, terms in candidates))
    total_weight = sum(weights.values()) or 1.0
    scored = []
    for item, sentence, terms in candidates:
        coverage = sum(w for term, w in weights.items() if term in terms) / total_weight
        if coverage <= 0:
            continue
        concluding = _is_concluding(item.record, sentence)
        score = (
            coverage
            + _section_prior(item.record, sentence)
            + (0.15 if concluding else 0.0)
            + 0.3 / item.rank
        )
        scored.append(_Scored(sentence, item, score, coverage, concluding))
    scored.sort(key=lambda s: (-s.score, s.retrieved.rank, s.sentence.index))
    return scored


def _section_prior(record: Record, sentence: Sentence) -> float:
    section = record.sections[sentence.section_index]
    key = (section.category or fold(section.label.rstrip(":"))).upper()
    return _SECTION_PRIOR.get(key, 0.0)


def _is_concluding(record: Record, sentence: Sentence) -> bool:
    """A conclusions section, or the last sentence of an unstructured abstract."""
    section = record.sections[sentence.section_index]
    if section.category == "CONCLUSIONS" or section.label.upper().startswith("CONCLUSION"):
        return True
    if len(record.sections) == 1 and not section.label:
        return sentence.end >= len(section.text.rstrip())
    return False


def _pick_bottom_line(scored: Sequence[_Scored], limit: int) -> list[_Scored]:
    concluding = [s for s in scored if s.concluding and s.coverage >= 0.3]
    pool = concluding or list(scored)
    picked: list[_Scored] = []
    for item in pool:
        if all(p.retrieved.record.id != item.retrieved.record.id for p in picked):
            picked.append(item)
        if len(picked) == limit:
            break
    return picked


def _pick_research(
    scored: Sequence[_Scored], taken: Sequence[_Scored], settings: AnswerSettings
) -> list[_Scored]:
    per_record: dict[str, int] = {}
    for item in taken:
        per_record[item.retrieved.record.id] = per_record.get(item.retrieved.record.id, 0) + 1
    taken_keys = {(t.retrieved.record.id, t.sentence.index) for t in taken}
    picked: list[_Scored] = []
    for item in scored:
        if len(picked) == settings.research_statements:
            break
        record_id = item.retrieved.record.id
        if (record_id, item.sentence.index) in taken_keys:
            continue
        if per_record.get(record_id, 0) >= settings.statements_per_record:
            continue
        per_record[record_id] = per_record.get(record_id, 0) + 1
        picked.append(item)
    return picked


def _statement(item: _Scored, numbers: dict[str, int]) -> Statement:
    record = item.retrieved.record
    n = numbers.setdefault(record.id, len(numbers) + 1)
    sentence = item.sentence
    return Statement(
        text=sentence.text,
        citations=(n,),
        record_id=record.id,
        section_index=sentence.section_index,
        section=sentence.section_label,
        start=sentence.start,
        end=sentence.end,
    )


def _reference(n: int, record: Record) -> Reference:
    return Reference(
        n=n,
        record_id=record.id,
        title=record.title,
        pmid=record.pmid,
        doi=record.doi,
        journal=record.journal.iso_abbreviation or record.journal.title,
        year=record.year,
        authors=tuple(author.display_name for author in record.authors),
        volume=record.journal.volume,
        issue=record.journal.issue,
        pages=record.journal.pages,
        publication_types=record.publication_types,
    )
