"""Check every statement against its source before an answer leaves the engine.

A statement is shown only if its text is exactly the characters ``start + offset:end``
of the cited section of the cited record, where the ``offset`` characters skipped are a
leading section label ("CONCLUSIONS: ") and nothing else. (Which records a question may
cite — those about its condition — retrieval and composition decide before.)
Anything else (a stale span, an edited record, a bug upstream) is dropped, never shown;
references no statement cites any more go with it.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec.structs import replace

from medcite.compose.labels import leading_label_length
from medcite.records import Answer, AnswerState, Record, Statement


def statement_matches_source(statement: Statement, record: Record | None) -> bool:
    """True when ``statement.text`` is the span it claims in the cited record's section."""
    if record is None or not 0 <= statement.section_index < len(record.sections):
        return False
    section_text = record.sections[statement.section_index].text
    sentence = section_text[statement.start : statement.end]
    if statement.offset and leading_label_length(sentence) != statement.offset:
        return False
    return sentence[statement.offset :] == statement.text


def verify_answer(answer: Answer, records: Mapping[str, Record]) -> Answer:
    """The answer with unverifiable statements, empty sections and unused references
    removed."""
    sections = []
    for section in answer.sections:
        kept = tuple(
            s for s in section.statements if statement_matches_source(s, records.get(s.record_id))
        )
        if kept or section.note:
            sections.append(replace(section, statements=kept))
    cited = {n for section in sections for s in section.statements for n in s.citations}
    references = tuple(ref for ref in answer.references if ref.n in cited)
    dropped = sum(len(s.statements) for s in answer.sections) - sum(
        len(s.statements) for s in sections
    )
    notes = answer.notes
    if dropped:
        notes = (*notes, f"{dropped} statement(s) failed verification against their source.")
    state = answer.state
    if answer.sections and not cited:
        sections, state = [], AnswerState.INSUFFICIENT_EVIDENCE
    return replace(
        answer, sections=tuple(sections), references=references, notes=notes, state=state
    )
