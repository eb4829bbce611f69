"""Score whole answers on BioASQ's summary and list questions: ROUGE against the ideal answers.

medcite answers each question with ``Engine.ask``; its statements, joined, are the
candidate. The baseline answers with the first sentence of each of the top BM25
records ("lead" sentences), as many sentences as medcite's answer holds, so neither
wins by length alone (both lengths are reported). Each is scored by ROUGE-2 and
ROUGE-SU4 against all of the question's ideal answers, and by citation precision: the
share of the records it cites that are among the question's gold documents.

``grounded`` is the share of medcite's statements found verbatim at their claimed
span in the cited record; the answer page promises 100% on every run.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from medcite.compose import statement_matches_source
from medcite.engine import Engine, Progress
from medcite.errors import QuestionError
from medcite.evaluate.cases import BioasqQuestion
from medcite.evaluate.ranking import mean
from medcite.evaluate.retrieval import SystemRun
from medcite.evaluate.rouge import rouge_2, rouge_su4
from medcite.evaluate.systems import BM25, MEDCITE, Bm25
from medcite.records import Statement

SUMMARY_TYPES = ("summary", "list")
"""The BioASQ question types whose ideal answer is a paragraph to summarise towards."""


@dataclass(frozen=True, slots=True)
class Written:
    """An answer as the measures see it: its sentences and the records it cites."""

    sentences: tuple[str, ...]
    cited: tuple[str, ...]


def run_summaries(
    engine: Engine, questions: Sequence[BioasqQuestion], progress: Progress | None = None
) -> dict[str, SystemRun]:
    """medcite's answers and the lead-sentence baseline, each scored; keyed by system name."""
    baseline = Bm25(engine)
    ours: list[tuple[BioasqQuestion, Written]] = []
    theirs: list[tuple[BioasqQuestion, Written]] = []
    grounded: list[float] = []
    ours_seconds = theirs_seconds = 0.0
    answer_size = engine.settings.answer.bottom_line_statements
    answer_size += engine.settings.answer.research_statements
    for question in questions:
        started = time.perf_counter()
        written, statements = _answer(engine, question.body)
        ours.append((question, written))
        grounded.extend(1.0 if _is_grounded(engine, s) else 0.0 for s in statements)
        middle = time.perf_counter()
        lead = baseline.lead_sentences(question.body, len(statements) or answer_size)
        cited = tuple(dict.fromkeys(sentence.record_id for sentence in lead))
        theirs.append((question, Written(tuple(s.text for s in lead), cited)))
        ours_seconds += middle - started
        theirs_seconds += time.perf_counter() - middle
        if progress is not None:
            progress(1)
    medcite_metrics = _score(ours) | {"grounded": mean(grounded) if grounded else 1.0}
    return {
        MEDCITE: SystemRun(medcite_metrics, ours_seconds),
        BM25: SystemRun(_score(theirs), theirs_seconds),
    }


def _answer(engine: Engine, body: str) -> tuple[Written, tuple[Statement, ...]]:
    """medcite's answer to ``body``; a question the engine refuses is answered with nothing."""
    try:
        answer = engine.ask(body)
    except QuestionError:
        return Written((), ()), ()
    statements = tuple(s for section in answer.sections for s in section.statements)
    cited = tuple(reference.record_id for reference in answer.references)
    return Written(tuple(s.text for s in statements), cited), statements


def _is_grounded(engine: Engine, statement: Statement) -> bool:
    """The verification answers pass, redone from the store: the span, less a label at most."""
    return statement_matches_source(statement, engine.show(statement.record_id))


def _score(answers: Sequence[tuple[BioasqQuestion, Written]]) -> dict[str, float]:
    rouge2, su4, rouge2_recall, su4_recall, precision, characters = [], [], [], [], [], []
    answered = 0
    for question, written in answers:
        candidate = " ".join(written.sentences)
        two = rouge_2(candidate, question.ideal_answers)
        skip = rouge_su4(candidate, question.ideal_answers)
        rouge2.append(two.f1)
        su4.append(skip.f1)
        rouge2_recall.append(two.recall)
        su4_recall.append(skip.recall)
        characters.append(float(len(candidate)))
        if written.cited:
            answered += 1
            gold = set(question.documents)
            precision.append(sum(c in gold for c in written.cited) / len(written.cited))
    return {
        "rouge2": mean(rouge2),
        "rouge_su4": mean(su4),
        "rouge2_recall": mean(rouge2_recall),
        "rouge_su4_recall": mean(su4_recall),
        "citation_precision": mean(precision),
        "answered": answered / len(answers) if answers else 0.0,
        "answer_chars": mean(characters),
    }
