"""Plain-text and markdown files read as one record each."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from medcite.ingest.text import read_text_record
from medcite.records import PublicationDate, Record, Rejection, Section, Source, SourceItem


def _record(path: Path) -> Record:
    (item,) = read_text_record(path)
    assert isinstance(item, Record), item
    return item


def _rejection(path: Path) -> Rejection:
    (item,) = read_text_record(path)
    assert isinstance(item, Rejection), item
    assert item.location == str(path)
    return item


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_kind_title_year_line_and_inline_labels(fixtures_dir: Path) -> None:
    record = _record(fixtures_dir / "text" / "structured_abstract.txt")
    assert record.id == "text:structured_abstract"
    assert record.source is Source.TEXT
    assert record.title == "Tendon Friction Rubs as an Early Sign of Diffuse Skin Thickening"
    assert record.publication_types == ("Poster",)
    assert record.date == PublicationDate(year=2015, text="2015")
    assert [(s.label, s.category) for s in record.sections] == [
        ("BACKGROUND", "BACKGROUND"),
        ("METHODS", "METHODS"),
        ("RESULTS", "RESULTS"),
        ("CONCLUSIONS", "CONCLUSIONS"),
    ]
    assert record.sections[2].text.startswith("Rubs were found in 31 of 120 adults (25.8%)")
    assert record.sections[3].text.endswith("rapid skin progression.")


def test_markdown_headings_give_title_and_labelled_sections(fixtures_dir: Path) -> None:
    record = _record(fixtures_dir / "text" / "markdown_abstract.md")
    assert record.id == "text:markdown_abstract"
    assert record.title == "Nailfold Capillary Loss and Digital Ulcers: a Short Report"
    assert record.publication_types == ()
    assert record.year is None
    assert [(s.label, s.category) for s in record.sections] == [
        ("Background", "BACKGROUND"),
        ("Methods", "METHODS"),
        ("Results", "RESULTS"),
        ("Conclusions", "CONCLUSIONS"),
    ]
    # Hard-wrapped lines of a paragraph become one text.
    assert record.sections[0].text == (
        "Capillary loss at the nailfold is visible with a simple microscope. "
        "Its link to digital ulcers is uncertain."
    )


def test_the_seed_abstract_is_read_into_its_four_sections(shared_seeds: Path) -> None:
    (path,) = shared_seeds.glob("002_*.txt")
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    record = _record(path)
    assert record.id == f"text:{path.stem}"
    (kind,) = record.publication_types
    assert first_line == f"{kind}: {record.title} ({record.year})"
    assert record.year == 2007
    assert [s.label for s in record.sections] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert all(s.text and ":" not in s.text[:12] for s in record.sections)


def test_plain_first_line_is_the_title_and_the_rest_one_section(tmp_path: Path) -> None:
    path = _write(tmp_path, "note.txt", "\n\nA plain title line\n\nFirst line of text,\nwrapped.\n")
    record = _record(path)
    assert record.title == "A plain title line"
    assert record.sections == (Section(text="First line of text, wrapped."),)


def test_a_title_alone_has_no_sections(tmp_path: Path) -> None:
    record = _record(_write(tmp_path, "title-only.md", "# Only a title #\n"))
    assert (record.title, record.sections) == ("Only a title", ())


@pytest.mark.parametrize(
    "line",
    [
        "BACKGROUND: An abstract label is not a kind (2007)",
        "We found that: a sentence with a colon is not a kind line (2007)",
        "Poster: no year at the end",
        "Poster: a year that is not one (207)",
    ],
)
def test_lines_that_only_resemble_kind_title_year_stay_whole(tmp_path: Path, line: str) -> None:
    record = _record(_write(tmp_path, "x.txt", line + "\n"))
    assert (record.title, record.publication_types, record.year) == (line, (), None)


def test_a_heading_over_inline_labels_keeps_the_finer_labels(tmp_path: Path) -> None:
    text = "# T\n\n## Abstract\nAIMS: To look. RESULTS: We saw.\n\n## Funding\nNone.\n"
    record = _record(_write(tmp_path, "x.md", text))
    assert record.sections == (
        Section("To look.", "AIMS", "OBJECTIVE"),
        Section("We saw.", "RESULTS", "RESULTS"),
        Section("None.", "Funding", ""),
    )


def test_a_heading_labels_the_text_before_the_first_inline_label(tmp_path: Path) -> None:
    record = _record(_write(tmp_path, "x.md", "# T\n## Results\nWe saw it. CONCLUSIONS: Good.\n"))
    assert [(s.label, s.text) for s in record.sections] == [
        ("Results", "We saw it."),
        ("CONCLUSIONS", "Good."),
    ]


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (codecs.BOM_UTF8 + "Café au lait spots\n".encode(), "Café au lait spots"),
        ("“Quoted” title – cp1252\n".encode("cp1252"), "“Quoted” title – cp1252"),
        ("Naïve Latin-1 title\n".encode("latin-1"), "Naïve Latin-1 title"),
        ("Ünïcode in UTF-16\n".encode("utf-16"), "Ünïcode in UTF-16"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, title: str) -> None:
    assert _record(_write(tmp_path, "enc.txt", data)).title == title


def test_gzip_compressed_text_is_read(tmp_path: Path) -> None:
    record = _record(_write(tmp_path, "zipped.md.gz", gzip.compress(b"# Zipped\nBody.\n")))
    assert (record.id, record.title) == ("text:zipped", "Zipped")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"title\n\x81\x8d\x8f", "not a text file"),
        (b"\x1f\x8b\x08\x00broken", "cannot read the file"),
    ],
)
def test_unreadable_files_are_rejected_naming_the_file(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    assert reason in _rejection(_write(tmp_path, "bad.txt", data)).reason


def test_a_missing_file_is_rejected(tmp_path: Path) -> None:
    assert "cannot read the file" in _rejection(tmp_path / "absent.md").reason


def test_yields_exactly_one_item(fixtures_dir: Path) -> None:
    items: list[SourceItem] = list(read_text_record(fixtures_dir / "text" / "markdown_abstract.md"))
    assert len(items) == 1
