"""MEDIQA 2019 task 3 (Ben Abacha et al., ACL-BioNLP 2019): re-rank the answers to a question.

Each test question is a consumer's message sent to NLM, with the answers CHiQA retrieved
for it from NIH sites (a page URL and its text), listed in CHiQA's order (``SystemRank``);
assessors scored each 1–4 (``ReferenceScore``: 4 Excellent, 3 Correct but incomplete,
2 Related, 1 Incorrect). The task counts an answer scored 3 or 4 as correct (gain 1 and
2 here), and the rank measures score how early a system puts the correct ones among the
question's own answers.

The corpus is every test answer, each a record of its own (``mediqa:1_Answer3``, its text
as one section and its page as the URL); a question's candidates are its own answers, so
a system ranks the corpus and keeps those. The test file carries the reference scores
(``…-TestSet-wLabels.xml``), so it is read alone; nothing was chosen on it.

The same judgements also say which pages answer a question at all (``read_mediqa_pages``):
each answer opens with its page's title, and the task's training, validation and test
files are the train, dev and report splits of ``medcite eval mediqa-pages``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from medcite.errors import SourceError
from medcite.evaluate.cases import AnswerQuery, Corpus, JudgedPages
from medcite.evaluate.datasets.files import find_file, read_text
from medcite.evaluate.splits import Split, selects
from medcite.records import Record, Section, Source

NAME = "mediqa2019-qa"
TEST_FILE = "MEDIQA2019-Task3-QA-TestSet-wLabels.xml"
CORRECT = 3
"""The lowest reference score of a correct answer (the task's label 1)."""


def record_id(answer_id: str) -> str:
    """The store id of a MEDIQA answer (``1_Answer3``)."""
    return f"mediqa:{answer_id}"


def read_mediqa_qa(directory: Path) -> tuple[Corpus, tuple[AnswerQuery, ...]]:
    """Every answer of the task 3 test set, and each question with its own answers."""
    path = find_file(directory, TEST_FILE)
    records: list[Record] = []
    queries = []
    for qid, text, answers in _questions(path):
        records.extend(record for _, record, _ in answers)
        queries.append(
            AnswerQuery(
                id=qid,
                text=text,
                relevant={r.id: max(0, score - CORRECT + 1) for _, r, score in answers},
                candidates=tuple(record.id for _, record, _ in answers),
            )
        )
    return Corpus.of(NAME, tuple(records)), tuple(queries)


SPLIT_FILES: dict[Split, tuple[str, ...]] = {
    Split.TRAIN: (
        "MEDIQA2019-Task3-QA-TrainingSet1-LiveQAMed.xml",
        "MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml",
    ),
    Split.DEV: ("MEDIQA2019-Task3-QA-ValidationSet.xml",),
    Split.REPORT: (TEST_FILE,),
}
"""The task's own files as splits: its two training sets, its validation set, its test set."""
TITLE_MARK, LONGEST_TITLE = ": ", 150
"""CHiQA's answers begin with their page's title and a colon ("Gout (Treatment): …")."""


def read_mediqa_pages(directory: Path, split: Split) -> tuple[JudgedPages, ...]:
    """The questions of ``split`` (all files for ``all``), each with its judged pages' titles;
    an answer whose text opens with no title has the title ""."""
    names = [n for part, files in SPLIT_FILES.items() if selects(split, part) for n in files]
    return tuple(
        JudgedPages(
            f"{Path(name).stem}:{qid}",
            text,
            tuple((page_title(r.abstract), score >= CORRECT) for _, r, score in answers),
        )
        for name in names
        for qid, text, answers in _questions(find_file(directory, name))
    )


def page_title(answer: str) -> str:
    """The title an answer of CHiQA opens with ("Gout (Treatment)"), or "" when none."""
    title, mark, _ = answer.partition(TITLE_MARK)
    return title if mark and len(title) <= LONGEST_TITLE else ""


def _questions(path: Path) -> list[tuple[str, str, list[tuple[int, Record, int]]]]:
    """Each question of a task 3 file: its id, its text, and its answers in CHiQA's order
    (each with CHiQA's rank, its record and its reference score)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(read_text(path).encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"{path}: not XML: {exc}") from exc
    found = []
    for question in root.iterfind("Question"):
        qid = question.get("QID") or ""
        text = " ".join((question.findtext("QuestionText") or "").split())
        if not qid or not text:
            raise SourceError(f"{path}: question {qid or '(no QID)'} has no id or no text")
        answers = [
            _answer(path, qid, element) for element in question.iterfind("AnswerList/Answer")
        ]
        answers.sort(key=lambda answer: answer[0])
        found.append((qid, text, answers))
    if not found:
        raise SourceError(f"{path}: no <Question> elements")
    return found


def _answer(path: Path, qid: str, element: etree._Element) -> tuple[int, Record, int]:
    """CHiQA's rank of one answer, its record, and its reference score."""
    aid = element.get("AID") or ""
    where = f"{path}, question {qid}, answer {aid or '(no AID)'}"
    try:
        rank, score = int(element.get("SystemRank", "")), int(element.get("ReferenceScore", ""))
    except ValueError:
        raise SourceError(f"{where}: SystemRank and ReferenceScore must be numbers") from None
    text = " ".join((element.findtext("AnswerText") or "").split())
    if not aid or not text or not 1 <= score <= 4:
        raise SourceError(f"{where}: needs an AID, a text and a ReferenceScore of 1 to 4")
    url = " ".join((element.findtext("AnswerURL") or "").split())
    record = Record(
        id=record_id(aid), source=Source.DATASET, title="", sections=(Section(text),), url=url
    )
    return rank, record, score
