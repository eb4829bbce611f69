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

from medcite.records import AbbreviationSense

CONFIDENT = 0.8
"""Probability above which a sense is taken without comment."""
NO_FIT = -1.0
"""A sense whose long form meets the question's other words far less often than chance
(a log-likelihood ratio of at most this per word) does not fit the question: the short
form is then kept as written rather than forced into a meaning the question rules out."""
MAX_CONTEXT_WORDS = 6
"""The question's other words weighed, at most (the first ones)."""

ContextFit = Callable[[str, Sequence[str]], float]
"""(long form, context words) → log-likelihood of the words beside that long form."""


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
