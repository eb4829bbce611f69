"""LiveQA and MEDIQA: their readers on small files in the real layouts, and the answer ranking.

The fixtures (``tests/data/eval/{medquad,liveqa_med_trec2017,mediqa2019}``) were written
for these tests in each benchmark's layout; the expected values below are worked out by
hand from them.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from medcite.errors import QuestionError, SourceError
from medcite.evaluate.answer_ranking import given_order, rank_answers
from medcite.evaluate.cases import AnswerQuery, TextSpan
from medcite.evaluate.datasets.liveqa import read_liveqa
from medcite.evaluate.datasets.mediqa import (
    TEST_FILE,
    page_title,
    read_mediqa_pages,
    read_mediqa_qa,
)
from medcite.evaluate.splits import Split
from medcite.records import Source


@pytest.fixture
def eval_data(fixtures_dir: Path) -> Path:
    return fixtures_dir / "eval"


def test_liveqa_reads_medquad_answers_questions_and_graded_judgements(eval_data: Path) -> None:
    corpus, queries, counts = read_liveqa(eval_data / "medquad")
    # The A.D.A.M. answer has no text (as in MedQuAD); the CDC pair without a doc_id takes
    # its document from its qid.
    assert [r.id for r in corpus.records] == [
        "medquad:NIDDK_0000101_Sec1",
        "medquad:NIDDK_0000101_Sec2",
        "medquad:GHR_0000202_Sec1",
        "medquad:CDC_0000404_Sec1",
    ]
    assert {r.source for r in corpus.records} == {Source.MEDQUAD}
    first, second, third = queries
    assert first.text == "Gout attack. Which medicines ease a gout attack quickly?"
    assert second.text == "marfan. Does Marfan syndrome affect the connective tissue of the heart?"
    # 4-Excellent → 2, 3-Incomplete → 1, lower → 0; answers without text are left out.
    assert dict(first.relevant) == {
        "medquad:NIDDK_0000101_Sec2": 2,
        "medquad:NIDDK_0000101_Sec1": 0,
        "medquad:GHR_0000202_Sec1": 0,
    }
    assert dict(second.relevant) == {"medquad:GHR_0000202_Sec1": 1}  # judged 2 and 3: 3 kept
    assert dict(third.relevant) == {"medquad:NIDDK_0000101_Sec1": 0}  # its good answer: no text
    assert [q.answerable for q in queries] == [True, True, False]
    assert counts == {
        "test_questions": 4,
        "judged_questions": 3,
        "answerable_questions": 2,
        "unanswerable_questions": 1,
        "judged_answers": 7,
        "judged_answers_with_text": 5,
        "good_answers": 4,
        "good_answers_with_text": 2,
        "good_answers_with_text_also_judged_below": 1,
    }


def test_liveqa_names_the_file_and_line_of_a_bad_judgement(eval_data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "medquad"
    shutil.copytree(eval_data / "medquad", folder)
    judgements = next(folder.glob("All-qrels*"))
    judgements.write_text("1 4-Excellent NIDDK_0000101_Sec2.txt\n1 Excellent GHR_1_Sec1\n")
    with pytest.raises(SourceError, match="questions"):
        read_liveqa(folder)  # no questions file beside this copy
    shutil.copytree(eval_data / "liveqa_med_trec2017", tmp_path / "liveqa_med_trec2017")
    with pytest.raises(SourceError, match=rf"{judgements.name}, line 2: expected"):
        read_liveqa(folder)


def test_mediqa_lists_each_questions_answers_in_chiqa_order_with_gains(eval_data: Path) -> None:
    corpus, queries = read_mediqa_qa(eval_data / "mediqa2019")
    assert len(corpus.records) == 4
    answer = corpus.records[0]
    assert (answer.id, answer.url) == ("mediqa:1_Answer1", "https://medlineplus.gov/example/gout")
    first, second = queries
    assert first.candidates == ("mediqa:1_Answer1", "mediqa:1_Answer2", "mediqa:1_Answer3")
    assert dict(first.relevant) == {
        "mediqa:1_Answer1": 0,
        "mediqa:1_Answer2": 2,
        "mediqa:1_Answer3": 0,
    }
    assert first.answerable and not second.answerable  # its one answer scores 2


def test_mediqa_refuses_an_answer_without_a_score(eval_data: Path, tmp_path: Path) -> None:
    source = eval_data / "mediqa2019" / TEST_FILE
    broken = tmp_path / source.name
    broken.write_text(source.read_text().replace('ReferenceScore="4"', 'ReferenceScore="high"'))
    with pytest.raises(SourceError, match=r"question 1, answer 1_Answer2: SystemRank and Ref"):
        read_mediqa_qa(tmp_path)


def test_mediqa_pages_are_split_by_the_tasks_own_files_each_page_with_its_title(
    eval_data: Path,
) -> None:
    train = read_mediqa_pages(eval_data / "mediqa2019", Split.TRAIN)
    assert [q.text for q in train] == [
        "How is rheumatoid arthritis treated?",
        "what are the symptoms of systemic sclerosis",
    ]
    assert train[0].pages == (
        ("Rheumatoid Arthritis (Causes)", False),  # scored 2
        ("Rheumatoid Arthritis (Treatment)", True),  # scored 4
        ("Treating a sprained ankle", False),
    )
    (dev,) = read_mediqa_pages(eval_data / "mediqa2019", Split.DEV)
    assert dev.pages[1] == ("", True)  # an answer opening with no title
    assert len(read_mediqa_pages(eval_data / "mediqa2019", Split.REPORT)) == 2
    assert len(read_mediqa_pages(eval_data / "mediqa2019", Split.ALL)) == 5


@pytest.mark.parametrize(
    ("answer", "title"),
    [
        ("Gout (Treatment): Medicines ease an attack.", "Gout (Treatment)"),
        ("What causes Flu?: A virus.", "What causes Flu?"),
        ("Rest helps: so does ice.", "Rest helps"),
        ("No title here, only text.", ""),
        ("x" * 151 + ": a colon far into the text", ""),
    ],
)
def test_a_chiqa_answer_opens_with_its_pages_title(answer: str, title: str) -> None:
    assert page_title(answer) == title


class _Listed:
    """A system double: the rankings it returns are given per question text."""

    name = "listed"

    def __init__(self, rankings: dict[str, Sequence[str]]) -> None:
        self._rankings = rankings

    def rank(self, text: str, limit: int) -> tuple[str, ...]:
        if text not in self._rankings:
            raise QuestionError("not English")
        return tuple(self._rankings[text])[:limit]

    def snippets(self, text: str, limit: int) -> tuple[TextSpan, ...]:
        return ()


def test_answers_are_ranked_among_the_candidates_and_refusals_score_nothing() -> None:
    queries = [
        # Candidates a, b, c; b is good. The system returns x (not a candidate), c, b:
        # kept c, b → precision@1 0, RR 1/2. Given order a, b, c: RR 1/2 too.
        AnswerQuery("1", "one", {"a": 0, "b": 1, "c": 0}, candidates=("a", "b", "c")),
        # No candidates: the whole corpus. y first, unjudged; then d (good): RR 1/2.
        AnswerQuery("2", "two", {"d": 2, "e": 0}),
        # Refused by the system: an empty ranking, 0 for both metrics.
        AnswerQuery("3", "three", {"f": 1}, candidates=("f",)),
    ]
    system = _Listed({"one": ["x", "c", "b"], "two": ["y", "d", "e"]})
    result = rank_answers(system, queries, ("precision@1", "mrr", "judged@1"), depth=10)
    assert result.refused == 1
    assert result.run.metrics == pytest.approx(
        {"precision@1": 0.0, "mrr": (0.5 + 0.5 + 0) / 3, "judged@1": (1 + 0 + 0) / 3}
    )
    given = given_order([queries[0], queries[2]], ("precision@1", "mrr"))
    assert given.metrics == pytest.approx({"precision@1": 0.5, "mrr": (0.5 + 1) / 2})
