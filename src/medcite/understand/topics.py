"""What a retrieved record is about, measured against the question's concepts.

A record may share words with the question and be about something else entirely: a
paper on multiple sclerosis for a question on systemic sclerosis, or on lupus that lists
systemic sclerosis once among "other connective tissue diseases". Here each record gets,
for every concept of the question, a score of where the concept appears (MeSH headings,
title, abstract, under any of its names or abbreviations, or a narrower heading), and the
strongest *other* disease it is about, so retrieval can push neighbours out.
"""

from __future__ import annotations

from medcite.records import (
    Concept,
    ConceptRole,
    MeshHeading,
    Question,
    QuestionConcept,
    Record,
    RecordTopics,
    Vocabulary,
)
from medcite.understand.lexicon import Lexicon, build_lexicon
from medcite.understand.matcher import count_concepts, find_mentions
from medcite.understand.roles import GENERIC_CONCEPTS, is_within

MAJOR_HEADING, HEADING, TITLE, ABSTRACT_MENTION, MAX_ABSTRACT = 3.0, 1.0, 3.0, 0.5, 2.0
DISEASE_TREES = ("C", "F03")


def question_lexicon(question: Question) -> Lexicon:
    """A lexicon of just the question's concepts, each under its own main id."""
    return build_lexicon(
        Concept(
            id=concept.id,
            vocabulary=Vocabulary.MESH,
            name=concept.name,
            synonyms=(concept.mention, *concept.synonyms, *concept.narrower_names),
            abbreviations=concept.abbreviations,
        )
        for concept in question.concepts
    )


def record_topics(
    record: Record,
    question: Question,
    asked: Lexicon,
    lexicon: Lexicon,
) -> RecordTopics:
    """The topic scores of ``record`` for ``question`` (see the module docstring).

    ``asked`` is :func:`question_lexicon` of the question, ``lexicon`` the full one (to
    find other diseases in the title, and where concepts sit in MeSH).
    """
    in_title = count_concepts(record.title, asked, asked.short_forms)
    in_abstract = count_concepts(record.abstract, asked, asked.short_forms)
    scores = tuple(
        (
            concept.id,
            _heading_score(record.mesh_headings, _family(concept))
            + TITLE * bool(in_title[concept.id])
            + min(MAX_ABSTRACT, ABSTRACT_MENTION * in_abstract[concept.id]),
        )
        for concept in question.concepts
    )
    other, other_score = _other_disease(record, question, lexicon)
    return RecordTopics(record.id, scores, other, other_score)


def _family(concept: QuestionConcept) -> frozenset[str]:
    return frozenset((*concept.ids, *concept.narrower))


def _heading_score(headings: tuple[MeshHeading, ...], family: frozenset[str]) -> float:
    major = any(h.descriptor_id in family and _major(h) for h in headings)
    if major:
        return MAJOR_HEADING
    return HEADING if any(h.descriptor_id in family for h in headings) else 0.0


def _major(heading: MeshHeading) -> bool:
    return heading.major_topic or any(q.major_topic for q in heading.qualifiers)


def _other_disease(record: Record, question: Question, lexicon: Lexicon) -> tuple[str, float]:
    conditions = question.with_role(ConceptRole.CONDITION)
    if not conditions:
        return "", 0.0
    related_ids = {i for c in conditions for i in _family(c)}
    related_trees = tuple(number for c in conditions for number in c.tree_numbers)
    scores: dict[str, float] = {}
    names: dict[str, str] = {}
    for heading in record.mesh_headings:
        weight = MAJOR_HEADING if _major(heading) else HEADING
        scores[heading.descriptor_id] = scores.get(heading.descriptor_id, 0.0) + weight
        names[heading.descriptor_id] = heading.name
    for mention in find_mentions(record.title, lexicon):
        main = mention.concept_ids[0]
        scores[main] = scores.get(main, 0.0) + TITLE
        names.setdefault(main, mention.text)
    best, best_score = "", 0.0
    for concept_id, score in scores.items():
        if score <= best_score or concept_id in related_ids or concept_id in GENERIC_CONCEPTS:
            continue
        numbers = lexicon.trees.get(concept_id, ())
        is_disease = concept_id.startswith("DOID:") or is_within(numbers, DISEASE_TREES)
        if is_disease and not _related(numbers, related_trees):
            best, best_score = names[concept_id], score
    return best, best_score


def _related(numbers: tuple[str, ...], condition_numbers: tuple[str, ...]) -> bool:
    """Whether a concept sits above or below one of the conditions in the MeSH tree."""
    return is_within(numbers, condition_numbers) or is_within(condition_numbers, numbers)
