"""The names research writes a question's concepts by, where a question uses rarer words.

Sentences and passages are scored on the words they share with the question, and
clinicians and patients ask in words that abstracts seldom use: a drug by its brand, a
symptom by its everyday name. Asked "What are the common side effects of Lyrica for
itching in dialysis patients?", the trial whose results say "Assessment of safety of
pregabalin revealed that somnolence and dizziness were the two frequent adverse events …"
had its best passage scored at a fifth of the best on offer, and was ranked below a mouse
study of itch (review 21). The concept is already known (MeSH gives Lyrica as an entry term
of pregabalin); what changes is only the word scored, and only where the corpus itself says
its name is the commoner word.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from msgspec.structs import replace

from medcite.records import ConceptRole, QuestionConcept
from medcite.understand.keywords import Rarity
from medcite.words import tokenize

COMMONER = 2.0
"""How many times as many records must write the name as the question's word (read off
their idf, ``log(N / df)``, as a difference of at least ``log(COMMONER)``): a near tie is
no reason to change what the question wrote."""

SPELLING_STEM = 4
"""Letters a name's other spelling begins with as the name does ("Child", "Children")."""
OTHER_SENSE_NAMES = frozenset({"D000368"})
"""Concepts whose name abstracts write mostly in another sense, so that its count says
nothing of the concept's: MeSH's "Aged" (older people) is the participle of "aged 40 to
65", and "elderly" became "Aged" (T102, "What is the long-term prognosis of elderly
patients treated in intensive care?")."""


def named_as_research_writes(
    concepts: Sequence[QuestionConcept], rarity: Rarity | None
) -> list[QuestionConcept]:
    """``concepts``, each with its ``research_name`` where the corpus writes one of its
    names more often than the question's word for it (``_commoner``): the commonest."""
    if rarity is None:
        return list(concepts)
    return [_worded(concept, rarity) for concept in concepts]


def _worded(concept: QuestionConcept, rarity: Rarity) -> QuestionConcept:
    names = [name for name in _other_names(concept) if _commoner(concept, name, rarity)]
    if not names:
        return concept
    idf = rarity(names)
    return replace(concept, research_name=min(names, key=lambda name: idf[name]))


def _other_names(concept: QuestionConcept) -> tuple[str, ...]:
    """The names research might write the concept by: its preferred name and the other
    spellings of it among its names ("Children" beside MeSH's "Child": "How common is lazy
    eye in kids?" asked in "Child" still scored the prevalence among children at 0.64, in
    "children" at 0.79, review 30), or for a word no vocabulary knows, the name it was
    spelled out as ("tirzepatide" for "Mounjaro", a brand's generic name;
    ``question._spelled_out``), the first of its other names.

    Not any other name: a vocabulary's entry terms include broader and merely related ones
    (MeSH gives "Cancer" for Neoplasms), which would ask of something else (BioASQ dev).
    An organism keeps the question's word: its descriptor is often its genus ("Bees" for
    "Apis mellifera"). A body part's other names include the adjectives that name it
    ("pancreatic"), which would not read in its place."""
    if concept.role is ConceptRole.KEYWORD:
        return concept.synonyms[:1]
    if concept.role is ConceptRole.ORGANISM:
        return ()
    if concept.role is ConceptRole.BODY_SYSTEM:
        return (concept.name,)
    stem = _letters(concept.name)[:SPELLING_STEM]
    return (concept.name, *(n for n in concept.synonyms if _letters(n).startswith(stem)))


def _letters(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalpha())


def _commoner(concept: QuestionConcept, name: str, rarity: Rarity) -> bool:
    """Whether ``name`` is commoner in the corpus than the question's word.

    A name of one word only, written as a word (not an abbreviation, which research
    writes as often as its long form, nor by an adjective): a longer name holds words more
    general than the question's ("Human Influenza" for "influenza", "Migraine Disorders"
    for "migraine"), or is broader than what it asked ("Factitious Disorders" for
    "pseudodementia"), and each of its words is commoner than the name is (BioASQ dev).
    The question's word may be a phrase ("lazy eye" for amblyopia): no more records hold
    it than hold its rarest word, so the name is commoner where it is commoner than that.
    "How common is lazy eye in kids?" scored the sentence giving amblyopia's prevalence in
    children at 0.15, and 0.79 asked in those words (review 30).
    """
    said, named = tokenize(concept.mention), tokenize(name)
    if (
        concept.id in OTHER_SENSE_NAMES
        or concept.abbreviation
        or concept.by_adjective
        or not said
        or len(named) != 1
        or any(token.text.isupper() for token in (*said, *named))
        or named[0].key in {token.key for token in said}
    ):
        return False
    idf = rarity([*(token.text for token in said), named[0].text])
    phrase = max(idf[token.text] for token in said)
    return phrase - idf[named[0].text] >= math.log(COMMONER)
