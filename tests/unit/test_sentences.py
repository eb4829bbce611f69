"""Sentence splitting: the rules on hand-written cases, properties on any text, real abstracts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medcite.ingest import record_sentence_spans, record_sentences, split_sentences
from medcite.records import Record, Section, SectionPart, Source


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "As shown by Smith et al. In 2005 the rate rose.",
        "Aspirin vs. Placebo was compared.",
        "Some drugs, e.g. Aspirin, were used.",
        "One drug, i.e. Aspirin, was used.",
        "As in Fig. 2 the curve rose.",
        "It took approx. 30 min to finish.",
        "We enrolled ca. 300 patients.",
        "Dr. Smith examined them.",
        "Patient no. 12 relapsed.",
        "Candida spp. Were isolated in 3 cases.",
        "The method of J. Smith was used.",
        "It was described by J. A. Smith in detail.",
        "The difference was significant (p < 0.05) and large.",
        "The difference was significant (P = .03) at 3.5 mg daily.",
        "Rates fell from 0.25 to 0.05 overall.",
        "Our aims were: 1. To assess safety; 2. To assess efficacy.",
        "Resistant strains of E. coli were found.",
        "Smith et al. reported lower rates.",
        "Data were collected in the U.S. In total 40 sites took part.",
        "It was approved by the U.S.FDA: the agency said so.",
        "Some drugs, e.g.NSAID: were used.",
        "Rates rose.Then they fell.",
    ],
)
def test_keeps_one_sentence_together(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rates fell. Costs rose.", ["Rates fell.", "Costs rose."]),
        ("Rates fell. 40 patients died.", ["Rates fell.", "40 patients died."]),
        ("Rates fell. (All were adults.)", ["Rates fell.", "(All were adults.)"]),
        ("Was it safe? Yes it was.", ["Was it safe?", "Yes it was."]),
        ("Was it safe? yes.", ["Was it safe?", "yes."]),
        ("It worked! We were glad.", ["It worked!", "We were glad."]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("(All were adults.) Costs rose.", ["(All were adults.)", "Costs rose."]),
        (
            "We studied adults (n = 41). Results were good.",
            ["We studied adults (n = 41).", "Results were good."],
        ),
        (
            "The effect was small (p < 0.05). The cost was high.",
            ["The effect was small (p < 0.05).", "The cost was high."],
        ),
        ("Levels of vitamin D. We found more.", ["Levels of vitamin D.", "We found more."]),
        ("Patients with MS. The rest.", ["Patients with MS.", "The rest."]),
        ("See Fig. 2. The curve rose.", ["See Fig. 2.", "The curve rose."]),
        ("The answer was no. Then we stopped.", ["The answer was no.", "Then we stopped."]),
        ("It took 30 min. Then we stopped.", ["It took 30 min.", "Then we stopped."]),
        ("We had two aims. 1. To assess X.", ["We had two aims.", "1. To assess X."]),
        ("Expression fell. mRNA levels rose.", ["Expression fell.", "mRNA levels rose."]),
        ("First part\n\nsecond part", ["First part", "second part"]),
        ("  Padded sentence.  Next one.  ", ["Padded sentence.", "Next one."]),
        # a label glued on without a space (review 12: "… medication.INTERPRETATION: Our …")
        (
            "No death was related to it.INTERPRETATION: It was safe.",
            ["No death was related to it.", "INTERPRETATION: It was safe."],
        ),
        ("Rates fell (n = 5).RESULTS: 16 died.", ["Rates fell (n = 5).", "RESULTS: 16 died."]),
    ],
)
def test_splits_at_sentence_ends(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_does_not_split_before_a_lower_case_word() -> None:
    assert sentences("Use the drug vs. placebo. and then stop.") == [
        "Use the drug vs. placebo. and then stop."
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == ()


_TEXTISH = st.lists(
    st.sampled_from([*"aZ9 .?!()\"'”\n\t,;:eE.pP=<", "et al.", "e.g. ", "J. ", "mRNA", "\u00a0"]),
    max_size=40,
).map("".join)


@given(st.one_of(st.text(), _TEXTISH))
def test_spans_partition_the_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert text[previous_end:start].strip() == ""  # only whitespace between spans
        previous_end = end
    assert text[previous_end:].strip() == ""


def record_of(*sections: Section) -> Record:
    """A record of ``sections``, titled "T"."""
    return Record(id="pmid:1", source=Source.JSONL, title="T", sections=sections)


def test_record_sentences_number_across_sections() -> None:
    record = record_of(
        Section("We studied rats. They grew.", label="METHODS"),
        Section("Growth was fast.", label="RESULTS"),
    )
    found = record_sentences(record)
    assert [(s.section_index, s.index, s.section_label, s.text) for s in found] == [
        (0, 0, "METHODS", "We studied rats."),
        (0, 1, "METHODS", "They grew."),
        (1, 2, "RESULTS", "Growth was fast."),
    ]
    for sentence in found:
        section = record.sections[sentence.section_index]
        assert section.text[sentence.start : sentence.end] == sentence.text


def test_record_sentence_spans_are_those_of_record_sentences() -> None:
    record = record_of(
        Section("We studied rats. They grew.", label="METHODS"),
        Section("Rats | 12 | 14. Mice | 3 | 4.", part=SectionPart.TABLE),
        Section("Growth was fast.\n\nIt was not. Why?", label="RESULTS"),
    )
    assert record_sentence_spans(record) == tuple(
        (s.section_index, s.start, s.end) for s in record_sentences(record)
    )
    assert [span[0] for span in record_sentence_spans(record)] == [0, 0, 2, 2, 2]


def _scifact_abstract(shared_data: Path, doc_id: int) -> str:
    with gzip.open(shared_data / "scifact" / "corpus.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            if document["doc_id"] == doc_id:
                return " ".join(document["abstract"])
    raise AssertionError(f"SciFact document {doc_id} not found")


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("doc_id", "count", "hard_sentence_start"),
    [
        # Counted by hand. SciFact's own split cuts this one at each "+/-" into 14 pieces;
        # it has 9 sentences, one with "(1.4 +/- 0.24 versus 1.15 +/- 0.09 microm2/ms, p = 0.016)".
        (4983, 9, "Preterm infants at term showed higher mean diffusion"),
        # 8 sentences with "(n = …)"-free prose, "CD33’s" and "TGF-β"; matches SciFact.
        (5836, 8, "These 2 proteins formed a functional ligand/receptor pair"),
    ],
)
def test_real_abstracts_split_as_counted_by_hand(
    shared_data: Path, doc_id: int, count: int, hard_sentence_start: str
) -> None:
    found = sentences(_scifact_abstract(shared_data, doc_id))
    assert len(found) == count
    hard = next(sentence for sentence in found if sentence.startswith(hard_sentence_start))
    assert hard.endswith(".")
