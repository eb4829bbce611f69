"""What a retrieved record is about, measured against the question's concepts.

A record may share words with the question and be about something else entirely: a
paper on multiple sclerosis for a question on systemic sclerosis, or on lupus that lists
systemic sclerosis once among "other connective tissue diseases". Here each record gets,
for every concept of the question, a score of where the concept appears (MeSH headings,
title, abstract, under any of its names or abbreviations, or a narrower heading), and the
strongest *other* disease it is about, so retrieval can push neighbours out. A page
written as the answer to its title's question (MedQuAD's) also gets whether that question
asks what this one asks (``asks_the_same``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from medcite.records import (
    Concept,
    ConceptRole,
    MeshHeading,
    Question,
    QuestionConcept,
    QuestionType,
    Record,
    RecordTopics,
    Vocabulary,
)
from medcite.understand.abbreviations import find_definitions, shortens
from medcite.understand.kinds import question_types
from medcite.understand.lexicon import Lexicon, build_lexicon, is_written_short_form, reading_order
from medcite.understand.matcher import concepts_of_phrase, count_concepts, find_mentions
from medcite.understand.roles import GENERIC_CONCEPTS, is_disease, is_within
from medcite.words import TERM_STOP_WORDS, term_key

MAJOR_HEADING, HEADING, TITLE, ABSTRACT_MENTION, MAX_ABSTRACT = 3.0, 1.0, 3.0, 0.5, 2.0
OTHER_SENSE = 3.0
"""A record defining the question's short form as something else is about that thing."""
GENERIC_WORDS = TERM_STOP_WORDS | frozenset(
    """disease disorder syndrome condition chronic acute primary secondary general type
    infection cancer neoplasm tumor carcinoma malignancy""".split()
)
"""Canonical words many disease names share without being confusable for that: qualifiers
("chronic") and the head nouns of cancers, which every site's cancer shares (a paper on
"bladder cancer and other common cancers" is often about the asked one too). "systemic"
is not among them: it is what systemic lupus and systemic sclerosis are confused by."""


RELATED = "~related"
"""Suffix of the id under which a concept's siblings are matched (CT beside MRI)."""
BROADER = "~broader"
"""Suffix of the id under which a condition's broader disease is matched
(``QuestionConcept.broader``)."""
BROADER_SHARE = 0.5
"""What naming a condition's broader disease counts for, against naming the condition."""


def question_lexicon(question: Question) -> Lexicon:
    """A lexicon of just the question's concepts, each under its own main id.

    A concept's siblings (``QuestionConcept.related``) are matched too, under
    ``<id>~related``, so indirect evidence (another modality) can be told apart.
    """
    concepts = [
        Concept(
            id=concept.id,
            vocabulary=Vocabulary.MESH,
            name=concept.name,
            synonyms=(concept.mention, *concept.synonyms, *concept.narrower_names),
            abbreviations=concept.abbreviations,
        )
        for concept in question.concepts
    ]
    concepts += [
        Concept(
            id=concept.id + RELATED,
            vocabulary=Vocabulary.MESH,
            name=concept.related[0],
            synonyms=tuple(n for n in concept.related[1:] if not is_written_short_form(n)),
            abbreviations=tuple(n for n in concept.related if is_written_short_form(n)),
        )
        for concept in question.concepts
        if concept.related
    ]
    concepts += [
        Concept(
            id=concept.id + BROADER,
            vocabulary=Vocabulary.MESH,
            name=concept.broader_names[0],
            synonyms=concept.broader_names[1:],
        )
        for concept in question.concepts
        if concept.broader_names
    ]
    return build_lexicon(concepts)


def record_topics(
    record: Record,
    question: Question,
    asked: Lexicon,
    lexicon: Lexicon,
) -> RecordTopics:
    """The topic scores of ``record`` for ``question`` (see the module docstring).

    ``asked`` is :func:`question_lexicon` of the question, ``lexicon`` the full one (to
    find other diseases in the title, and where concepts sit in MeSH). A short form of
    the question that the record defines otherwise ("MS" as mass spectrometry where the
    question meant multiple sclerosis) does not count for the question's concept: it
    makes the record's other sense a neighbour.
    """
    clashes = _clashing_short_forms(record, question, asked)
    trusted = {k: v for k, v in asked.short_forms.items() if k not in clashes}
    in_title = Counter(
        m.concept_ids[0]
        for m in find_mentions(record.title, asked, short_forms=trusted, word_order=True)
    )
    in_abstract = count_concepts(record.abstract, asked, trusted)

    def named(headings: frozenset[str], matched_as: str) -> float:
        return (
            _heading_score(record.mesh_headings, headings)
            + TITLE * bool(in_title[matched_as])
            + min(MAX_ABSTRACT, ABSTRACT_MENTION * in_abstract[matched_as])
        )

    def score(concept: QuestionConcept) -> float:
        own = named(_family(concept), concept.id)
        if own or not concept.broader:
            return own
        return BROADER_SHARE * named(frozenset(concept.broader), concept.id + BROADER)

    scores = tuple((concept.id, score(concept)) for concept in question.concepts)
    other, other_score = _neighbour(record, question, lexicon, clashes)
    same = record.source.answers_its_title and asks_the_same(question, record.title, in_title)
    return RecordTopics(record.id, scores, other, other_score, asks_the_same=same)


def asks_the_same(question: Question, title: str, in_title: Mapping[str, int]) -> bool:
    """Whether a page's question (``title``, naming the question's concepts ``in_title``)
    asks what ``question`` asks: one of its kinds (treatment, symptoms, causes …), of its
    subject — each of its conditions and of what it asks about them (a drug, a name no
    vocabulary knows), one name of each at least.

    This is how consumer questions are answered from pages written for patients (Ben
    Abacha & Demner-Fushman 2019, question entailment): "How is gout treated?" by the page
    "What are the treatments for Gout?", whose sentences need not repeat either word. A
    page on the subject that asks another kind ("Who is at risk for Gout?") does not
    answer it. Among MEDIQA 2019's judged answers (``medcite eval mediqa-pages``), a page
    that asks the same is a correct answer far more often than the judged pages at large.
    """
    kinds = set(question.types) - {QuestionType.YES_NO}
    if not kinds & set(question_types(title)):
        return False
    subject = [
        ids
        for ids in (
            [c.id for c in question.with_role(ConceptRole.CONDITION)],
            [c.id for c in question.with_role(ConceptRole.INTERVENTION, ConceptRole.KEYWORD)],
        )
        if ids
    ]
    return bool(subject) and all(any(in_title.get(i) for i in ids) for ids in subject)


def _clashing_short_forms(record: Record, question: Question, asked: Lexicon) -> dict[str, str]:
    """Short forms of the question's conditions that the record defines as something else.

    A long form that writes one of the condition's names with a word left out
    ("facioscapulohumeral dystrophy (FSHD)" for Facioscapulohumeral Muscular Dystrophy)
    defines the same disease, not another: only the lexicon's exact names would miss it.
    """
    conditions_of: dict[str, list[QuestionConcept]] = {}
    for condition in question.with_role(ConceptRole.CONDITION):
        for short in condition.abbreviations:
            conditions_of.setdefault(short, []).append(condition)
    clashes: dict[str, str] = {}
    for text in (record.title, *(section.text for section in record.sections)):
        if not any(f"({short}" in text or f"{short} (" in text for short in conditions_of):
            continue  # no definition of these short forms can be in this text
        for definition in find_definitions(text):
            conditions = conditions_of.get(definition.short_form)
            if (
                conditions
                and not concepts_of_phrase(definition.long_form, asked)
                and not any(_a_shorter_name(definition.long_form, c) for c in conditions)
            ):
                clashes.setdefault(definition.short_form, definition.long_form)
    return clashes


def _a_shorter_name(long_form: str, condition: QuestionConcept) -> bool:
    """Whether ``long_form`` shortens one of the condition's names (``shortens``)."""
    return any(shortens(long_form, reading_order(name)) for name in condition.names)


def _family(concept: QuestionConcept) -> frozenset[str]:
    return frozenset((*concept.ids, *concept.narrower))


def _heading_score(headings: tuple[MeshHeading, ...], family: frozenset[str]) -> float:
    major = any(h.descriptor_id in family and _major(h) for h in headings)
    if major:
        return MAJOR_HEADING
    return HEADING if any(h.descriptor_id in family for h in headings) else 0.0


def _major(heading: MeshHeading) -> bool:
    return heading.major_topic or any(q.major_topic for q in heading.qualifiers)


def _neighbour(
    record: Record, question: Question, lexicon: Lexicon, clashes: dict[str, str]
) -> tuple[str, float]:
    """The strongest neighbour the record is about, and its score ("" and 0 if none).

    A neighbour is what the question's words or abbreviations could be mistaken for:
    another sense of a condition's short form the record defines, or a disease unrelated
    to the conditions in MeSH whose name shares a word with theirs (multiple sclerosis
    beside systemic sclerosis). A disease merely studied alongside (obesity in a paper
    on diabetes) shares no words and is no neighbour.
    """
    conditions = question.with_role(ConceptRole.CONDITION)
    if not conditions:
        return "", 0.0
    best, best_score = "", 0.0
    for short_form, long_form in clashes.items():
        score = OTHER_SENSE + TITLE * (short_form in record.title or long_form in record.title)
        if score > best_score:
            best, best_score = long_form, score
    related_ids = {i for c in conditions for i in (*_family(c), *c.broader)}
    related_trees = tuple(number for c in conditions for number in c.tree_numbers)
    words = {w for c in conditions for n in (c.name, *c.synonyms) for w in disease_words(n)}
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
    for concept_id, score in scores.items():
        if score <= best_score or concept_id in related_ids or concept_id in GENERIC_CONCEPTS:
            continue
        numbers = lexicon.trees.get(concept_id, ())
        if (
            is_disease(concept_id, numbers)
            and not _related(numbers, related_trees)
            and words & set(disease_words(names[concept_id]))
        ):
            best, best_score = names[concept_id], score
    return best, best_score


def disease_words(name: str) -> list[str]:
    """The canonical words of a name that say which disease it is ("sclerosis", not "disease")."""
    return [w for w in term_key(reading_order(name)).split() if w not in GENERIC_WORDS]


def _related(numbers: tuple[str, ...], condition_numbers: tuple[str, ...]) -> bool:
    """Whether a concept sits above or below one of the conditions in the MeSH tree."""
    return is_within(numbers, condition_numbers) or is_within(condition_numbers, numbers)
