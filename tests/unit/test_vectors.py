"""The vector index: upserts, deletes, snapshots, structure by size, and its manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("faiss", reason="the dense extra is not installed")

from medcite.dense.encoders import StaticEncoder
from medcite.dense.manifest import BUILD_COMMAND, MANIFEST_FILE_NAME
from medcite.dense.vectors import FLAT, HNSW, VectorIndex
from medcite.errors import IndexStateError
from medcite.records import Record, Section, Source
from medcite.settings import DenseSettings

TOPICS = {
    "pmid:1": ("Spinal calcinosis in systemic sclerosis", "Calcium deposits compressed the cord."),
    "pmid:2": ("Remdesivir for COVID-19", "Antiviral treatment of hospitalised patients."),
    "pmid:3": ("Tibial fractures in children", "Healing times of long-bone fractures."),
    "pmid:4": ("Statins and myocardial infarction", "Cholesterol lowering prevents heart attacks."),
}


def record(record_id: str, title: str, abstract: str) -> Record:
    return Record(id=record_id, source=Source.JSONL, title=title, sections=(Section(abstract),))


def records() -> list[Record]:
    return [record(rid, *texts) for rid, texts in TOPICS.items()]


@pytest.fixture
def encoder(static_model_dir: Path) -> StaticEncoder:
    return StaticEncoder(static_model_dir)


def build(
    directory: Path, encoder: StaticEncoder, settings: DenseSettings | None = None
) -> VectorIndex:
    index = VectorIndex.open(directory, encoder, settings or DenseSettings())
    with index.updating() as update:
        update.upsert(records())
        update.commit(store_sequence=4)
    return index


def top(index: VectorIndex, text: str) -> str:
    return index.search(text, 1)[0].record_id


def test_a_record_is_found_by_what_it_is_about(tmp_path: Path, encoder: StaticEncoder) -> None:
    index = build(tmp_path / "v", encoder)
    assert top(index, "antiviral drugs for coronavirus") == "pmid:2"
    assert top(index, "broken leg bones in kids") == "pmid:3"
    hits = index.search("heart attack prevention", 10)
    assert [hit.rank for hit in hits] == [1, 2, 3, 4]
    assert hits[0].record_id == "pmid:4"
    assert index.manifest.record_count == 4
    assert index.manifest.store_sequence == 4


def test_snapshot_survives_reopening(tmp_path: Path, encoder: StaticEncoder) -> None:
    build(tmp_path / "v", encoder)
    reopened = VectorIndex.open(tmp_path / "v", encoder, DenseSettings())
    assert reopened.document_count() == 4
    assert top(reopened, "antiviral drugs for coronavirus") == "pmid:2"
    files = sorted(path.name for path in (tmp_path / "v").iterdir())
    assert len(files) == 3 and MANIFEST_FILE_NAME in files  # old snapshots are removed


def test_upsert_replaces_and_delete_removes(tmp_path: Path, encoder: StaticEncoder) -> None:
    index = build(tmp_path / "v", encoder)
    with index.updating() as update:
        update.upsert([record("pmid:2", "Influenza vaccination", "Vaccines for older adults.")])
        update.delete(["pmid:3", "pmid:404"])
        update.commit(store_sequence=6)
    assert index.document_count() == 3
    ids = {hit.record_id for hit in index.search("broken leg bones in kids", 10)}
    assert ids == {"pmid:1", "pmid:2", "pmid:4"}
    assert top(index, "flu shots") == "pmid:2"


def test_uncommitted_changes_are_dropped(tmp_path: Path, encoder: StaticEncoder) -> None:
    index = build(tmp_path / "v", encoder)
    with index.updating() as update:
        update.delete(["pmid:1", "pmid:2"])
    assert index.document_count() == 4
    with pytest.raises(RuntimeError), index.updating() as update:
        update.delete(["pmid:1"])
        raise RuntimeError("a crash mid-batch")
    assert {hit.record_id for hit in index.search("anything", 10)} == set(TOPICS)


def test_structure_follows_size_and_tombstones_are_compacted(
    tmp_path: Path, encoder: StaticEncoder
) -> None:
    index = build(tmp_path / "v", encoder, DenseSettings(hnsw_above=3))
    assert index.manifest.structure == HNSW
    assert top(index, "antiviral drugs for coronavirus") == "pmid:2"
    with index.updating() as update:
        update.delete(["pmid:1", "pmid:3"])
        update.commit(store_sequence=6)
    assert index.manifest.structure == FLAT
    assert index.manifest.rows == index.manifest.record_count == 2  # compacted
    assert {hit.record_id for hit in index.search("anything", 10)} == {"pmid:2", "pmid:4"}


def test_vectors_of_another_encoder_are_refused(tmp_path: Path, encoder: StaticEncoder) -> None:
    build(tmp_path / "v", encoder)
    path = tmp_path / "v" / MANIFEST_FILE_NAME
    manifest = json.loads(path.read_text())
    path.write_text(json.dumps(manifest | {"encoder_fingerprint": "0123456789abcdef"}))
    with pytest.raises(IndexStateError, match=f"fingerprint 0123456789abcdef.*{BUILD_COMMAND}"):
        VectorIndex.open(tmp_path / "v", encoder, DenseSettings())
    path.write_text(json.dumps(manifest | {"dimension": 7}))
    with pytest.raises(IndexStateError, match=f"7 dimensions.*{BUILD_COMMAND}"):
        VectorIndex.open(tmp_path / "v", encoder, DenseSettings())


def test_missing_snapshot_files_name_the_rebuild(tmp_path: Path, encoder: StaticEncoder) -> None:
    index = build(tmp_path / "v", encoder)
    (tmp_path / "v" / index.manifest.vectors_file).unlink()
    with pytest.raises(IndexStateError, match=BUILD_COMMAND):
        VectorIndex.open(tmp_path / "v", encoder, DenseSettings())


def test_a_folder_of_other_files_is_never_wiped(tmp_path: Path, encoder: StaticEncoder) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_text("precious")
    with pytest.raises(IndexStateError, match="no vector index manifest"):
        VectorIndex.open(folder, encoder, DenseSettings())
    with pytest.raises(IndexStateError, match="refusing to wipe"):
        VectorIndex.create(folder, encoder, DenseSettings())
    assert (folder / "thesis.docx").read_text() == "precious"


def test_search_looks_past_tombstones(tmp_path: Path, encoder: StaticEncoder) -> None:
    index = build(tmp_path / "v", encoder)
    with index.updating() as update:
        update.delete(["pmid:1", "pmid:2", "pmid:3"])  # not committed: still tombstones
        hits = index.search("antiviral drugs for coronavirus", 1)
        assert [hit.record_id for hit in hits] == ["pmid:4"]
