"""The shared vocabulary of medcite: typed, immutable records passed between stages.

Every stage (``ingest``, ``store``, ``index``, ``compose``, ``render``) speaks in these
types and nothing else, so a stage can be read, tested and replaced on its own.
They are frozen, slotted records of tuples and enums, declared as ``msgspec.Struct``s
rather than ``dataclasses``: the same immutable, typed value objects, but built about six
times faster and decoded from JSON/msgpack without an intermediate dict — ingestion
creates some forty of them per PubMed record, so this is most of the parse cost.
``msgspec`` (de)serialises them to the JSON documented in ``docs/records.md``, refusing
unknown fields, without a second schema to drift.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec


class Frozen(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base of every record: immutable, slotted, hashable, strict about unknown fields.

    Subclasses restate ``frozen=True`` only so type checkers see it (msgspec inherits it).
    """


class Source(StrEnum):
    """Where a record was read from; part of provenance, not of identity."""

    PUBMED_XML = "pubmed-xml"
    MEDLINE_TEXT = "medline-text"
    EUTILS = "eutils"
    JSONL = "jsonl"
    TEXT = "text"
    DATASET = "dataset"
    """A benchmark corpus (SciFact, BioASQ, PubMedQA) read by ``medcite eval``."""


class Section(Frozen, frozen=True):
    """One part of an abstract as published (NLM ``AbstractText`` or an inline label).

    ``label`` is the author's label ("RESULTS", "Patients and methods") or "" for an
    unstructured abstract; ``category`` is NLM's normalised ``NlmCategory``
    (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS, UNASSIGNED) when known.
    """

    text: str
    label: str = ""
    category: str = ""


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


class SearchHit(Frozen, frozen=True):
    """A record found by a search, with its score and rank (1-based)."""

    record_id: str
    score: float
    rank: int


class RetrievedRecord(Frozen, frozen=True):
    """A record found for a question, with its sentences and where retrieval ranked it."""

    record: Record
    sentences: tuple[Sentence, ...]
    rank: int
    score: float


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


class Vocabulary(StrEnum):
    """A controlled vocabulary medcite can load."""

    MESH = "MeSH"
    DISEASE_ONTOLOGY = "DOID"
    ANNOTATED_CORPUS = "annotated"
    """Names learned from a corpus whose mentions are annotated with concept ids."""


class Concept(Frozen, frozen=True):
    """A concept of a controlled vocabulary, with every name it goes by.

    ``id`` is the vocabulary's own identifier: a MeSH descriptor UI ("D012595") or a
    Disease Ontology id ("DOID:418"). ``synonyms`` are the other names (MeSH entry
    terms, OBO EXACT/RELATED synonyms) and ``abbreviations`` the short forms the
    vocabulary itself lists (MeSH lexical tags ABB and ACR). Broader and narrower
    concepts come from ``tree_numbers`` (MeSH: "C17.300.799") and ``parents``
    (OBO ``is_a``); ``xrefs`` link to other vocabularies ("MESH:D012595", "OMIM:181750").
    """

    id: str
    vocabulary: Vocabulary
    name: str
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    tree_numbers: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    definition: str = ""


class ConceptMention(Frozen, frozen=True):
    """Where a text names a concept: ``text[start:end]``, and the concept(s) meant.

    More than one id means the words name several concepts equally well (a MeSH
    descriptor and the Disease Ontology term it cross-references are one concept;
    "cold" is a temperature or an infection). ``via_abbreviation`` holds the long form
    when the text used a short one ("SSc" → "systemic sclerosis").
    """

    start: int
    end: int
    text: str
    concept_ids: tuple[str, ...]
    via_abbreviation: str = ""


class AbbreviationSense(Frozen, frozen=True):
    """One meaning of a short form, as defined in the corpus or a vocabulary.

    ``count`` is how many records define the short form with this long form
    ("systemic sclerosis (SSc)", Schwartz & Hearst 2003); ``concept_id`` is the
    concept the long form names, when the vocabularies know it.
    """

    short_form: str
    long_form: str
    count: int
    concept_id: str = ""


class AbbreviationDefinition(Frozen, frozen=True):
    """A short form a record defines ("systemic sclerosis (SSc)"), with its long form.

    ``key`` is the long form in canonical form (case, spelling and plural folded), so
    "Systemic Sclerosis" and "systemic scleroses" count as one sense.
    """

    short_form: str
    long_form: str
    key: str


class ConceptRole(StrEnum):
    """What part a concept plays in a question (a PICO-like reading)."""

    CONDITION = "condition"
    POPULATION = "population"
    INTERVENTION = "intervention"
    TEST = "test"
    IMAGING = "imaging modality"
    FINDING = "outcome/finding"
    BODY_SYSTEM = "body system"
    OTHER = "other"


class QuestionType(StrEnum):
    """What kind of answer a question asks for; a question may be several kinds."""

    DIAGNOSIS = "diagnosis"
    TREATMENT = "treatment"
    PROGNOSIS = "prognosis"
    ETIOLOGY = "etiology"
    EPIDEMIOLOGY = "epidemiology"
    FINDINGS = "findings/imaging"
    MECHANISM = "mechanism"
    YES_NO = "yes/no"


class QuestionConcept(Frozen, frozen=True):
    """A concept found in a question: what it is, its role, and the names searched for it.

    ``ids`` are every vocabulary id of the concept (MeSH first); ``synonyms`` and
    ``abbreviations`` are the other names retrieval looks for. ``narrower`` holds the
    ids of narrower descriptors and ``narrower_names`` the names of the nearest ones
    ("spinal cord" for the central nervous system), which count as the concept.
    ``related`` names its siblings ("computed tomography" beside MRI): evidence about
    them is indirect. When the question used an abbreviation with several meanings,
    ``abbreviation`` is the short form and ``other_senses`` the long forms not chosen.
    """

    ids: tuple[str, ...]
    name: str
    role: ConceptRole
    mention: str
    start: int
    end: int
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    tree_numbers: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    narrower_names: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    abbreviation: str = ""
    other_senses: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The concept's main id (its MeSH descriptor when it has one)."""
        return self.ids[0]


class Facet(Frozen, frozen=True):
    """A part of the question an answer must cover ("CNS involvement × MRI").

    Evidence covers the facet when it names every concept of ``concept_ids`` (any of
    their names) or, for facets named by the kind of question ("diagnosis"), one of
    ``cue_words``.
    """

    label: str
    concept_ids: tuple[str, ...] = ()
    cue_words: tuple[str, ...] = ()


class Question(Frozen, frozen=True):
    """A question as medcite understood it: concepts, kinds, facets, and notes on reading it."""

    text: str
    concepts: tuple[QuestionConcept, ...] = ()
    types: tuple[QuestionType, ...] = ()
    facets: tuple[Facet, ...] = ()
    notes: tuple[str, ...] = ()

    def with_role(self, *roles: ConceptRole) -> tuple[QuestionConcept, ...]:
        """The question's concepts that play one of ``roles``."""
        return tuple(concept for concept in self.concepts if concept.role in roles)


class ConceptClause(Frozen, frozen=True):
    """One concept of a question as the index looks for it.

    A record matches by any of the concept's ``names`` in its text (each a phrase), by
    a MeSH heading among ``mesh_ids``, or, more weakly, by a narrower heading.
    """

    names: tuple[str, ...]
    mesh_ids: tuple[str, ...] = ()
    narrower_ids: tuple[str, ...] = ()
    weight: float = 1.0


class SearchPlan(Frozen, frozen=True):
    """What retrieval asks of the index: the words as written, plus concept clauses.

    ``mesh_weight`` and ``narrower_weight`` scale the MeSH-heading matches against the
    text matches; ``proximity_weight`` adds each pair of neighbouring words of ``text``
    found close together; ``publication_types`` restricts the search to those types.
    """

    text: str
    concepts: tuple[ConceptClause, ...] = ()
    mesh_weight: float = 1.0
    narrower_weight: float = 0.3
    proximity_weight: float = 0.0
    publication_types: tuple[str, ...] = ()


class RecordTopics(Frozen, frozen=True):
    """How strongly a record is about each concept of a question, and about other diseases.

    A score adds up where the concept appears: a major MeSH heading (3), another
    heading (1), the title (3), the abstract (0.5 a mention, at most 2). ``other_disease``
    is the strongest disease the record is about that is none of the question's
    conditions nor related to them in the vocabulary (multiple sclerosis for a question
    on systemic sclerosis), with its score.
    """

    record_id: str
    concept_scores: tuple[tuple[str, float], ...] = ()
    other_disease: str = ""
    other_score: float = 0.0

    def score(self, concept_id: str) -> float:
        """The record's score for one question concept (0 when absent)."""
        return next((value for key, value in self.concept_scores if key == concept_id), 0.0)


class EvidenceLevel(StrEnum):
    """How strong a kind of evidence is, strongest first (the order is the ranking).

    A coarse hierarchy in the spirit of the Oxford CEBM levels: syntheses and trials
    above non-randomised studies, those above case reports, and opinion, preliminary
    reports (conference abstracts) and preclinical work last. Levels feed ranking as
    priors; they never hide evidence.
    """

    GUIDELINE = "guideline"
    SYNTHESIS = "synthesis"
    RANDOMIZED = "randomized"
    NONRANDOMIZED = "nonrandomized"
    CASE = "case"
    OPINION = "opinion"
    PRELIMINARY = "preliminary"
    PRECLINICAL = "preclinical"
    UNGRADED = "ungraded"

    @property
    def rank(self) -> int:
        """1 for the strongest level (guideline), counting down the hierarchy."""
        return list(EvidenceLevel).index(self) + 1


class StudyDesign(StrEnum):
    """The design of the study a record reports (or the kind of publication it is)."""

    GUIDELINE = "guideline"
    CONSENSUS = "consensus"
    META_ANALYSIS = "meta-analysis"
    SYSTEMATIC_REVIEW = "systematic-review"
    RANDOMIZED_TRIAL = "randomized-trial"
    CLINICAL_TRIAL = "clinical-trial"
    NONRANDOMIZED_TRIAL = "nonrandomized-trial"
    COHORT = "cohort"
    CASE_CONTROL = "case-control"
    CROSS_SECTIONAL = "cross-sectional"
    OBSERVATIONAL = "observational"
    COMPARATIVE = "comparative"
    CASE_SERIES = "case-series"
    CASE_REPORT = "case-report"
    NARRATIVE_REVIEW = "narrative-review"
    EDITORIAL = "editorial"
    LETTER = "letter"
    COMMENT = "comment"
    CONFERENCE_ABSTRACT = "conference-abstract"
    PROTOCOL = "protocol"
    ANIMAL = "animal"
    IN_VITRO = "in-vitro"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """The design as a reader would name it ("randomized controlled trial")."""
        return _DESIGN_LABELS.get(self, self.value.replace("-", " "))


_DESIGN_LABELS = {
    StudyDesign.META_ANALYSIS: "meta-analysis",
    StudyDesign.RANDOMIZED_TRIAL: "randomized controlled trial",
    StudyDesign.CLINICAL_TRIAL: "clinical trial",
    StudyDesign.NONRANDOMIZED_TRIAL: "non-randomized trial",
    StudyDesign.COHORT: "cohort study",
    StudyDesign.CASE_CONTROL: "case-control study",
    StudyDesign.CROSS_SECTIONAL: "cross-sectional study",
    StudyDesign.OBSERVATIONAL: "observational study",
    StudyDesign.COMPARATIVE: "comparative study",
    StudyDesign.CONSENSUS: "consensus statement",
    StudyDesign.PROTOCOL: "study protocol",
    StudyDesign.ANIMAL: "animal study",
    StudyDesign.IN_VITRO: "in-vitro study",
    StudyDesign.UNKNOWN: "design not stated",
}


class GradeSignal(StrEnum):
    """What decided a grade: NLM publication types, MeSH design headings, or the text."""

    PUBLICATION_TYPE = "publication-type"
    MESH_HEADING = "mesh-heading"
    TEXT = "text"
    NONE = "none"


class EvidenceGrade(Frozen, frozen=True):
    """The evidence a record offers: level, design, size and year, and why.

    ``cue`` is what decided the design (the publication type, the MeSH heading, or the
    words of the text), so a reader can check the grade. ``n`` counts people studied
    as the record states it (None when it states none); ``retracted`` is NLM's
    "Retracted Publication" type, which a page must show whatever the level.
    """

    level: EvidenceLevel
    design: StudyDesign
    signal: GradeSignal
    cue: str = ""
    n: int | None = None
    year: int | None = None
    retracted: bool = False


class Comparator(StrEnum):
    """The relation a reported p-value states ("p < 0.05")."""

    LESS = "<"
    LESS_OR_EQUAL = "≤"
    EQUAL = "="
    GREATER_OR_EQUAL = "≥"
    GREATER = ">"


class EffectMeasure(StrEnum):
    """Ratio measures of effect reported with confidence intervals."""

    ODDS_RATIO = "OR"
    RISK_RATIO = "RR"
    HAZARD_RATIO = "HR"
    INCIDENCE_RATE_RATIO = "IRR"


class NumberMention(Frozen, frozen=True):
    """A number reported in a sentence, located by span: ``sentence[start:end] == text``."""

    start: int
    end: int
    text: str


class Percentage(NumberMention, frozen=True, tag="percentage"):
    """ "58.5%", "12 percent"."""

    value: float


class Proportion(NumberMention, frozen=True, tag="proportion"):
    """A count out of a total: "24 of 41", "(24/41)"."""

    numerator: int
    denominator: int


class PValue(NumberMention, frozen=True, tag="p-value"):
    """ "p<0.0005", "P = .02"."""

    comparator: Comparator
    value: float


class EffectEstimate(NumberMention, frozen=True, tag="effect"):
    """ "OR 2.3, 95% CI 1.1–4.8": a ratio measure, adjusted or not, with its interval."""

    measure: EffectMeasure
    value: float
    adjusted: bool = False
    ci_level: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None


class MeanSD(NumberMention, frozen=True, tag="mean-sd"):
    """A mean with its standard deviation: "60.3 ± 13.3", "45 (SD 12)"."""

    mean: float
    sd: float


ReportedNumber = Percentage | Proportion | PValue | EffectEstimate | MeanSD
"""Any number ``evidence.find_numbers`` reports (a tagged union: ``type`` in JSON)."""


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


class AnswerSection(Frozen, frozen=True):
    """A titled part of an answer page ("Bottom line", "From the research", …)."""

    title: str
    statements: tuple[Statement, ...]


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


class Provenance(Frozen, frozen=True):
    """Which index snapshot and settings produced an answer, and how long it took."""

    index_snapshot: str
    settings_hash: str
    elapsed_ms: float


class Answer(Frozen, frozen=True):
    """An answer page as data; renderers only format it."""

    question: str
    sections: tuple[AnswerSection, ...]
    references: tuple[Reference, ...]
    provenance: Provenance
    notes: tuple[str, ...] = ()
