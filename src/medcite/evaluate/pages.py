"""Which pages answer a question: does a page that asks what the question asks answer it?

A consumer-health page is written as the answer to its own question ("What are the
treatments for Gout?"), and medcite takes such a page's sentences as answers when that
question asks what the user's does (``RecordTopics.asks_the_same``). MEDIQA 2019's judged
answers test the rule: each answer's page title against the assessors' verdict (correct:
3 or 4 of 4). The rule is scored as a classifier of the pages it says answer —
precision, recall of the correct pages, the share of pages it takes, and the likelihood
ratio that the evidence stage multiplies a page's odds by (``PAGE_ASKS_THE_SAME``) —
beside the baseline that takes every page (precision: how many pages are correct at all).

Each page is read as a consumer-health page titled by its title, as MedQuAD's are; a
question medcite refuses to read (too long) takes no page.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from medcite.engine import Engine, Progress
from medcite.errors import QuestionError
from medcite.evaluate.cases import JudgedPages
from medcite.evaluate.retrieval import SystemRun
from medcite.evaluate.systems import MEDCITE
from medcite.records import Record, Source

EVERY_PAGE = "every_page"
"""The baseline: every page answers."""


def run_page_questions(
    engine: Engine, questions: Sequence[JudgedPages], progress: Progress | None = None
) -> dict[str, SystemRun]:
    """medcite's rule and the every-page baseline, scored on the same judged pages."""
    started = time.perf_counter()
    taken: list[tuple[bool, bool]] = []  # (the rule takes the page, it was judged correct)
    for question in questions:
        verdicts = _asks_the_same(engine, question)
        taken.extend(zip(verdicts, (correct for _, correct in question.pages), strict=True))
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    every = [(True, correct) for _, correct in taken]
    return {
        MEDCITE: SystemRun(_scores(taken), seconds),
        EVERY_PAGE: SystemRun(_scores(every), 0.0),
    }


def _asks_the_same(engine: Engine, question: JudgedPages) -> list[bool]:
    """For each judged page of ``question``: whether its title asks what the question asks."""
    try:
        understood = engine.understand(question.text)
    except QuestionError:
        return [False] * len(question.pages)
    pages = [_page(question.id, n, title) for n, (title, _) in enumerate(question.pages, 1)]
    return [topics.asks_the_same for topics in engine.topics(understood, pages)]


def _page(question_id: str, number: int, title: str) -> Record:
    return Record(id=f"mediqa:{question_id}:{number}", source=Source.MEDQUAD, title=title)


def _scores(taken: Sequence[tuple[bool, bool]]) -> dict[str, float]:
    """Precision and recall of the pages taken as answers, the share of pages taken, and
    the likelihood ratio of being taken: how much likelier a correct page is to be taken
    than a wrong one, which is what being taken multiplies a page's odds of being correct
    by (0 where no wrong page is taken and the ratio has no bound)."""
    chosen = sum(take for take, _ in taken)
    right = sum(take and correct for take, correct in taken)
    correct = sum(correct for _, correct in taken)
    wrong_taken, wrong = chosen - right, len(taken) - correct
    recall = right / correct if correct else 0.0
    false_alarms = wrong_taken / wrong if wrong else 0.0
    return {
        "precision": right / chosen if chosen else 0.0,
        "recall": recall,
        "pages_taken": chosen / len(taken) if taken else 0.0,
        "likelihood_ratio": recall / false_alarms if false_alarms else 0.0,
    }
