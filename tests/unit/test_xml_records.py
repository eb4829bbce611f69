"""A fault in a PubMed file costs the record it is in, whatever the parser's chunking.

``medcite.ingest.xml_records`` feeds the parser in pieces and takes every completed record
before it looks at a fault, then resumes at the next record. These tests pin that on a
small file and on one of thousands of records, where the fault lies far past the first
piece the parser is fed, with the fault in the first, a middle and the last record. The
records are the real pretty-printed record of ``tests/data/pubmed/sample.xml``, given new
PMIDs.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.ingest.xml_records import PIECE_BYTES, READ_BYTES
from medcite.records import Record, Rejection, SourceItem

PROLOG = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN"'
    b' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n'
    b"<PubmedArticleSet>\n"
)
END = b"</PubmedArticleSet>\n"

# Ways a record stops being XML, each in its title: an unclosed inline tag (found at the
# title's end tag), a bare ampersand, and a stray "<" (found at once).
FAULTS = {
    "unclosed tag": b"Broken <i>title</ArticleTitle>",
    "bare ampersand": b"Salt & pepper</ArticleTitle>",
    "stray less-than": b"a < b</ArticleTitle>",
}


@pytest.fixture(scope="module")
def template(fixtures_dir: Path) -> bytes:
    """The first record of the sample file, as published (pretty-printed, 220 lines)."""
    sample = (fixtures_dir / "pubmed" / "sample.xml").read_bytes()
    match = re.search(rb"<PubmedArticle>.*?</PubmedArticle>", sample, re.DOTALL)
    assert match is not None
    return match.group(0) + b"\n"


def pmid_of(number: int) -> str:
    return str(40_000_000 + number)


def record(template: bytes, number: int, fault: bytes | None = None) -> bytes:
    """The template record with PMID ``pmid_of(number)``, its title broken by ``fault``."""
    text = template.replace(b">33387232</PMID>", f">{pmid_of(number)}</PMID>".encode(), 1)
    if fault is not None:
        text = re.sub(rb"<ArticleTitle>.*?</ArticleTitle>", fault, text, count=1)
    return text


def write_file(path: Path, template: bytes, count: int, faulty: int, fault: bytes) -> Path:
    body = b"".join(
        record(template, number, fault if number == faulty else None) for number in range(count)
    )
    path.write_bytes(PROLOG + body + END)
    return path


def pmids(items: list[SourceItem]) -> list[str]:
    return [item.pmid for item in items if isinstance(item, Record)]


SIZES = {"small": 9, "large": 3000}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_costs_exactly_its_record(
    tmp_path: Path, template: bytes, size: str, where: str, fault: str
) -> None:
    count = SIZES[size]
    faulty = {"first": 0, "middle": count // 2, "last": count - 1}[where]
    path = write_file(tmp_path / "file.xml", template, count, faulty, FAULTS[fault])
    if size == "large":  # the fault lies far past the first piece and the first read
        assert path.stat().st_size * faulty // count > 4 * max(PIECE_BYTES, READ_BYTES) or (
            where == "first"
        )

    items = list(read_pubmed_xml(path))

    expected = [pmid_of(number) for number in range(count) if number != faulty]
    assert pmids(items) == expected  # every record before the fault, and every one after
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert len(rejections) == 1
    (rejection,) = rejections
    assert rejection.record == f"record {faulty + 1}"
    assert f"after {faulty} records" in rejection.reason
    faulty_title_line = PROLOG.count(b"\n") + 1 + faulty * template.count(b"\n")
    faulty_title_line += template[: template.index(b"<ArticleTitle>")].count(b"\n")
    assert f"line {faulty_title_line}:" in rejection.reason
    if where == "last":
        assert rejection.reason.endswith("nothing after it could be read")
    else:
        resumed = (
            faulty_title_line
            + template.count(b"\n")
            - (template[: template.index(b"<ArticleTitle>")].count(b"\n"))
        )
        assert rejection.reason.endswith(f"reading resumed at line {resumed}")
    assert items.index(rejection) == faulty  # in file order, between its neighbours


def test_the_same_records_survive_in_a_gzip_file(tmp_path: Path, template: bytes) -> None:
    plain = write_file(tmp_path / "file.xml", template, 3000, 2000, FAULTS["unclosed tag"])
    packed = tmp_path / "file.xml.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert pmids(list(read_pubmed_xml(packed))) == pmids(list(read_pubmed_xml(plain)))


def test_garbage_between_records_costs_no_record(tmp_path: Path, template: bytes) -> None:
    body = record(template, 0) + b"</Stray>\n" + record(template, 1) + record(template, 2)
    path = tmp_path / "file.xml"
    path.write_bytes(PROLOG + body + END)

    items = list(read_pubmed_xml(path))

    assert pmids(items) == [pmid_of(0), pmid_of(1), pmid_of(2)]
    (rejection,) = [item for item in items if isinstance(item, Rejection)]
    assert rejection.record == ""  # between records: none of them is lost
    assert "after 1 records" in rejection.reason and "reading resumed at line" in rejection.reason


def test_several_faults_each_cost_their_record(tmp_path: Path, template: bytes) -> None:
    faults = {
        3: FAULTS["bare ampersand"],
        700: FAULTS["unclosed tag"],
        701: FAULTS["stray less-than"],
    }
    body = b"".join(record(template, number, faults.get(number)) for number in range(1500))
    path = tmp_path / "file.xml"
    path.write_bytes(PROLOG + body + END)

    items = list(read_pubmed_xml(path))

    assert pmids(items) == [pmid_of(number) for number in range(1500) if number not in faults]
    rejected = [item.record for item in items if isinstance(item, Rejection)]
    assert rejected == ["record 4", "record 701", "record 702"]


def test_records_sharing_a_line_with_the_fault(tmp_path: Path, template: bytes) -> None:
    """A file on one line (as some tools write it): column, not line, finds the fault."""
    flat = [b" ".join(record(template, number).split()) for number in range(5)]
    flat[2] = b" ".join(record(template, 2, FAULTS["unclosed tag"]).split())
    path = tmp_path / "file.xml"
    path.write_bytes(PROLOG.replace(b"\n", b" ") + b"".join(flat) + END)

    items = list(read_pubmed_xml(path))

    assert pmids(items) == [pmid_of(number) for number in (0, 1, 3, 4)]
    (rejection,) = [item for item in items if isinstance(item, Rejection)]
    assert rejection.record == "record 3" and "line 1:" in rejection.reason


def test_a_cut_off_file_keeps_every_whole_record_and_not_the_cut_one(
    tmp_path: Path, template: bytes
) -> None:
    whole = b"".join(record(template, number) for number in range(10))
    cut = whole[: whole.index(f">{pmid_of(6)}<".encode()) + 200]  # inside the seventh record
    path = tmp_path / "file.xml"
    path.write_bytes(PROLOG + cut)

    items = list(read_pubmed_xml(path))

    assert pmids(items) == [pmid_of(number) for number in range(6)]
    (rejection,) = [item for item in items if isinstance(item, Rejection)]
    assert rejection.record == "record 7" and "after 6 records" in rejection.reason
