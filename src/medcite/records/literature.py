"""Records of the literature: citations as read from their sources, sentences, hits."""

from __future__ import annotations

from enum import StrEnum

import msgspec

from medcite.records.base import Frozen
from medcite.records.concepts import RecordTopics
from medcite.records.evidence import EvidenceGrade, SentenceNotes
from medcite.records.guidelines import Recommendation


class Source(StrEnum):
    """Where a record was read from; part of provenance, not of identity."""

    PUBMED_XML = "pubmed-xml"
    MEDLINE_TEXT = "medline-text"
    EUTILS = "eutils"
    JSONL = "jsonl"
    TEXT = "text"
    DATASET = "dataset"
    """A benchmark corpus (SciFact, BioASQ, PubMedQA) read by ``medcite eval``."""
    PMC_JATS = "pmc-jats"
    """A full text in JATS XML, as PubMed Central ships it (``.nxml`` or a bulk ``.tar.gz``)."""
    PDF = "pdf"
    """The text layer of a PDF (a guideline or a paper), with the page of every part."""
    MEDQUAD = "medquad"
    """A consumer-health answer of MedQuAD (NIH web sites), written in plain language."""

    @property
    def plain_language(self) -> bool:
        """Whether the source writes for patients rather than for professionals."""
        return self is Source.MEDQUAD

    @property
    def answers_its_title(self) -> bool:
        """Whether each record is a page written as the answer to the question that is its
        title ("What are the treatments for Gout?"), so that every sentence of it speaks to
        that question, whether or not it repeats its words."""
        return self is Source.MEDQUAD


PATH_SEPARATOR = " › "
"""How a section path is written on one line: "Results › Survival"."""


class SectionPart(StrEnum):
    """Which part of a work a section is: its abstract, or a part of its full text."""

    ABSTRACT = "abstract"
    """The abstract (or, for a consumer-health answer, the answer itself)."""
    BODY = "body"
    """A paragraph of the full text's body."""
    CAPTION = "caption"
    """A figure or table caption."""
    TABLE = "table"
    """A table as text, one row a line and cells joined by " | "; rows are not sentences."""


class Section(Frozen, frozen=True):
    """One part of an abstract as published (NLM ``AbstractText`` or an inline label).

    ``label`` is the author's label ("RESULTS", "Patients and methods") or "" for an
    unstructured abstract; ``category`` is NLM's normalised ``NlmCategory``
    (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS, UNASSIGNED) when known.
    """

    text: str
    label: str = ""
    category: str = ""
    part: SectionPart = SectionPart.ABSTRACT
    path: tuple[str, ...] = ()
    """The headings above a full-text part, outermost first: ("Results", "Survival")."""
    anchor: str = ""
    """Where the part is in its source: the JATS element id of the paragraph, caption or table."""
    page_starts: tuple[tuple[int, int], ...] = ()
    """``(offset, page)`` pairs, by offset: page ``page`` of a PDF starts at ``text[offset]``."""

    @property
    def heading(self) -> str:
        """The section path on one line ("Results › Survival"), else the label."""
        return PATH_SEPARATOR.join(self.path) or self.label

    def page_at(self, offset: int) -> int | None:
        """The page holding character ``offset`` of the text (None when pages are unknown)."""
        page = None
        for start, number in self.page_starts:
            if start > offset:
                break
            page = number
        return page


class Qualifier(Frozen, frozen=True):
    """A MeSH subheading attached to a descriptor (e.g. Q000000981 "diagnostic imaging")."""

    qualifier_id: str
    name: str
    major_topic: bool = False


class MeshHeading(Frozen, frozen=True):
    """A MeSH heading: the descriptor and its qualifiers, with NLM's major-topic flags."""

    descriptor_id: str
    name: str
    major_topic: bool = False
    qualifiers: tuple[Qualifier, ...] = ()


class Chemical(Frozen, frozen=True):
    """An entry of NLM's ``ChemicalList`` (substance name and its registry number)."""

    substance_id: str
    name: str
    registry_number: str = ""


class Author(Frozen, frozen=True):
    """A person (last name, fore name, initials) or a collective (group) author."""

    last_name: str = ""
    fore_name: str = ""
    initials: str = ""
    collective_name: str = ""

    @property
    def display_name(self) -> str:
        """The name as NLM's citation style writes it: "Smith JA" or the group name."""
        if self.collective_name:
            return self.collective_name
        return f"{self.last_name} {self.initials}".strip() or self.fore_name


class Journal(Frozen, frozen=True):
    """The journal issue a record appeared in."""

    title: str = ""
    iso_abbreviation: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""


class PublicationDate(Frozen, frozen=True):
    """A publication date as precise as the source gives it.

    ``text`` keeps the published form (e.g. NLM's ``MedlineDate`` "1998 Dec-1999 Jan");
    ``year`` is the first year in it, so records sort and filter by year uniformly.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    text: str = ""


class Record(Frozen, frozen=True):
    """One citation (an article or book chapter) with its abstract and indexing.

    ``id`` is ``pmid:<n>`` for PubMed records, ``doi:<doi>`` when only a DOI identifies
    it, and ``<source>:<name>`` otherwise; it is the key of idempotent upserts.
    ``version`` is PubMed's PMID version: a higher version replaces a lower one.
    """

    id: str
    source: Source
    title: str
    sections: tuple[Section, ...] = ()
    version: int = 1
    pmid: str = ""
    doi: str = ""
    pmcid: str = ""
    pii: str = ""
    vernacular_title: str = ""
    copyright: str = ""
    publication_types: tuple[str, ...] = ()
    mesh_headings: tuple[MeshHeading, ...] = ()
    chemicals: tuple[Chemical, ...] = ()
    keywords: tuple[str, ...] = ()
    date: PublicationDate = msgspec.field(default_factory=PublicationDate)
    journal: Journal = msgspec.field(default_factory=Journal)
    authors: tuple[Author, ...] = ()
    languages: tuple[str, ...] = ()
    url: str = ""
    """Where the work lies on the web, when that is how it is cited (a consumer-health page)."""
    bibliography: tuple[str, ...] = ()
    """The works a full text cites, one formatted reference each, in its order."""
    recommendations: tuple[Recommendation, ...] = ()
    """The recommendation statements of a guideline text, with their grades."""
    issuer: str = ""
    """The body that issued a guideline (a society, an agency, a task force)."""

    @property
    def has_full_text(self) -> bool:
        """Whether the record carries a full text (body paragraphs), not only an abstract."""
        return any(section.part is not SectionPart.ABSTRACT for section in self.sections)

    @property
    def abstract(self) -> str:
        """The abstract as one text, sections joined by blank lines."""
        return "\n\n".join(section.text for section in self.sections)

    @property
    def year(self) -> int | None:
        """The publication year, the part of the date every stage uses."""
        return self.date.year


class Deletion(Frozen, frozen=True):
    """A record withdrawn by its publisher of record (NLM ``DeleteCitation``)."""

    record_id: str


class Rejection(Frozen, frozen=True):
    """A record or file that could not be read, and why; ingestion goes on without it.

    ``location`` names the file; ``record`` the record within it (a PMID or a position
    such as "record 12") when the fault is in one record rather than the whole file.
    """

    location: str
    reason: str
    record: str = ""

    def __str__(self) -> str:
        where = f"{self.location} [{self.record}]" if self.record else self.location
        return f"{where}: {self.reason}"


SourceItem = Record | Deletion | Rejection
"""What a reader yields: a record, a deletion, or a rejected input with its reason."""


class Sentence(Frozen, frozen=True):
    """A sentence of a record's section, located by character span in that section.

    Answers are built from sentences, and the span lets anyone check a statement
    against its source: ``record.sections[section_index].text[start:end] == text``.
    """

    record_id: str
    section_index: int
    index: int
    start: int
    end: int
    text: str
    section_label: str = ""
    section_path: tuple[str, ...] = ()
    """The headings above the sentence in a full text ("Results", "Survival")."""
    page: int | None = None
    """The page of a PDF on which the sentence starts."""


class SearchHit(Frozen, frozen=True):
    """A record found by a search, with its score and rank (1-based)."""

    record_id: str
    score: float
    rank: int


class RetrievedRecord(Frozen, frozen=True):
    """A record found for a question, with its sentences and where retrieval ranked it.

    The engine adds what composing an answer weighs: the record's evidence grade and
    topic scores, and for each sentence (same order) what it says (``SentenceNotes``).
    """

    record: Record
    sentences: tuple[Sentence, ...]
    rank: int
    score: float
    grade: EvidenceGrade | None = None
    topics: RecordTopics | None = None
    notes: tuple[SentenceNotes, ...] = ()


class IngestSummary(Frozen, frozen=True):
    """What one ingest run did: counts by outcome, and every rejection with its reason."""

    read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejections: tuple[Rejection, ...] = ()

    @property
    def rejected(self) -> int:
        """How many inputs were rejected."""
        return len(self.rejections)
