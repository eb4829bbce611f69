"""Tests of ``medcite.ingest.medline_text`` and ``labels`` on real MEDLINE text records.

``tests/data/pubmed/medline_sample.txt`` holds Biopython's four-record test file, one
record with a collective author (``CN``) from ``../shared/data``, and one record without
``PMID``. Shared-data counts were computed independently (regex over blank-line records).
"""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

import pytest

from medcite.ingest.labels import split_inline_labels
from medcite.ingest.medline_text import parse_chemical, parse_mesh_heading, read_medline_text
from medcite.records import (
    Author,
    Chemical,
    MeshHeading,
    PublicationDate,
    Qualifier,
    Record,
    Rejection,
    Section,
    Source,
    SourceItem,
)


@pytest.fixture(scope="module")
def sample_path(fixtures_dir: Path) -> Path:
    return fixtures_dir / "pubmed" / "medline_sample.txt"


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> list[SourceItem]:
    return list(read_medline_text(sample_path))


def record(items: list[SourceItem], pmid: str) -> Record:
    return next(item for item in items if isinstance(item, Record) and item.pmid == pmid)


def test_records_and_rejection(sample: list[SourceItem], sample_path: Path) -> None:
    assert [getattr(item, "pmid", None) for item in sample[:5]] == [
        "16403221",
        "16377612",
        "14871861",
        "14630660",
        "19712211",
    ]
    assert sample[5] == Rejection(str(sample_path), "no PMID", "record 6")


def test_fields(sample: list[SourceItem]) -> None:
    item = record(sample, "16403221")
    assert item.id == "pmid:16403221" and item.source is Source.MEDLINE_TEXT
    assert item.title == "A high level interface to SCOP and ASTRAL implemented in python."
    assert item.doi == "10.1186/1471-2105-7-10"
    assert item.pii == "1471-2105-7-10"
    assert item.pmcid == "PMC1373603"
    assert item.publication_types == ("Evaluation Studies", "Journal Article")
    assert item.languages == ("eng",)
    assert item.date == PublicationDate(2006, text="2006")
    assert (item.journal.title, item.journal.iso_abbreviation) == (
        "BMC bioinformatics",
        "BMC Bioinformatics",
    )
    assert (item.journal.volume, item.journal.pages) == ("7", "10")
    assert item.authors[2] == Author("Saqi", "Mansoor A S", "MA")


def test_continuation_lines_and_structured_abstract(sample: list[SourceItem]) -> None:
    sections = record(sample, "16403221").sections
    assert [s.label for s in sections] == ["BACKGROUND", "RESULTS", "CONCLUSION"]
    assert [s.category for s in sections] == ["BACKGROUND", "RESULTS", "CONCLUSIONS"]
    assert sections[0].text.startswith("Benchmarking algorithms in structural bioinformatics")
    assert "The ASTRAL compendium" in sections[0].text and "\n" not in sections[0].text
    assert sections[2].text.endswith("easier and more principled.")


def test_mesh_headings_names_only(sample: list[SourceItem]) -> None:
    headings = record(sample, "16403221").mesh_headings
    assert headings[0] == MeshHeading("", "Database Management Systems", True)
    assert headings[2] == MeshHeading(
        "", "Information Storage and Retrieval", False, (Qualifier("", "methods", True),)
    )


def test_collective_author_keywords_and_lid(sample: list[SourceItem]) -> None:
    item = record(sample, "19712211")
    assert item.authors[-1] == Author(collective_name="Hedges Team")
    assert item.authors[0].display_name == "McKibbon KA"


def test_mesh_and_chemical_values() -> None:
    assert parse_mesh_heading("PubMed/*statistics & numerical data") == MeshHeading(
        "", "PubMed", False, (Qualifier("", "statistics & numerical data", True),)
    )
    assert parse_mesh_heading("*Software") == MeshHeading("", "Software", True)
    assert parse_chemical("9035-51-2 (Cytochrome P-450 Enzyme System)") == Chemical(
        "", "Cytochrome P-450 Enzyme System", "9035-51-2"
    )
    assert parse_chemical("0 (Prescription Drugs)") == Chemical("", "Prescription Drugs", "0")


def test_gzip_and_stream_sources(sample_path: Path, tmp_path: Path) -> None:
    packed = tmp_path / "sample.txt"  # gzip detected by magic bytes, not the name
    packed.write_bytes(gzip.compress(sample_path.read_bytes()))
    expected = list(read_medline_text(sample_path))
    assert list(read_medline_text(packed, location=str(sample_path))) == expected
    stream = io.StringIO(sample_path.read_text(encoding="utf-8"))
    assert list(read_medline_text(stream, location=str(sample_path))) == expected


def test_truncated_gzip_keeps_records_before_the_cut(sample_path: Path, tmp_path: Path) -> None:
    packed = gzip.compress(sample_path.read_bytes() * 20)
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    items = list(read_medline_text(cut))
    assert isinstance(items[-1], Rejection) and items[-1].record == ""
    assert sum(isinstance(item, Record) for item in items) >= 1


def test_undecodable_bytes_are_a_rejection(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"PMID- 1\nTI  - Caf\xe9\n")
    (item,) = read_medline_text(bad)
    assert isinstance(item, Rejection)
    assert "can't decode byte 0xe9" in item.reason


def test_empty_file_yields_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert list(read_medline_text(empty)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("No labels here. Just text.", (Section("No labels here. Just text."),)),
        (
            "BACKGROUND: Why. METHODS: How. RESULTS: What.",
            (
                Section("Why.", "BACKGROUND", "BACKGROUND"),
                Section("How.", "METHODS", "METHODS"),
                Section("What.", "RESULTS", "RESULTS"),
            ),
        ),
        (
            "Lead text. AVAILABILITY AND IMPLEMENTATION: At a URL.",
            (Section("Lead text."), Section("At a URL.", "AVAILABILITY AND IMPLEMENTATION")),
        ),
        (
            "The ratio was 2: one to one. HIV is common.",
            (Section("The ratio was 2: one to one. HIV is common."),),
        ),
        ("Mid sentence LABEL: not split.", (Section("Mid sentence LABEL: not split."),)),
    ],
)
def test_split_inline_labels(text: str, expected: tuple[Section, ...]) -> None:
    assert split_inline_labels(text) == expected


def test_every_shared_medline_text_file(shared_data: Path) -> None:
    # Pinned against a separate regex count over blank-line-separated records: 284 + 1 + 4 + 1
    # records, 204 with AB, all with MH (2,118 + 49 MH lines); 94 AB fields have an upper-case
    # "LABEL: " at the start or after a sentence end.
    counts: Counter[str] = Counter()
    for path in sorted((shared_data / "pubmed_medline_txt").iterdir()):
        for item in read_medline_text(path):
            counts[type(item).__name__] += 1
            if isinstance(item, Record):
                counts["with abstract"] += bool(item.sections)
                counts["with mesh"] += bool(item.mesh_headings)
                counts["with labelled sections"] += any(s.label for s in item.sections)
                counts["mesh headings"] += len(item.mesh_headings)
    assert counts == Counter(
        {
            "Record": 290,
            "with abstract": 204,
            "with mesh": 290,
            "with labelled sections": 94,
            "mesh headings": 2167,
        }
    )
