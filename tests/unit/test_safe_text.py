"""Cleaning a whole record: the quick check on msgspec's JSON must send every record that
needs cleaning to the string-by-string walk, and leave a clean record as it is."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcite.records import Author, Record, Section, Source
from medcite.safe_text import REPLACEMENT, _has_control_character, clean_struct, clean_text


def record_with(text: str) -> Record:
    """A record with ``text`` in its title and deep inside it (an author's fore name)."""
    return Record(
        id="pmid:1",
        source=Source.PUBMED_XML,
        title=f"Title {text}",
        sections=(Section(text="Plain."),),
        authors=(Author(last_name="Curie", fore_name=f"Marie {text}"),),
    )


@pytest.mark.parametrize(
    ("hostile", "cleaned"),
    [
        pytest.param("a\x00b", "ab", id="NUL"),
        pytest.param("a\x1b[2Jb", "a[2Jb", id="ESC"),
        pytest.param("a\x08b", "ab", id="backspace"),
        pytest.param("a\x0cb", "ab", id="form-feed"),
        pytest.param("a\x0bb", "ab", id="vertical-tab"),
        pytest.param("a\x7fb", "ab", id="DEL"),
        pytest.param("a\x9b2Jb", "a2Jb", id="C1-CSI"),
        pytest.param("a\x85b", "ab", id="C1-NEL"),
        pytest.param("a\ud800b", f"a{REPLACEMENT}b", id="lone-surrogate"),
        pytest.param("Cafe\u0301", "Caf\u00e9", id="not-NFC"),
        pytest.param("\u0301x", "\u0301x", id="combining-first-is-NFC"),
    ],
)
def test_a_record_needing_cleaning_is_cleaned_everywhere(hostile: str, cleaned: str) -> None:
    result = clean_struct(record_with(hostile))

    assert result.title == f"Title {cleaned}"
    assert result.authors[0].fore_name == f"Marie {cleaned}"
    assert unicodedata.is_normalized("NFC", result.title)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("plain ASCII", id="ascii"),
        pytest.param("tab\there\nline\r\n", id="tab-LF-CR"),
        pytest.param("Caf\u00e9 \u00df \u4e2d\u6587 \u03b1-synuclein", id="NFC-non-ASCII"),
        pytest.param('back\\slash \\b \\f \\u0000 "quoted"', id="escapes-as-text"),
    ],
)
def test_a_clean_record_comes_back_as_the_same_object(text: str) -> None:
    record = record_with(text)

    assert clean_struct(record) is record


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=12))
@settings(max_examples=500, deadline=None, database=None)
def test_the_quick_check_agrees_with_cleaning_every_string(text: str) -> None:
    """Whatever the text (surrogates, controls, combining marks), the record comes out as
    if its one hostile string had been cleaned on its own."""
    assert clean_struct(record_with(text)) == record_with(clean_text(text))


_ANY_CONTROL = re.compile(rb"\\u00[01][0-9a-f]|\\[bf]|\x7f|\xc2[\x80-\x9f]")
"""The quick check in one pattern: an escaped C0 control (or ``\\\\b``, ``\\\\f``), DEL, a C1."""
_JSONISH = st.lists(
    st.sampled_from(
        [b"\\", b"u00", b"0", b"1", b"1f", b"b", b"f", b"a", b'"', b"\x7f", b"\xc2", b"\x80"]
    ),
    max_size=30,
).map(b"".join)


@given(st.one_of(st.binary(max_size=60), _JSONISH))
def test_the_quick_check_finds_what_one_pattern_of_every_control_finds(encoded: bytes) -> None:
    assert _has_control_character(encoded) == (_ANY_CONTROL.search(encoded) is not None)
