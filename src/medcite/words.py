"""What a word is, for every stage: how text is cut into words and brought to one form.

Understanding matches a question's words to vocabulary terms, retrieval searches them,
evidence scores sentences by them and composition compares sentences by them. If each
stage had its own idea of a word, what retrieval matched composition could miss
("tumours" found, "tumor" not counted). So all of them cut and fold words here:

* a word is a run of letters and digits; hyphens and other punctuation split words
  ("non-Hodgkin" = "non Hodgkin", "COVID-19" = "COVID 19"), and a possessive "'s" is
  dropped ("Alzheimer's" = "Alzheimer");
* its canonical form is lower case, a Greek letter spelled out ("β-blockers" = "beta
  blockers", "TNF-α" = "TNF alpha", as vocabularies write them and abstracts seldom do),
  British spellings folded to American ones (oe/ae → e, sulph → sulf, -our(-al, -able …)
  → -or, -tre → -ter, -uvre → -uver, -ise → -ize) and plurals to the singular. The rules
  are deliberately few and applied identically everywhere: a rule that over-folds
  ("does" → "des") harms nothing as long as both sides fold alike;
* function words (``STOP_WORDS``) carry no topic; a content word is any other word;
* a word written like a drug's or a gene's name (``looks_like_a_name``: digits, inner
  capitals, an INN stem) names a thing of its own, for understanding (a keyword no
  vocabulary knows) and composition (a sentence opening with another name) alike.

Where a looser match is right — does this sentence speak of what the question asks? —
``stem`` folds a canonical word further to its Porter2 stem ("relapsing" and "relapse",
"compress" and "compression"), the very stem the lexical index holds (tantivy's
``en_stem`` is the same Snowball algorithm), so what retrieval matched, scoring does too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_POSSESSIVE_S = re.compile(r"(?<=[^\W_])['’]s\b")

# (pattern, replacement) applied in order to a lower-cased word.
_BRITISH_TO_AMERICAN = (
    (re.compile(r"^oe(?=[a-z]{3})"), "e"),  # oedema, oesophagus, oestrogen
    (re.compile(r"(?<=[bcdfghlmnprstvz])oe(?=[a-z])"), "e"),  # diarrhoea, foetal, coeliac
    (re.compile(r"(?<=[bcdfghklmnprstvz])ae(?=[a-z])"), "e"),  # haem-, anaemia, paediatric
    (re.compile(r"^aet"), "et"),  # aetiology
    (re.compile(r"sulph"), "sulf"),  # sulphate, sulphonylurea, disulphide
    # tumour, behaviour, behavioural, favourable, humoural
    (re.compile(r"(?<=[a-z]{3})our(s|al|ally|ed|ing|able|ably|ism|ist|ists|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2})([bt])re(s?)$"), r"\1er\2"),  # centre, fibre, litre
    (re.compile(r"euvre(s?)$"), r"euver\1"),  # manoeuvre(s), after oe → e
    (re.compile(r"euvr(ed|ing)$"), r"euver\1"),  # manoeuvred, manoeuvring
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # randomised
)

GREEK_LETTERS = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "κ": "kappa", "λ": "lambda", "σ": "sigma", "τ": "tau",
    "ω": "omega",
}  # fmt: skip
"""The Greek letters biomedical names use, by the names vocabularies spell them with. Not
mu: "μg" and "μL" are units, written so whatever the name."""
_SPELLED_GREEK = str.maketrans(GREEK_LETTERS)
_GREEK_NAME = re.compile(
    rf"(?<![^\W\d_])({'|'.join(GREEK_LETTERS.values())})(?![^\W\d_])", re.IGNORECASE
)
_LETTER_OF = {name: letter for letter, name in GREEK_LETTERS.items()}

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing done during each
    few for from further had has have having he her here hers him his how however i if in
    into is it its itself just may me might more most must my no nor not now of off on once
    only or other our ours out over own per same she should so some such than that the
    their theirs them then there these they this those through to too under until up upon
    very was we were what when where which while who whom why will with within without
    would you your yours whether""".split()
)
"""English function words: they carry no topic of a question or a sentence (lower case)."""

JUDGEMENT_WORDS = frozenset(
    """outcome outcomes result results efficacy effectiveness benefit benefits change
    changes success response performance prognosis quality value time accuracy
    expression""".split()
)
"""Words that say how an outcome is judged or measured, not which (canonical forms and
plurals): "improve outcomes", "shorten time to …", "the antibody response" (antibodies)."""

TERM_STOP_WORDS = frozenset(
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
    """A word's canonical form: lower case, American spelling, singular.

    Function words stay as they are ("does" is not the plural of "doe").
    """
    word = word.lower().translate(_SPELLED_GREEK)
    if not word.isalpha() or len(word) < 4 or word in STOP_WORDS:
        return word
    for pattern, replacement in _BRITISH_TO_AMERICAN:
        word = pattern.sub(replacement, word)
    return _singular(word)


def greek_spellings(name: str) -> tuple[str, ...]:
    """``name`` as written, with each Greek letter it spells out written as the letter,
    and with each letter it has spelled out ("Adrenergic beta-Antagonists" and "Adrenergic
    β-Antagonists"; "TNF-α" and "TNF-alpha"), without repeats. Vocabularies spell the
    letters out and abstracts mostly write them, and the lexical index keeps "β" as a word
    of its own: a search for a name needs both spellings."""
    lettered = _GREEK_NAME.sub(lambda match: _LETTER_OF[match.group().lower()], name)
    return tuple(dict.fromkeys((name, lettered, name.translate(_SPELLED_GREEK))))


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


@lru_cache(maxsize=65_536)
def term_key(term: str) -> str:
    """The canonical form of a whole term: its words' canonical forms, space-separated.

    Cached: ingestion keys every long form an abstract defines, and the same few thousand
    ("confidence interval", "body mass index") come back in record after record. Most
    are new all the same, and a term without an apostrophe has no possessive "'s" to
    drop: its words are keyed as ``tokenize`` keys them, without building their tokens
    (a quarter of the cost)."""
    if "'" in term or "’" in term:
        return " ".join(token.key for token in tokenize(term))
    return " ".join(map(canonical_word, _WORD.findall(term)))


def bag_key(keys: list[str] | tuple[str, ...]) -> str:
    """A word-order-free key: the sorted content words ("breast cancer" = "cancer of breast")."""
    return " ".join(sorted({key for key in keys if key not in TERM_STOP_WORDS}))


@lru_cache(maxsize=200_000)
def stem(key: str) -> str:
    """The Porter2 (Snowball English) stem of a canonical word: the index's form of it."""
    stemmed: str = _stemmer().stemWord(key)
    return stemmed


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer  # a pure-Python Snowball; loaded on first use

    return snowballstemmer.stemmer("english")


def has_cue(text: str, cues: Sequence[str]) -> bool:
    """Whether a word of ``text`` begins with one of ``cues`` (case-insensitive): a kind of
    question in its wording ("diagnos"), a standing fact in a sentence ("approv")."""
    lowered = text.lower()
    return any(re.search(r"\b" + re.escape(cue), lowered) for cue in cues)


_TITLE_WORD = re.compile(r"\b[^\W\d_]{4,}")
"""The words a title capitalises: short ones ("of", "for", "and", "Be") may go either way."""
_CLOSING_PUNCTUATION = re.compile(r"[.;!?)\]]\s*$")


def is_closed(text: str) -> bool:
    """Whether a line ends as a sentence or a note does (".", ";", "!", "?", ")", "]"), not
    open as a heading or a name on a line of its own."""
    return bool(_CLOSING_PUNCTUATION.search(text))


def is_title_line(text: str) -> bool:
    """Whether a line is written in title case, with no closing punctuation: a heading ("Who
    Should Be Tested for CKD"), a name ("National Institute of Allergy and Infectious
    Diseases") or a link's title on a web page. It names something; it states nothing."""
    if is_closed(text):
        return False
    words = _TITLE_WORD.findall(text)
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 2 and capitalised >= 0.75 * len(words)


def is_title_or_question(text: str) -> bool:
    """Whether a line names or asks rather than states: a title line (``is_title_line``) or
    a question. Neither is a statement, nor a recommendation."""
    return text.rstrip().endswith("?") or is_title_line(text)


def is_content_word(key: str) -> bool:
    """Whether a canonical word carries meaning: not a function word, not a lone letter."""
    return len(key) > 1 and key not in STOP_WORDS


_NAME_SHAPE = re.compile(r"\d|[a-z][A-Z]|^[A-Z]{2,}")
"""Digits, inner capitals or an initial run of capitals: written like a drug or gene name."""
INN_STEMS = (
    "mab", "tinib", "anib", "ciclib", "parib", "rafenib", "lisib", "degib", "zomib", "cept",
    "vir", "virine", "previr", "buvir", "asvir", "gliflozin", "gliptin", "glutide",
    "prazole", "sartan", "pril", "olol", "dipine", "vastatin", "floxacin", "cycline",
    "mycin", "conazole", "platin", "taxel", "rubicin", "parin", "xaban", "gatran",
    "lukast", "setron", "triptan", "tidine", "oxetine", "azepam", "azolam", "dronate",
    "semide", "thiazide", "tropium", "fungin", "penem", "cillin", "lutamide", "relix",
    "rsen", "siran", "fenib", "metinib", "lumab", "kinra", "leukin",
)  # fmt: skip
"""Endings of International Nonproprietary Names by drug class (WHO, "The use of stems in
the selection of INN", 2018): a word ending so is a drug's name wherever it is rare."""


DESCRIBING_ENDINGS = ("ic", "al", "ous", "ive", "ary", "ing", "ed", "oid")
"""Endings of English adjectives and participles: a word so ended describes a name."""


def describes(word: str) -> bool:
    """Whether ``word`` is one word ending as an English adjective or participle
    ("unruptured", "biallelic"), or words of letters joined by hyphens so ending
    ("vaso-occlusive"), and no part of it shaped like a name (``looks_like_a_name``)."""
    parts = word.split("-")
    return (
        all(part.isalpha() for part in parts)
        and word.lower().endswith(DESCRIBING_ENDINGS)
        and not any(looks_like_a_name(part) for part in parts)
    )


def looks_like_a_name(word: str) -> bool:
    """Whether a word is written like a drug's or a gene's name: digits, inner capitals, an
    initial run of capitals ("CPX-351", "SAMHD1", "miR"), or a drug-class ending of more
    than six letters ("olaparib", "durvalumab")."""
    if _NAME_SHAPE.search(word):
        return True
    key = canonical_word(word)
    return len(key) > 6 and key.endswith(INN_STEMS)


@lru_cache(maxsize=16_384)
def content_words(text: str) -> tuple[str, ...]:
    """The canonical content words of ``text``, in order, each once."""
    _, keys = canonical_words(text)
    return tuple(dict.fromkeys(key for key in keys if is_content_word(key)))


def content_text(text: str) -> str:
    """``text``'s content words as written, space-separated: what a search is given.

    Function words ("what", "are", "the") match nearly every record; left out, they
    cannot outweigh the words that say what a question is about.
    """
    return " ".join(token.text for token in tokenize(text) if is_content_word(token.key))


def inverse_frequencies(
    terms: Sequence[str], documents: Iterable[frozenset[str]]
) -> dict[str, float]:
    """Inverse document frequency of each term over a small collection of word sets.

    Rare terms ("calcinosis") should count more than common ones ("disease") when no
    larger collection is at hand: within the candidates, that is enough to rank them.
    """
    document_list = list(documents)
    total = len(document_list)
    return {
        term: math.log((total + 1) / (sum(term in doc for doc in document_list) + 0.5))
        for term in terms
    }
