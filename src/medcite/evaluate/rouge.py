"""ROUGE-2 and ROUGE-SU4 (Lin 2004) as ROUGE-1.5.5 computes them, BioASQ's ideal-answer measures.

The PyPI ``rouge-score`` package reimplements ROUGE-N and ROUGE-L but not the skip-bigram
measures, so both are written here, following ``ROUGE-1.5.5.pl`` line by line:

* **Tokens.** Lower-cased; every character other than ``a-z0-9`` separates tokens (so
  "COVID-19" is "covid 19"); no stemming and no stop-word removal (ROUGE-1.5.5 without
  ``-m`` and ``-s``; ``rouge-score`` with ``use_stemmer=False`` tokenises the same way).
* **ROUGE-2.** Counts of the text's bigrams; a hit is a bigram of the candidate that a
  reference holds, clipped to the smaller of the two counts.
* **ROUGE-SU4** (``-2 4 -u``). The units are skip-bigrams — ordered pairs of tokens
  ``(t_i, t_j)`` with ``i < j ≤ i + 5``, i.e. at most four tokens skipped between
  them — plus unigrams, which ROUGE-1.5.5 counts as pairs with a start-of-sentence
  symbol. Its ``createSkipBigram`` loops over ``i`` from the first to the *second-last*
  token, so the last token's unigram is never counted (a one-token text has no units
  at all); this quirk is kept so that figures compare with published ROUGE-1.5.5 ones.
* **Several references** (BioASQ questions have up to 22 ideal answers): ROUGE-1.5.5's
  default scoring formula "A" adds hits and unit counts over the references, so
  recall = Σ hits / Σ reference units and precision = Σ hits / (references × candidate
  units); F is their harmonic mean (``-p 0.5``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SKIP_DISTANCE = 4
"""Most tokens a skip-bigram of ROUGE-SU4 may skip between its two words."""

_NON_TOKEN = re.compile(r"[^a-z0-9]+")

Units = Callable[[Sequence[str]], Counter[tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class RougeScore:
    """Recall, precision and F1 of one candidate against its references."""

    recall: float
    precision: float
    f1: float


def tokens(text: str) -> list[str]:
    """ROUGE-1.5.5's tokens: lower-cased runs of ``a-z0-9``."""
    return _NON_TOKEN.sub(" ", text.lower()).split()


def bigrams(words: Sequence[str]) -> Counter[tuple[str, ...]]:
    """Counts of adjacent token pairs (ROUGE-2's units)."""
    return Counter(tuple(words[i : i + 2]) for i in range(len(words) - 1))


def skip_bigrams_with_unigrams(
    words: Sequence[str], skip_distance: int = SKIP_DISTANCE
) -> Counter[tuple[str, ...]]:
    """ROUGE-SU units: unigrams and pairs skipping at most ``skip_distance`` tokens.

    Mirrors ``createSkipBigram`` of ROUGE-1.5.5 with ``-u``, including that ``i`` stops
    at the second-last token (see the module docstring).
    """
    units: Counter[tuple[str, ...]] = Counter()
    last = len(words) - 1
    for i in range(last):
        units[(words[i],)] += 1
        for j in range(i + 1, min(last, i + skip_distance + 1) + 1):
            units[(words[i], words[j])] += 1
    return units


def rouge(candidate: str, references: Sequence[str], units: Units) -> RougeScore:
    """The ROUGE score of ``candidate`` against ``references`` by formula A (module docstring)."""
    found = units(tokens(candidate))
    found_total = sum(found.values())
    hits = reference_total = candidate_total = 0
    for reference in references:
        wanted = units(tokens(reference))
        hits += sum(min(count, wanted[unit]) for unit, count in found.items() if unit in wanted)
        reference_total += sum(wanted.values())
        candidate_total += found_total
    recall = hits / reference_total if reference_total else 0.0
    precision = hits / candidate_total if candidate_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return RougeScore(recall, precision, f1)


def rouge_2(candidate: str, references: Sequence[str]) -> RougeScore:
    """ROUGE-2 of ``candidate`` against ``references``."""
    return rouge(candidate, references, bigrams)


def rouge_su4(candidate: str, references: Sequence[str]) -> RougeScore:
    """ROUGE-SU4 of ``candidate`` against ``references``."""
    return rouge(candidate, references, skip_bigrams_with_unigrams)
