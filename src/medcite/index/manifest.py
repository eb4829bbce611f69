"""The index manifest: what an index directory holds and which settings built it.

An index directory describes itself (bm25s keeps ``params.index.json`` beside its
arrays for the same reason): opening one built by another version of medcite, or
with other field boosts, must fail loudly rather than rank with the wrong weights.
``store_sequence`` records how far into the store's change log the index has been
brought, so the engine can replay what an interrupted ingest run did not index.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from medcite.errors import IndexDamagedError, IndexStateError, storage_error
from medcite.settings import IndexSettings, settings_digest

FORMAT_VERSION = 2
"""Bump when the schema or the way documents are built changes: old indexes are refused.

2 added MeSH descriptor ids, major-topic ids and publication types as fields.
"""

MANIFEST_FILE_NAME = "manifest.json"
REBUILD_COMMAND = "medcite index rebuild"


@dataclass(frozen=True, slots=True)
class IndexManifest:
    """The self-description written to ``manifest.json`` after every commit."""

    format_version: int
    settings_hash: str
    record_count: int
    store_sequence: int
    snapshot_id: str
    created_at: str
    updated_at: str


def index_settings_hash(settings: IndexSettings) -> str:
    """A short stable hash of the settings that shape the index (boosts, not writer memory):
    ``medcite.settings.settings_digest``, the one recipe."""
    return settings_digest(settings, "index")


def new_manifest(settings: IndexSettings) -> IndexManifest:
    """The manifest of an empty index built with ``settings``."""
    now = _utc_now()
    return IndexManifest(
        format_version=FORMAT_VERSION,
        settings_hash=index_settings_hash(settings),
        record_count=0,
        store_sequence=0,
        snapshot_id=_snapshot_id(now, 0),
        created_at=now.isoformat(),
        updated_at=now.isoformat(),
    )


def committed_manifest(
    previous: IndexManifest, *, record_count: int, store_sequence: int, opstamp: int
) -> IndexManifest:
    """The manifest after a commit: new counts, a new snapshot id, a new update time."""
    now = _utc_now()
    return replace(
        previous,
        record_count=record_count,
        store_sequence=store_sequence,
        snapshot_id=_snapshot_id(now, opstamp),
        updated_at=now.isoformat(),
    )


def read_manifest(directory: Path) -> IndexManifest | None:
    """The manifest in ``directory``, or None when there is none; unreadable ones raise."""
    path = directory / MANIFEST_FILE_NAME
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexStateError(f"cannot read the index manifest: {exc}", path=path) from exc
    try:
        return msgspec.json.decode(payload, type=IndexManifest)
    except msgspec.DecodeError as exc:
        raise IndexDamagedError(
            f"the index manifest is damaged ({exc}); run `{REBUILD_COMMAND}`", path=path
        ) from exc


def write_manifest(directory: Path, manifest: IndexManifest) -> None:
    """Write the manifest atomically (temporary file, then ``os.replace``)."""
    path = directory / MANIFEST_FILE_NAME
    temporary = path.with_name(f".{MANIFEST_FILE_NAME}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(msgspec.json.format(msgspec.json.encode(manifest)))
            handle.flush()
            os.fsync(handle.fileno())  # the new manifest is on disk before it replaces the old
        temporary.replace(path)  # os.replace: atomic, so readers see the old or the new file
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise storage_error(exc, path, "writing the index manifest") from exc


def check_manifest(manifest: IndexManifest, settings: IndexSettings, directory: Path) -> None:
    """Refuse an index built by another format version or with other settings."""
    if manifest.format_version != FORMAT_VERSION:
        raise IndexStateError(
            f"the index has format version {manifest.format_version}, this "
            f"medcite reads version {FORMAT_VERSION}; run `{REBUILD_COMMAND}`",
            path=directory,
        )
    expected = index_settings_hash(settings)
    if manifest.settings_hash != expected:
        raise IndexStateError(
            f"the index was built with other index settings (hash "
            f"{manifest.settings_hash}, current {expected}); run `{REBUILD_COMMAND}`",
            path=directory,
        )


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _snapshot_id(moment: datetime, opstamp: int) -> str:
    """``<UTC time to the microsecond>-<tantivy opstamp>``: unique per commit, sortable."""
    return f"{moment:%Y%m%dT%H%M%S%fZ}-{opstamp}"
