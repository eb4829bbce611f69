"""Ranking metrics of one query, as pure functions of a ranking and its relevance judgements.

``ranking`` is the retrieved record ids, best first; ``relevant`` maps judged record
ids to their gain (binary judgements use 1; a gain of 0 means judged not relevant).
Each function scores one query; a benchmark's figure is the mean over its queries
(:func:`mean`), as trec_eval, BEIR and BioASQ report them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence


def ndcg_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """nDCG@k as trec_eval's ``ndcg_cut`` computes it (and BEIR reports it).

    DCG = Σ gain(d_i) / log2(i + 1) over ranks i = 1..k, with the gain itself (trec_eval's
    linear gain, not 2^gain − 1); the ideal DCG sorts every judged gain, best first. A
    query without any positive gain scores 0 (BEIR leaves such queries out beforehand).
    """
    dcg = sum(
        relevant.get(record_id, 0) / math.log2(rank + 1)
        for rank, record_id in enumerate(_unique(ranking)[:k], start=1)
    )
    ideal_gains = sorted((g for g in relevant.values() if g > 0), reverse=True)[:k]
    ideal = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(ideal_gains, start=1))
    return dcg / ideal if ideal > 0 else 0.0


def recall_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Share of the relevant records found in the first ``k``; 0 when none is relevant."""
    positive = {record_id for record_id, gain in relevant.items() if gain > 0}
    if not positive:
        return 0.0
    return len(positive.intersection(_unique(ranking)[:k])) / len(positive)


def average_precision_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """AP@k as BioASQ defines it since 2020 (BioASQ8): Σ P@i·rel(i) / min(|relevant|, k).

    The denominator counts the relevant records a k-long answer could hold, so a query
    with three relevant records found at ranks 1–3 scores 1.0 (trec_eval would divide
    by all relevant records, and BioASQ3–7 by k).
    """
    positive = {record_id for record_id, gain in relevant.items() if gain > 0}
    if not positive:
        return 0.0
    found = 0
    total = 0.0
    for rank, record_id in enumerate(_unique(ranking)[:k], start=1):
        if record_id in positive:
            found += 1
            total += found / rank
    return total / min(len(positive), k)


def precision_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Share of the first ``k`` ranks that hold a relevant record (trec_eval's P@k: a
    ranking shorter than ``k`` still divides by ``k``, so an empty one scores 0)."""
    return sum(relevant.get(record_id, 0) > 0 for record_id in _unique(ranking)[:k]) / k


def judged_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Share of the first ``k`` ranks that hold a judged record, relevant or not.

    Pooled judgements (TREC's) leave most records unjudged, and an unjudged record counts
    as not relevant; this says how much of a ranking the judgements could score at all.
    """
    return sum(record_id in relevant for record_id in _unique(ranking)[:k]) / k


def reciprocal_rank(ranking: Sequence[str], relevant: Mapping[str, int]) -> float:
    """1 / the rank of the first relevant record; 0 when the ranking holds none."""
    for rank, record_id in enumerate(_unique(ranking), start=1):
        if relevant.get(record_id, 0) > 0:
            return 1.0 / rank
    return 0.0


def mean(values: Iterable[float]) -> float:
    """The arithmetic mean; 0 for no values (an empty benchmark scores nothing)."""
    items = list(values)
    return math.fsum(items) / len(items) if items else 0.0


def _unique(ranking: Sequence[str]) -> list[str]:
    """The ranking without repeats: a record counts once, at its best rank (as trec_eval)."""
    return list(dict.fromkeys(ranking))
