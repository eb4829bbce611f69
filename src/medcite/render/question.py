"""How medcite understood a question, as JSON data and as a terminal view.

Shown with every answer so a reader sees at once whether medcite misread the question:
the concepts (with their vocabulary ids, role, and the other names searched), the kinds
of question, the facets an answer must cover, and notes such as an abbreviation's sense.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from medcite.records import AnswerKind, Question

MESH_URL = "https://meshb.nlm.nih.gov/record/ui?ui={id}"
DOID_URL = "https://disease-ontology.org/?id={id}"
_MESH_ID = re.compile(r"[CDQ]\d{6,9}")
_DOID = re.compile(r"DOID:\d{1,9}")


def concept_url(concept_id: str) -> str:
    """The vocabulary's own page for a concept id (MeSH browser, Disease Ontology), or "".

    Only ids of the vocabulary's exact shape get a link, so an id can never carry a
    scheme or markup into an ``href``.
    """
    if _MESH_ID.fullmatch(concept_id):
        return MESH_URL.format(id=concept_id)
    if _DOID.fullmatch(concept_id):
        return DOID_URL.format(id=concept_id)
    return ""


def question_to_json(question: Question) -> dict[str, Any]:
    """The understanding as plain JSON-ready data (``docs/answer-json.md``)."""
    return {
        "text": question.text,
        "concepts": [
            {
                "id": concept.id,
                "ids": list(concept.ids),
                "name": concept.name,
                "role": concept.role.value,
                "mention": concept.mention,
                "start": concept.start,
                "end": concept.end,
                "synonyms": list(concept.synonyms),
                "abbreviations": list(concept.abbreviations),
                "narrower": len(concept.narrower),
                "abbreviation": concept.abbreviation,
                "other_senses": list(concept.other_senses),
            }
            for concept in question.concepts
        ],
        "types": [kind.value for kind in question.types],
        "answer_kind": question.answer_kind.value,
        "outcomes": list(question.outcomes),
        "facets": [
            {
                "label": facet.label,
                "concept_ids": list(facet.concept_ids),
                "cue_words": list(facet.cue_words),
            }
            for facet in question.facets
        ],
        "notes": list(question.notes),
    }


WANTED = {
    AnswerKind.YES_NO: "a finding on the asked relation",
    AnswerKind.NAMING: "the sentences that name it",
    AnswerKind.SUMMARY: "the best conclusions",
    AnswerKind.QUANTITY: "an amount",
}
"""What leads the answer, by the kind of answer the question wants (``compose``)."""


def question_view(question: Question) -> RenderableType:
    """The understanding as a small table of concepts, then kinds, facets and notes."""
    table = Table("concept", "id", "role", "also searched as", box=None, pad_edge=False)
    for concept in question.concepts:
        names = list(dict.fromkeys([*concept.abbreviations, *concept.synonyms[:4]]))
        table.add_row(
            f"{concept.mention} → {concept.name}", concept.id, concept.role.value, "; ".join(names)
        )
    parts: list[RenderableType] = [Text("How medcite understood the question", style="bold")]
    if question.concepts:
        parts.append(table)
    kinds = ", ".join(kind.value for kind in question.types) or "—"
    parts.append(Text(f"kind: {kinds} · wants {WANTED[question.answer_kind]}"))
    outcomes = [c.mention for c in question.concepts if c.id in question.outcomes]
    if outcomes:
        parts.append(Text(f"outcome asked: {'; '.join(dict.fromkeys(outcomes))}"))
    parts += [Text(f"facet: {facet.label}") for facet in question.facets]
    parts += [Text(note, style="italic yellow") for note in question.notes]
    return Group(*parts)
