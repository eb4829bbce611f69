"""Vocabulary readers and store: real formats in, concepts out, clear errors on bad files."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from medcite.errors import SourceError
from medcite.records import Concept, Vocabulary
from medcite.vocab import (
    VocabularyFormat,
    VocabularyStore,
    detect_format,
    read_vocabulary_file,
)
from medcite.vocab.mesh_ascii import split_entry


@pytest.fixture
def mini_mesh(fixtures_dir: Path) -> Path:
    return fixtures_dir / "vocab" / "mini_mesh.bin"


@pytest.fixture
def mini_obo(fixtures_dir: Path) -> Path:
    return fixtures_dir / "vocab" / "mini_doid.obo"


def test_mesh_ascii_descriptor_fields(mini_mesh: Path) -> None:
    found = read_vocabulary_file(mini_mesh)
    assert found.format is VocabularyFormat.MESH_ASCII
    assert found.vocabulary is Vocabulary.MESH
    by_id = {c.id: c for c in found.concepts}
    ssc = by_id["D012595"]
    assert ssc.name == "Scleroderma, Systemic"
    assert ssc.synonyms == ("Systemic Sclerosis", "Sclerosis, Systemic")
    assert ssc.tree_numbers == ("C17.300.799", "C17.800.784")
    # "MS (Multiple Sclerosis)" gives the abbreviation, an ABB tag too
    assert by_id["D009103"].abbreviations == ("MS",)
    assert by_id["D008279"].abbreviations == ("fMRI",)
    assert by_id["D003933"].tree_numbers == ()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Abate|T109|T131|TRD|NRW|NLM (1991)|900308|abbcdef", ("Abate", "TRD")),
        ("Slaughterhouse|T073|NON|EQV|NLM (2020)|190725|abcdef", ("Slaughterhouse", "NON")),
        ("fMRI|ABB|T024697", ("fMRI", "ABB")),
        ("Abattoir", ("Abattoir", "")),
    ],
)
def test_entry_terms_in_both_nlm_layouts(entry: str, expected: tuple[str, str]) -> None:
    assert split_entry(entry) == expected


def test_shared_mesh_ascii_reads_whole(shared_data: Path) -> None:
    found = read_vocabulary_file(shared_data / "mesh" / "d2024.bin.gz")
    assert len(found.concepts) == 30_764  # the count the data's README gives
    by_id = {c.id: c for c in found.concepts}
    assert "Systemic Sclerosis" in by_id["D012595"].synonyms


def test_shared_mesh_xml_sample(shared_data: Path) -> None:
    found = read_vocabulary_file(shared_data / "mesh" / "tipplerow_mesh_desc_sample.xml")
    assert found.format is VocabularyFormat.MESH_XML
    calcimycin = next(c for c in found.concepts if c.id == "D000001")
    assert calcimycin.name == "Calcimycin"
    assert "A23187" in calcimycin.synonyms
    assert "A23187, Antibiotic" not in calcimycin.synonyms  # permuted term skipped
    assert calcimycin.tree_numbers == ("D03.633.100.221.173",)
    assert calcimycin.definition.startswith("An ionophorous, polyether antibiotic")


def test_obo_terms(mini_obo: Path) -> None:
    found = read_vocabulary_file(mini_obo)
    assert found.vocabulary is Vocabulary.DISEASE_ONTOLOGY
    by_id = {c.id: c for c in found.concepts}
    assert "DOID:9999999" not in by_id  # obsolete
    ssc = by_id["DOID:418"]
    assert ssc.synonyms == ("progressive systemic sclerosis", "systemic sclerosis", "Scleroderma")
    assert ssc.abbreviations == ("SSc",)
    assert ssc.xrefs == ("MESH:D012595", "OMIM:181750")
    assert ssc.parents == ("DOID:419",)
    assert ssc.definition == "A scleroderma that affects the skin and internal organs."
    ms = by_id["DOID:2377"]
    assert ms.synonyms == ("insular sclerosis",)  # NARROW synonyms name other concepts
    assert ms.parents == ("DOID:0060004",)  # the comment after "!" is not part of the id


def test_shared_disease_ontology(shared_data: Path) -> None:
    found = read_vocabulary_file(shared_data / "disease_ontology" / "doid_2024-01-31.obo.gz")
    # 13,982 [Term] stanzas, 2,481 of them obsolete (the data's README)
    assert len(found.concepts) == 13_982 - 2_481


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello world\n", "1: not a vocabulary file"),
        ("", "the file is empty"),
        ("*NEWRECORD\nMH = Brain\nthis is not a field\n", "3: expected a 'KEY = value' line"),
        ("*NEWRECORD\nMH = Brain\nMN = A08.186.211\n", "1: the record starting here has no UI"),
        (
            "[Term]\nid: DOID:1\nname: one\n[Term]\nname: two\n",
            "4: the [Term] starting here has no id",
        ),
        ("<DescriptorRecordSet><DescriptorRecord>", "malformed XML"),
        ("<QualifierRecordSet/>", "not a MeSH descriptor file"),
    ],
)
def test_bad_files_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "vocab.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_vocabulary_file(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)


def test_duplicate_ids_are_refused_with_both_lines(tmp_path: Path, mini_mesh: Path) -> None:
    text = mini_mesh.read_text(encoding="utf-8")
    first_record = text.split("\n\n")[0]
    path = tmp_path / "dup.bin"
    path.write_text(text + "\n" + first_record + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"duplicate id D012595 \(first at line 1\)"):
        read_vocabulary_file(path)


def test_truncated_gzip_is_refused(tmp_path: Path, mini_mesh: Path) -> None:
    packed = gzip.compress(mini_mesh.read_bytes())
    path = tmp_path / "d2024.bin.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(SourceError, match="truncated"):
        read_vocabulary_file(path)


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.bin"
    path.write_bytes("*NEWRECORD\nMH = Sj\xf6gren\nUI = D1\n".encode("latin-1"))
    with pytest.raises(SourceError, match="not UTF-8"):
        read_vocabulary_file(path)


def test_detect_format_by_content_not_name(tmp_path: Path, mini_obo: Path) -> None:
    renamed = tmp_path / "something.bin"
    renamed.write_bytes(mini_obo.read_bytes())
    assert detect_format(renamed) is VocabularyFormat.OBO


def test_store_replaces_a_vocabulary_atomically(tmp_path: Path, mini_mesh: Path) -> None:
    store = VocabularyStore.open(tmp_path / "vocab.sqlite3")
    found = read_vocabulary_file(mini_mesh)
    store.replace_vocabulary(Vocabulary.MESH, found.concepts, mini_mesh, found.sha256)
    before = store.fingerprint()
    assert store.get("D012595") is not None

    class DiskFullError(Exception):
        pass

    class FailsHalfway(list[Concept]):
        """Concepts whose reading fails after the first, inside the import's transaction."""

        def __iter__(self) -> Iterator[Concept]:
            yield self[0]
            raise DiskFullError

    with pytest.raises(DiskFullError):
        store.replace_vocabulary(Vocabulary.MESH, FailsHalfway(found.concepts), mini_mesh, "x")
    assert store.fingerprint() == before  # the failed import left the old one whole
    assert len(list(store.concepts())) == len(found.concepts)

    store.replace_vocabulary(Vocabulary.MESH, found.concepts[:2], mini_mesh, "smaller")
    assert len(list(store.concepts())) == 2
    assert store.fingerprint() != before
    store.close()


def test_narrower_by_tree_number_and_parents(
    tmp_path: Path, mini_mesh: Path, mini_obo: Path
) -> None:
    store = VocabularyStore.open(tmp_path / "vocab.sqlite3")
    for path in (mini_mesh, mini_obo):
        found = read_vocabulary_file(path)
        store.replace_vocabulary(found.vocabulary, found.concepts, path, found.sha256)
    cns = store.get("D002490")
    assert cns is not None
    assert set(store.narrower(cns)) == {"D001921", "D013116"}  # brain, spinal cord
    ssc = store.get("D012595")
    assert ssc is not None
    assert store.narrower(ssc) == ("D045743",)  # diffuse, reached by either tree number
    scleroderma = store.get("DOID:419")
    assert scleroderma is not None
    assert store.narrower(scleroderma) == ("DOID:418",)  # OBO is_a
    assert store.concept_by_tree_number("E01.370.350.825") == "D014054"
    store.close()
