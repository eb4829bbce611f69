"""Turn an understood question into what the index is asked: words plus concept clauses.

The question's own words are always searched (so a question with no recognised concept
still gets a lexical answer); each concept adds a clause matching any of its names and
abbreviations, or its MeSH heading, or a narrower heading. Conditions weigh most: they
say which disease the answer is about. A facet's plan narrows to the conditions plus the
facet's own concepts, so every facet gets candidates of its own even when another facet
dominates the literature.
"""

from __future__ import annotations

from medcite.records import (
    DISEASE_ONTOLOGY_PREFIX,
    ConceptClause,
    ConceptRole,
    Facet,
    Question,
    QuestionConcept,
    SearchPlan,
)
from medcite.settings import RetrieveSettings
from medcite.words import content_text, greek_spellings

ROLE_WEIGHT: dict[ConceptRole, float] = {
    ConceptRole.CONDITION: 1.0,
    ConceptRole.IMAGING: 0.7,
    ConceptRole.TEST: 0.6,
    ConceptRole.BODY_SYSTEM: 0.6,
    ConceptRole.INTERVENTION: 0.7,
    ConceptRole.FINDING: 0.6,
    ConceptRole.POPULATION: 0.4,
    ConceptRole.ORGANISM: 0.8,
    ConceptRole.KEYWORD: 1.0,
    ConceptRole.OTHER: 0.3,
}
"""How much each kind of concept counts, relative to the condition."""


RELATED_SHARE = 0.4
"""A sibling concept (CT where MRI was asked) counts this much of the concept: indirect."""


def concept_clauses(
    concept: QuestionConcept, settings: RetrieveSettings
) -> tuple[ConceptClause, ...]:
    """The clauses that find records on ``concept`` whatever words they use for it.

    The concept itself (names, abbreviations, headings, narrower headings and the
    nearest narrower names, each in both spellings of its Greek letters: "α-Synuclein"
    for "alpha-Synuclein"), and its siblings as weaker, indirect evidence.
    """
    weight = settings.concept_weight * ROLE_WEIGHT[concept.role]
    narrower = settings.narrower_headings
    names = (
        concept.name,
        *concept.synonyms,
        *concept.abbreviations,
        *(concept.narrower_names if narrower else ()),
    )
    itself = ConceptClause(
        names=tuple(dict.fromkeys(form for name in names for form in greek_spellings(name))),
        mesh_ids=tuple(
            i for i in concept.vocabulary_ids if not i.startswith(DISEASE_ONTOLOGY_PREFIX)
        ),
        narrower_ids=concept.narrower if narrower else (),
        weight=weight,
    )
    if not concept.related:
        return (itself,)
    return (itself, ConceptClause(names=concept.related, weight=weight * RELATED_SHARE))


def search_plan(question: Question, settings: RetrieveSettings) -> SearchPlan:
    """The plan for the whole question: its content words, near each other, and concepts.

    A question asking only what something is searches the name it asks (``defined``):
    the rest is its frame ("What kind of medicine is Mounjaro?"), and "kind" and
    "medicine" found records on kinds of medicine, none on the drug (review 27).
    """
    return SearchPlan(
        text=content_text(question.defined or question.text),
        concepts=tuple(
            clause for c in question.concepts for clause in concept_clauses(c, settings)
        ),
        mesh_weight=settings.mesh_weight,
        narrower_weight=settings.narrower_weight,
        proximity_weight=settings.proximity_weight,
    )


def facet_plan(question: Question, facet: Facet, settings: RetrieveSettings) -> SearchPlan:
    """The plan for one facet: the conditions and the facet's concepts (or cue words)."""
    wanted = set(facet.concept_ids)
    concepts = [c for c in question.concepts if c.role is ConceptRole.CONDITION or c.id in wanted]
    words = " ".join(facet.cue_words) if facet.cue_words else ""
    return SearchPlan(
        text=words,
        concepts=tuple(clause for c in concepts for clause in concept_clauses(c, settings)),
        mesh_weight=settings.mesh_weight,
        narrower_weight=settings.narrower_weight,
    )
