"""Opening the SQLite files of a data directory: one way, so every store behaves alike.

Autocommit mode (transactions are explicit ``BEGIN``/``COMMIT`` where a store needs
them), usable from the web server's worker threads, write-ahead logging so readers never
wait for a writer, and the file's schema created if missing. A failure names the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from medcite.errors import StoreError


def open_sqlite(
    path: Path, schema: str, what: str, pragmas: Sequence[str] = ()
) -> sqlite3.Connection:
    """A connection to ``path`` with ``schema`` applied; ``what`` names it in errors.

    ``pragmas`` ("busy_timeout = 30000") are set after write-ahead logging.
    """
    try:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode = WAL")
        for pragma in pragmas:
            connection.execute(f"PRAGMA {pragma}")
        connection.executescript(schema)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open {what}: {exc}") from exc
    return connection
