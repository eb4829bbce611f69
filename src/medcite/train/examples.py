"""Training examples for the relevance model: each sentence an answer would read, labelled.

For every question of a split, the engine reads what it reads to answer (the candidate
records, their sentences, each sentence's features); a sentence is a positive example
when at least half of its characters lie in the question's gold answer spans — BioASQ's
snippets, which its experts marked as answering the question, or SciFact's rationales,
the sentences that support or refute a claim — else a negative one. SciFact's abstracts
are whole, so there the negatives include the background and methods sentences of the
very abstract that holds the answer. Sentences of records that
are on the topic but not gold are the negatives that matter: the model must learn to
tell "about the topic" from "answers the question".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medcite.engine import Engine, Progress
from medcite.errors import QuestionError
from medcite.evaluate.cases import TextSpan

POSITIVE_SHARE = 0.5
"""Share of a sentence's characters inside gold snippets for it to count as answering."""


@dataclass(frozen=True, slots=True)
class LabelledQuestion:
    """A question (or claim) with the records and the spans of text that answer it."""

    id: str
    text: str
    documents: tuple[str, ...]
    answers: tuple[TextSpan, ...]


@dataclass(frozen=True, slots=True)
class Example:
    """One sentence read for one question: its features, label, and where it came from."""

    question: str
    record_id: str
    gold_record: bool
    features: tuple[float, ...]
    label: int


def collect_examples(
    engine: Engine, questions: Sequence[LabelledQuestion], progress: Progress | None = None
) -> list[Example]:
    """The labelled sentences of every question, in question order."""
    examples: list[Example] = []
    for question in questions:
        try:
            _, records, features = engine.evidence_features(question.text)
        except QuestionError:
            records, features = (), []
        gold = set(question.documents)
        for item, rows in zip(records, features, strict=True):
            for sentence, askings in zip(item.sentences, rows, strict=True):
                share = _gold_share(
                    TextSpan(item.record.id, sentence.section_index, sentence.start, sentence.end),
                    question.answers,
                )
                examples.append(
                    Example(
                        question=question.id,
                        record_id=item.record.id,
                        gold_record=item.record.id in gold,
                        features=askings[0],  # the whole question
                        label=int(share >= POSITIVE_SHARE),
                    )
                )
        if progress is not None:
            progress(1)
    return examples


def _gold_share(span: TextSpan, gold: Sequence[TextSpan]) -> float:
    """The share of ``span``'s characters that lie in any gold span (merged)."""
    length = span.end - span.start
    if length <= 0:
        return 0.0
    covered: list[tuple[int, int]] = sorted(
        (max(g.start, span.start), min(g.end, span.end))
        for g in gold
        if g.record_id == span.record_id
        and g.part == span.part
        and g.start < span.end
        and span.start < g.end
    )
    total, reach = 0, span.start
    for start, end in covered:
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total / length
