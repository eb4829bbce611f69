"""The NGC summary reader and the recognition measure, on a summary written for these tests.

``tests/data/ngc/ngc-1.xml`` is in NGC's layout (escaped HTML in ``FieldValue``) but its
text was made up for the tests; ``fixture_labels.jsonl`` labels it as the real labels do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite.errors import SourceError
from medcite.evaluate.datasets.ngc import GuidelineSummary, field_text, read_ngc_summaries
from medcite.evaluate.recommendations import (
    Statement,
    compare,
    grade_values,
    measure,
    read_labels,
    recognised_statements,
)
from medcite.records import SectionPart


@pytest.fixture
def summary(fixtures_dir: Path) -> GuidelineSummary:
    (found,) = read_ngc_summaries(fixtures_dir / "ngc")
    return found


def test_the_reader_puts_each_block_on_a_line_and_keeps_table_rows_apart(
    summary: GuidelineSummary,
) -> None:
    assert (summary.id, summary.year) == ("ngc-1", 2015)
    assert summary.developers == "Example Society of Back Care - Medical Specialty Society"
    lines = summary.recommendations.split("\n")
    assert lines[3] == "Offer heat wraps for short-term relief [B]."  # nested item, <em> inline
    assert lines[7:9] == ["Drug | Rating", "Ibuprofen | Usually appropriate"]  # <p> in a cell
    assert [row for _, _, row in summary.blocks] == [False] * 7 + [True, True, False]
    record = summary.record()
    assert record.publication_types == ("Practice Guideline",) and record.issuer
    assert [s.part for s in record.sections].count(SectionPart.TABLE) == 2
    assert all(
        summary.recommendations[start:end] == section.text
        for (start, end, _), section in zip(summary.blocks, record.sections, strict=True)
    )


def test_recognition_is_scored_against_labels_by_overlap_and_grade_values(
    summary: GuidelineSummary, fixtures_dir: Path
) -> None:
    # Found: the "should advise" sentence (its grade note follows it), the [B] item and the
    # sentence under "Recommendation 2 (Grade C):". Missed: "Imaging is not needed …".
    found = recognised_statements(summary)
    assert [(s.start, s.grade) for s in found] == [(20, "A"), (190, "B"), (316, "C")]
    labels = read_labels(fixtures_dir / "ngc" / "fixture_labels.jsonl")
    figures = measure(labels, {summary.id: summary})
    assert figures.to_json() == {
        "summaries": 1,
        "labelled": 4,
        "recognised": 3,
        "correct": 3,
        "found": 3,
        "right_grade": 3,
        "precision": 1.0,
        "recall": 0.75,
        "grade_accuracy": 1.0,
    }


def test_a_label_made_on_another_text_is_refused(
    summary: GuidelineSummary, fixtures_dir: Path, tmp_path: Path
) -> None:
    row = json.loads((fixtures_dir / "ngc" / "fixture_labels.jsonl").read_text())
    row["text_sha256"] = "0" * 64
    moved = tmp_path / "labels.jsonl"
    moved.write_text(json.dumps(row) + "\n")
    with pytest.raises(SourceError, match="ngc-1: its text is not the one labelled"):
        measure(read_labels(moved), {summary.id: summary})


def test_matches_need_half_of_the_shorter_span_and_grades_compare_by_value() -> None:
    gold = [Statement(0, 100, "A I"), Statement(120, 140, "")]
    found = [
        Statement(10, 100, "A I"),  # inside the first: correct, right grade
        Statement(90, 130, ""),  # 10 of 40 with the first, 10 of 20 with the second: correct
        Statement(95, 125, "B"),  # 5 of 30 and 5 of 20: no match
    ]
    assert compare(gold, found) == (2, 3, 2, 2, 2)
    assert grade_values("Class I, Level of Evidence: A") == grade_values("(LOE A; COR I)") == "A I"
    assert grade_values("Strong recommendation, moderate-quality evidence") == "MODERATE STRONG"
    assert grade_values("Grade 1A") == "1A" and grade_values("Level II-2") == "II-2"
    assert grade_values("") == ""


def test_a_row_of_one_cell_is_a_block_of_text_not_a_row_of_data() -> None:
    # Some summaries set each recommendation in a box: a table row of one cell.
    text, blocks = field_text(
        "<table><tr><td>Recommendation</td></tr>"
        "<tr><td><p>Imaging should not be routine.</p></td></tr>"
        "<tr><td>Drug</td><td>Rating</td></tr></table>"
    )
    assert text.split("\n") == ["Recommendation", "Imaging should not be routine.", "Drug | Rating"]
    assert [row for _, _, row in blocks] == [False, False, True]
