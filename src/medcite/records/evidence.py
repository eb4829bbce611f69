"""Records of evidence: levels and study designs, grades, and numbers reported in text."""

from __future__ import annotations

from enum import StrEnum

from medcite.records.base import Frozen
from medcite.records.roles import SentenceRole


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


class Rate(NumberMention, frozen=True, tag="rate"):
    """A rate per a power of ten: "38 per 1000 neonates", "5.2 per 100,000 person-years"."""

    value: float
    per: int


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


ReportedNumber = Percentage | Proportion | Rate | PValue | EffectEstimate | MeanSD
"""Any number ``evidence.find_numbers`` reports (a tagged union: ``type`` in JSON)."""


class SentenceNotes(Frozen, frozen=True):
    """What one sentence of a retrieved record says, for choosing statements.

    ``concepts`` are the ids of the question's concepts the sentence names (a sibling of
    an asked test or modality appears as ``<id>~related``); ``numbers`` the results it
    reports; ``readability`` its Flesch Reading Ease when the reader is a patient.
    ``role`` is what the sentence does in its abstract, and ``relevance`` the calibrated
    probability that it answers the question (``evidence.relevance``), when scored.
    """

    concepts: tuple[str, ...] = ()
    numbers: tuple[ReportedNumber, ...] = ()
    readability: float | None = None
    role: SentenceRole | None = None
    relevance: float | None = None
    facet_relevance: tuple[float, ...] = ()
    """For a question of several facets, the relevance to each facet asked alone."""
