"""Composing an extractive answer: grounded statements, numbering, bottom line choice."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from medcite.compose import check_question, compose_answer, verify_answer
from medcite.compose.terms import content_terms, fold
from medcite.errors import QuestionError
from medcite.records import Provenance, Record, RetrievedRecord, Section, Sentence, Source
from medcite.settings import AnswerSettings

SETTINGS = AnswerSettings()
PROVENANCE = Provenance("snap", "hash", 0.0)


def retrieved(pmid: int, rank: int, sections: list[tuple[str, list[str]]]) -> RetrievedRecord:
    """A record whose sections are the given sentences, with exact spans."""
    built_sections, sentences = [], []
    for section_index, (label, parts) in enumerate(sections):
        text = " ".join(parts)
        position = 0
        for part in parts:
            start = text.index(part, position)
            position = start + len(part)
            sentences.append(
                Sentence(
                    f"pmid:{pmid}", section_index, len(sentences), start, position, part, label
                )
            )
        built_sections.append(Section(text, label, label))
    record = Record(f"pmid:{pmid}", Source.PUBMED_XML, f"Title {pmid}", tuple(built_sections))
    return RetrievedRecord(record, tuple(sentences), rank, 10.0 / rank)


CALCINOSIS = retrieved(
    1,
    1,
    [
        ("BACKGROUND", ["Calcinosis of the spine is rarely described in systemic sclerosis."]),
        (
            "RESULTS",
            [
                "Paraspinal calcinosis was found by CT in 24 of 41 systemic sclerosis cases.",
                "Twelve of these patients also showed intraspinal calcinosis on the same scans.",
            ],
        ),
        ("CONCLUSIONS", ["Spinal calcinosis in systemic sclerosis may compress the spinal cord."]),
    ],
)
UNRELATED = retrieved(
    2, 2, [("", ["Hip fractures in older adults are common and costly to health systems."])]
)


def test_fold_and_terms_drop_stop_words_and_fold_plurals() -> None:
    assert fold("Studies") == "study"
    assert fold("findings") == "finding"
    assert fold("sclerosis") == "sclerosis"
    assert content_terms("What are the MRI findings in the patients?") == ("mri", "finding")


def test_every_statement_is_an_exact_span_of_its_cited_record() -> None:
    answer = compose_answer(
        "spinal calcinosis in systemic sclerosis", [CALCINOSIS, UNRELATED], SETTINGS, PROVENANCE
    )
    records = {CALCINOSIS.record.id: CALCINOSIS.record}
    statements = [s for section in answer.sections for s in section.statements]
    assert statements
    for statement in statements:
        source = records[statement.record_id].sections[statement.section_index].text
        assert source[statement.start : statement.end] == statement.text
    assert {s.record_id for s in statements} == {"pmid:1"}  # nothing from the unrelated record


def test_bottom_line_prefers_conclusions_and_references_are_numbered_in_citation_order() -> None:
    answer = compose_answer(
        "spinal calcinosis systemic sclerosis", [CALCINOSIS], SETTINGS, PROVENANCE
    )
    bottom = answer.sections[0]
    assert bottom.title == "Bottom line"
    assert bottom.statements[0].section == "CONCLUSIONS"
    assert [ref.n for ref in answer.references] == [1]
    assert all(s.citations == (1,) for section in answer.sections for s in section.statements)


def test_statements_per_record_are_capped() -> None:
    settings = AnswerSettings(statements_per_record=1, bottom_line_statements=1)
    answer = compose_answer("calcinosis systemic sclerosis", [CALCINOSIS], settings, PROVENANCE)
    assert sum(len(s.statements) for s in answer.sections) == 1


def test_no_matching_sentence_gives_an_honest_empty_answer() -> None:
    answer = compose_answer("pulmonary embolism anticoagulation", [UNRELATED], SETTINGS, PROVENANCE)
    assert answer.sections == ()
    assert answer.references == ()
    assert answer.notes


def test_verification_drops_a_statement_that_does_not_match_its_source() -> None:
    answer = compose_answer("calcinosis systemic sclerosis", [CALCINOSIS], SETTINGS, PROVENANCE)
    first = answer.sections[0]
    forged = replace(first.statements[0], text=first.statements[0].text + " Always.")
    tampered = replace(answer, sections=(replace(first, statements=(forged,)),))
    verified = verify_answer(tampered, {CALCINOSIS.record.id: CALCINOSIS.record})
    assert verified.sections == ()
    assert verified.references == ()
    assert "failed verification" in verified.notes[-1]


@pytest.mark.parametrize("question", ["", "   ", "x" * 1001])
def test_empty_or_overlong_questions_are_refused_with_a_reason(question: str) -> None:
    with pytest.raises(QuestionError):
        check_question(question, SETTINGS)


def test_question_whitespace_is_normalised() -> None:
    assert check_question("  MRI \n findings ", SETTINGS) == "MRI findings"
