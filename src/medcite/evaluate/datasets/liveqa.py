"""TREC 2017 LiveQA medical test questions, answered from MedQuAD with its judged answers.

Ben Abacha & Demner-Fushman (BMC Bioinformatics 2019, "A question-entailment approach to
question answering") judged 2,479 MedQuAD answers that systems retrieved for 103 of the
104 LiveQA medical test questions: 1-Incorrect, 2-Related, 3-Incomplete, 4-Excellent.
The task is theirs: retrieve answers from MedQuAD for each question as NLM received it
(subject and message, not the assessors' paraphrase); an answer judged at least
3-Incomplete is a good one (gain: judgement − 2, so 1 or 2), one judged lower is judged
not good (gain 0), and an unjudged one counts as not good, as in TREC's pooled judgements.

MedQuAD keeps no text for its three MedlinePlus collections (A.D.A.M., Drugs, Herbs and
Supplements: removed for copyright), and some judged answer ids are no longer in its
release. Those answers cannot be retrieved; a question none of whose good answers has
text is *unanswerable* here. The reader says how many there are (``counts``) rather than
hiding them.

The corpus is every answered MedQuAD pair, read by medcite's own MedQuAD reader, so it is
the consumer-health source users ingest (record ids ``medquad:GHR_0000001_Sec1``, the ids
the judgements use).

168 answers are judged twice for the same question, 68 of them once below 3 and once at
3 or above: the higher judgement is kept (one assessment found the answer good enough),
and ``counts`` says how many good answers with text were also judged below.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from lxml import etree

from medcite.errors import SourceError
from medcite.evaluate.cases import AnswerQuery, Corpus
from medcite.evaluate.datasets.files import find_file, read_text
from medcite.ingest import read_medquad_jsonl
from medcite.records import Record, Rejection

NAME = "medquad"
QUESTIONS_FOLDER = "liveqa_med_trec2017"
QUESTION_FILES = (
    "TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml",
    "TREC-2017-LiveQA-Medical-Test.xml",
)
JUDGEMENTS = "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt"
PAIRS = "medquad_qa_pairs.jsonl"
GOOD = 3
"""The lowest judgement of a good answer: 3-Incomplete (4 is Excellent)."""

_JUDGEMENT = re.compile(r"^(?P<question>\d+)\s+(?P<score>[1-4])-\w+\s+(?P<answer>\S+?)(?:\.txt)?$")


def read_liveqa(directory: Path) -> tuple[Corpus, tuple[AnswerQuery, ...], dict[str, int]]:
    """MedQuAD's answered pairs, one query per judged LiveQA question, and what was found.

    ``directory`` is MedQuAD's folder (pairs and judgements); the questions are looked for
    there and in the LiveQA folder beside it.
    """
    records = _medquad_records(find_file(directory, PAIRS))
    corpus = Corpus.of(NAME, records)
    questions = _read_questions(_questions_file(directory))
    judgements = _read_judgements(find_file(directory, JUDGEMENTS))
    stored = {record.id for record in records}
    queries = []
    for number, judged in sorted(judgements.items()):
        qid = f"TQ{number}"
        if qid not in questions:
            raise SourceError(f"{JUDGEMENTS}: question {number} is not among the test questions")
        relevant = {a: _gain(max(scores)) for a, scores in judged.items() if a in stored}
        queries.append(AnswerQuery(qid, questions[qid], relevant))
    counts = _counts(questions, judgements, queries, stored)
    return corpus, tuple(queries), counts


def _counts(
    questions: dict[str, str],
    judgements: dict[int, dict[str, list[int]]],
    queries: list[AnswerQuery],
    stored: set[str],
) -> dict[str, int]:
    """How many questions and judged answers there are, and how many of them have text."""
    answers = [
        (a in stored, max(s), min(s)) for by_id in judgements.values() for a, s in by_id.items()
    ]
    return {
        "test_questions": len(questions),
        "judged_questions": len(judgements),
        "answerable_questions": sum(q.answerable for q in queries),
        "unanswerable_questions": sum(not q.answerable for q in queries),
        "judged_answers": len(answers),
        "judged_answers_with_text": sum(has_text for has_text, _, _ in answers),
        "good_answers": sum(best >= GOOD for _, best, _ in answers),
        "good_answers_with_text": sum(has_text and best >= GOOD for has_text, best, _ in answers),
        "good_answers_with_text_also_judged_below": sum(
            has_text and best >= GOOD > worst for has_text, best, worst in answers
        ),
    }


def _gain(judgement: int) -> int:
    """1 for 3-Incomplete, 2 for 4-Excellent, 0 for an answer judged below."""
    return max(0, judgement - GOOD + 1)


def _medquad_records(path: Path) -> tuple[Record, ...]:
    records = []
    for item in read_medquad_jsonl(path):
        if isinstance(item, Rejection):
            raise SourceError(f"{item.location}, {item.record}: {item.reason}")
        if isinstance(item, Record):
            records.append(item)
    return tuple(records)


def _questions_file(directory: Path) -> Path:
    for folder in (directory, directory.parent / QUESTIONS_FOLDER):
        for name in QUESTION_FILES:
            if (folder / name).is_file():
                return folder / name
    raise SourceError(
        f"no LiveQA test questions ({QUESTION_FILES[0]}) in {directory} or "
        f"{directory.parent / QUESTIONS_FOLDER}"
    )


def _read_questions(path: Path) -> dict[str, str]:
    """Each question id (``TQ1``) → the question as NLM received it: subject and message."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(read_text(path).encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"{path}: not XML: {exc}") from exc
    questions = {}
    for element in root.iterfind("NLM-QUESTION"):
        qid = element.get("qid") or ""
        subject = " ".join((element.findtext("Original-Question/SUBJECT") or "").split())
        message = " ".join((element.findtext("Original-Question/MESSAGE") or "").split())
        if not qid or not (subject or message):
            raise SourceError(f"{path}: question {qid or '(no qid)'} has no id or no text")
        if subject and message and subject[-1] not in ".?!:":
            subject += "."
        questions[qid] = " ".join(part for part in (subject, message) if part)
    if not questions:
        raise SourceError(f"{path}: no <NLM-QUESTION> elements")
    return questions


def _read_judgements(path: Path) -> dict[int, dict[str, list[int]]]:
    """Question number → MedQuAD record id → its judgements (1–4), from the
    ``N J-Label ID.txt`` lines of the judgement file."""
    judged: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        match = _JUDGEMENT.match(line.strip())
        if match is None:
            raise SourceError(f"{path}, line {number}: expected 'QUESTION N-Label ANSWER_ID'")
        answers = judged[int(match["question"])]
        answers.setdefault(f"medquad:{match['answer']}", []).append(int(match["score"]))
    return dict(judged)
