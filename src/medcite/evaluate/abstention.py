"""Abstention both ways: answer when the corpus holds the answer, abstain when it does not.

The gold documents of a seeded random third of the questions are left out of the corpus.
For those questions every record left is a near miss at best, so an honest system says the
evidence is insufficient; for the other two thirds it should still answer. medcite is
scored on both; BM25 always returns records, so it never abstains.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from medcite.engine import Engine, Progress
from medcite.errors import QuestionError
from medcite.evaluate.cases import BioasqQuestion, Corpus
from medcite.evaluate.retrieval import SystemRun
from medcite.evaluate.systems import BM25, MEDCITE
from medcite.records import AnswerState

SEED = 20231
"""Fixed, so every run leaves out the same third."""
SHARE_REMOVED = 3
"""One question in ``SHARE_REMOVED`` loses its gold documents."""


def remove_gold_of_a_third(
    corpus: Corpus, questions: Sequence[BioasqQuestion]
) -> tuple[Corpus, frozenset[str]]:
    """The corpus without the gold documents of a random third of ``questions``, and the
    ids of the questions whose gold was removed."""
    chosen = random.Random(SEED).sample(list(questions), len(questions) // SHARE_REMOVED)
    gone = {document for question in chosen for document in question.documents}
    kept = tuple(record for record in corpus.records if record.id not in gone)
    name = f"{corpus.name}-without-gold-of-{len(chosen)}"
    return Corpus.of(name, kept), frozenset(question.id for question in chosen)


def run_abstention(
    engine: Engine,
    questions: Sequence[BioasqQuestion],
    removed: frozenset[str],
    progress: Progress | None = None,
) -> dict[str, SystemRun]:
    """How often medcite abstains where the gold was removed, and answers where it was not."""
    started = time.perf_counter()
    abstained = answered = 0
    for question in questions:
        try:
            answer = engine.ask(question.body)
            gave = answer.state is AnswerState.ANSWERED and bool(answer.references)
        except QuestionError:
            gave = False
        if question.id in removed:
            abstained += not gave
        else:
            answered += gave
        if progress is not None:
            progress(1)
    present = len(questions) - len(removed)
    medcite = {
        "abstained_when_removed": abstained / len(removed) if removed else 0.0,
        "answered_when_present": answered / present if present else 0.0,
    }
    bm25 = {"abstained_when_removed": 0.0, "answered_when_present": 1.0}
    seconds = time.perf_counter() - started
    return {MEDCITE: SystemRun(medcite, seconds), BM25: SystemRun(bm25, 0.0)}
