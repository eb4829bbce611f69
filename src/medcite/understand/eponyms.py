"""Diseases named by their eponym alone, in the possessive: "Alzheimer's", "Crohn's".

Clinicians and patients drop the noun of an eponymous disease ("Can a head injury cause
*Alzheimer's* decades later?", "diet in *Crohn's*"); the vocabularies name it in full
("Alzheimer Disease", "Crohn Disease"). Words are keyed without their "'s", so the
eponym alone was a name of nothing, kept as a keyword, and the question about head
injury and Alzheimer disease cited nothing (review 13). The possessive is what makes
the word an eponym: bare, "Down", "Graves" or "Paget" are ordinary words or surnames.
So a capitalised word with "'s" that no longer name covers is read as the disease it
names with "disease", else with "syndrome", where the lexicon knows that name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.records import ConceptMention
from medcite.understand.lexicon import Lexicon
from medcite.words import term_key

_POSSESSIVE = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\b")
"""A capitalised name with "'s" (or "’s"): "Alzheimer's", "Creutzfeldt-Jakob's"."""
HEADS = ("disease", "syndrome")
"""The nouns an eponym drops, in the order they are tried."""


def eponym_concepts(
    text: str, mentions: Sequence[ConceptMention], lexicon: Lexicon
) -> list[ConceptMention]:
    """The diseases that possessive eponyms of ``text`` outside ``mentions`` name."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for possessive in _POSSESSIVE.finditer(text):
        if possessive.start() in covered:
            continue  # part of a name already read ("Alzheimer's disease")
        ids = next(
            (
                ids
                for head in HEADS
                if (ids := lexicon.terms.get(term_key(f"{possessive['name']} {head}")))
            ),
            (),
        )
        if ids:
            found.append(
                ConceptMention(possessive.start(), possessive.end(), possessive.group(), ids)
            )
    return found
