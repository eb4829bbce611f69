"""Names a question offers as alternatives: "Ritalin *or* Adderall", "MI, stroke or death".

A question joining names by "or" asks about any one of them. "Do ADHD meds like Ritalin
or Adderall increase the risk of MI or stroke in adults?" is answered by a cohort of
adults taking methylphenidate (Ritalin), amphetamine or atomoxetine, though no record
names Adderall, a brand no vocabulary knows; the page cited nothing, each record failing
to name the one name it could not read (review 13). Names joined by commas and "and"
only ("diabetes, hypertension and CKD") are all asked, and stay so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from medcite.records import QuestionConcept

_OR = re.compile(r"\s*,?\s*(?:and\s*/\s*)?or\s+(?:(?:a|an|the)\s+)?", re.IGNORECASE)
"""What joins two alternatives: "or", ", or", "and/or", with an article after it."""
_COMMA = re.compile(r"\s*,\s*(?:(?:a|an|the)\s+)?", re.IGNORECASE)
"""What joins items of a list, which is a list of alternatives when it ends with "or"."""
_COMPOUNDED = re.compile(r"[\s-]*")
"""What lies between names of one compound noun ("heart failure hospitalisation")."""


@dataclass(frozen=True, slots=True)
class _Noun:
    """A name, or names compounded into one noun: where it stands, and its head's id."""

    start: int
    end: int
    head: str


def alternatives(text: str, concepts: Sequence[QuestionConcept]) -> tuple[tuple[str, ...], ...]:
    """The groups of concepts (their ids, in the question's order) that ``text`` joins by
    "or", each written next to the other with nothing but a comma or "or" between.

    Of names compounded into one noun, the last is the one offered: "death or *heart
    failure hospitalisation*" offers hospitalisation, which heart failure only qualifies.
    """
    nouns = _nouns(text, concepts)
    groups: list[tuple[str, ...]] = []
    run: list[_Noun] = nouns[:1]
    offers_a_choice = False
    for before, after in pairwise(nouns):
        between = text[before.end : after.start]
        joined_by_or = _OR.fullmatch(between) is not None
        if joined_by_or or _COMMA.fullmatch(between):
            run.append(after)
            offers_a_choice = offers_a_choice or joined_by_or
            continue
        if offers_a_choice:
            groups.append(tuple(dict.fromkeys(noun.head for noun in run)))
        run, offers_a_choice = [after], False
    if offers_a_choice:
        groups.append(tuple(dict.fromkeys(noun.head for noun in run)))
    return tuple(groups)


def _nouns(text: str, concepts: Sequence[QuestionConcept]) -> list[_Noun]:
    """The question's names in order, those written one after another as one noun."""
    nouns: list[_Noun] = []
    for concept in sorted(concepts, key=lambda concept: concept.start):
        last = nouns[-1] if nouns else None
        if last is not None and concept.start < last.end:
            continue  # inside a name already read
        if last is not None and _COMPOUNDED.fullmatch(text[last.end : concept.start]):
            nouns[-1] = _Noun(last.start, concept.end, concept.id)
        else:
            nouns.append(_Noun(concept.start, concept.end, concept.id))
    return nouns
