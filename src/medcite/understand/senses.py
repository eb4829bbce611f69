"""Choose the meaning of an abbreviation a question uses without defining it.

"MS" is multiple sclerosis in a question about MRI lesions and mass spectrometry in one
about peptides. Each candidate sense (from the corpus's table of definitions, and the
vocabularies' own short forms) is scored like a naive Bayes classifier: the log of how
often the corpus defines the short form that way, plus, for each other content word of
the question, the log share of records naming the long form that also contain the word
(measured by the caller on the index). A sense whose probability stays below
``CONFIDENT`` is reported as a choice, with the alternatives.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from medcite.records import AbbreviationSense

CONFIDENT = 0.8
"""Probability above which a sense is taken without comment."""
NO_FIT = -1.0
"""A sense whose long form meets the question's other words far less often than chance
(a log-likelihood ratio of at most this per word) does not fit the question: the short
form is then kept as written rather than forced into a meaning the question rules out."""
ISSUER_FIT = 0.0
"""Where a short form stands as the issuer of guidance ("the ESC guideline", "ACC/AHA
recommendations") it most likely names a society, which no vocabulary holds; a sense is
taken there only when the question's other words meet its long form more often than
chance (a positive log-likelihood ratio). A condition issued guidance on passes ("HF
guidelines … diabetes", "RA guidelines … methotrexate"); embryonic stem cells for "ESC"
or acetyl-CoA carboxylase for "ACC" beside heart failure or hypertension do not."""
MAX_CONTEXT_WORDS = 6
"""The question's other words weighed, at most (the first ones)."""

ContextFit = Callable[[str, Sequence[str]], float]
"""(long form, context words) → log-likelihood of the words beside that long form."""
SENSE_PRIOR = 5.0
"""Pseudo-records of the Dirichlet prior in ``corpus_context_fit``, at the least."""


class CooccurrenceCounts(Protocol):
    """How many records name a phrase (and a word too): the lexical index."""

    def count(self, phrase: str, word: str = "") -> int: ...

    def document_count(self) -> int: ...


def corpus_context_fit(counts: CooccurrenceCounts) -> ContextFit:
    """The ``ContextFit`` of a corpus: Σ log P(word | long form) / P(word), from record counts.

    P(word | long form) is smoothed towards the word's background rate (Dirichlet prior),
    so a sense seen in two records gains nothing from chance co-occurrence, while a sense
    seen often beside the question's words gains in proportion. The prior holds at least
    ``SENSE_PRIOR`` pseudo-records and at least one expected occurrence of the word: a
    rare word's absence from a sense's records is then no evidence until the sense has
    been seen often enough to expect the word. With a fixed prior, "PNS" (4 records in
    20,000) missing from the 76 records on magnetic resonance imaging counted sixteen
    times against that sense, and a misspelt long form seen once won MRI instead.
    """

    def fit(long_form: str, words: Sequence[str]) -> float:
        total = max(1, counts.document_count())
        named = counts.count(long_form)
        score = 0.0
        for word in words:
            background = (counts.count(word) + 0.5) / (total + 1.0)
            prior = max(SENSE_PRIOR, 1.0 / background)
            together = counts.count(long_form, word)
            score += math.log((together + prior * background) / (named + prior) / background)
        return score

    return fit


@dataclass(frozen=True, slots=True)
class SenseChoice:
    """The chosen sense of a short form, how sure, and the senses passed over."""

    chosen: AbbreviationSense
    probability: float
    others: tuple[AbbreviationSense, ...]
    fit: float | None = None
    """How well the chosen long form fits the other words, per word (None: not measured)."""

    @property
    def fits(self) -> bool:
        """Whether the question leaves room for this sense (always, when not measured)."""
        return self.fit is None or self.fit > NO_FIT

    @property
    def fits_as_issuer(self) -> bool:
        """Whether the question's other words favour this sense where an issuer is named."""
        return self.fit is None or self.fit > ISSUER_FIT

    @property
    def ambiguous(self) -> bool:
        """True when the choice should be shown to the user with its alternatives."""
        return bool(self.others) and self.probability < CONFIDENT


def choose_sense(
    senses: Sequence[AbbreviationSense], context: Sequence[str], fit: ContextFit | None
) -> SenseChoice | None:
    """The most probable of ``senses`` given the ``context`` words, or None if none."""
    if not senses:
        return None
    words = list(context[:MAX_CONTEXT_WORDS])
    fits = [fit(sense.long_form, words) if fit and words else None for sense in senses]
    scores = [
        math.log(sense.count + 1) + (fitted or 0.0)
        for sense, fitted in zip(senses, fits, strict=True)
    ]
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    order = sorted(range(len(senses)), key=lambda i: -scores[i])
    best = order[0]
    return SenseChoice(
        chosen=senses[best],
        probability=weights[best] / total,
        others=tuple(senses[i] for i in order[1:]),
        fit=None if (chosen := fits[best]) is None else chosen / len(words),
    )
