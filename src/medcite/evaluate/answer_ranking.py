"""Run answer-ranking benchmarks (LiveQA, MEDIQA): each system ranks answers to consumer questions.

A system ranks the corpus for the question as it would for a user (``RetrievalSystem.rank``);
when the benchmark gives the question's own candidate answers, only those are kept, in
the system's order, and a candidate the system does not return is not ranked at all
(it cannot be the first good answer). A question the system refuses to run (too long,
not English) counts as an empty ranking, so both systems are scored on the same questions.
Metrics are the pure functions of ``ranking``, averaged over the questions.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from medcite.engine import Progress
from medcite.errors import QuestionError
from medcite.evaluate.cases import AnswerQuery, Corpus
from medcite.evaluate.datasets.liveqa import GOOD, read_liveqa
from medcite.evaluate.datasets.mediqa import CORRECT, read_mediqa_qa
from medcite.evaluate.ranking import judged_at, mean, precision_at, reciprocal_rank
from medcite.evaluate.report import Report
from medcite.evaluate.retrieval import SystemRun
from medcite.evaluate.systems import Bm25, Medcite, RetrievalSystem
from medcite.evaluate.workspace import open_corpus
from medcite.settings import Settings

AnswerMetric = Callable[[Sequence[str], Mapping[str, int]], float]

ANSWER_METRICS: dict[str, AnswerMetric] = {
    "precision@1": partial(precision_at, k=1),
    "mrr": reciprocal_rank,
    "judged@1": partial(judged_at, k=1),
}
"""Every answer-ranking metric by the name reports use."""

GIVEN_ORDER = "given_order"
"""The answers in the order the benchmark lists them (MEDIQA: CHiQA's ``SystemRank``)."""


@dataclass(frozen=True, slots=True)
class AnswerRun:
    """One system's run: its mean metrics and time, and how many questions it refused."""

    run: SystemRun
    refused: int


def rank_answers(
    system: RetrievalSystem,
    queries: Sequence[AnswerQuery],
    metrics: Sequence[str],
    depth: int,
    progress: Progress | None = None,
) -> AnswerRun:
    """Rank ``depth`` records per question (its candidates among them) and average ``metrics``."""
    started = time.perf_counter()
    rankings = []
    refused = 0
    for query in queries:
        try:
            ranking = system.rank(query.text, depth)
        except QuestionError:
            ranking, refused = (), refused + 1
        rankings.append(_candidates_only(ranking, query))
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    return AnswerRun(SystemRun(_means(rankings, queries, metrics), seconds), refused)


def given_order(queries: Sequence[AnswerQuery], metrics: Sequence[str]) -> SystemRun:
    """The metrics of the candidates in the order the benchmark lists them."""
    return SystemRun(_means([q.candidates for q in queries], queries, metrics), 0.0)


def _candidates_only(ranking: Sequence[str], query: AnswerQuery) -> tuple[str, ...]:
    if not query.candidates:
        return tuple(ranking)
    allowed = set(query.candidates)
    return tuple(record_id for record_id in ranking if record_id in allowed)


def _means(
    rankings: Sequence[Sequence[str]], queries: Sequence[AnswerQuery], metrics: Sequence[str]
) -> dict[str, float]:
    return {
        name: mean(
            ANSWER_METRICS[name](r, q.relevant) for r, q in zip(rankings, queries, strict=True)
        )
        for name in metrics
    }


LIVEQA_DEPTH = 100
"""Answers ranked per LiveQA question (MRR looks this deep)."""

CHIQA = "chiqa"
"""MEDIQA's third column: CHiQA's own order of the answers, the task's starting point."""


def liveqa_report(
    name: str, settings: Settings, path: Path, limit: int | None, progress: Progress | None
) -> Report:
    """LiveQA's judged questions answered from MedQuAD: precision@1 and MRR of good answers."""
    corpus, judged, counts = read_liveqa(path)
    asked = [query for query in judged[:limit] if query.answerable]
    metrics = ("precision@1", "mrr", "judged@1")
    with open_corpus(settings, corpus) as engine:
        runs = {
            s.name: rank_answers(s, asked, metrics, LIVEQA_DEPTH, progress)
            for s in (Medcite(engine), Bm25(engine))
        }
    notes = (
        f"questions as NLM received them (subject and message); an answer is good when "
        f"judged {GOOD} (Incomplete) or 4 (Excellent); unjudged answers count as not good",
        f"{counts['unanswerable_questions']} of {counts['judged_questions']} judged questions "
        "are unanswerable here (no good answer has text in MedQuAD, which strips its "
        "MedlinePlus collections): they are left out of the means and counted",
        "judged@1: share of questions whose first answer was judged at all",
    )
    return _answer_report(name, runs, len(asked), corpus, path, notes, counts)


def mediqa_qa_report(
    name: str, settings: Settings, path: Path, limit: int | None, progress: Progress | None
) -> Report:
    """MEDIQA 2019 task 3's test set: each question's own answers re-ranked."""
    corpus, queries = read_mediqa_qa(path)
    asked = [query for query in queries[:limit] if query.answerable]
    metrics = ("precision@1", "mrr")
    with open_corpus(settings, corpus) as engine:
        runs = {
            s.name: rank_answers(s, asked, metrics, len(corpus.records), progress)
            for s in (Medcite(engine), Bm25(engine))
        }
    notes = (
        f"an answer is correct when its reference score is {CORRECT} or 4 (the task's "
        "label 1); each system ranks the corpus and keeps the question's own answers",
        f"{CHIQA}: the answers in CHiQA's order (SystemRank), as the test file lists them",
    )
    counts = {
        "test_questions": len(queries),
        "unanswerable_questions": sum(not query.answerable for query in queries),
        "answers": len(corpus.records),
    }
    report = _answer_report(name, runs, len(asked), corpus, path, notes, counts)
    given = given_order(asked, metrics)
    return replace(report, systems={**report.systems, CHIQA: given.metrics})


def _answer_report(
    name: str,
    runs: Mapping[str, AnswerRun],
    questions: int,
    corpus: Corpus,
    path: Path,
    notes: tuple[str, ...],
    counts: Mapping[str, int],
) -> Report:
    refused = {f"{system}_refused_questions": run.refused for system, run in runs.items()}
    return Report(
        dataset=name,
        systems={system: run.run.metrics for system, run in runs.items()},
        queries=questions,
        corpus_records=len(corpus.records),
        data=str(path),
        seconds={system: run.run.seconds for system, run in runs.items()},
        counts={**counts, **refused},
        notes=notes,
    )
