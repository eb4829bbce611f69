"""Words of a text in the one canonical form that vocabulary terms are also brought to.

Matching "Tumours of the oesophagus" to MeSH's "Esophageal Neoplasms"' entry term
"Esophagus Tumor" needs the same form on both sides: lower case; hyphens and other
punctuation split words ("non-Hodgkin" = "non Hodgkin"); a possessive "'s" dropped
("Alzheimer's" = "Alzheimer"); British spellings folded to American ones (oe/ae → e,
-our → -or, -tre → -ter, -ise → -ize); plurals folded to the singular. The rules are
deliberately few and applied identically to text and terms: a rule that over-folds
("does" → "des") harms nothing as long as both sides fold alike and no two
vocabulary terms collapse together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_POSSESSIVE_S = re.compile(r"(?<=[^\W_])['’]s\b")

# (pattern, replacement) applied in order to a lower-cased word.
_BRITISH_TO_AMERICAN = (
    (re.compile(r"^oe(?=[a-z]{3})"), "e"),  # oedema, oesophagus, oestrogen
    (re.compile(r"(?<=[bcdfghlmnprstvz])oe(?=[a-z])"), "e"),  # diarrhoea, foetal, coeliac
    (re.compile(r"(?<=[bcdfghklmnprstvz])ae(?=[a-z])"), "e"),  # haem-, anaemia, paediatric
    (re.compile(r"^aet"), "et"),  # aetiology
    (re.compile(r"(?<=[a-z]{3})our(s?)$"), r"or\1"),  # tumour, behaviour, labour
    (re.compile(r"(?<=[a-z]{2})([bt])re(s?)$"), r"\1er\2"),  # centre, fibre, litre
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # randomised
)

STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is of on or the to with without".split()
)
"""Words that do not change which concept a term names ("cancer of the breast")."""


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: where it is, how it was written, and its canonical form."""

    start: int
    end: int
    text: str
    key: str


@lru_cache(maxsize=200_000)
def canonical_word(word: str) -> str:
    """A word's canonical form: lower case, American spelling, singular."""
    word = word.lower()
    if not word.isalpha() or len(word) < 4:
        return word
    for pattern, replacement in _BRITISH_TO_AMERICAN:
        word = pattern.sub(replacement, word)
    return _singular(word)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")) and len(word) > 3:
        return word[:-1]
    return word


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their offsets and canonical forms."""
    possessive = {match.start() for match in _POSSESSIVE_S.finditer(text)}
    return [
        Token(match.start(), match.end(), match.group(), canonical_word(match.group()))
        for match in _WORD.finditer(text)
        if not (match.group() in ("s", "S") and match.start() - 1 in possessive)
    ]


@lru_cache(maxsize=16_384)
def canonical_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of ``text`` as written and in canonical form, without offsets.

    The fast path of :func:`tokenize` for counting concepts in whole abstracts, where
    each word stands does not matter. A possessive "'s" becomes a stray "s", which no
    term key begins with. Cached: the same abstracts and sentences are read for one
    question after another (a few megabytes for thousands of abstracts).
    """
    words = tuple(_WORD.findall(_POSSESSIVE_S.sub("", text)))
    return words, tuple(canonical_word(word) for word in words)


def term_key(term: str) -> str:
    """The canonical form of a whole term: its words' canonical forms, space-separated."""
    return " ".join(token.key for token in tokenize(term))


def bag_key(keys: list[str] | tuple[str, ...]) -> str:
    """A word-order-free key: the sorted content words ("breast cancer" = "cancer of breast")."""
    return " ".join(sorted({key for key in keys if key not in STOP_WORDS}))
