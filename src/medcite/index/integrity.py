"""Is the index whole? Its files checked against tantivy's own checksums, and tantivy's
failures turned into medcite's errors.

Every file tantivy writes for a segment ends with a footer: a JSON object holding the
CRC-32 of everything before it, the footer's length (u32, little endian) and the magic
number 1337 (tantivy ``common::file_slice`` / ``directory::footer``). Checking that the
files ``meta.json`` lists exist and end in a well-formed footer costs one small read
per file and runs on every open; checking every CRC reads the whole index and runs in
``medcite check`` and ``medcite stats``.

tantivy reports a damaged file at search time in two ways: a ``ValueError`` ("Deserialize
error", "failed to fill whole buffer"), or a Rust panic surfacing as
``pyo3_runtime.PanicException``, which derives from ``BaseException`` so that no ``except
Exception`` catches it. :func:`tantivy_failures` catches both and names the repair.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from medcite.errors import BusyError, DiskFullError, IndexDamagedError, StoreError

REBUILD = "medcite index rebuild"
VERIFIED_FILE = "verified.json"
FOOTER_MAGIC = 1337
_TAIL = 8  # footer length (u32) + magic (u32)
_SEGMENT_FILES = ("idx", "pos", "term", "store", "fast", "fieldnorm")
_CHUNK = 1 << 20


def damaged(directory: Path, why: str) -> IndexDamagedError:
    """The error for a damaged index in ``directory``."""
    return IndexDamagedError(f"the index is damaged ({why}); run `{REBUILD}`", path=directory)


def segment_files(directory: Path) -> list[Path]:
    """The files of every segment ``meta.json`` lists (those that exist: tantivy writes a
    file per field kind only when a segment holds that kind)."""
    meta = directory / "meta.json"
    try:
        segments = json.loads(meta.read_bytes())["segments"]
        ids = [str(segment["segment_id"]).replace("-", "") for segment in segments]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise damaged(directory, f"meta.json is unreadable: {exc}") from exc
    files = []
    for segment_id in ids:
        found = [directory / f"{segment_id}.{suffix}" for suffix in _SEGMENT_FILES]
        present = [path for path in found if path.is_file()]
        if not present:
            raise damaged(directory, f"segment {segment_id} listed in meta.json is missing")
        files.extend(present)
        files.extend(sorted(directory.glob(f"{segment_id}.*.del")))
    return files


def check_checksums(directory: Path) -> int:
    """Every segment file's CRC-32 matches its footer; returns the bytes checked."""
    return sum(_check_crc(path) for path in segment_files(directory))


def check_new_files(directory: Path) -> None:
    """Check the CRC of every segment file not checked before in its present state, and
    remember those that pass (when the directory is writable)."""
    verified = _read_verified(directory)
    fresh: dict[str, list[int]] = {}
    for path in segment_files(directory):
        state = _state(path)
        if verified.get(path.name) != state:
            _check_crc(path)
        fresh[path.name] = state
    if fresh != verified and os.access(directory, os.W_OK):
        temporary = directory / f".{VERIFIED_FILE}.tmp"
        with suppress(OSError):  # only a cache: a full disk means checking again next time
            temporary.write_text(json.dumps(fresh))
            temporary.replace(directory / VERIFIED_FILE)


def _read_verified(directory: Path) -> dict[str, list[int]]:
    try:
        found = json.loads((directory / VERIFIED_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _state(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def _check_crc(path: Path) -> int:
    """Raise unless ``path`` matches the CRC in its footer; returns the bytes checked."""
    expected, body_length = _footer(path)
    crc = 0
    with path.open("rb") as handle:
        remaining = body_length
        while remaining > 0:
            chunk = handle.read(min(_CHUNK, remaining))
            if not chunk:
                break
            crc = zlib.crc32(chunk, crc)
            remaining -= len(chunk)
    if crc != expected:
        raise damaged(path.parent, f"{path.name} fails its checksum")
    return body_length


def _footer(path: Path) -> tuple[int, int]:
    """(the CRC-32 the footer records, the length of the data it covers)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            if size < _TAIL:
                raise ValueError("shorter than a footer")
            handle.seek(size - _TAIL)
            length, magic = struct.unpack("<II", handle.read(_TAIL))
            if magic != FOOTER_MAGIC or length > size - _TAIL:
                raise ValueError("no tantivy footer at its end")
            handle.seek(size - _TAIL - length)
            footer = json.loads(handle.read(length))
        return int(footer["crc"]), size - _TAIL - length
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise damaged(path.parent, f"{path.name}: {exc}") from exc


@contextmanager
def tantivy_failures(directory: Path, doing: str) -> Iterator[None]:
    """Turn what tantivy raises while ``doing`` something into the error that says what
    to do: a full disk (exit 8), a read-only one, another writer (exit 13), a damaged
    index (exit 9, rebuild)."""
    try:
        yield
    except (ValueError, OSError) as exc:
        raise classify(directory, doing, str(exc)) from exc
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise damaged(directory, f"{doing} failed: {exc}") from exc


def classify(directory: Path, doing: str, cause: str) -> Exception:
    """The medcite error for tantivy's failure message ``cause``."""
    lowered = cause.lower()
    if "no space left" in lowered or "os error 28" in lowered or "disk quota" in lowered:
        return DiskFullError(f"{doing}: no space left on device ({cause})", path=directory)
    if "read-only file system" in lowered or "os error 30" in lowered:
        return StoreError(f"{doing}: the index is on a read-only file system", path=directory)
    if "lockbusy" in lowered or "already an `indexwriter`" in lowered:
        return BusyError(
            f"{doing}: another medcite process is writing to this index; try again when it is done",
            path=directory,
        )
    if "permission denied" in lowered or "os error 13" in lowered:
        return StoreError(f"{doing}: permission denied ({cause})", path=directory)
    return damaged(directory, f"{doing} failed: {cause}")
