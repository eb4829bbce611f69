"""The lexical index: phrases, boosts, idempotent upserts, deletes, and its manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite.errors import BusyError, IndexStateError
from medcite.index import REBUILD_COMMAND, IndexManifest, LexicalIndex, read_manifest
from medcite.index.manifest import FORMAT_VERSION, MANIFEST_FILE_NAME
from medcite.records import Chemical, MeshHeading, PublicationDate, Record, Section, Source
from medcite.settings import IndexSettings


def record(
    record_id: str,
    title: str = "",
    abstract: str = "",
    *,
    mesh: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
    year: int | None = 2020,
) -> Record:
    return Record(
        id=record_id,
        source=Source.JSONL,
        title=title,
        sections=(Section(abstract),) if abstract else (),
        mesh_headings=tuple(MeshHeading(f"D{i}", name) for i, name in enumerate(mesh)),
        keywords=keywords,
        date=PublicationDate(year=year),
    )


def build(
    directory: Path, records: list[Record], settings: IndexSettings | None = None
) -> LexicalIndex:
    index = LexicalIndex.open(directory, settings or IndexSettings())
    with index.updating() as update:
        update.upsert(records)
        update.commit(store_sequence=len(records))
    return index


def ids(index: LexicalIndex, text: str) -> list[str]:
    return [hit.record_id for hit in index.search(text)]


def test_phrase_matches_only_in_order(tmp_path: Path) -> None:
    index = build(
        tmp_path / "ix",
        [
            record("pmid:1", abstract="Calcinosis caused spinal cord compression."),
            record("pmid:2", abstract="Compression of the cord, not spinal, was seen."),
        ],
    )
    assert ids(index, '"spinal cord compression"') == ["pmid:1"]
    assert ids(index, '"compressed spinal cords"') == []  # stems match, order does not
    assert sorted(ids(index, "spinal cord compression")) == ["pmid:1", "pmid:2"]


def test_title_match_outranks_abstract_only_match(tmp_path: Path) -> None:
    index = build(
        tmp_path / "ix",
        [
            record("pmid:abstract", "Imaging study", "We describe calcinosis in one patient."),
            record("pmid:title", "Calcinosis", "We describe imaging in one patient."),
        ],
    )
    assert ids(index, "calcinosis") == ["pmid:title", "pmid:abstract"]


def test_a_common_term_in_every_field_does_not_outweigh_a_rare_decisive_term(
    tmp_path: Path,
) -> None:
    filler = [record(f"pmid:{n}", f"Influenza report {n}", "Influenza season.") for n in range(30)]
    everywhere = record(
        "pmid:100",
        "Influenza in adults",
        "Influenza influenza influenza.",
        mesh=("Influenza, Human",),
        keywords=("influenza",),
    )
    decisive = record("pmid:200", "Oseltamivir for influenza", "Oseltamivir was given.")
    index = build(tmp_path / "ix", [*filler, everywhere, decisive])
    assert ids(index, "oseltamivir influenza")[0] == "pmid:200"


def test_mesh_keywords_and_chemicals_are_searchable(tmp_path: Path) -> None:
    with_chemical = Record(
        id="pmid:3", source=Source.JSONL, title="x", chemicals=(Chemical("D1", "Methotrexate"),)
    )
    index = build(
        tmp_path / "ix",
        [
            record("pmid:1", "x", mesh=("Scleroderma, Systemic",)),
            record("pmid:2", "x", keywords=("calcinosis cutis",), year=None),
            with_chemical,
        ],
    )
    assert ids(index, "scleroderma") == ["pmid:1"]
    assert ids(index, "cutis") == ["pmid:2"]
    assert ids(index, "methotrexate") == ["pmid:3"]


def test_upsert_replaces_and_is_idempotent(tmp_path: Path) -> None:
    index = build(tmp_path / "ix", [record("pmid:1", "Old title about lupus")])
    for _ in range(2):
        with index.updating() as update:
            update.upsert([record("pmid:1", "New title about sclerosis")])
            update.commit(store_sequence=2)
    assert index.document_count() == 1
    assert ids(index, "sclerosis") == ["pmid:1"]
    assert ids(index, "lupus") == []


def test_same_id_twice_in_one_run_keeps_the_last(tmp_path: Path) -> None:
    index = build(
        tmp_path / "ix", [record("pmid:1", "first lupus"), record("pmid:1", "second sclerosis")]
    )
    assert index.document_count() == 1
    assert ids(index, "lupus") == []
    assert ids(index, "sclerosis") == ["pmid:1"]


def test_delete_removes(tmp_path: Path) -> None:
    index = build(tmp_path / "ix", [record("pmid:1", "lupus"), record("pmid:2", "lupus")])
    with index.updating() as update:
        update.delete(["pmid:1", "pmid:absent"])
        update.commit(store_sequence=3)
    assert ids(index, "lupus") == ["pmid:2"]
    assert index.manifest.record_count == 1


def test_uncommitted_changes_are_rolled_back(tmp_path: Path) -> None:
    index = build(tmp_path / "ix", [record("pmid:1", "lupus")])
    with pytest.raises(RuntimeError), index.updating() as update:
        update.upsert([record("pmid:2", "lupus")])
        raise RuntimeError("interrupted")
    with index.updating() as update:
        update.commit(store_sequence=9)
    assert index.document_count() == 1


def test_hits_are_ranked_from_one_and_limited(tmp_path: Path) -> None:
    index = build(tmp_path / "ix", [record(f"pmid:{i}", "lupus") for i in range(5)])
    hits = index.search("lupus", limit=3)
    assert [hit.rank for hit in hits] == [1, 2, 3]
    assert index.search("lupus", limit=0) == ()


def test_manifest_round_trips_and_tracks_commits(tmp_path: Path) -> None:
    directory = tmp_path / "ix"
    index = LexicalIndex.open(directory, IndexSettings())
    empty = index.manifest
    assert (empty.format_version, empty.record_count, empty.store_sequence) == (
        FORMAT_VERSION,
        0,
        0,
    )
    with index.updating() as update:
        update.upsert([record("pmid:1", "a"), record("pmid:2", "b")])
        update.commit(store_sequence=17)
    committed = index.manifest
    assert (committed.record_count, committed.store_sequence) == (2, 17)
    assert committed.snapshot_id != empty.snapshot_id
    assert committed.created_at == empty.created_at
    assert read_manifest(directory) == committed
    reopened = LexicalIndex.open(directory, IndexSettings())
    assert reopened.manifest == committed
    assert reopened.document_count() == 2
    assert isinstance(committed, IndexManifest)


def test_writer_memory_does_not_change_the_settings_hash(tmp_path: Path) -> None:
    directory = tmp_path / "ix"
    build(directory, [record("pmid:1", "a")])
    reopened = LexicalIndex.open(directory, IndexSettings(writer_heap_mb=64))
    assert reopened.document_count() == 1


def test_other_settings_are_refused_with_the_rebuild_command(tmp_path: Path) -> None:
    directory = tmp_path / "ix"
    build(directory, [record("pmid:1", "a")])
    with pytest.raises(IndexStateError, match=REBUILD_COMMAND):
        LexicalIndex.open(directory, IndexSettings(title_boost=5.0))


def test_other_format_version_is_refused(tmp_path: Path) -> None:
    directory = tmp_path / "ix"
    build(directory, [record("pmid:1", "a")])
    manifest_path = directory / MANIFEST_FILE_NAME
    payload = json.loads(manifest_path.read_text())
    payload["format_version"] = FORMAT_VERSION + 1
    manifest_path.write_text(json.dumps(payload))
    with pytest.raises(IndexStateError, match="format version"):
        LexicalIndex.open(directory, IndexSettings())


@pytest.mark.parametrize("content", ["{not json", '{"format_version": 1}'])
def test_damaged_manifest_is_refused(tmp_path: Path, content: str) -> None:
    directory = tmp_path / "ix"
    build(directory, [record("pmid:1", "a")])
    (directory / MANIFEST_FILE_NAME).write_text(content)
    with pytest.raises(IndexStateError, match=REBUILD_COMMAND):
        LexicalIndex.open(directory, IndexSettings())


def test_index_files_without_manifest_are_refused(tmp_path: Path) -> None:
    directory = tmp_path / "ix"
    build(directory, [record("pmid:1", "a")])
    (directory / MANIFEST_FILE_NAME).unlink()
    with pytest.raises(IndexStateError, match=REBUILD_COMMAND):
        LexicalIndex.open(directory, IndexSettings())


def test_create_wipes_an_index_but_not_other_directories(tmp_path: Path) -> None:
    directory = tmp_path / "ix"
    build(directory, [record("pmid:1", "a")])
    rebuilt = LexicalIndex.create(directory, IndexSettings(title_boost=5.0))
    assert rebuilt.document_count() == 0
    assert LexicalIndex.open(directory, IndexSettings(title_boost=5.0)).document_count() == 0
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    with pytest.raises(IndexStateError, match="refusing"):
        LexicalIndex.create(precious, IndexSettings())
    assert (precious / "notes.txt").exists()


def test_a_second_writer_is_refused_as_busy_not_as_a_bad_index(tmp_path: Path) -> None:
    index = build(tmp_path / "ix", [])
    with index.updating(), pytest.raises(BusyError, match="another"), index.updating():
        pass
