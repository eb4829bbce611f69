"""The shared vocabulary of medcite: typed, immutable records passed between stages.

Every stage (``ingest``, ``store``, ``index``, ``vocab``, ``understand``, ``retrieve``,
``evidence``, ``compose``, ``render``) speaks in these types and nothing else, so a
stage can be read, tested and replaced on its own.
They are frozen, slotted records of tuples and enums, declared as ``msgspec.Struct``s
rather than ``dataclasses``: the same immutable, typed value objects, but built about six
times faster and decoded from JSON/msgpack without an intermediate dict — ingestion
creates some forty of them per PubMed record, so this is most of the parse cost.
``msgspec`` (de)serialises them to the JSON documented in ``docs/records.md``, refusing
unknown fields, without a second schema to drift.
"""

from __future__ import annotations

from medcite.records.answers import (
    Answer,
    AnswerSection,
    AnswerState,
    Audience,
    EvidenceGap,
    GapKind,
    GlossaryEntry,
    Provenance,
    Reference,
    SectionKind,
    Statement,
)
from medcite.records.base import (
    Frozen,
)
from medcite.records.concepts import (
    AbbreviationDefinition,
    AbbreviationSense,
    Concept,
    ConceptClause,
    ConceptMention,
    ConceptRole,
    Facet,
    Question,
    QuestionConcept,
    QuestionType,
    RecordTopics,
    SearchPlan,
    Vocabulary,
)
from medcite.records.evidence import (
    Comparator,
    EffectEstimate,
    EffectMeasure,
    EvidenceGrade,
    EvidenceLevel,
    GradeSignal,
    MeanSD,
    NumberMention,
    Percentage,
    Proportion,
    PValue,
    ReportedNumber,
    SentenceNotes,
    StudyDesign,
)
from medcite.records.literature import (
    Author,
    Chemical,
    Deletion,
    IngestSummary,
    Journal,
    MeshHeading,
    PublicationDate,
    Qualifier,
    Record,
    Rejection,
    RetrievedRecord,
    SearchHit,
    Section,
    Sentence,
    Source,
    SourceItem,
)
from medcite.records.roles import (
    RHETORICAL_ROLES,
    RoleEstimate,
    RoleSource,
    SentenceRole,
)

__all__ = [
    "RHETORICAL_ROLES",
    "AbbreviationDefinition",
    "AbbreviationSense",
    "Answer",
    "AnswerSection",
    "AnswerState",
    "Audience",
    "Author",
    "Chemical",
    "Comparator",
    "Concept",
    "ConceptClause",
    "ConceptMention",
    "ConceptRole",
    "Deletion",
    "EffectEstimate",
    "EffectMeasure",
    "EvidenceGap",
    "EvidenceGrade",
    "EvidenceLevel",
    "Facet",
    "Frozen",
    "GapKind",
    "GlossaryEntry",
    "GradeSignal",
    "IngestSummary",
    "Journal",
    "MeanSD",
    "MeshHeading",
    "NumberMention",
    "PValue",
    "Percentage",
    "Proportion",
    "Provenance",
    "PublicationDate",
    "Qualifier",
    "Question",
    "QuestionConcept",
    "QuestionType",
    "Record",
    "RecordTopics",
    "Reference",
    "Rejection",
    "ReportedNumber",
    "RetrievedRecord",
    "RoleEstimate",
    "RoleSource",
    "SearchHit",
    "SearchPlan",
    "Section",
    "SectionKind",
    "Sentence",
    "SentenceNotes",
    "SentenceRole",
    "Source",
    "SourceItem",
    "Statement",
    "StudyDesign",
    "Vocabulary",
]
