"""The source dispatcher: format detection, directory walking, and one rejection per bad file."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from medcite.ingest import sources
from medcite.ingest.sources import SourceFormat, detect_format, format_of, read_sources
from medcite.records import Deletion, Record, Rejection, Source, SourceItem

ARTICLE = """<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="1">{pmid}</PMID><Article PubModel="Print">
<Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue>
<Title>Journal of Made-up Findings</Title></Journal>
<ArticleTitle>A made-up trial number {pmid}.</ArticleTitle>
<Abstract><AbstractText Label="RESULTS" NlmCategory="RESULTS">It helped 3 of 4.</AbstractText>
</Abstract></Article></MedlineCitation></PubmedArticle>
"""

PUBMED_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN"'
    ' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n'
    "<PubmedArticleSet>\n"
    + ARTICLE.format(pmid="90000101")
    + ARTICLE.format(pmid="90000102")
    + "</PubmedArticleSet>\n"
)

MEDLINE = "\nPMID- 90000201\nTI  - A made-up MEDLINE record.\nAB  - Some text.\n"


def _ids(items: list[SourceItem]) -> list[str]:
    return [item.id for item in items if isinstance(item, Record)]


def _rejections(items: list[SourceItem]) -> dict[str, Rejection]:
    found = [item for item in items if isinstance(item, Rejection)]
    by_file = {rejection.location: rejection for rejection in found}
    assert len(by_file) == len(found), "one rejection per bad file"
    return by_file


@pytest.fixture
def mixed_dir(tmp_path: Path, fixtures_dir: Path) -> Path:
    """Good and bad inputs of every kind side by side, as a user's download folder is."""
    root = tmp_path / "mixed"
    (root / "nested").mkdir(parents=True)
    (root / "a_good.xml").write_text(PUBMED_XML, encoding="utf-8")
    truncated = gzip.compress(PUBMED_XML.encode())
    (root / "b_truncated.xml.gz").write_bytes(truncated[: len(truncated) // 2])
    shutil.copy(fixtures_dir / "jsonl" / "bad_line.jsonl", root / "c_bad_line.jsonl")
    shutil.copy(fixtures_dir / "text" / "markdown_abstract.md", root / "nested" / "d_abstract.md")
    (root / "e_unknown.bin").write_bytes(b"\x00\x01\x02binary")
    (root / "f_empty.txt").write_bytes(b"")
    (root / ".hidden.jsonl").write_text("not json\n", encoding="utf-8")
    (root / ".cache").mkdir()
    (root / ".cache" / "junk.xml").write_text("<broken", encoding="utf-8")
    return root


def test_a_mixed_directory_yields_the_good_records_and_one_rejection_per_bad_file(
    mixed_dir: Path,
) -> None:
    items = list(read_sources([mixed_dir]))
    assert _ids(items) == [
        "pmid:90000101",
        "pmid:90000102",
        "pmid:90000011",
        "pmid:90000013",
        "text:d_abstract",
    ]
    rejections = _rejections(items)
    assert sorted(rejections) == [
        str(mixed_dir / name)
        for name in ("b_truncated.xml.gz", "c_bad_line.jsonl", "e_unknown.bin", "f_empty.txt")
    ]
    assert rejections[str(mixed_dir / "c_bad_line.jsonl")].record == "line 2"
    assert "unsupported file type (.bin)" in rejections[str(mixed_dir / "e_unknown.bin")].reason
    assert rejections[str(mixed_dir / "f_empty.txt")].reason == "empty file"


def test_records_keep_the_order_of_sorted_paths(mixed_dir: Path) -> None:
    first = list(read_sources([mixed_dir]))
    assert first == list(read_sources([mixed_dir]))


def test_a_missing_path_is_a_rejection_and_reading_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "one.md"
    good.write_text("# One\nBody.\n", encoding="utf-8")
    items = list(read_sources([tmp_path / "absent.xml", good]))
    assert items[0] == Rejection(str(tmp_path / "absent.xml"), "no such file or directory")
    assert _ids(items) == ["text:one"]


def test_hidden_files_named_explicitly_are_read(tmp_path: Path) -> None:
    hidden = tmp_path / ".notes.md"
    hidden.write_text("# Hidden\n", encoding="utf-8")
    assert _ids(list(read_sources([hidden]))) == ["text:.notes"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.xml", b"<?xml version='1.0'?><PubmedArticleSet/>", SourceFormat.PUBMED_XML),
        ("efetch.txt", b"<!DOCTYPE PubmedArticleSet>", SourceFormat.PUBMED_XML),
        ("noext", b"\xef\xbb\xbf  <PubmedArticleSet>", SourceFormat.PUBMED_XML),
        ("b.dat", b"<MedlineCitationSet>", SourceFormat.PUBMED_XML),
        ("c.xml", b"garbage", SourceFormat.PUBMED_XML),
        ("pubmed.txt", b"\nPMID- 1\nTI  - t\n", SourceFormat.MEDLINE_TEXT),
        ("export.nbib", b"whatever", SourceFormat.MEDLINE_TEXT),
        ("x.medline", b"PMID- 1", SourceFormat.MEDLINE_TEXT),
        ("r.jsonl", b"{}", SourceFormat.JSONL),
        ("r.NDJSON", b"{}", SourceFormat.JSONL),
        ("note.txt", b"A title", SourceFormat.TEXT),
        ("note.md", b"# A title", SourceFormat.TEXT),
        ("note.markdown", b"# A title", SourceFormat.TEXT),
        ("paper.pdf", b"%PDF-1.7", SourceFormat.PDF),
        ("image.png", b"\x89PNG", None),
        ("data.json", b"{}", None),
    ],
)
def test_format_of_sniffs_content_then_extension(
    name: str, content: bytes, expected: SourceFormat | None
) -> None:
    assert format_of(content, name) == expected


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("base.xml.gz", b"<?xml version='1.0'?><PubmedArticleSet/>", SourceFormat.PUBMED_XML),
        ("export.txt.gz", b"PMID- 1\n", SourceFormat.MEDLINE_TEXT),
        ("records.jsonl.gz", b"{}\n", SourceFormat.JSONL),
        ("anything.gz", b"<PubmedArticleSet>", SourceFormat.PUBMED_XML),
    ],
)
def test_detect_format_looks_inside_gzip(
    tmp_path: Path, name: str, content: bytes, expected: SourceFormat
) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content))
    assert detect_format(path) == expected


def test_detect_format_lets_io_errors_through(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        detect_format(tmp_path / "absent.xml")


@pytest.mark.parametrize("compress", [False, True])
def test_medline_files_are_read_by_the_medline_reader(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("pubmed-export.txt.gz" if compress else "pubmed-export.txt")
    data = MEDLINE.encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    (record,) = read_sources([path])
    assert isinstance(record, Record) and record.id == "pmid:90000201"
    assert record.source is Source.MEDLINE_TEXT


def test_readers_are_given_the_path_and_its_name_as_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, str | None]] = []

    def stand_in(source: Path, location: str | None = None) -> Iterator[SourceItem]:
        calls.append((source, location))
        return iter(())

    monkeypatch.setattr(sources, "read_medline_text", stand_in)
    monkeypatch.setattr(sources, "read_pubmed_xml", stand_in)
    (tmp_path / "a.nbib").write_text(MEDLINE, encoding="utf-8")
    (tmp_path / "b.xml").write_text(PUBMED_XML, encoding="utf-8")
    assert list(read_sources([tmp_path])) == []
    assert calls == [(tmp_path / name, str(tmp_path / name)) for name in ("a.nbib", "b.xml")]


def test_a_reader_that_fails_midway_keeps_what_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_reader(path: Path) -> Iterator[SourceItem]:
        yield Deletion("pmid:1")
        raise OSError(5, "Input/output error")

    monkeypatch.setitem(sources._READERS, SourceFormat.JSONL, failing_reader)
    path = tmp_path / "x.jsonl"
    path.write_text("{}\n", encoding="utf-8")
    assert list(read_sources([path])) == [
        Deletion("pmid:1"),
        Rejection(str(path), "cannot read the file as jsonl: Input/output error"),
    ]


def test_every_format_has_a_reader() -> None:
    assert set(sources._READERS) == set(SourceFormat)
