"""JSONL records: reading, writing, round trips, rejections, and the schema docs."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from medcite.errors import SourceError
from medcite.ingest.jsonl import (
    parse_jsonl_line,
    read_jsonl,
    record_from_json,
    record_to_json,
    write_jsonl,
)
from medcite.records import (
    Author,
    Chemical,
    Deletion,
    Journal,
    MeshHeading,
    PublicationDate,
    Qualifier,
    Record,
    Rejection,
    Section,
    Source,
    SourceItem,
)

DOCS = Path(__file__).parents[2] / "docs" / "records.md"

# --- strategies: any Record medcite could hold -------------------------------------------

_text = st.text(max_size=30)
_short = st.text(max_size=8)
_small_int = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_maybe_int = st.none() | st.integers(min_value=0, max_value=9999)


def _tuples(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=3).map(tuple)


_qualifiers = st.builds(Qualifier, _short, _text, st.booleans())
records = st.builds(
    Record,
    id=st.from_regex(r"[a-z]{1,6}:[^\s:]{1,12}", fullmatch=True),
    source=st.sampled_from(Source),
    title=_text,
    sections=_tuples(st.builds(Section, _text, _short, _short)),
    version=_small_int,
    pmid=_short,
    doi=_text,
    pmcid=_short,
    pii=_short,
    vernacular_title=_text,
    copyright=_text,
    publication_types=_tuples(_text),
    mesh_headings=_tuples(
        st.builds(MeshHeading, _short, _text, st.booleans(), _tuples(_qualifiers))
    ),
    chemicals=_tuples(st.builds(Chemical, _short, _text, _short)),
    keywords=_tuples(_text),
    date=st.builds(PublicationDate, _maybe_int, _maybe_int, _maybe_int, _short),
    journal=st.builds(Journal, _text, _short, _short, _short, _short),
    authors=_tuples(st.builds(Author, _short, _short, _short, _short)),
    languages=_tuples(_short),
)
deletions = st.builds(Deletion, st.from_regex(r"pmid:[1-9][0-9]{0,8}", fullmatch=True))


# --- round trips ---------------------------------------------------------------------------


@given(records)
def test_record_json_round_trips(record: Record) -> None:
    assert record_from_json(record_to_json(record)) == record


@given(st.lists(records | deletions, max_size=5))
def test_write_then_read_gives_the_same_items(items: list[Record | Deletion]) -> None:
    sink = io.BytesIO()
    assert write_jsonl(items, sink) == len(items)
    sink.seek(0)
    assert list(read_jsonl(sink, location="memory")) == items


@given(st.lists(records, max_size=3))
def test_text_streams_round_trip_too(items: list[Record]) -> None:
    sink = io.StringIO()
    write_jsonl(items, sink)
    assert list(read_jsonl(io.StringIO(sink.getvalue()))) == items


@pytest.mark.parametrize("name", ["records.jsonl", "records.jsonl.gz"])
def test_files_round_trip_plain_and_gzip(tmp_path: Path, name: str) -> None:
    items: list[Record | Deletion] = [
        Record(id="pmid:1", source=Source.PUBMED_XML, title="One", date=PublicationDate(2001)),
        Deletion("pmid:2"),
    ]
    path = tmp_path / name
    assert write_jsonl(items, path) == 2
    assert path.read_bytes().startswith(b"\x1f\x8b") == name.endswith(".gz")
    assert list(read_jsonl(path)) == items


# --- reading the fixtures ------------------------------------------------------------------


def test_reads_records_and_deletions_skipping_blank_lines(fixtures_dir: Path) -> None:
    items = list(read_jsonl(fixtures_dir / "jsonl" / "records.jsonl"))
    assert [type(item) for item in items] == [Record, Record, Deletion]
    first, minimal, deletion = items
    assert isinstance(first, Record) and isinstance(minimal, Record)
    assert first.id == "pmid:90000001" and first.source is Source.PUBMED_XML
    assert [section.label for section in first.sections] == ["METHODS", "RESULTS"]
    assert first.date == PublicationDate(year=2021, month=3)
    assert first.languages == ("eng",)
    assert minimal == Record(id="text:handmade-note", source=Source.JSONL, title=minimal.title)
    assert deletion == Deletion("pmid:90000002")


def test_a_bad_line_is_rejected_by_number_and_field_and_the_rest_kept(fixtures_dir: Path) -> None:
    path = fixtures_dir / "jsonl" / "bad_line.jsonl"
    first, bad, last = read_jsonl(path)
    assert isinstance(first, Record) and first.id == "pmid:90000011"
    assert isinstance(last, Record) and last.id == "pmid:90000013"
    assert isinstance(bad, Rejection)
    assert bad.location == str(path)
    assert bad.record == "line 2"
    assert "$.date.year" in bad.reason


# --- rejections ----------------------------------------------------------------------------


def _one(line: str) -> SourceItem:
    return parse_jsonl_line(line, "f.jsonl", 7)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "pmid:1", "source": "pubmed-xml"}', "missing required field `title`"),
        ('{"id": "pmid:1", "source": "word-document", "title": "t"}', "$.source"),
        ('{"id": "pmid:1", "source": "text", "title": 3}', "$.title"),
        ('{"id": "pmid:1", "source": "text", "title": "t", "abstract": "x"}', "`abstract`"),
        (
            '{"id": "pmid:1", "source": "text", "title": "t", "mesh_headings":'
            ' [{"descriptor_id": "D1", "name": "n", "qualifiers": [{"qualifer_id": "Q"}]}]}',
            "`qualifer_id` - at `$.mesh_headings[0].qualifiers[0]`",
        ),
        ('{"id": "123", "source": "text", "title": "t"}', "$.id"),
        ('{"id": "pmid:", "source": "text", "title": "t"}', "$.id"),
        ('{"delete": "pmid:1", "title": "t"}', "only the key `delete`"),
        ('{"delete": 123}', "record id"),
        ('["pmid:1"]', "Expected `object`"),
        ('{"id": "pmid:1", "source"', "truncated"),
        ("not json", "JSON"),
    ],
)
def test_bad_lines_are_rejected_with_a_reason_naming_the_fault(line: str, expected: str) -> None:
    item = _one(line)
    assert isinstance(item, Rejection), item
    assert (item.location, item.record) == ("f.jsonl", "line 7")
    assert expected in item.reason


def test_bytes_that_are_not_utf8_reject_only_their_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = b'{"id": "pmid:1", "source": "text", "title": "ok"}\n'
    path.write_bytes(good + b'{"id": "pmid:2", "source": "text", "title": "\xff"}\n' + good)
    kinds = [type(item) for item in read_jsonl(path)]
    assert kinds == [Record, Rejection, Record]


def test_a_truncated_gzip_keeps_the_lines_before_and_rejects_the_file(tmp_path: Path) -> None:
    lines = [Record(id=f"pmid:{n}", source=Source.JSONL, title="x" * 200) for n in range(500)]
    path = tmp_path / "cut.jsonl.gz"
    write_jsonl(lines, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    items = list(read_jsonl(path))
    assert all(isinstance(item, Record) for item in items[:-1]) and len(items) > 1
    last = items[-1]
    assert isinstance(last, Rejection) and last.location == str(path)
    assert last.reason == f"cannot read the file after line {len(items) - 1}: " + (
        "the gzip stream is truncated"
    )


def test_a_missing_file_is_one_rejection(tmp_path: Path) -> None:
    (item,) = read_jsonl(tmp_path / "absent.jsonl")
    assert isinstance(item, Rejection)
    assert item.location == str(tmp_path / "absent.jsonl")


def test_streams_are_named_by_location_and_left_open() -> None:
    stream = io.BytesIO(b"{}\n")
    (item,) = read_jsonl(stream, location="upload.jsonl")
    assert isinstance(item, Rejection) and item.location == "upload.jsonl"
    assert not stream.closed


def test_record_from_json_raises_source_error_on_junk() -> None:
    with pytest.raises(SourceError, match="not a medcite record"):
        record_from_json(b'{"id": 1}')


# --- the documentation cannot drift --------------------------------------------------------


def _documented_fields() -> dict[str, set[str]]:
    """``### Type`` headings of docs/records.md and the `names` in their tables' first column."""
    documented: dict[str, set[str]] = {}
    current = ""
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            current = line.removeprefix("### ").strip()
            documented[current] = set()
        elif current and (match := re.match(r"^\| `([^`]+)` \|", line)):
            documented[current].add(match[1])
    return documented


def _schema_types() -> dict[str, set[str]]:
    """Every type reachable from Record, per msgspec's JSON Schema: fields or enum values."""
    defs = msgspec.json.schema(Record)["$defs"]
    return {
        name: set(definition.get("properties", {})) or set(definition.get("enum", []))
        for name, definition in defs.items()
    }


def test_every_field_of_every_record_type_is_documented_and_nothing_else() -> None:
    assert _documented_fields() == _schema_types()


def test_the_schema_covers_every_record_field() -> None:
    schema = _schema_types()
    for kind in (
        Record,
        Section,
        MeshHeading,
        Qualifier,
        Chemical,
        PublicationDate,
        Journal,
        Author,
    ):
        assert set(kind.__struct_fields__) == schema[kind.__name__]
    assert {source.value for source in Source} == schema["Source"]


def test_the_documented_example_lines_are_read() -> None:
    blocks = re.findall(r"```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
    lines = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(lines) == 2
    items = list(read_jsonl(io.StringIO("\n".join(lines)), location="docs"))
    record, deletion = items
    assert isinstance(record, Record) and isinstance(deletion, Deletion)
    assert json.loads(lines[0])["id"] == record.id
