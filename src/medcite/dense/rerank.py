"""Re-ranking lexical candidates with an encoder, and fusing the two orders.

The lexical ranking decides *which* records are candidates (BM25's recall@100 is high);
the transformer, too slow to embed a whole corpus on a laptop, re-orders the top few
dozen by meaning. The two orders are then fused (:mod:`medcite.dense.fusion`) rather
than replaced: on SciFact, MiniLM alone re-ranks the BM25 top 50 *worse* than BM25,
while the fusion of both beats either (``bench/dense_scifact.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from medcite.dense.encoders import Vectors
from medcite.dense.fusion import fuse
from medcite.records import SearchHit
from medcite.settings import FusionMethod


def cosine_ranking(
    question: Vectors, record_ids: Sequence[str], record_vectors: Vectors
) -> tuple[SearchHit, ...]:
    """``record_ids`` ordered by the cosine of their (unit) vectors with the question's.

    Ties keep the given order, so equal scores never shuffle between runs.
    """
    if len(record_ids) != len(record_vectors):
        raise ValueError(f"{len(record_ids)} records but {len(record_vectors)} vectors")
    if not record_ids:
        return ()
    scores = record_vectors @ np.asarray(question, dtype=np.float32).reshape(-1)
    order = np.argsort(-scores, kind="stable")
    return tuple(
        SearchHit(record_ids[i], float(scores[i]), rank) for rank, i in enumerate(order, start=1)
    )


def rerank(
    ranking: Sequence[SearchHit],
    dense: Sequence[SearchHit],
    *,
    candidates: int,
    method: FusionMethod,
    dense_weight: float,
) -> tuple[SearchHit, ...]:
    """The top ``candidates`` of ``ranking`` fused with their ``dense`` order; the rest after.

    ``dense`` ranks (some of) the top candidates. Records below the cut keep their order
    after the fused ones, with score 0, so that a re-ranked list is still a full ranking.
    """
    top, rest = ranking[:candidates], ranking[candidates:]
    fused = fuse(method, top, dense, dense_weight)
    tail = (SearchHit(hit.record_id, 0.0, len(fused) + n) for n, hit in enumerate(rest, start=1))
    return (*fused, *tail)
