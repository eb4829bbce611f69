"""The answer as JSON: the documented contract other tools and later checks rely on.

Shape (``docs/answer-json.md``): ``question``, ``sections`` (``title`` and
``statements`` with ``text``, ``citations``, ``record_id``, ``section``,
``section_index``, ``start``, ``end``), ``references`` (``n``, ``record_id``, ``pmid``,
``doi``, ``title``, ``journal``, ``year``, ``authors`` and more), ``notes`` and
``provenance``. Fields are only ever added, never renamed.
"""

from __future__ import annotations

from typing import Any

from medcite.records import Answer, Reference, Statement
from medcite.render.citation import links, vancouver


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The answer as plain JSON-ready data."""
    return {
        "question": answer.question,
        "sections": [
            {"title": section.title, "statements": [_statement(s) for s in section.statements]}
            for section in answer.sections
        ],
        "references": [_reference(ref) for ref in answer.references],
        "notes": list(answer.notes),
        "provenance": {
            "index_snapshot": answer.provenance.index_snapshot,
            "settings_hash": answer.provenance.settings_hash,
            "elapsed_ms": round(answer.provenance.elapsed_ms, 1),
        },
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
    }


def _reference(reference: Reference) -> dict[str, Any]:
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
        "citation": vancouver(reference),
        "links": links(reference),
    }
