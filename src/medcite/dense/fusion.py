"""Fusing rankings: pure functions over ranked hits, chosen by name (``FUSERS``).

A ranking is a sequence of :class:`SearchHit`, best first; each fuser takes several
rankings with one weight each and returns one ranking with new scores and ranks. A record
missing from a ranking simply gets nothing from it. Ties break on the best rank any input
gave the record, then on the id, so results never depend on dict order.

* Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009):
  ``score(d) = Σ_i w_i / (k + rank_i(d))`` with ``k = 60`` as in the paper. It looks at
  ranks only, so it needs no calibration between BM25 scores and cosines.
* Linear fusion of min-max normalised scores (the "convex combination" of Bruch et al.,
  TOIS 2023): ``score(d) = Σ_i w_i · (s_i(d) − min_i) / (max_i − min_i)``; a ranking whose
  scores are all equal gives each of its records 1. It keeps how *much* better one
  candidate is than the next, which RRF throws away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medcite.records import SearchHit
from medcite.settings import FusionMethod

RRF_K = 60
"""The constant of reciprocal rank fusion, as recommended by Cormack et al. (2009)."""

Ranking = Sequence[SearchHit]
Fuser = Callable[[Sequence[Ranking], Sequence[float]], tuple[SearchHit, ...]]


def reciprocal_rank_fusion(
    rankings: Sequence[Ranking], weights: Sequence[float], k: int = RRF_K
) -> tuple[SearchHit, ...]:
    """Fuse rankings by ``Σ w / (k + rank)`` (ranks are 1-based, as in ``SearchHit``)."""
    _check(rankings, weights)
    scores: dict[str, float] = {}
    best_rank: dict[str, int] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for position, hit in enumerate(ranking, start=1):
            scores[hit.record_id] = scores.get(hit.record_id, 0.0) + weight / (k + position)
            best_rank[hit.record_id] = min(best_rank.get(hit.record_id, position), position)
    return _ranked(scores, best_rank)


def linear_fusion(rankings: Sequence[Ranking], weights: Sequence[float]) -> tuple[SearchHit, ...]:
    """Fuse rankings by the weighted sum of their min-max normalised scores."""
    _check(rankings, weights)
    scores: dict[str, float] = {}
    best_rank: dict[str, int] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        if not ranking:
            continue
        low = min(hit.score for hit in ranking)
        span = max(hit.score for hit in ranking) - low
        for position, hit in enumerate(ranking, start=1):
            normalised = (hit.score - low) / span if span > 0 else 1.0
            scores[hit.record_id] = scores.get(hit.record_id, 0.0) + weight * normalised
            best_rank[hit.record_id] = min(best_rank.get(hit.record_id, position), position)
    return _ranked(scores, best_rank)


FUSERS: dict[FusionMethod, Fuser] = {
    FusionMethod.RRF: reciprocal_rank_fusion,
    FusionMethod.LINEAR: linear_fusion,
}


def fuse(
    method: FusionMethod, lexical: Ranking, dense: Ranking, dense_weight: float
) -> tuple[SearchHit, ...]:
    """A lexical and a dense ranking fused by ``method``; ``dense_weight`` in [0, 1]."""
    if not 0.0 <= dense_weight <= 1.0:
        raise ValueError(f"dense_weight must be within [0, 1], not {dense_weight}")
    return FUSERS[method]((lexical, dense), (1.0 - dense_weight, dense_weight))


def _check(rankings: Sequence[Ranking], weights: Sequence[float]) -> None:
    if len(rankings) != len(weights):
        raise ValueError(f"{len(rankings)} rankings but {len(weights)} weights")
    if any(weight < 0 for weight in weights):
        raise ValueError(f"weights must not be negative: {list(weights)}")


def _ranked(scores: dict[str, float], best_rank: dict[str, int]) -> tuple[SearchHit, ...]:
    order = sorted(
        scores, key=lambda record_id: (-scores[record_id], best_rank[record_id], record_id)
    )
    return tuple(
        SearchHit(record_id=record_id, score=scores[record_id], rank=rank)
        for rank, record_id in enumerate(order, start=1)
    )
