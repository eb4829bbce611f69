"""Precision, recall and F1 of found against gold items: of sets, and of text by characters.

:class:`Counts` adds up true/false positives and misses, so the same code gives micro
figures (add the counts of every document, then divide) and per-document ones.
:func:`character_overlap` is BioASQ's snippet measure: snippets are compared by the
characters they share, so a retrieved sentence that covers half a gold snippet earns
half its characters rather than nothing (Balikas et al., "Evaluation measures for
task B", section 2.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from medcite.evaluate.cases import TextSpan


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives (misses)."""

    true_positives: float = 0
    false_positives: float = 0
    false_negatives: float = 0

    @classmethod
    def of_sets(cls, found: Iterable[object], gold: Iterable[object]) -> Counts:
        """The counts of one found set against one gold set."""
        found_set, gold_set = set(found), set(gold)
        hits = len(found_set & gold_set)
        return cls(hits, len(found_set) - hits, len(gold_set) - hits)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 0 when nothing was found."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 0 when there was nothing to find."""
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall; 0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def character_overlap(found: Iterable[TextSpan], gold: Iterable[TextSpan]) -> Counts:
    """Counts in characters: found characters inside a gold snippet, outside, and missed.

    Spans are taken as sets of characters (record, part, offset), so overlapping spans
    on either side count their shared characters once and precision and recall stay
    within [0, 1]. BioASQ's formula sums span lengths instead, which is the same for
    the non-overlapping sentences medcite returns but can exceed 1 when spans repeat.
    """
    found_runs, gold_runs = _merged(found), _merged(gold)
    shared = sum(
        max(0, min(end, gold_end) - max(start, gold_start))
        for key, runs in found_runs.items()
        for start, end in runs
        for gold_start, gold_end in gold_runs.get(key, ())
    )
    found_total = sum(end - start for runs in found_runs.values() for start, end in runs)
    gold_total = sum(end - start for runs in gold_runs.values() for start, end in runs)
    return Counts(shared, found_total - shared, gold_total - shared)


def _merged(spans: Iterable[TextSpan]) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Spans per (record, part) merged into disjoint, sorted runs of characters."""
    merged: dict[tuple[str, int], list[tuple[int, int]]] = {}
    ordered = sorted(span for span in spans if span.end > span.start)
    for key, group in groupby(ordered, key=lambda s: (s.record_id, s.part)):
        runs: list[tuple[int, int]] = []
        for span in group:
            if runs and span.start <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(runs[-1][1], span.end))
            else:
                runs.append((span.start, span.end))
        merged[key] = runs
    return merged
