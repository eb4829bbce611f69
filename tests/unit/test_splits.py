"""The fixed splits: stable, disjoint, and nothing of 11B or PubMedQA's test split trainable."""

from __future__ import annotations

from pathlib import Path

import pytest

from medcite.evaluate.datasets.bioasq import read_bioasq
from medcite.evaluate.splits import Split, bioasq_split, in_dev, pubmedqa_split, selects


def test_the_report_edition_is_never_trained_or_tuned_on() -> None:
    assert bioasq_split("abc", 11) is Split.REPORT
    assert bioasq_split("abc", 12) is Split.REPORT
    assert bioasq_split("abc", 10) in (Split.TRAIN, Split.DEV)


def test_dev_is_a_stable_fifth_chosen_by_the_id() -> None:
    ids = [f"q{number}" for number in range(5000)]
    share = sum(map(in_dev, ids)) / len(ids)
    assert 0.17 < share < 0.23
    assert [in_dev(i) for i in ids[:50]] == [in_dev(i) for i in ids[:50]]


def test_pubmedqa_test_questions_are_the_report_split() -> None:
    assert pubmedqa_split("21645374", official_test=True) is Split.REPORT
    assert pubmedqa_split("21645374", official_test=False) in (Split.TRAIN, Split.DEV)


def test_all_takes_every_split() -> None:
    assert all(selects(Split.ALL, split) for split in Split)
    assert not selects(Split.DEV, Split.REPORT)


def test_bioasq_report_questions_repeat_no_trainable_question(shared_data: Path) -> None:
    _, questions = read_bioasq(shared_data / "bioasq" / "golden")
    report = {q.body.strip().lower() for q in questions if q.edition >= 11}
    trainable = {q.body.strip().lower() for q in questions if q.edition < 11}
    assert len(report) == 327 and not report & trainable


@pytest.mark.parametrize("edition", [7, 8, 9, 10])
def test_every_trainable_edition_feeds_train_and_dev(shared_data: Path, edition: int) -> None:
    _, questions = read_bioasq(shared_data / "bioasq" / "golden")
    splits = {bioasq_split(q.id, q.edition) for q in questions if q.edition == edition}
    assert splits == {Split.TRAIN, Split.DEV}
