"""The vector index manifest: which encoder made the vectors, how many, up to which change.

Vectors from one model are meaningless to another's queries, so the manifest records the
encoder's name, fingerprint and dimension, and opening the index with any other encoder
fails with the command that rebuilds it. ``store_sequence`` plays the same role as in the
lexical index: the store change the vectors are in step with, from which the engine
replays what an interrupted run missed.

The manifest also names the data files of its snapshot (``vectors-<id>.faiss``,
``ids-<id>.json``): a commit writes new files, then replaces the manifest atomically,
then removes the old files, so a crash at any point leaves one complete snapshot.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from medcite.errors import IndexStateError

FORMAT_VERSION = 1
MANIFEST_FILE_NAME = "manifest.json"
BUILD_COMMAND = "medcite dense build"


@dataclass(frozen=True, slots=True)
class VectorManifest:
    """What ``manifest.json`` of a vector index directory says about it."""

    format_version: int
    encoder_name: str
    encoder_fingerprint: str
    dimension: int
    structure: str  # "flat" (exact inner product) or "hnsw"
    record_count: int
    rows: int  # vectors stored, counting rows of replaced or deleted records
    store_sequence: int
    snapshot_id: str
    created_at: str
    updated_at: str

    @property
    def vectors_file(self) -> str:
        return f"vectors-{self.snapshot_id}.faiss"

    @property
    def ids_file(self) -> str:
        return f"ids-{self.snapshot_id}.json"


def new_vector_manifest(encoder_name: str, fingerprint: str, dimension: int) -> VectorManifest:
    """The manifest of an empty index for this encoder."""
    now = datetime.now(UTC)
    return VectorManifest(
        format_version=FORMAT_VERSION,
        encoder_name=encoder_name,
        encoder_fingerprint=fingerprint,
        dimension=dimension,
        structure="flat",
        record_count=0,
        rows=0,
        store_sequence=0,
        snapshot_id=f"{now:%Y%m%dT%H%M%S%fZ}",
        created_at=now.isoformat(),
        updated_at=now.isoformat(),
    )


def next_vector_manifest(
    previous: VectorManifest, *, structure: str, record_count: int, rows: int, store_sequence: int
) -> VectorManifest:
    """The manifest of the snapshot a commit writes (a new, later snapshot id)."""
    now = datetime.now(UTC)
    snapshot_id = f"{now:%Y%m%dT%H%M%S%fZ}"
    if snapshot_id <= previous.snapshot_id:  # same microsecond, or a clock stepped back
        snapshot_id = f"{previous.snapshot_id}.1"
    return replace(
        previous,
        structure=structure,
        record_count=record_count,
        rows=rows,
        store_sequence=store_sequence,
        snapshot_id=snapshot_id,
        updated_at=now.isoformat(),
    )


def read_vector_manifest(directory: Path) -> VectorManifest | None:
    """The manifest in ``directory``, None when there is none; a damaged one raises."""
    path = directory / MANIFEST_FILE_NAME
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexStateError(f"{path}: cannot read the vector index manifest: {exc}") from exc
    try:
        return msgspec.json.decode(payload, type=VectorManifest)
    except msgspec.DecodeError as exc:
        raise IndexStateError(
            f"{path}: the vector index manifest is damaged ({exc}); run `{BUILD_COMMAND}`"
        ) from exc


def write_vector_manifest(directory: Path, manifest: VectorManifest) -> None:
    """Replace the manifest atomically (temporary file, fsync, ``os.replace``)."""
    path = directory / MANIFEST_FILE_NAME
    temporary = path.with_name(f".{MANIFEST_FILE_NAME}.tmp")
    with temporary.open("wb") as handle:
        handle.write(msgspec.json.format(msgspec.json.encode(manifest)))
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def check_vector_manifest(
    manifest: VectorManifest, fingerprint: str, dimension: int, directory: Path
) -> None:
    """Refuse vectors of another format, encoder or dimension, naming the rebuild command."""
    if manifest.format_version != FORMAT_VERSION:
        raise IndexStateError(
            f"{directory}: vector index format {manifest.format_version}, this medcite reads "
            f"{FORMAT_VERSION}; run `{BUILD_COMMAND}`"
        )
    if manifest.encoder_fingerprint != fingerprint:
        raise IndexStateError(
            f"{directory}: the vectors were made by encoder {manifest.encoder_name} "
            f"(fingerprint {manifest.encoder_fingerprint}), not the configured one "
            f"(fingerprint {fingerprint}); run `{BUILD_COMMAND}`"
        )
    if manifest.dimension != dimension:
        raise IndexStateError(
            f"{directory}: the vectors have {manifest.dimension} dimensions, the encoder "
            f"makes {dimension}; run `{BUILD_COMMAND}`"
        )
