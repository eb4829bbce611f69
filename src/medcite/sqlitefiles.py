"""Opening and writing the SQLite files of a data directory: one way, so every store
behaves alike.

Autocommit mode (transactions are explicit ``BEGIN``/``COMMIT`` where a store needs
them), usable from the web server's worker threads, write-ahead logging so readers never
wait for a writer, and the file's schema created if missing. A failure names the file.

Reading must go on when writing cannot: on a read-only file system, or a disk so full
that SQLite cannot even size its shared-memory file, an existing file is opened
read-only instead (``mode=ro``, else ``immutable=1``, which reads the file as it lies
and so misses changes still in a write-ahead log a crashed writer left behind). Writes
through such a connection fail as :class:`StoreError`, as do writes that find the disk
full (:class:`DiskFullError`) or another process holding the file
(:class:`BusyError`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from medcite.errors import BusyError, DiskFullError, StoreError

_CANNOT_WRITE = ("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN")


def open_sqlite(
    path: Path, schema: str, what: str, pragmas: Sequence[str] = ()
) -> sqlite3.Connection:
    """A connection to ``path`` with ``schema`` applied; ``what`` names it in errors.

    ``pragmas`` ("busy_timeout = 30000") are set after write-ahead logging. An existing
    file that cannot be opened for writing is opened for reading (see the module's doc);
    :func:`is_read_only` tells which.
    """
    try:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode = WAL")
        for pragma in pragmas:
            connection.execute(f"PRAGMA {pragma}")
        connection.executescript(schema)
    except sqlite3.Error as exc:
        if path.is_file() and _errorname(exc).startswith(_CANNOT_WRITE):
            return _open_for_reading(path, what, pragmas)
        raise sqlite_error(exc, path, f"cannot open {what}") from exc
    return connection


def _open_for_reading(path: Path, what: str, pragmas: Sequence[str]) -> sqlite3.Connection:
    failure: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?{mode}",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
            connection.execute("PRAGMA query_only = ON")
            for pragma in pragmas:
                if pragma.startswith("busy_timeout"):
                    connection.execute(f"PRAGMA {pragma}")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            failure = exc
            continue
        return connection
    assert failure is not None
    raise sqlite_error(failure, path, f"cannot open {what}") from failure


IN_CHUNK = 500
"""Keys per ``IN (...)`` query: well under SQLite's limit on bound parameters."""


def in_chunks(keys: Iterable[str]) -> Iterator[tuple[list[str], str]]:
    """The distinct ``keys`` in chunks of at most ``IN_CHUNK``, each with its placeholders
    (``"?,?,?"``) for an ``IN (...)`` clause."""
    distinct = list(dict.fromkeys(keys))
    for start in range(0, len(distinct), IN_CHUNK):
        chunk = distinct[start : start + IN_CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def is_read_only(connection: sqlite3.Connection) -> bool:
    """True for a connection :func:`open_sqlite` opened for reading only."""
    return bool(connection.execute("PRAGMA query_only").fetchone()[0])


@contextmanager
def sqlite_failures(path: Path, doing: str) -> Iterator[None]:
    """Turn a SQLite failure while ``doing`` something to ``path`` into medcite's error."""
    try:
        yield
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path, doing) from exc


def sqlite_error(exc: sqlite3.Error, path: Path, doing: str) -> StoreError | BusyError:
    """The medcite error for a SQLite failure: a full disk, a read-only file, another
    process holding the file, or anything else, each naming ``path``."""
    name = _errorname(exc)
    cannot_write = name.startswith(_CANNOT_WRITE)
    if name == "SQLITE_FULL" or (cannot_write and _disk_full(path)):
        return DiskFullError(f"{doing}: no space left on device ({exc})", path=path)
    if name.startswith("SQLITE_READONLY") or (name == "SQLITE_CANTOPEN" and _read_only(path)):
        return StoreError(f"{doing}: the file is read-only ({exc})", path=path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return BusyError(
            f"{doing}: another medcite process holds this file; try again when it is done",
            path=path,
        )
    return StoreError(f"{doing}: {exc}", path=path)


def _errorname(exc: sqlite3.Error) -> str:
    return str(getattr(exc, "sqlite_errorname", ""))


def _disk_full(path: Path) -> bool:
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except OSError:
        return False


def _read_only(path: Path) -> bool:
    return not os.access(path.parent, os.W_OK)
