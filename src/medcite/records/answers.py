"""Records of an answer page: statements with citations, sections, gaps, references.

The page of ``../shared/DESIGN.md`` §1 as data. Fields added after the first version
have defaults, so answers saved earlier (review snapshots) still read.
"""

from __future__ import annotations

from enum import StrEnum

from medcite.records.base import Frozen
from medcite.records.concepts import Question
from medcite.records.evidence import EvidenceLevel, ReportedNumber, StudyDesign
from medcite.records.guidelines import Recommendation
from medcite.records.literature import Author


class Audience(StrEnum):
    """Who the answer is written for ("which best describes you?")."""

    CLINICIAN = "clinician"
    RESEARCHER = "researcher"
    PATIENT = "patient"


class SectionKind(StrEnum):
    """Which part of the page a section is."""

    BOTTOM_LINE = "bottom-line"
    GUIDELINES = "guidelines"
    RESEARCH = "research"


class AnswerState(StrEnum):
    """Whether the page answers, or says honestly why it cannot."""

    ANSWERED = "answered"
    INSUFFICIENT_EVIDENCE = "insufficient-evidence"
    NO_RECORDS = "no-records"


class Statement(Frozen, frozen=True):
    """A sentence of a cited record, shown in an answer with its citation numbers.

    ``start``/``end`` locate ``text`` inside section ``section_index`` of the record,
    so the statement can be verified against its source.
    """

    text: str
    citations: tuple[int, ...]
    record_id: str
    section_index: int
    section: str
    start: int
    end: int
    level: EvidenceLevel | None = None
    design: StudyDesign | None = None
    sample_size: int | None = None
    year: int | None = None
    numbers: tuple[ReportedNumber, ...] = ()
    indirect: str = ""
    """Why the evidence answers the question only indirectly ("CT, where MRI was asked")."""
    offset: int = 0
    """Characters of a leading label ("CONCLUSIONS:") trimmed: the text starts at start+offset."""
    relevance: float | None = None
    """The calibrated probability that the sentence answers the question (None: not scored)."""
    page: int | None = None
    """The page of the cited PDF the sentence starts on ("[4], p. 12")."""
    anchor: str = ""
    """The id of the paragraph in the cited full text, for a link to it."""
    recommendation: Recommendation | None = None
    """The statement is a guideline's recommendation: its strength and grade."""
    plain_language: bool = False
    """The sentence comes from a source written for patients (consumer health)."""
    location: str = ""
    """Where in a full text the sentence stands: its section path, or its PDF page
    ("Results › Survival", "p. 12"); "" for an abstract."""
    issuer: str = ""
    """The body that issued the guideline a recommendation comes from."""
    source_note: str = ""
    """What the reader should know of the source ("research written for professionals")."""


class AnswerSection(Frozen, frozen=True):
    """A titled part of an answer page ("Bottom line", "From the research", …).

    ``facet`` names the part of the question a research section covers; ``note`` is an
    honest line in place of statements ("No guideline in the index addresses this").
    """

    title: str
    statements: tuple[Statement, ...]
    kind: SectionKind = SectionKind.RESEARCH
    facet: str = ""
    note: str = ""


class GapKind(StrEnum):
    """Why a facet of the question is an evidence gap."""

    NO_EVIDENCE = "no-evidence"
    INDIRECT_ONLY = "indirect-only"


class EvidenceGap(Frozen, frozen=True):
    """A facet the evidence does not cover directly, and what there is instead."""

    facet: str
    kind: GapKind
    detail: str


class GlossaryEntry(Frozen, frozen=True):
    """A term of the answer explained for patients, from a loaded vocabulary's definition."""

    term: str
    definition: str
    concept_id: str


class Reference(Frozen, frozen=True):
    """A numbered reference of an answer, with what a citation style needs.

    ``authors`` are display names ("Smith JA"); ``author_names`` the same people as
    structured names, which reference exports (RIS, BibTeX, CSL-JSON) need to split
    family from given names. ``journal`` is the abbreviation a citation shows,
    ``journal_title`` the full title. The evidence fields come from ``EvidenceGrade``.
    """

    n: int
    record_id: str
    title: str
    pmid: str = ""
    doi: str = ""
    journal: str = ""
    year: int | None = None
    authors: tuple[str, ...] = ()
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publication_types: tuple[str, ...] = ()
    author_names: tuple[Author, ...] = ()
    journal_title: str = ""
    pmcid: str = ""
    evidence_level: EvidenceLevel | None = None
    study_design: StudyDesign | None = None
    sample_size: int | None = None
    url: str = ""
    """The web page a consumer-health answer was taken from."""
    issuer: str = ""
    """The body that issued a cited guideline."""


class Provenance(Frozen, frozen=True):
    """Which index snapshot and settings produced an answer, and how long it took."""

    index_snapshot: str
    settings_hash: str
    elapsed_ms: float
    vocabularies: str = ""
    """Fingerprint of the vocabularies that read the question ("" when none were loaded)."""
    relevance_model: str = ""
    """Version of the sentence-relevance model that chose the statements."""


class Answer(Frozen, frozen=True):
    """An answer page as data; renderers only format it.

    ``understanding`` is how the question was read (concepts, facets); ``gaps`` the
    facets without direct evidence; ``refused`` the records pushed out as mainly about
    another disease, with it, so a reader sees what was not cited and why.
    """

    question: str
    sections: tuple[AnswerSection, ...]
    references: tuple[Reference, ...]
    provenance: Provenance
    notes: tuple[str, ...] = ()
    understanding: Question | None = None
    audience: Audience = Audience.CLINICIAN
    state: AnswerState = AnswerState.ANSWERED
    gaps: tuple[EvidenceGap, ...] = ()
    follow_ups: tuple[str, ...] = ()
    disclaimer: str = ""
    glossary: tuple[GlossaryEntry, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()
    conversation: str = ""
