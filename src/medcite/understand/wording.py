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

OTHER_SENSE_NAMES = frozenset({"D000368"})
"""Concepts whose name abstracts write mostly in another sense, so that its count says
nothing of the concept's: MeSH's "Aged" (older people) is the participle of "aged 40 to
65", and "elderly" became "Aged" (T102, "What is the long-term prognosis of elderly
patients treated in intensive care?")."""


def named_as_research_writes(
    concepts: Sequence[QuestionConcept], rarity: Rarity | None
) -> list[QuestionConcept]:
    """``concepts``, each with its ``research_name`` where the corpus writes its name more
    often than the question's word for it (``_commoner``)."""
    if rarity is None:
        return list(concepts)
    return [
        replace(concept, research_name=name) if _commoner(concept, name, rarity) else concept
        for concept in concepts
        for name in [_other_name(concept)]
    ]


def _other_name(concept: QuestionConcept) -> str:
    """The name research might write the concept by: its preferred name, or for a word no
    vocabulary knows, the name it was spelled out as ("tirzepatide" for "Mounjaro", a
    brand's generic name; ``question._spelled_out``), the first of its other names."""
    if concept.role is ConceptRole.KEYWORD:
        return concept.synonyms[0] if concept.synonyms else ""
    return concept.name


def _commoner(concept: QuestionConcept, name: str, rarity: Rarity) -> bool:
    """Whether ``name`` is commoner in the corpus than the question's word.

    One word for one word only, written as a word (not an abbreviation, which research
    writes as often as its long form, nor by an adjective): a longer name holds words more
    general than the question's ("Human Influenza" for "influenza", "Migraine Disorders"
    for "migraine"), or is broader than what it asked ("Factitious Disorders" for
    "pseudodementia"), and each of its words is commoner than the name is (BioASQ dev).
    """
    said, named = tokenize(concept.mention), tokenize(name)
    if (
        concept.id in OTHER_SENSE_NAMES
        or concept.abbreviation
        or concept.by_adjective
        or len(said) != 1
        or len(named) != 1
        or said[0].text.isupper()
        or said[0].key == named[0].key
    ):
        return False
    idf = rarity([said[0].text, named[0].text])
    return idf[said[0].text] - idf[named[0].text] >= math.log(COMMONER)
