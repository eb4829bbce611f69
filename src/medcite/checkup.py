"""``medcite check``: is everything in the data directory whole? Like SQLite's ``PRAGMA
integrity_check``, for the whole data directory.

Read-only from start to end (every file is opened for reading), so it is safe beside a
running server and on a read-only copy. It checks:

- each SQLite file (the store, the vocabularies, the conversations, the database of
  users and reviews when it is a SQLite file): ``PRAGMA integrity_check``;
- the index: its manifest matches the settings, every segment file is there and matches
  the CRC-32 tantivy recorded in its footer, it holds as many documents as its manifest
  says, and, when it is in step with the store, as many as the store has live records;
- the vocabularies: each import holds the number of concepts recorded when it was
  imported, and a source file still where it was imported from has the same SHA-256.

The result is a list of findings; the CLI prints them and exits with the code of the
first problem (8 for a store, 9 for the index).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from medcite.db import SQLITE_FILE as DATABASE_FILE
from medcite.engine import CONVERSATIONS_FILE, INDEX_DIR, STORE_FILE, VOCABULARY_FILE
from medcite.errors import IndexStateError, MedciteError, StoreError
from medcite.index import LexicalIndex
from medcite.settings import Settings
from medcite.store import StoreCounts


@dataclass(frozen=True, slots=True)
class Finding:
    """What one check found: ``problem`` is None when all is well."""

    subject: str
    summary: str
    problem: MedciteError | None = None

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return self.problem is None


def check_data_dir(settings: Settings) -> list[Finding]:
    """Every check, in order: SQLite files, then the index, then the vocabularies."""
    data_dir = settings.data_dir
    vocab_dir = settings.vocab.path(data_dir)
    sqlite_files = [
        data_dir / STORE_FILE,
        vocab_dir / VOCABULARY_FILE,
        data_dir / CONVERSATIONS_FILE,
    ]
    if not settings.database.url:
        sqlite_files.append(data_dir / DATABASE_FILE)
    findings = [_sqlite_integrity(path) for path in sqlite_files if path.is_file()]
    if (data_dir / STORE_FILE).is_file():
        findings.append(_index(settings))
    if (vocab_dir / VOCABULARY_FILE).is_file():
        findings.extend(_vocabularies(vocab_dir / VOCABULARY_FILE))
    return findings


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_integrity(path: Path) -> Finding:
    try:
        connection = _read_only(path)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return Finding(path.name, "unreadable", StoreError(f"cannot check: {exc}", path=path))
    if rows == ["ok"]:
        return Finding(path.name, "ok")
    shown = "; ".join(rows[:5])
    return Finding(path.name, "damaged", StoreError(f"integrity check failed: {shown}", path=path))


def _index(settings: Settings) -> Finding:
    directory = settings.data_dir / INDEX_DIR
    try:
        index = LexicalIndex.open(directory, settings.index)
        index.verify()
        live, sequence = _store_counts(settings.data_dir / STORE_FILE)
    except (IndexStateError, StoreError) as exc:
        return Finding("index", "damaged or unusable", exc)
    manifest = index.manifest
    documents = index.document_count()
    if manifest.store_sequence == sequence and documents != live:
        problem = IndexStateError(
            f"the index holds {documents} records, the store {live}; run `medcite index rebuild`",
            path=directory,
        )
        return Finding("index", "out of step", problem)
    behind = sequence - manifest.store_sequence
    note = f", {behind} change(s) behind the store" if behind > 0 else ""
    return Finding("index", f"ok ({documents} documents, checksums match{note})")


def store_counts(settings: Settings) -> StoreCounts:
    """The store's counts, read without opening the index (for ``stats`` when the index
    cannot be opened)."""
    path = settings.data_dir / STORE_FILE
    if not path.is_file():
        return StoreCounts(records=0, deleted=0, sequence=0)
    try:
        connection = _read_only(path)
        try:
            live, deleted = connection.execute(
                "SELECT COALESCE(SUM(deleted = 0), 0), COALESCE(SUM(deleted = 1), 0) FROM records"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the record counts: {exc}", path=path) from exc
    return StoreCounts(records=live, deleted=deleted, sequence=_store_counts(path)[1])


def _store_counts(path: Path) -> tuple[int, int]:
    try:
        connection = _read_only(path)
        try:
            (live,) = connection.execute(
                "SELECT count(*) FROM records WHERE deleted = 0"
            ).fetchone()
            row = connection.execute("SELECT value FROM meta WHERE key = 'sequence'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the record counts: {exc}", path=path) from exc
    return int(live), int(row[0]) if row else 0


def _vocabularies(path: Path) -> list[Finding]:
    try:
        connection = _read_only(path)
        try:
            imports = connection.execute(
                "SELECT vocabulary, source, sha256, concepts FROM imports ORDER BY vocabulary"
            ).fetchall()
            counts = dict(
                connection.execute("SELECT vocabulary, count(*) FROM concepts GROUP BY vocabulary")
            )
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return [Finding("vocabularies", "unreadable", StoreError(f"{exc}", path=path))]
    findings = []
    for vocabulary, source, sha256, expected in imports:
        held = counts.get(vocabulary, 0)
        if held != expected:
            problem = StoreError(
                f"{vocabulary} holds {held} concepts, {expected} were imported; import "
                f"{source} again",
                path=path,
            )
            findings.append(Finding(vocabulary, "incomplete", problem))
            continue
        source_path = Path(source)
        same = "source not at hand"
        if source_path.is_file():
            same = "source unchanged" if _sha256(source_path) == sha256 else "source changed"
        findings.append(Finding(vocabulary, f"ok ({held} concepts, {same})"))
    return findings


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
