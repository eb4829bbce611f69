"""Score whole answers on BioASQ: ROUGE against the ideal answers, snippets, yes/no, grounding.

medcite answers each question with ``Engine.ask``; its statements, joined, are the
candidate. The baseline answers with the first sentence of each of the top BM25
records ("lead" sentences), as many sentences as medcite's answer holds (the configured
answer length when medcite answered nothing), so neither wins by length alone. Both are
scored on the same questions, over all of them: a question medcite leaves unanswered
counts with ROUGE 0, and ``answered`` says how many it answered.

* ``rouge2``, ``rouge_su4``: F1 against all of the question's ideal answers (ROUGE-1.5.5);
* ``citation_precision``: the share of cited records among the question's gold documents
  (over answered questions);
* ``snippet_precision/recall/f1``: the quoted sentences against the gold snippets, by the
  characters they share (BioASQ's snippet measure), over all questions;
* ``yesno_agreement``: on the yes/no questions of the same split, whether the polarity the
  bottom line states (``stated_polarity``) is the exact answer, over those where it states
  one; ``yesno_stated`` is the share that state one;
* ``grounded``: the share of statements that the independent oracle (``grounding``) finds
  in the published source, the golden JSON, read afresh;
* ``coverage@t`` and ``precision@t``: the precision–coverage curve of the relevance model
  on these questions — the share whose most relevant sentence has a probability of at
  least ``t``, and the share of those whose most relevant sentence lies in a gold snippet
  (half its characters or more). The answer itself uses one threshold; the curve shows
  what the others would give.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from medcite.engine import Engine, Progress
from medcite.errors import QuestionError
from medcite.evaluate.cases import BioasqQuestion, TextSpan
from medcite.evaluate.grounding import grounded
from medcite.evaluate.overlap import character_overlap
from medcite.evaluate.ranking import mean
from medcite.evaluate.retrieval import SystemRun
from medcite.evaluate.rouge import rouge_2, rouge_su4
from medcite.evaluate.systems import BM25, MEDCITE, Bm25, sentence_span
from medcite.records import Answer, SectionKind, Statement

SUMMARY_TYPES = ("summary", "list")
CURVE_THRESHOLDS = (0.3, 0.5, 0.7, 0.9)
"""Where the precision–coverage curve is read."""
"""The BioASQ question types whose ideal answer is a paragraph to summarise towards."""

_NEGATION = re.compile(
    r"\b(?:no|not|none|neither|nor|never|without|fail(?:s|ed)? to|lack(?:s|ed)? of|"
    r"did not|does not|do not|was not|were not|is not|are not|cannot|unrelated|"
    r"no significant|not significant(?:ly)?|non-?significant)\b",
    re.IGNORECASE,
)
"""Cues that a sentence denies what it reports (after NegEx's triggers, Chapman et al. 2001)."""


@dataclass(frozen=True, slots=True)
class Written:
    """An answer as the measures see it: its sentences, the records it cites, where it quotes."""

    sentences: tuple[str, ...]
    cited: tuple[str, ...]
    spans: tuple[TextSpan, ...] = ()


def run_summaries(
    engine: Engine,
    questions: Sequence[BioasqQuestion],
    sources: Mapping[str, tuple[str, ...]],
    yesno: Sequence[BioasqQuestion] = (),
    progress: Progress | None = None,
) -> dict[str, SystemRun]:
    """medcite's answers and the lead-sentence baseline, each scored; keyed by system name.

    ``sources`` holds each record's published text for the grounding oracle.
    """
    baseline = Bm25(engine)
    ours: list[tuple[BioasqQuestion, Written]] = []
    theirs: list[tuple[BioasqQuestion, Written]] = []
    checks: list[float] = []
    ours_seconds = theirs_seconds = 0.0
    answer_size = engine.settings.answer.bottom_line_statements
    answer_size += engine.settings.answer.research_statements
    for question in questions:
        started = time.perf_counter()
        answer = _ask(engine, question.body)
        statements = _statements(answer)
        ours.append((question, _written(answer)))
        checks.extend(1.0 if grounded(s.text, s.record_id, sources) else 0.0 for s in statements)
        middle = time.perf_counter()
        lead = baseline.lead_sentences(question.body, len(statements) or answer_size)
        cited = tuple(dict.fromkeys(sentence.record_id for sentence in lead))
        spans = tuple(sentence_span(sentence) for sentence in lead)
        theirs.append((question, Written(tuple(s.text for s in lead), cited, spans)))
        ours_seconds += middle - started
        theirs_seconds += time.perf_counter() - middle
        if progress is not None:
            progress(1)
    polarity = _yes_no(engine, yesno, progress)
    curve = precision_coverage(engine, questions)
    medcite_metrics = (
        _score(ours) | polarity | curve | {"grounded": mean(checks) if checks else 1.0}
    )
    return {
        MEDCITE: SystemRun(medcite_metrics, ours_seconds),
        BM25: SystemRun(_score(theirs), theirs_seconds),
    }


def _ask(engine: Engine, body: str) -> Answer | None:
    """medcite's answer to ``body``; None when the engine refuses the question."""
    try:
        return engine.ask(body)
    except QuestionError:
        return None


def _statements(answer: Answer | None) -> tuple[Statement, ...]:
    if answer is None:
        return ()
    return tuple(s for section in answer.sections for s in section.statements)


def _written(answer: Answer | None) -> Written:
    statements = _statements(answer)
    cited = tuple(reference.record_id for reference in answer.references) if answer else ()
    spans = tuple(
        TextSpan(s.record_id, s.section_index, s.start + s.offset, s.end) for s in statements
    )
    return Written(tuple(s.text for s in statements), cited, spans)


def precision_coverage(engine: Engine, questions: Sequence[BioasqQuestion]) -> dict[str, float]:
    """The precision–coverage curve of the most relevant sentence (see the module doc)."""
    best: list[tuple[float, bool]] = []
    for question in questions:
        try:
            found = engine.snippets(question.body, 1)
        except QuestionError:
            found = ()
        if not found:
            best.append((0.0, False))
            continue
        sentence, chance = found[0]
        span = sentence_span(sentence)
        overlap = character_overlap([span], question.snippets)
        best.append((chance, overlap.precision >= GOLD_SHARE))
    curve: dict[str, float] = {}
    for threshold in CURVE_THRESHOLDS:
        kept = [gold for chance, gold in best if chance >= threshold]
        curve[f"coverage@{threshold}"] = len(kept) / len(best) if best else 0.0
        curve[f"precision@{threshold}"] = sum(kept) / len(kept) if kept else 1.0
    return curve


GOLD_SHARE = 0.5
"""Share of a sentence's characters inside gold snippets for it to count as answering."""


def stated_polarity(answer: Answer | None) -> str:
    """ "yes" or "no" as the bottom line's first statement reads; "" when it has none."""
    if answer is None:
        return ""
    for section in answer.sections:
        if section.kind is SectionKind.BOTTOM_LINE and section.statements:
            return "no" if _NEGATION.search(section.statements[0].text) else "yes"
    return ""


def _yes_no(
    engine: Engine, questions: Sequence[BioasqQuestion], progress: Progress | None
) -> dict[str, float]:
    if not questions:
        return {}
    stated = agreed = 0
    for question in questions:
        polarity = stated_polarity(_ask(engine, question.body))
        if polarity:
            stated += 1
            agreed += polarity == question.exact_answer
        if progress is not None:
            progress(1)
    return {
        "yesno_agreement": agreed / stated if stated else 0.0,
        "yesno_stated": stated / len(questions),
    }


def _score(answers: Sequence[tuple[BioasqQuestion, Written]]) -> dict[str, float]:
    rouge2, su4, rouge2_recall, su4_recall, precision, characters = [], [], [], [], [], []
    snippet_precision, snippet_recall, snippet_f1 = [], [], []
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
        overlap = character_overlap(written.spans, question.snippets)
        snippet_precision.append(overlap.precision)
        snippet_recall.append(overlap.recall)
        snippet_f1.append(overlap.f1)
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
        "snippet_precision": mean(snippet_precision),
        "snippet_recall": mean(snippet_recall),
        "snippet_f1": mean(snippet_f1),
        "answered": answered / len(answers) if answers else 0.0,
        "answer_chars": mean(characters),
    }
