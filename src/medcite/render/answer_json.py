"""The answer as JSON: the documented contract other tools and later checks rely on.

Every field is described in ``docs/answer-json.md`` (a test keeps the two in step): the
question and how it was understood (``understanding``, as ``medcite understand`` shows
it), the audience and answer state, ``sections`` (with kind, facet and note) of
``statements`` (text, citations, source span, the cited study's evidence, the numbers
they report), evidence ``gaps``, ``references``, follow-ups, disclaimer, glossary, the
records ``refused`` as mainly about another disease, the conversation and provenance.
Fields are only ever added, never renamed.
"""

from __future__ import annotations

from typing import Any

from medcite.records import Answer, AnswerSection, Reference, Statement
from medcite.render.citation import links, vancouver
from medcite.render.question import question_to_json
from medcite.render.statements import number_kind


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The answer as plain JSON-ready data."""
    provenance = answer.provenance
    return {
        "question": answer.question,
        "understanding": question_to_json(answer.understanding) if answer.understanding else None,
        "audience": answer.audience.value,
        "state": answer.state.value,
        "sections": [_section(section) for section in answer.sections],
        "gaps": [
            {"facet": gap.facet, "kind": gap.kind.value, "detail": gap.detail}
            for gap in answer.gaps
        ],
        "references": [_reference(ref) for ref in answer.references],
        "notes": list(answer.notes),
        "follow_ups": list(answer.follow_ups),
        "disclaimer": answer.disclaimer,
        "glossary": [
            {"term": entry.term, "definition": entry.definition, "concept_id": entry.concept_id}
            for entry in answer.glossary
        ],
        "refused": [
            {"record_id": record_id, "disease": disease} for record_id, disease in answer.refused
        ],
        "conversation": answer.conversation,
        "provenance": {
            "index_snapshot": provenance.index_snapshot,
            "settings_hash": provenance.settings_hash,
            "elapsed_ms": round(provenance.elapsed_ms, 1),
            "vocabularies": provenance.vocabularies,
        },
    }


def _section(section: AnswerSection) -> dict[str, Any]:
    return {
        "title": section.title,
        "kind": section.kind.value,
        "facet": section.facet,
        "note": section.note,
        "statements": [_statement(s) for s in section.statements],
    }


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "text": statement.text,
        "citations": list(statement.citations),
        "record_id": statement.record_id,
        "section": statement.section,
        "section_index": statement.section_index,
        "start": statement.start,
        "end": statement.end,
        "offset": statement.offset,
        "level": statement.level.value if statement.level else None,
        "design": statement.design.value if statement.design else None,
        "n": statement.sample_size,
        "year": statement.year,
        "numbers": [
            {
                "kind": number_kind(number),
                "text": number.text,
                "start": number.start,
                "end": number.end,
            }
            for number in statement.numbers
        ],
        "indirect": statement.indirect,
        "page": statement.page,
        "location": statement.location,
        "anchor": statement.anchor,
        "plain_language": statement.plain_language,
        "source_note": statement.source_note,
        "recommendation": _recommendation(statement),
    }


def _recommendation(statement: Statement) -> dict[str, Any] | None:
    found = statement.recommendation
    if found is None:
        return None
    return {
        "strength": found.strength.value,
        "grade": found.grade,
        "scheme": found.scheme.value,
        "issuer": statement.issuer,
    }


def _reference(reference: Reference) -> dict[str, Any]:
    level, design = reference.evidence_level, reference.study_design
    return {
        "n": reference.n,
        "record_id": reference.record_id,
        "pmid": reference.pmid,
        "doi": reference.doi,
        "title": reference.title,
        "journal": reference.journal,
        "year": reference.year,
        "authors": list(reference.authors),
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "publication_types": list(reference.publication_types),
        "evidence_level": level.value if level else None,
        "study_design": design.value if design else None,
        "sample_size": reference.sample_size,
        "url": reference.url,
        "issuer": reference.issuer,
        "citation": vancouver(reference),
        "links": links(reference),
    }
