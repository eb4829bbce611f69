"""The shapes of the HTTP API's responses, so ``/openapi.json`` documents every one.

Every route declares one of these as its response model, and FastAPI checks each response
against it before it leaves: a field the renderer adds without adding it here fails the
tests (``extra="forbid"``) rather than reaching clients undocumented. The answer's fields
are described one by one in ``docs/answer-json.md``; a record's schema comes from the
record type itself (``msgspec.json.schema``), see :func:`record_schema_components`.
"""

from __future__ import annotations

from typing import Any

import msgspec
from pydantic import BaseModel, ConfigDict, Field

from medcite.records import Record


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(Out):
    """The process answers."""

    status: str
    version: str


class Ready(Out):
    """The database is at the current schema and the index opens."""

    status: str
    records: int
    index_snapshot: str
    index_in_step: bool


class NumberOut(Out):
    kind: str
    text: str
    start: int
    end: int


class RecommendationOut(Out):
    strength: str
    grade: str
    scheme: str
    issuer: str


class StatementOut(Out):
    text: str
    citations: list[int]
    record_id: str
    section: str
    section_index: int
    start: int
    end: int
    offset: int
    level: str | None
    design: str | None
    n: int | None
    year: int | None
    numbers: list[NumberOut]
    indirect: str
    page: int | None = Field(description="The page of a cited PDF the sentence starts on.")
    location: str = Field(description='Where in a full text: "Results › Survival", "p. 12".')
    anchor: str = Field(description="The id of the paragraph in the cited full text.")
    plain_language: bool = Field(description="From a source written for patients.")
    source_note: str = Field(description="What a patient should know of the source.")
    recommendation: RecommendationOut | None = Field(
        description="The guideline recommendation the sentence states, with its grade."
    )


class SectionOut(Out):
    title: str
    kind: str
    facet: str
    note: str
    statements: list[StatementOut]


class GapOut(Out):
    facet: str
    kind: str
    detail: str


class ReferenceOut(Out):
    n: int
    record_id: str
    pmid: str
    doi: str
    title: str
    journal: str
    year: int | None
    authors: list[str]
    volume: str
    issue: str
    pages: str
    publication_types: list[str]
    evidence_level: str | None
    study_design: str | None
    sample_size: int | None
    url: str = Field(description="The page it was taken from, for a consumer-health answer.")
    issuer: str = Field(description="The body that issued a cited guideline.")
    citation: str
    links: dict[str, str] = Field(description="`pubmed` and `doi` links, where it has them.")


class GlossaryOut(Out):
    term: str
    definition: str
    concept_id: str


class RefusedOut(Out):
    record_id: str
    disease: str


class ProvenanceOut(Out):
    index_snapshot: str
    settings_hash: str
    elapsed_ms: float
    vocabularies: str


class ConceptOut(Out):
    id: str
    ids: list[str]
    name: str
    role: str
    mention: str
    start: int
    end: int
    synonyms: list[str]
    abbreviations: list[str]
    narrower: int
    abbreviation: str
    other_senses: list[str]


class FacetOut(Out):
    label: str
    concept_ids: list[str]
    cue_words: list[str]


class UnderstandingOut(Out):
    text: str
    concepts: list[ConceptOut]
    types: list[str]
    answer_kind: str = Field(
        description="What would answer the question: yes-no, naming, summary or quantity."
    )
    outcomes: list[str] = Field(
        default_factory=list,
        description="Ids of the concepts a verb of effect names as what it changes "
        '("Does metformin reduce cardiovascular events?"): a yes/no bottom line names one.',
    )
    facets: list[FacetOut]
    notes: list[str]


class ReviewStatusOut(Out):
    id: int
    state: str
    version: int
    current: bool = Field(description="Whether this snapshot is the review's current version.")
    approved_by: str
    approved_at: str | None


class SnapshotOut(Out):
    """Where an answer is kept, and its review."""

    id: str
    url: str
    audience: str
    conversation: str
    follows: str
    created_at: str
    review: ReviewStatusOut | None


class AnswerOut(Out):
    """The answer JSON of docs/answer-json.md, plus ``snapshot`` (null when not kept)."""

    question: str
    understanding: UnderstandingOut | None
    audience: str
    state: str
    sections: list[SectionOut]
    gaps: list[GapOut]
    references: list[ReferenceOut]
    notes: list[str]
    follow_ups: list[str]
    disclaimer: str
    glossary: list[GlossaryOut]
    refused: list[RefusedOut]
    conversation: str
    provenance: ProvenanceOut
    snapshot: SnapshotOut | None = Field(
        description="Where the answer is kept: null for an answer asked by GET, which keeps "
        "nothing (POST keeps it)."
    )


class SearchHitOut(Out):
    rank: int
    score: float
    record_id: str
    title: str
    year: int | None
    pmid: str


class ReviewOut(Out):
    id: int
    question: str
    audience: str
    state: str
    version: int
    snapshot_id: str
    answer_url: str
    submitted_by: str
    updated_at: str
    approved_by: str
    approved_at: str | None


class AuditOut(Out):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    at: str
    actor: str
    actor_role: str
    action: str
    source: str = Field(alias="from")
    target: str = Field(alias="to")
    version: int
    snapshot_id: str
    comment: str


class ReviewWithLogOut(ReviewOut):
    audit_log: list[AuditOut]


class SessionOut(Out):
    username: str
    role: str
    csrf_token: str = Field(description="Send it in X-CSRF-Token with every changing call.")


class ProblemDetail(Out):
    field: str
    message: str
    type: str


class Problem(Out):
    status: int
    code: str = Field(description="A stable word for programs, e.g. `session_expired`.")
    message: str
    details: list[ProblemDetail] | None = None


class ProblemOut(Out):
    """The one error shape of every failure."""

    error: Problem


PROBLEMS: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ProblemOut, "description": "Refused: the error says why."},
    "5XX": {"model": ProblemOut, "description": "Unavailable, or failed (logged)."},
}
"""Every route's error responses (they replace FastAPI's own 422 shape, which medcite
does not use)."""

RECORD_REF = "#/components/schemas/Record"


def record_schema_components() -> dict[str, Any]:
    """JSON Schemas of a record and what it holds, as OpenAPI components."""
    _, components = msgspec.json.schema_components(
        [Record], ref_template="#/components/schemas/{name}"
    )
    return components


def record_response() -> dict[int | str, dict[str, Any]]:
    """The documented 200 response of the record route (schema of ``Record``)."""
    return {
        200: {
            "description": "The record, in the JSON schema of docs/records.md.",
            "content": {"application/json": {"schema": {"$ref": RECORD_REF}}},
        }
    }
