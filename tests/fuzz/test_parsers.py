"""Property-based fuzzing of every parser medcite has: whatever bytes come in, a parser
yields records and rejections or refuses the whole file with a ``MedciteError`` naming
it; it never raises anything else (no traceback can reach a user).

Inputs are real fixtures of each format, mutated (bytes flipped, cut, repeated, spliced
with markup, control characters, invalid UTF-8 and lone surrogates' encodings), and
text built from each format's own line tags, so most examples get deep into the parser
rather than failing at its first byte. Each test runs a short budget on every landing
(``ci``) and 10,000 examples under ``-m slow`` (``soak``).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medcite.errors import MedciteError
from medcite.ingest.jsonl import read_jsonl
from medcite.ingest.medline_text import read_medline_text
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.ingest.text import read_text_record
from medcite.records import Deletion, Record, Rejection
from medcite.safe_text import clean_struct
from medcite.vocab import read_vocabulary_file

FIXTURES = Path(__file__).parents[1] / "data"
BUDGETS = [
    pytest.param(40, id="ci"),
    pytest.param(10_000, id="soak", marks=pytest.mark.slow),
]
NASTY = [
    b"<",
    b">",
    b"&",
    b"&#0;",
    b"&#x1b;",
    b"]]>",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"\x00",
    b"\x1b[2J",
    b"\x07",
    b"\xc2\x9b",
    b"\xed\xa0\x80",  # a lone surrogate, as UTF-8 would spell it (invalid)
    b"\xff\xfe",
    b"\r\n",
    b"\n\n",
    b"|",
    b"\t",
    b"\\",
    b'"',
    b"{",
    b"}",
    b"9" * 30,
    b"-1",
    "e\u0301".encode(),
    b"\xe2\x80\xae",  # right-to-left override
]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few random edits: cut, splice, flip, repeat, insert nasty bytes."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["cut", "insert", "flip", "repeat", "delete", "truncate"]))
        at = draw(st.integers(0, max(0, len(data))))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(NASTY) | st.binary(max_size=8))
        elif kind == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] = draw(st.integers(0, 255))
        elif kind == "repeat":
            end = min(len(data), at + draw(st.integers(1, 200)))
            data[at:at] = data[at:end] * draw(st.integers(1, 3))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 50))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(max_size=64))
    return bytes(data)


def tagged_lines(tags: Iterable[str], separator: str = "") -> st.SearchStrategy[bytes]:
    """Text made of a format's own line tags with arbitrary values."""
    line = st.tuples(st.sampled_from(list(tags)), st.text(max_size=40)).map(
        lambda pair: f"{pair[0]}{separator}{pair[1]}"
    )
    return st.lists(line, max_size=30).map(
        lambda lines: "\n".join(lines).encode("utf-8", "replace")
    )


def inputs(
    seed_file: str, tags: Iterable[str] = (), separator: str = ""
) -> st.SearchStrategy[bytes]:
    seed = (FIXTURES / seed_file).read_bytes()
    choices = [mutated(seed), st.binary(max_size=300)]
    if tags:
        choices.append(tagged_lines(tags, separator))
    return st.one_of(*choices)


def check_items(items: Iterable[object]) -> int:
    """Every item is a record, a deletion or a rejection; records survive cleaning."""
    count = 0
    for item in items:
        assert isinstance(item, Record | Deletion | Rejection), item
        if isinstance(item, Record):
            clean_struct(item)
        count += 1
    return count


def fuzz(strategy: st.SearchStrategy[bytes], budget: int, parse: Callable[[bytes], None]) -> None:
    """Run ``parse`` on ``budget`` generated inputs (checked: hypothesis may stop early)."""
    ran = 0

    @given(strategy)
    @settings(
        max_examples=budget,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(data: bytes) -> None:
        nonlocal ran
        ran += 1
        with suppress(MedciteError):  # a refusal naming the input is a fine answer to garbage
            parse(data)

    run()
    print(f"{ran} inputs")  # shown with -rP
    assert ran >= budget, f"only {ran} inputs were generated"


def in_file(data: bytes, suffix: str, read: Callable[[Path], object]) -> None:
    with tempfile.TemporaryDirectory(prefix="medcite-fuzz-") as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        result = read(path)
        if not isinstance(result, str | bytes) and isinstance(result, Iterable):
            check_items(result)


@pytest.mark.parametrize("budget", BUDGETS)
def test_pubmed_xml(budget: int) -> None:
    fuzz(
        inputs("pubmed/sample.xml"),
        budget,
        lambda data: check_items(read_pubmed_xml(io.BytesIO(data), "fuzz.xml")) and None,
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_pubmed_xml_gzip(budget: int) -> None:
    fuzz(
        inputs("pubmed/sample.xml.gz"),
        budget,
        lambda data: in_file(data, ".xml.gz", read_pubmed_xml),
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_medline_text(budget: int) -> None:
    tags = ["PMID", "TI  ", "AB  ", "MH  ", "AU  ", "FAU ", "DP  ", "PT  ", "AID ", "      "]
    fuzz(
        inputs("pubmed/medline_sample.txt", tags, "- "),
        budget,
        lambda data: in_file(data, ".txt", read_medline_text),
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_jsonl(budget: int) -> None:
    tags = ['{"id": "pmid:1", "title": ', '{"id": ', '{"deleted": ', "[", "{}"]
    fuzz(
        inputs("jsonl/records.jsonl", tags),
        budget,
        lambda data: in_file(data, ".jsonl", read_jsonl),
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_plain_text_records(budget: int) -> None:
    fuzz(
        inputs("text/structured_abstract.txt", ["BACKGROUND: ", "METHODS: ", "# "]),
        budget,
        lambda data: in_file(data, ".txt", read_text_record),
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_mesh_ascii(budget: int) -> None:
    tags = ["*NEWRECORD", "MH = ", "MN = ", "ENTRY = ", "PRINT ENTRY = ", "UI = ", "MS = ", "PA = "]
    fuzz(
        inputs("vocab/mini_mesh.bin", tags),
        budget,
        lambda data: in_file(data, ".bin", read_vocabulary_file),
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_mesh_xml(budget: int, shared_data: Path) -> None:
    seed = (shared_data / "mesh" / "tipplerow_mesh_desc_sample.xml").read_bytes()
    fuzz(
        st.one_of(mutated(seed), st.binary(max_size=300)),
        budget,
        lambda data: in_file(data, ".xml", read_vocabulary_file),
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_obo(budget: int) -> None:
    tags = [
        "[Term]",
        "id: DOID:",
        "name: ",
        "synonym: ",
        "xref: MESH:",
        "is_a: ",
        "def: ",
        "is_obsolete: ",
    ]
    fuzz(
        inputs("vocab/mini_doid.obo", tags),
        budget,
        lambda data: in_file(data, ".obo", read_vocabulary_file),
    )


@pytest.mark.parametrize("budget", BUDGETS)
def test_pubtator(budget: int) -> None:
    seed = "\n".join(
        [
            "9949209|t|Genetic mapping of the copper toxicosis locus",
            "9949209|a|Copper overload in Bedlington terriers.",
            "9949209\t23\t40\tcopper toxicosis\tSpecificDisease\tD008107",
            "9949209\t0\t15\tCopper overload\tModifier\tMESH:D008107|D001",
            "",
        ]
    ).encode()
    tags = ["1|t|", "1|a|", "1\t0\t5\tx\tDisease\tD000001", "1\t", "\t"]
    fuzz(
        st.one_of(mutated(seed), tagged_lines(tags), st.binary(max_size=300)),
        budget,
        lambda data: in_file(data, ".txt", read_vocabulary_file),
    )
