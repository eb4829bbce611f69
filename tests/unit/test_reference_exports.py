"""Tests of the reference exports (RIS, BibTeX, CSL-JSON) against each format's rules.

Each export is read back by an independent reader where one exists (``rispy`` for RIS,
``bibtexparser`` and ``pylatexenc`` for BibTeX, ``citeproc-py`` for CSL-JSON), and its
syntax is also checked directly against the format's rules, so that a reader's leniency
cannot hide a fault. Record text carrying markup, TeX syntax or forged RIS tags must
come out inert.
"""

from __future__ import annotations

import json
import re
from typing import Any

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from medcite.records import Author, EvidenceLevel, Reference, StudyDesign
from medcite.render import (
    references_to_bibtex,
    references_to_csl,
    references_to_csl_json,
    references_to_ris,
)
from medcite.render.bibtex import citation_key, latex
from medcite.render.reference_fields import page_range

HOSTILE_TITLE = (
    'Calcinosis & <script>alert("x")</script> in 50% of {cases}: a_b $x$ #1 \\end ~ ^\n'
    "ER  - \nTY  - JOUR"
)

GRADED = Reference(
    n=1,
    record_id="pmid:17198553",
    title=HOSTILE_TITLE,
    pmid="17198553",
    doi="10.1000/xyz.1",
    pmcid="PMC123",
    journal="Clin Rheumatol",
    journal_title="Clinical Rheumatology",
    year=2007,
    authors=("Müller J", "Ødegård S"),
    author_names=(
        Author(last_name="Müller", fore_name="Jörg", initials="J"),
        Author(last_name="Ødegård", fore_name="Sigrid", initials="S"),
        Author(collective_name="SSc Study Group & Partners"),
    ),
    volume="26",
    issue="7",
    pages="1234-45",
    publication_types=("Journal Article", "Comparative Study"),
    evidence_level=EvidenceLevel.NONRANDOMIZED,
    study_design=StudyDesign.CROSS_SECTIONAL,
    sample_size=41,
)
SAME_KEY = Reference(
    n=2,
    record_id="pmid:2",
    title="Calcinosis again",
    year=2007,
    author_names=(Author(last_name="Muller", fore_name="Anna"),),
)
DISPLAY_NAMES_ONLY = Reference(
    n=3,
    record_id="text:note",
    title="A note",
    authors=("van der Berg AB", "COVID-19 Study Group"),
    pages="e123",
    publication_types=("Congress",),
)
REFERENCES = (GRADED, SAME_KEY, DISPLAY_NAMES_ONLY)


def test_page_ranges_expand_medline_shortened_last_pages() -> None:
    assert page_range("1234-45") == ("1234", "1245")
    assert page_range("123-9") == ("123", "129")
    assert page_range("S12-S15") == ("S12", "S15")
    assert page_range("12-19; discussion 20") == ("12", "19")
    assert page_range("e123") == ("e123", "")
    assert page_range("") == ("", "")


# --- RIS ---

_RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - \S.*|ER  - ")


def test_ris_follows_the_line_grammar() -> None:
    text = references_to_ris(REFERENCES)
    assert text.endswith("\r\n")
    lines = [line for line in text.split("\r\n") if line]
    assert all(_RIS_LINE.fullmatch(line) for line in lines), lines
    records = text.split("ER  - \r\n")[:-1]
    assert len(records) == 3
    for record in records:
        tags = [line[:2] for line in record.split("\r\n") if line]
        assert tags[0] == "TY"
    assert "\n" not in text.replace("\r\n", "")  # a newline in a record cannot forge a tag


def test_ris_reads_back_with_rispy() -> None:
    first, second, third = rispy.loads(references_to_ris(REFERENCES))
    assert first["type_of_reference"] == "JOUR"
    assert first["authors"] == ["Müller, Jörg", "Ødegård, Sigrid", "SSc Study Group & Partners"]
    assert first["title"] == " ".join(HOSTILE_TITLE.split())
    assert (first["journal_name"], first["secondary_title"]) == (
        "Clin Rheumatol",
        "Clinical Rheumatology",
    )
    assert (first["year"], first["volume"], first["number"]) == ("2007", "26", "7")
    assert (first["start_page"], first["end_page"]) == ("1234", "1245")
    assert (first["doi"], first["accession_number"]) == ("10.1000/xyz.1", "17198553")
    assert first["urls"] == ["https://pubmed.ncbi.nlm.nih.gov/17198553/"]
    assert first["keywords"] == ["Journal Article", "Comparative Study"]
    assert first["notes"] == [
        "medcite evidence: cross-sectional study; evidence level: nonrandomized; n = 41"
    ]
    assert second["authors"] == ["Muller, Anna"]
    assert third["type_of_reference"] == "ABST"
    assert third["authors"] == ["van der Berg, A. B.", "COVID-19 Study Group"]
    assert (third["start_page"], "end_page" in third, "year" in third) == ("e123", False, False)


def test_ris_of_no_references_is_empty() -> None:
    assert references_to_ris(()) == ""


# --- BibTeX ---

_UNESCAPED_SPECIAL = re.compile(r"(?<!\\)[&%$#_^~]")
_MATH = re.compile(r"\\ensuremath\{[^{}]*\}")
"""Math the encoder writes for a character text mode lacks ("⁴" as ``\\ensuremath{^4}``):
there "^" and "_" are superscript and subscript, as they should print."""


def _braces_balance(text: str) -> bool:
    depth = 0
    for char in re.sub(r"\\[{}]", "", text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _latex_to_text(text: str) -> str:
    context = get_default_latex_context_db()
    context.add_context_category(
        "text-mode-symbols",
        prepend=True,
        macros=[MacroTextSpec("textless", "<"), MacroTextSpec("textgreater", ">")],
    )
    decoded: str = LatexNodes2Text(latex_context=context).latex_to_text(text)
    return decoded


def test_bibtex_reads_back_with_unique_keys() -> None:
    text = references_to_bibtex(REFERENCES)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    keys = [entry.key for entry in library.entries]
    assert keys == ["muller2007calcinosis", "muller2007calcinosisa", "vanderbergnote"]
    first = library.entries[0]
    assert first.entry_type == "article"
    assert first["year"] == "2007"
    assert first["pages"] == "1234--1245"
    assert first["pmid"] == "17198553"


def test_bibtex_escapes_every_special_character() -> None:
    first = bibtexparser.parse_string(references_to_bibtex(REFERENCES)).entries[0]
    for field in first.fields:
        assert _braces_balance(field.value), field
        assert not _UNESCAPED_SPECIAL.search(field.value), field
        assert "<" not in field.value and ">" not in field.value, field
    title = first["title"]
    assert title.startswith("{") and title.endswith("}")  # capitals kept by styles
    decoded = _latex_to_text(title[1:-1])
    # pylatexenc reads TeX's caret accent and closing quotes as their typographic forms
    expected = " ".join(HOSTILE_TITLE.split()).replace("^", "ˆ").replace('"', "”")
    assert decoded == expected


def test_bibtex_authors_keep_groups_whole() -> None:
    first = bibtexparser.parse_string(references_to_bibtex(REFERENCES)).entries[0]
    authors = first["author"].split(" and ")
    assert authors[0] == 'M{\\"u}ller, J{\\"o}rg'
    assert authors[2] == "{SSc Study Group {\\&} Partners}"  # " and " inside cannot split it


def test_citation_key_falls_back_to_the_number() -> None:
    assert citation_key(Reference(n=7, record_id="x", title="")) == "ref7"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_latex_of_any_text_is_balanced_and_escaped(text: str) -> None:
    """Every special character is escaped outside math; superscript digits ("⁴") become
    math (hypothesis found "⁴" on 2026-12-06, which the check took for an unescaped "^")."""
    encoded = latex(text)
    assert _braces_balance(encoded)
    assert not _UNESCAPED_SPECIAL.search(_MATH.sub("", encoded))
    assert "\n" not in encoded


# --- CSL-JSON ---

_STRING, _NUMBER = str, (int, float)
_CSL_FIELDS: dict[str, tuple[type, ...]] = {
    # name → allowed JSON types, from the CSL data schema (csl-data.json)
    "id": (str, int, float),
    "type": (str,),
    "title": (str,),
    "author": (list,),
    "container-title": (str,),
    "container-title-short": (str,),
    "issued": (dict,),
    "volume": (str, int, float),
    "issue": (str, int, float),
    "page": (str, int, float),
    "page-first": (str, int, float),
    "DOI": (str,),
    "PMID": (str,),
    "PMCID": (str,),
    "URL": (str,),
    "note": (str,),
}
_CSL_TYPES = {"article-journal", "paper-conference", "article", "review"}
_NAME_FIELDS = {
    "family",
    "given",
    "literal",
    "suffix",
    "dropping-particle",
    "non-dropping-particle",
}


def _check_csl_item(item: dict[str, Any]) -> None:
    assert {"id", "type"} <= item.keys()
    for name, value in item.items():
        assert name in _CSL_FIELDS, name
        assert isinstance(value, _CSL_FIELDS[name]), (name, value)
    assert item["type"] in _CSL_TYPES
    for person in item.get("author", []):
        assert set(person) <= _NAME_FIELDS and person
        assert all(isinstance(part, str) for part in person.values())
    if "issued" in item:
        assert set(item["issued"]) == {"date-parts"}
        parts = item["issued"]["date-parts"]
        assert 1 <= len(parts) <= 2 and all(1 <= len(date) <= 3 for date in parts)
        assert all(isinstance(part, (str, int)) for date in parts for part in date)


def test_csl_json_fields_follow_the_schema() -> None:
    items = json.loads(references_to_csl_json(REFERENCES))
    assert len(items) == 3
    for item in items:
        _check_csl_item(item)
    first = items[0]
    assert first["author"][2] == {"literal": "SSc Study Group & Partners"}
    assert first["issued"] == {"date-parts": [[2007]]}
    assert (first["page"], first["page-first"]) == ("1234-1245", "1234")
    assert (first["container-title"], first["container-title-short"]) == (
        "Clinical Rheumatology",
        "Clin Rheumatol",
    )
    assert items[2]["type"] == "paper-conference"
    assert items[2]["author"][0] == {"family": "van der Berg", "given": "A. B."}


def test_csl_json_is_inert_in_html_and_keeps_the_text() -> None:
    text = references_to_csl_json(REFERENCES)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)[0]["title"] == " ".join(HOSTILE_TITLE.split())
    assert references_to_csl(REFERENCES)[0]["title"] == json.loads(text)[0]["title"]


def test_csl_json_renders_in_a_citation_processor() -> None:
    source = CiteProcJSON(json.loads(references_to_csl_json((SAME_KEY, DISPLAY_NAMES_ONLY))))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, citeproc_formatter.plain)
    for item_id in ("pmid:2", "text:note"):
        bibliography.register(Citation([CitationItem(item_id)]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert any("Muller, A." in entry and "2007" in entry for entry in rendered), rendered
    assert any("van der Berg" in entry for entry in rendered), rendered


@pytest.mark.parametrize("export", [references_to_ris, references_to_bibtex])
def test_exports_of_nothing_are_empty(export: Any) -> None:
    assert export(()) == ""
