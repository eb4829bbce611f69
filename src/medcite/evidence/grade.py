"""Grade a record: evidence level, study design, size and year, and what decided them.

Order of signals (DESIGN.md §5): NLM publication types, then MeSH design headings,
then the text. A general metadata design ("Clinical Trial", "Observational Study",
"Comparative Study", "Review") may be made specific by the text when the text names a
design of the same family: NLM gave systematic reviews only the type "Review" until
2019, and "Clinical Trial" covers randomised and non-randomised trials alike.
"""

from __future__ import annotations

from medcite.evidence.design_text import design_from_text
from medcite.evidence.metadata import (
    design_from_mesh,
    design_from_publication_types,
    is_retracted,
)
from medcite.evidence.sample_size import sample_size
from medcite.evidence.study_passages import study_passages
from medcite.records import EvidenceGrade, EvidenceLevel, GradeSignal, Record, StudyDesign

D, L = StudyDesign, EvidenceLevel

LEVEL_OF_DESIGN: dict[StudyDesign, EvidenceLevel] = {
    D.GUIDELINE: L.GUIDELINE,
    D.CONSENSUS: L.GUIDELINE,
    D.META_ANALYSIS: L.SYNTHESIS,
    D.SYSTEMATIC_REVIEW: L.SYNTHESIS,
    D.RANDOMIZED_TRIAL: L.RANDOMIZED,
    D.CLINICAL_TRIAL: L.NONRANDOMIZED,
    D.NONRANDOMIZED_TRIAL: L.NONRANDOMIZED,
    D.COHORT: L.NONRANDOMIZED,
    D.CASE_CONTROL: L.NONRANDOMIZED,
    D.CROSS_SECTIONAL: L.NONRANDOMIZED,
    D.OBSERVATIONAL: L.NONRANDOMIZED,
    D.COMPARATIVE: L.NONRANDOMIZED,
    D.CASE_SERIES: L.CASE,
    D.CASE_REPORT: L.CASE,
    D.NARRATIVE_REVIEW: L.OPINION,
    D.EDITORIAL: L.OPINION,
    D.LETTER: L.OPINION,
    D.COMMENT: L.OPINION,
    D.CONFERENCE_ABSTRACT: L.PRELIMINARY,
    D.PROTOCOL: L.UNGRADED,
    D.ANIMAL: L.PRECLINICAL,
    D.IN_VITRO: L.PRECLINICAL,
    D.UNKNOWN: L.UNGRADED,
}
"""Each design's place in the hierarchy of ``EvidenceLevel``."""

_PRIMARY = frozenset({D.COHORT, D.CASE_CONTROL, D.CROSS_SECTIONAL})
TEXT_REFINES: dict[StudyDesign, frozenset[StudyDesign]] = {
    D.CLINICAL_TRIAL: frozenset({D.RANDOMIZED_TRIAL, D.NONRANDOMIZED_TRIAL}),
    D.OBSERVATIONAL: _PRIMARY | {D.CASE_SERIES},
    D.COMPARATIVE: _PRIMARY | {D.RANDOMIZED_TRIAL, D.NONRANDOMIZED_TRIAL},
    D.NARRATIVE_REVIEW: frozenset({D.SYSTEMATIC_REVIEW, D.META_ANALYSIS}),
    D.SYSTEMATIC_REVIEW: frozenset({D.META_ANALYSIS}),
    D.CASE_REPORT: frozenset({D.CASE_SERIES}),
}
"""Metadata designs the text may make more specific, and what it may make them."""

PEOPLE_NOT_COUNTED = frozenset({D.ANIMAL, D.IN_VITRO, D.GUIDELINE, D.CONSENSUS})
"""Designs whose n would not be a number of people studied (panels, animals, cells)."""


def grade_record(record: Record) -> EvidenceGrade:
    """The evidence grade of one record (pure: the same record always grades the same)."""
    passages = study_passages(record)
    n = sample_size(passages)
    from_text = design_from_text(record.title, passages, people_counted=n is not None)
    from_metadata = design_from_publication_types(record.publication_types)
    signal = GradeSignal.PUBLICATION_TYPE
    if from_metadata is None:
        from_metadata, signal = design_from_mesh(record.mesh_headings), GradeSignal.MESH_HEADING
    if from_metadata is not None:
        design, cue = from_metadata
        if from_text is not None and from_text.design in TEXT_REFINES.get(design, ()):
            design, cue, signal = from_text.design, from_text.cue, GradeSignal.TEXT
    elif from_text is not None:
        design, cue, signal = from_text.design, from_text.cue, GradeSignal.TEXT
    else:
        design, cue, signal = D.UNKNOWN, "", GradeSignal.NONE
    if design in PEOPLE_NOT_COUNTED:
        n = None
    elif design is D.CASE_REPORT and n is None:
        n = 1  # a case report describes one patient by definition
    return EvidenceGrade(
        level=LEVEL_OF_DESIGN[design],
        design=design,
        signal=signal,
        cue=cue,
        n=n,
        year=record.year,
        retracted=is_retracted(record.publication_types),
    )
