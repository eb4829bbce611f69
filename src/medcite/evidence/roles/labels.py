"""The role a section label gives its sentences: NLM's category, else the label folded.

NLM maps each of the ~2,000 labels authors use in structured abstracts to one of five
categories (``NlmCategory``: BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS;
"Structured Abstracts in MEDLINE", https://structuredabstracts.nlm.nih.gov/, label
list and category mappings; Ripple et al., J Med Libr Assoc 2011;99:160-3). Where the
XML gives the category, it decides. Publisher-supplied and in-process records, MEDLINE
text and plain files carry only the author's label (or UNASSIGNED, for labels NLM has
not mapped), so the label is folded the way NLM's list folds it: by its key words, and
for a combined label ("BACKGROUND AND AIMS", "METHODS AND RESULTS") by the last of
them, as NLM's list maps those to the later move.

Labels of administrative statements ("TRIAL REGISTRATION", "FUNDING") come first: NLM
files several of them under BACKGROUND, which is no place for a registry number.
Labels that name no move ("ABSTRACT", "UNLABELLED", "KEY WORDS") give no role; the
model decides for their sentences.
"""

from __future__ import annotations

import re

from medcite.records import (
    ADMINISTRATIVE_LABEL_WORDS,
    LABEL_WORDS,
    RHETORICAL_ROLES,
    SentenceRole,
)

R = SentenceRole

EXACT_LABELS: dict[str, SentenceRole | None] = {
    "ETHNOPHARMACOLOGICAL RELEVANCE": R.BACKGROUND,
    "MAIN OUTCOME MEASURES": R.METHODS,
    "MAIN OUTCOMES AND MEASURES": R.METHODS,
    "PRIMARY OUTCOME MEASURES": R.METHODS,
    "LEVEL OF EVIDENCE": R.METHODS,
    "RECENT FINDINGS": R.RESULTS,
    "CASE SUMMARY": R.METHODS,
    "CONCLUSIONS AND CLINICAL IMPORTANCE": R.CONCLUSIONS,
    "WHAT IS KNOWN ALREADY": R.BACKGROUND,
    "LEARNING POINTS": R.CONCLUSIONS,
    "CLINICAL TRIAL": R.REGISTRATION,
    "CLINICAL TRIAL NUMBER": R.REGISTRATION,
    "DATA ACCESS STATEMENT": R.DATA,
    "PURPOSE OF REVIEW": R.OBJECTIVE,
    "ABSTRACT": None,
    "UNLABELLED": None,
}
"""Labels whose key words would mislead, with the move NLM's list gives them (or none)."""

_CATEGORIES = {role.value.upper(): role for role in RHETORICAL_ROLES}
_NOT_LETTERS = re.compile(r"[^A-Z]+")


def _label_words(label: str) -> list[str]:
    """A label's words in capitals, letters only ("PATIENT(S)": "PATIENTS")."""
    return _NOT_LETTERS.sub(" ", label.upper().replace("(S)", "S")).split()


def label_role(label: str, category: str = "") -> SentenceRole | None:
    """The role a section's label gives its sentences; None when it names no move.

    ``category`` is NLM's ``NlmCategory`` when the source gives one.
    """
    words = _label_words(label)
    key = " ".join(words)
    exact = EXACT_LABELS.get(key)
    if exact is not None and not exact.rhetorical:
        return exact
    administrative = [
        ADMINISTRATIVE_LABEL_WORDS[w] for w in words if w in ADMINISTRATIVE_LABEL_WORDS
    ]
    if administrative:
        return administrative[0]
    if category.upper() in _CATEGORIES:
        return _CATEGORIES[category.upper()]
    if key in EXACT_LABELS:
        return exact
    moves = [LABEL_WORDS[w] for w in words if w in LABEL_WORDS]
    return moves[-1] if moves else None


_PARTS = re.compile(r"\s+AND\s+|\s*[/&,]\s*")
"""What joins the parts of a combined label: "METHODS AND RESULTS", "BACKGROUND/AIMS"."""


def label_moves(label: str) -> tuple[SentenceRole, ...]:
    """The distinct moves of the parts of an author's ``label``, in its order (``METHODS
    AND RESULTS``: methods, then results); one for a label of one part ("MAIN OUTCOME
    MEASURES") or parts of one move ("PATIENTS AND METHODS"), () for none. A label NLM's
    list maps whole (``EXACT_LABELS``) and one naming an administrative statement are one
    part."""
    whole = label_role(label)
    mapped_whole = " ".join(_label_words(label)) in EXACT_LABELS
    if mapped_whole or (whole is not None and not whole.rhetorical):
        return (whole,) if whole is not None else ()
    parts = [label_role(part) for part in _PARTS.split(label.upper()) if part.strip()]
    return tuple(dict.fromkeys(role for role in parts if role is not None and role.rhetorical))
