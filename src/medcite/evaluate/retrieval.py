"""Run ranking and snippet benchmarks: every query through every system, then the mean per metric.

Each system answers all the queries in turn (not interleaved), so its time is its
own; the metrics are pure functions of one query's ranking (``ranking``) or snippets
(``overlap``), averaged over the queries as trec_eval, BEIR and BioASQ do.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from medcite.engine import Progress
from medcite.evaluate.cases import BioasqQuestion, RankingQuery
from medcite.evaluate.overlap import character_overlap
from medcite.evaluate.ranking import (
    average_precision_at,
    mean,
    ndcg_at,
    recall_at,
    reciprocal_rank,
)
from medcite.evaluate.systems import RetrievalSystem

RankingMetric = Callable[[Sequence[str], Mapping[str, int]], float]

RANKING_METRICS: dict[str, RankingMetric] = {
    "ndcg@10": partial(ndcg_at, k=10),
    "recall@100": partial(recall_at, k=100),
    "map@10": partial(average_precision_at, k=10),
    "recall@10": partial(recall_at, k=10),
    "recall@1": partial(recall_at, k=1),
    "mrr": reciprocal_rank,
}
"""Every ranking metric by the name reports use."""

SNIPPETS_PER_QUESTION = 10
"""BioASQ accepts at most ten snippets (and ten documents) per question."""


@dataclass(frozen=True, slots=True)
class SystemRun:
    """One system's mean metrics over a benchmark and the time it took."""

    metrics: dict[str, float]
    seconds: float


def run_ranking(
    system: RetrievalSystem,
    queries: Sequence[RankingQuery],
    metrics: Sequence[str],
    depth: int,
    progress: Progress | None = None,
) -> SystemRun:
    """Rank ``depth`` records for each query and average the named ``metrics``."""
    started = time.perf_counter()
    scores: dict[str, list[float]] = {name: [] for name in metrics}
    for query in queries:
        ranking = system.rank(query.text, depth)
        for name in metrics:
            scores[name].append(RANKING_METRICS[name](ranking, query.relevant))
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    return SystemRun({name: mean(values) for name, values in scores.items()}, seconds)


def run_bioasq_retrieval(
    system: RetrievalSystem,
    questions: Sequence[BioasqQuestion],
    progress: Progress | None = None,
) -> SystemRun:
    """BioASQ phase A: MAP@10 and recall@10 of the gold documents, snippet P/R/F1 by characters.

    Snippet figures are the means over questions of each question's character-overlap
    precision, recall and F1, BioASQ's "mean F-measure" (its official snippet measure
    since 2021).
    """
    started = time.perf_counter()
    average_precision, recall, precision, snippet_recall, f1 = [], [], [], [], []
    for question in questions:
        relevant = dict.fromkeys(question.documents, 1)
        ranking = system.rank(question.body, SNIPPETS_PER_QUESTION)
        average_precision.append(RANKING_METRICS["map@10"](ranking, relevant))
        recall.append(RANKING_METRICS["recall@10"](ranking, relevant))
        found = system.snippets(question.body, SNIPPETS_PER_QUESTION)
        counts = character_overlap(found, question.snippets)
        precision.append(counts.precision)
        snippet_recall.append(counts.recall)
        f1.append(counts.f1)
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    return SystemRun(
        {
            "map@10": mean(average_precision),
            "recall@10": mean(recall),
            "snippet_f1": mean(f1),
            "snippet_precision": mean(precision),
            "snippet_recall": mean(snippet_recall),
        },
        seconds,
    )
