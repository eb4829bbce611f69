"""Search text is text: no input acts as query syntax, raises, or escapes the analyzer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcite.index import LexicalIndex, analyze_query_text
from medcite.records import Record, Section, Source
from medcite.settings import IndexSettings

NASTY_INPUTS = [
    "",
    "   ",
    "???",
    '"',
    '""',
    '"""',
    "'",
    "(",
    ")",
    "((a)",
    "title:spinal",
    "abstract:",
    ":",
    "AND",
    "OR",
    "NOT",
    "a AND NOT b",
    "spinal OR",
    "+spinal -cord",
    "-",
    "+",
    "*",
    "spin*",
    "spinal^10",
    "^",
    "cord~2",
    "~",
    "\\",
    "\\\\",
    'a\\"b',
    "10 km",
    "[1 TO 5]",
    "year:[2000 TO 2010]",
    "{a TO b}",
    "IN [a b]",
    "/regex.*/",
    "α-synuclein β2 γδ T cells",
    "Sjögren's syndrome",
    "naïve café",
    "中文 検索",
    "emoji 😀",
    "\x00\x01",
    "x" * 200,
    '"spinal cord" AND "compression',
    "“spinal cord compression”",
    "C++ && || !",
]


def test_operators_are_terms() -> None:
    assert analyze_query_text("NOT spinal AND cord OR compression").terms == (
        "not",
        "spinal",
        "and",
        "cord",
        "or",
        "compress",
    )


def test_balanced_quotes_make_phrases_and_a_stray_quote_is_ignored() -> None:
    parsed = analyze_query_text('"spinal cord compression" calcinosis "sclerosis')
    assert parsed.phrases == (((0, "spinal"), (1, "cord"), (2, "compress")),)
    assert parsed.terms == ("calcinosi", "sclerosi")


def test_a_quoted_single_word_is_a_term() -> None:
    assert analyze_query_text('"calcinosis"') == analyze_query_text("calcinosis")


@pytest.mark.parametrize("text", ["", "  ", "?!", "(:)", '""', "-+*^~\\"])
def test_text_without_words_is_empty(text: str) -> None:
    assert analyze_query_text(text).is_empty


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexicalIndex]:
    directory: Path = tmp_path_factory.mktemp("query") / "index"
    index = LexicalIndex.open(directory, IndexSettings())
    records = [
        Record(
            id="pmid:1",
            source=Source.JSONL,
            title="Spinal cord compression in systemic sclerosis",
            sections=(Section("Calcinosis of 10 km runners: NOT a (rare) finding."),),
        ),
        Record(id="pmid:2", source=Source.JSONL, title="α-synuclein in Sjögren's syndrome"),
    ]
    with index.updating() as update:
        update.upsert(records)
        update.commit(store_sequence=2)
    yield index


@pytest.mark.parametrize("text", NASTY_INPUTS)
def test_nasty_inputs_search_without_error(small_index: LexicalIndex, text: str) -> None:
    hits = small_index.search(text)
    assert isinstance(hits, tuple)
    if analyze_query_text(text).is_empty:
        assert hits == ()


def test_syntax_characters_do_not_hide_words(small_index: LexicalIndex) -> None:
    assert [hit.record_id for hit in small_index.search("title:spinal^10 -cord~2")] == ["pmid:1"]
    assert small_index.search("NOT α-synuclein")[0].record_id == "pmid:2"
    assert [hit.record_id for hit in small_index.search("10 km")] == ["pmid:1"]
    assert [hit.record_id for hit in small_index.search("sjögren")] == ["pmid:2"]


@settings(max_examples=200)
@given(st.text())
def test_any_text_searches_without_error(small_index: LexicalIndex, text: str) -> None:
    assert isinstance(small_index.search(text), tuple)


ANALYZER_CASES = [
    "Running runners ran",
    "HbA1c 7.5%",
    "IL-6 TNF-α",
    "Sjögren's",
    "ÉCOLE naïve",
    "中文",
    "x" * 60 + " longword neighbours",
    "don't can't",
    "COVID-19 SARS-CoV-2",
]


@pytest.mark.parametrize("text", ANALYZER_CASES)
def test_query_analysis_matches_indexing(tmp_path: Path, text: str) -> None:
    """Every text finds the record that holds it, as a bag of words and as a phrase."""
    index = LexicalIndex.open(tmp_path / "index", IndexSettings())
    with index.updating() as update:
        update.upsert([Record(id="pmid:1", source=Source.JSONL, title=text)])
        update.commit(store_sequence=1)
    assert [hit.record_id for hit in index.search(text)] == ["pmid:1"]
    assert [hit.record_id for hit in index.search(f'"{text}"')] == ["pmid:1"]
