"""What guidelines say: their graded recommendations first, their background after.

A guideline's recommendations (``Record.recommendations``, recognised at ingestion with
their strength and grade) are what "From the guidelines" is for; the rest of a guideline
— rationale, evidence summaries — is background, shown only where no recommendation of
it speaks to the question. Strong recommendations come before conditional ones.
"""

from __future__ import annotations

from medcite.compose.candidates import Candidate
from medcite.records import (
    PATH_SEPARATOR,
    EvidenceLevel,
    Recommendation,
    RecommendationStrength,
    SectionPart,
    StudyDesign,
)

GUIDELINE_DESIGNS = frozenset({StudyDesign.GUIDELINE, StudyDesign.CONSENSUS})
STRENGTH_ORDER = {
    RecommendationStrength.STRONG: 0,
    RecommendationStrength.CONDITIONAL: 1,
    RecommendationStrength.UNSTATED: 2,
}


def recommendation_of(candidate: Candidate) -> Recommendation | None:
    """The recognised recommendation the candidate's sentence states, if any."""
    sentence = candidate.sentence
    for found in candidate.item.record.recommendations:
        if (
            found.section_index == sentence.section_index
            and found.start < sentence.end
            and sentence.start < found.end
        ):
            return found
    return None


def is_guideline(candidate: Candidate) -> bool:
    """A sentence of a guideline or consensus record, or of any text stating recommendations."""
    if candidate.item.record.recommendations:
        return True
    grade = candidate.item.grade
    return grade is not None and (
        grade.level is EvidenceLevel.GUIDELINE or grade.design in GUIDELINE_DESIGNS
    )


def guideline_rank(candidate: Candidate) -> tuple[int, float]:
    """Sort key of the guideline section: recommendations by strength, then background,
    each most relevant first."""
    found = recommendation_of(candidate)
    strength = len(STRENGTH_ORDER) if found is None else STRENGTH_ORDER[found.strength]
    return (strength, -candidate.score)


def location(candidate: Candidate) -> str:
    """Where a full-text sentence stands ("Results › Survival", "p. 12"); "" in an abstract."""
    section = candidate.item.record.sections[candidate.sentence.section_index]
    if section.part is SectionPart.ABSTRACT:
        return ""
    page = candidate.sentence.page
    where = PATH_SEPARATOR.join(section.path)
    if page is not None:
        return f"{where}, p. {page}" if where else f"p. {page}"
    return where or section.label
