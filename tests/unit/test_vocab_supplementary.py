"""MeSH Supplementary Concept Records: both of NLM's layouts read to the same concepts,
bad files refused with file and line, and a record's drug read as an intervention."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from medcite.errors import SourceError
from medcite.records import ConceptRole, Vocabulary
from medcite.understand import Knowledge, build_lexicon, understand_question
from medcite.vocab import (
    VocabularyFormat,
    VocabularyStore,
    detect_format,
    read_vocabulary_file,
)

RED_YEAST_RICE = "C117343"
BIOLOGICAL_PRODUCTS = "D001688"


@pytest.fixture
def scr_ascii(fixtures_dir: Path) -> Path:
    return fixtures_dir / "vocab" / "scr_red_yeast_rice.bin"


@pytest.fixture
def scr_xml(shared_data: Path) -> Path:
    return shared_data / "mesh" / "tipplerow_mesh_supp_sample.xml"


@pytest.fixture
def headings(fixtures_dir: Path) -> Path:
    return fixtures_dir / "vocab" / "mesh_biological_products.bin"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[VocabularyStore]:
    opened = VocabularyStore.open(tmp_path / "vocab.sqlite3")
    yield opened
    opened.close()


def _import(store: VocabularyStore, path: Path) -> None:
    found = read_vocabulary_file(path)
    store.replace_vocabulary(found.vocabulary, found.concepts, path, found.sha256)


def test_formats_are_told_apart_by_content(scr_ascii: Path, scr_xml: Path, headings: Path) -> None:
    assert detect_format(scr_ascii) is VocabularyFormat.MESH_SCR_ASCII
    assert detect_format(scr_xml) is VocabularyFormat.MESH_SCR_XML
    assert detect_format(headings) is VocabularyFormat.MESH_ASCII


def test_the_ascii_record_reads_as_nlm_xml_gives_it(scr_ascii: Path, scr_xml: Path) -> None:
    (from_xml,) = read_vocabulary_file(scr_xml).concepts
    (from_ascii,) = read_vocabulary_file(scr_ascii).concepts
    assert from_xml.id == RED_YEAST_RICE
    assert from_xml.vocabulary is Vocabulary.MESH_SUPPLEMENTARY
    assert from_xml.name == "red yeast rice"
    assert from_xml.synonyms == ("Chinese red-yeast-rice dietary supplement", "Cholestin")
    assert from_xml.definition.startswith("An extract prepared from red yeast")
    assert from_xml.mapped_to == (BIOLOGICAL_PRODUCTS,)  # "*D001688": the star is dropped
    # The ASCII layout names the heading; everything else is the same record.
    assert from_ascii.mapped_to == ("Biological Products",)
    for field in ("id", "vocabulary", "name", "synonyms", "abbreviations", "definition"):
        assert getattr(from_ascii, field) == getattr(from_xml, field), field


def test_store_maps_heading_names_to_the_descriptors_loaded(
    store: VocabularyStore, scr_ascii: Path, scr_xml: Path, headings: Path
) -> None:
    _import(store, headings)
    _import(store, scr_ascii)
    from_ascii = store.get(RED_YEAST_RICE)
    (from_xml,) = read_vocabulary_file(scr_xml).concepts
    assert from_ascii == from_xml


def test_without_descriptors_the_heading_name_is_kept(
    store: VocabularyStore, scr_ascii: Path
) -> None:
    _import(store, scr_ascii)
    stored = store.get(RED_YEAST_RICE)
    assert stored is not None and stored.mapped_to == ("Biological Products",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("*NEWRECORD\nRECTYPE = C\nNM = x\nnot a field\n", "4: expected a 'KEY = value' line"),
        (
            "*NEWRECORD\nRECTYPE = C\nNM = red yeast rice\nHM = *Biological Products\n",
            "1: the record starting here has no UI",
        ),
        ("*NEWRECORD\nNM = a drug\nUI = D000001\n", "1: D000001 is not a supplementary"),
        ("<SupplementalRecordSet><SupplementalRecord>", "malformed XML"),
        (
            "<SupplementalRecordSet><SupplementalRecord><SupplementalRecordUI>C1"
            "</SupplementalRecordUI></SupplementalRecord></SupplementalRecordSet>",
            "1: <SupplementalRecord> without SupplementalRecordName",
        ),
    ],
)
def test_bad_files_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c2024.bin"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_vocabulary_file(path)
    assert str(caught.value).startswith(f"{path}:")
    assert message in str(caught.value)


def test_duplicate_ids_are_refused_with_both_lines(tmp_path: Path, scr_ascii: Path) -> None:
    record = scr_ascii.read_text(encoding="utf-8")
    path = tmp_path / "c2024.bin"
    path.write_text(record + record, encoding="utf-8")
    second = record.count("\n") + 1
    with pytest.raises(SourceError, match=rf"{second}: duplicate id C117343 \(first at line 1\)"):
        read_vocabulary_file(path)


def test_a_supplementary_drug_is_an_intervention_expanded_to_its_headings(
    store: VocabularyStore, scr_ascii: Path, headings: Path
) -> None:
    _import(store, headings)
    _import(store, scr_ascii)
    knowledge = Knowledge(build_lexicon(store.concepts()), store)
    question = understand_question("Does Cholestin lower cholesterol in adults?", knowledge)
    (drug,) = [c for c in question.concepts if c.id == RED_YEAST_RICE]
    assert drug.role is ConceptRole.INTERVENTION  # from D20.215, Biological Products
    assert drug.name == "red yeast rice"
    assert BIOLOGICAL_PRODUCTS in drug.narrower  # records indexed under its heading count
    assert "Biological Products" not in drug.narrower_names  # but it is no name of the drug
    assert any(RED_YEAST_RICE in facet.concept_ids for facet in question.facets)
