"""Study design from the indexing NLM gives a record: publication types, then MeSH.

Publication types are NLM's own statement of what an article is (MeSH "Publication
Characteristics", tree V; https://www.nlm.nih.gov/mesh/pubtypes.html), assigned by
indexers who read the full text, so they decide first. Several may apply ("Case
Reports" and "Review" for a case with a literature review); the table below is in
order of precedence and the first type present wins. Types that say nothing about
design ("Journal Article", "Multicenter Study", "Research Support, …") are absent.

When the publication types are silent, the MeSH headings that describe a study's
design (tree E05.318.372 "Epidemiologic Study Characteristics", and the check tags
"Animals" without "Humans") decide next.
"""

from __future__ import annotations

from collections.abc import Iterable

from medcite.records import MeshHeading, StudyDesign

PUBLICATION_TYPE_DESIGNS: tuple[tuple[str, StudyDesign], ...] = (
    ("Practice Guideline", StudyDesign.GUIDELINE),
    ("Guideline", StudyDesign.GUIDELINE),
    ("Consensus Development Conference, NIH", StudyDesign.CONSENSUS),
    ("Consensus Development Conference", StudyDesign.CONSENSUS),
    ("Meta-Analysis", StudyDesign.META_ANALYSIS),
    ("Systematic Review", StudyDesign.SYSTEMATIC_REVIEW),
    ("Scoping Review", StudyDesign.SYSTEMATIC_REVIEW),
    ("Clinical Trial Protocol", StudyDesign.PROTOCOL),
    ("Randomized Controlled Trial, Veterinary", StudyDesign.ANIMAL),
    ("Clinical Trial, Veterinary", StudyDesign.ANIMAL),
    ("Observational Study, Veterinary", StudyDesign.ANIMAL),
    ("Randomized Controlled Trial", StudyDesign.RANDOMIZED_TRIAL),
    ("Controlled Clinical Trial", StudyDesign.CLINICAL_TRIAL),
    ("Pragmatic Clinical Trial", StudyDesign.CLINICAL_TRIAL),
    ("Equivalence Trial", StudyDesign.CLINICAL_TRIAL),
    ("Adaptive Clinical Trial", StudyDesign.CLINICAL_TRIAL),
    ("Clinical Trial, Phase IV", StudyDesign.CLINICAL_TRIAL),
    ("Clinical Trial, Phase III", StudyDesign.CLINICAL_TRIAL),
    ("Clinical Trial, Phase II", StudyDesign.CLINICAL_TRIAL),
    ("Clinical Trial, Phase I", StudyDesign.CLINICAL_TRIAL),
    ("Clinical Trial", StudyDesign.CLINICAL_TRIAL),
    ("Observational Study", StudyDesign.OBSERVATIONAL),
    ("Twin Study", StudyDesign.OBSERVATIONAL),
    ("Comparative Study", StudyDesign.COMPARATIVE),
    ("Case Reports", StudyDesign.CASE_REPORT),
    ("Congress", StudyDesign.CONFERENCE_ABSTRACT),
    ("Review", StudyDesign.NARRATIVE_REVIEW),
    ("Editorial", StudyDesign.EDITORIAL),
    ("Letter", StudyDesign.LETTER),
    ("Comment", StudyDesign.COMMENT),
)
"""NLM publication type names → design, in order of precedence."""

RETRACTED_TYPE = "Retracted Publication"
"""NLM's type for an article that was later retracted (not the retraction notice)."""

MESH_DESIGNS: tuple[tuple[str, StudyDesign], ...] = (
    ("Case-Control Studies", StudyDesign.CASE_CONTROL),
    ("Cross-Sectional Studies", StudyDesign.CROSS_SECTIONAL),
    ("Cohort Studies", StudyDesign.COHORT),
    ("Prospective Studies", StudyDesign.COHORT),
    ("Longitudinal Studies", StudyDesign.COHORT),
    ("Health Surveys", StudyDesign.CROSS_SECTIONAL),
    ("Retrospective Studies", StudyDesign.OBSERVATIONAL),
    ("In Vitro Techniques", StudyDesign.IN_VITRO),
)
"""MeSH descriptors that state a study's design, in order of precedence.

"Retrospective Studies" is given to retrospective cohorts, case-control studies and
case series alike, so it only says "observational" and leaves the text to refine it.
"""

ANIMALS, HUMANS = "Animals", "Humans"
"""MeSH check tags: a record tagged Animals and not Humans studied animals only."""


def design_from_publication_types(types: Iterable[str]) -> tuple[StudyDesign, str] | None:
    """The design the first matching publication type states, and that type's name."""
    present = {name.strip().casefold() for name in types}
    for name, design in PUBLICATION_TYPE_DESIGNS:
        if name.casefold() in present:
            return design, name
    return None


def is_retracted(types: Iterable[str]) -> bool:
    """True when NLM marks the record itself as retracted."""
    return any(name.strip().casefold() == RETRACTED_TYPE.casefold() for name in types)


def design_from_mesh(headings: Iterable[MeshHeading]) -> tuple[StudyDesign, str] | None:
    """The design MeSH design headings state, and the heading that says so."""
    present = {heading.name.casefold() for heading in headings}
    if ANIMALS.casefold() in present and HUMANS.casefold() not in present:
        return StudyDesign.ANIMAL, ANIMALS
    for name, design in MESH_DESIGNS:
        if name.casefold() in present:
            return design, name
    return None
