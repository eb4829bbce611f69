"""The vector index: one unit vector per record, searched by inner product (cosine) in faiss.

Like the lexical index, it is derived from the store and kept in step with it: the
engine applies each ingested batch through :meth:`VectorIndex.updating` and commits with
the store sequence reached; ``medcite dense build`` rebuilds it from scratch.

Structure follows size: up to ``[dense] hnsw_above`` records an exact ``IndexFlatIP``
(a brute-force scan of 200,000 × 256 floats takes a few milliseconds), above it an HNSW
graph (Malkov & Yashunin 2018), approximate but logarithmic. A commit converts between
them when the count crosses the threshold.

Rows are append-only: replacing or deleting a record turns its row into a tombstone that
searches skip (they fetch a few more neighbours to make up for them). A commit compacts
the rows when tombstones pass a quarter of them, so the file never grows without bound.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import faiss
import msgspec
import numpy as np

from medcite.dense.encoders import Encoder, Vectors, record_text
from medcite.dense.manifest import (
    BUILD_COMMAND,
    MANIFEST_FILE_NAME,
    VectorManifest,
    check_vector_manifest,
    new_vector_manifest,
    next_vector_manifest,
    read_vector_manifest,
    write_vector_manifest,
)
from medcite.errors import IndexStateError
from medcite.records import Record, SearchHit
from medcite.settings import DenseSettings

FLAT = "flat"
HNSW = "hnsw"
HNSW_NEIGHBOURS = 32  # M: links per node; 32 is faiss's advice for high recall
HNSW_EF_CONSTRUCTION = 80
COMPACT_ABOVE = 0.25
"""Share of tombstoned rows above which a commit rewrites the index without them."""
_TOMBSTONE = ""


class VectorIndex:
    """Record vectors in a faiss index with their ids and manifest; see the module doc."""

    def __init__(
        self, directory: Path, encoder: Encoder, settings: DenseSettings, manifest: VectorManifest
    ) -> None:
        self._directory = directory
        self._encoder = encoder
        self._settings = settings
        self._manifest = manifest
        self._faiss: Any = _empty_index(FLAT, manifest.dimension, settings)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}

    @classmethod
    def open(cls, directory: Path, encoder: Encoder, settings: DenseSettings) -> VectorIndex:
        """Open the index in ``directory``, or start an empty one there when there is none.

        Refuses (``IndexStateError`` naming ``medcite dense build``) vectors made by another
        encoder, of another dimension or format, and a snapshot whose files are missing.
        """
        manifest = read_vector_manifest(directory)
        if manifest is None:
            if directory.is_dir() and any(directory.iterdir()):
                raise IndexStateError(
                    f"{directory}: holds files but no vector index manifest; run `{BUILD_COMMAND}`"
                )
            return cls.create(directory, encoder, settings)
        check_vector_manifest(manifest, encoder.fingerprint, encoder.dimension, directory)
        index = cls(directory, encoder, settings, manifest)
        index._load()
        return index

    @classmethod
    def create(cls, directory: Path, encoder: Encoder, settings: DenseSettings) -> VectorIndex:
        """An empty index in ``directory``, replacing any vector index there (a rebuild)."""
        if directory.exists():
            if any(directory.iterdir()) and not (directory / MANIFEST_FILE_NAME).exists():
                raise IndexStateError(f"{directory}: is not a vector index; refusing to wipe it")
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        manifest = new_vector_manifest(encoder.name, encoder.fingerprint, encoder.dimension)
        index = cls(directory, encoder, settings, manifest)
        index._write_snapshot(manifest)
        return index

    @property
    def manifest(self) -> VectorManifest:
        """The manifest of the last commit."""
        return self._manifest

    @property
    def encoder(self) -> Encoder:
        """The encoder that made the vectors (queries must use the same)."""
        return self._encoder

    def document_count(self) -> int:
        """Live records held (tombstones not counted), including uncommitted changes."""
        return len(self._rows)

    @contextmanager
    def updating(self) -> Iterator[VectorUpdate]:
        """Changes applied in memory; what is not committed is dropped on leaving."""
        update = VectorUpdate(self)
        try:
            yield update
        finally:
            if update.pending:
                self._load()  # back to the last committed snapshot

    def search(self, text: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """The ``limit`` records nearest to ``text``, by cosine, best first."""
        if not text.strip():
            return ()
        return self.search_vector(self._encoder.encode([text])[0], limit)

    def search_vector(self, vector: Vectors, limit: int = 10) -> tuple[SearchHit, ...]:
        """The ``limit`` records nearest to a query vector from the same encoder.

        Tombstoned rows are skipped: the search asks faiss for twice ``limit`` neighbours
        and, while tombstones leave too few, four times as many again.
        """
        rows_held = len(self._ids)
        if limit < 1 or not self._rows:
            return ()
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1)
        depth = min(rows_held, 2 * limit)
        while True:
            hits = self._live_hits(query, depth, limit)
            if len(hits) == limit or depth == rows_held:
                return hits
            depth = min(rows_held, 4 * depth)

    def _live_hits(self, query: Vectors, depth: int, limit: int) -> tuple[SearchHit, ...]:
        scores, rows = self._faiss.search(query, depth)
        hits: list[SearchHit] = []
        for score, row in zip(scores[0], rows[0], strict=True):
            if row < 0 or self._ids[row] == _TOMBSTONE:
                continue
            hits.append(SearchHit(self._ids[row], float(score), len(hits) + 1))
            if len(hits) == limit:
                break
        return tuple(hits)

    def vector_of(self, record_id: str) -> Vectors | None:
        """The stored vector of a record, None when the index does not hold it."""
        row = self._rows.get(record_id)
        if row is None:
            return None
        return np.asarray(self._faiss.reconstruct(row), dtype=np.float32)

    # -- changes (through VectorUpdate) --------------------------------------------------

    def _add(self, record_ids: list[str], vectors: Vectors) -> None:
        for record_id in record_ids:
            self._remove(record_id)
        first = len(self._ids)
        self._faiss.add(vectors)
        self._ids.extend(record_ids)
        self._rows.update((record_id, first + n) for n, record_id in enumerate(record_ids))

    def _remove(self, record_id: str) -> None:
        row = self._rows.pop(record_id, None)
        if row is not None:
            self._ids[row] = _TOMBSTONE

    def _commit(self, store_sequence: int) -> None:
        structure = HNSW if len(self._rows) > self._settings.hnsw_above else FLAT
        tombstones = len(self._ids) - len(self._rows)
        if structure != self._manifest.structure or tombstones > COMPACT_ABOVE * len(self._ids):
            self._rebuild_faiss(structure)
        manifest = next_vector_manifest(
            self._manifest,
            structure=structure,
            record_count=len(self._rows),
            rows=len(self._ids),
            store_sequence=store_sequence,
        )
        self._write_snapshot(manifest)

    def _rebuild_faiss(self, structure: str) -> None:
        """Re-add the live rows, in row order, to a fresh index of ``structure``."""
        live = [row for row, record_id in enumerate(self._ids) if record_id != _TOMBSTONE]
        fresh = _empty_index(structure, self._manifest.dimension, self._settings)
        if live:
            vectors = self._faiss.reconstruct_n(0, len(self._ids))[live]
            fresh.add(np.ascontiguousarray(vectors, dtype=np.float32))
        self._faiss = fresh
        self._ids = [self._ids[row] for row in live]
        self._rows = {record_id: row for row, record_id in enumerate(self._ids)}

    # -- files ---------------------------------------------------------------------------

    def _write_snapshot(self, manifest: VectorManifest) -> None:
        """Data files first, then the manifest that names them, then drop the old files."""
        directory = self._directory
        vectors_path = directory / manifest.vectors_file
        temporary = directory / f".{manifest.vectors_file}.tmp"
        faiss.write_index(self._faiss, str(temporary))
        _fsync(temporary)
        temporary.replace(vectors_path)
        ids_path = directory / manifest.ids_file
        temporary = directory / f".{manifest.ids_file}.tmp"
        temporary.write_bytes(msgspec.json.encode(self._ids))
        _fsync(temporary)
        temporary.replace(ids_path)
        write_vector_manifest(directory, manifest)
        self._manifest = manifest
        keep = {MANIFEST_FILE_NAME, manifest.vectors_file, manifest.ids_file}
        for path in directory.iterdir():
            if path.name not in keep and not path.name.startswith("."):
                path.unlink()

    def _load(self) -> None:
        manifest = self._manifest
        try:
            loaded = faiss.read_index(str(self._directory / manifest.vectors_file))
            ids = msgspec.json.decode(
                (self._directory / manifest.ids_file).read_bytes(), type=list[str]
            )
        except (OSError, RuntimeError, msgspec.DecodeError) as exc:
            raise IndexStateError(
                f"{self._directory}: cannot read the vector index ({exc}); run `{BUILD_COMMAND}`"
            ) from exc
        if loaded.ntotal != len(ids) or loaded.d != manifest.dimension:
            raise IndexStateError(
                f"{self._directory}: vector and id files disagree ({loaded.ntotal} vectors, "
                f"{len(ids)} ids); run `{BUILD_COMMAND}`"
            )
        _set_search_breadth(loaded, self._settings)
        self._faiss = loaded
        self._ids = ids
        self._rows = {record_id: row for row, record_id in enumerate(ids) if record_id}


class VectorUpdate:
    """Changes to a :class:`VectorIndex`; see :meth:`VectorIndex.updating`."""

    def __init__(self, index: VectorIndex) -> None:
        self._index = index
        self.pending = False

    def upsert(self, records: Iterable[Record]) -> None:
        """Embed and add records, replacing any held under the same id."""
        latest = {record.id: record for record in records}  # the last copy of an id wins
        if not latest:
            return
        batch = self._index._settings.encode_batch * 16
        ordered = list(latest.values())
        for start in range(0, len(ordered), batch):
            chunk = ordered[start : start + batch]
            vectors = self._index.encoder.encode([record_text(record) for record in chunk])
            self._index._add([record.id for record in chunk], vectors)
        self.pending = True

    def delete(self, record_ids: Iterable[str]) -> None:
        """Remove records by id; ids not held are ignored."""
        for record_id in record_ids:
            self._index._remove(record_id)
            self.pending = True

    def commit(self, store_sequence: int) -> None:
        """Write a new snapshot, in step with the store up to ``store_sequence``."""
        self._index._commit(store_sequence)
        self.pending = False


def _empty_index(structure: str, dimension: int, settings: DenseSettings) -> Any:
    if structure == HNSW:
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        _set_search_breadth(index, settings)
        return index
    return faiss.IndexFlatIP(dimension)


def _set_search_breadth(index: Any, settings: DenseSettings) -> None:
    hnsw = getattr(index, "hnsw", None)
    if hnsw is not None:
        hnsw.efSearch = settings.hnsw_ef_search


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
