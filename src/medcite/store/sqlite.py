"""The embedded document store: records and their sentence spans in one SQLite file.

Why SQLite: one file in the data directory, no server, transactions that survive a
``kill -9`` (WAL journal), and fast enough to write thousands of records per second.

Every change (add, replace, delete) takes the next value of a store-wide *sequence*,
kept in the same transaction as the change. The index records the sequence it has
applied up to, so after an interrupted run the engine replays exactly what the index
missed (:meth:`SqliteStore.changes_since`) — one mechanism for normal runs and recovery.

Deleted records stay as tombstones (``deleted = 1``, no document) so that a deletion
also reaches the index, and so an older copy read again later cannot resurrect them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import msgspec
import zstandard

from medcite.errors import NotFoundError, StoreError
from medcite.records import (
    AbbreviationDefinition,
    AbbreviationSense,
    BatchOutcome,
    Deletion,
    PreparedRecord,
    Record,
    Sentence,
)
from medcite.sqlitefiles import in_chunks, is_read_only, open_sqlite, sqlite_failures
from medcite.store.codec import (
    FIRST_DICTIONARY,
    TRAIN_AFTER,
    ZSTD,
    DocumentCodec,
    train_dictionary,
)
from medcite.store.model import StoreCounts

SCHEMA_VERSION = 3
"""2 added the abbreviations table (a version-1 store gains it; ``index rebuild`` fills it);
3 compressed documents (``codec.py``): older rows stay readable as plain JSON (codec 0)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    sequence INTEGER NOT NULL,
    document BLOB,
    sentences BLOB,
    codec INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS dictionaries (codec INTEGER PRIMARY KEY, dictionary BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS applied_files (
    name TEXT PRIMARY KEY,
    md5 TEXT NOT NULL,
    slice TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_sequence ON records (sequence);
CREATE TABLE IF NOT EXISTS abbreviations (
    record_id TEXT NOT NULL,
    short_form TEXT NOT NULL,
    long_form TEXT NOT NULL,
    long_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS abbreviations_by_record ON abbreviations (record_id);
CREATE INDEX IF NOT EXISTS abbreviations_by_short_form ON abbreviations (short_form);
CREATE INDEX IF NOT EXISTS abbreviations_by_long_key ON abbreviations (long_key);
"""

_encode_record = msgspec.json.Encoder().encode
_FULL_TEXT_MARK = b'"part":"body"'
"""How a body section of a full text appears in a stored record's JSON."""
_decode_record = msgspec.json.Decoder(Record).decode
_SpanList = list[tuple[int, int, int]]
_decode_spans = msgspec.json.Decoder(_SpanList).decode


class SqliteStore:
    """Records by id, with idempotent upserts, PMID-version ordering and tombstones."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._codec = DocumentCodec({})

    @classmethod
    def open(cls, path: Path) -> SqliteStore:
        """Open (creating if needed) the store at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        pragmas = ("synchronous = NORMAL", "busy_timeout = 30000")  # durable across process crashes
        store = cls(open_sqlite(path, _SCHEMA, "the document store", pragmas), path)
        store._check_schema_version()
        store._codec = DocumentCodec(store._dictionaries())
        return store

    def close(self) -> None:
        """Close the connection; the store can be reopened later."""
        self._db.close()

    def write_batch(
        self,
        items: Sequence[Record | Deletion],
        sentences: Mapping[str, Sequence[Sentence]],
        abbreviations: Mapping[str, Sequence[AbbreviationDefinition]] | None = None,
    ) -> BatchOutcome:
        """Apply a batch of upserts and deletions in one transaction: all of it or none.

        ``sentences`` maps record ids to their sentences; only spans are stored, since the
        text is a slice of the record's section. ``abbreviations`` maps record ids to the
        short forms each defines, the rows of the corpus's table of senses.
        """
        found = abbreviations or {}
        return self.write_prepared(
            [
                item
                if isinstance(item, Deletion)
                else PreparedRecord(
                    item,
                    tuple((s.section_index, s.start, s.end) for s in sentences.get(item.id, ())),
                    tuple(found.get(item.id, ())),
                )
                for item in items
            ]
        )

    def write_prepared(self, items: Sequence[PreparedRecord | Deletion]) -> BatchOutcome:
        """Apply a batch of prepared records and deletions in one transaction: all or none."""
        with sqlite_failures(self.path, "storing records"):
            return self._write_prepared(items)

    def _write_prepared(self, items: Sequence[PreparedRecord | Deletion]) -> BatchOutcome:
        outcome = _OutcomeBuilder()
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._train_dictionary_if_due()
            sequence = self.sequence()
            rows = self._rows_of(
                item.record_id if isinstance(item, Deletion) else item.record.id for item in items
            )
            for item in items:
                if isinstance(item, Deletion):
                    sequence = self._delete(item.record_id, sequence, rows, outcome)
                else:
                    sequence = self._upsert(item, sequence, rows, outcome)
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('sequence', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(sequence),),
            )
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._codec = DocumentCodec(self._dictionaries())  # as the store still is
            raise
        return outcome.build(sequence)

    def _rows_of(self, record_ids: Iterable[str]) -> dict[str, _Row]:
        """The stored state of these ids (one query per 500), updated as the batch writes."""
        rows: dict[str, _Row] = {}
        for chunk, marks in in_chunks(record_ids):
            for record_id, version, deleted, codec, document in self._db.execute(
                f"SELECT id, version, deleted, codec, document FROM records WHERE id IN ({marks})",
                chunk,
            ):
                rows[record_id] = _Row(version, bool(deleted), codec, document)
        return rows

    def _upsert(
        self,
        item: PreparedRecord,
        sequence: int,
        rows: dict[str, _Row],
        outcome: _OutcomeBuilder,
    ) -> int:
        record = item.record
        row = rows.get(record.id)
        document = _encode_record(record)
        if row is not None:
            if record.version < row.version or (row.deleted and record.version == row.version):
                outcome.unchanged += 1  # an older copy, or one NLM has deleted
                return sequence
            if (
                not row.deleted
                and record.version == row.version
                and self._codec.decode(row.codec, row.document or b"") == document
            ):
                outcome.unchanged += 1
                return sequence
        sequence += 1
        stored = self._codec.encode(document)
        self._db.execute(
            "INSERT INTO records (id, version, deleted, sequence, codec, document, sentences)"
            " VALUES (?, ?, 0, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " version = excluded.version, deleted = 0, sequence = excluded.sequence,"
            " codec = excluded.codec, document = excluded.document,"
            " sentences = excluded.sentences",
            (record.id, record.version, sequence, self._codec.current, stored, _spans(item)),
        )
        rows[record.id] = _Row(record.version, False, self._codec.current, stored)
        if row is None or row.deleted:
            outcome.added += 1
        else:
            outcome.updated += 1
        outcome.latest[record.id] = record
        # A new id has no definitions to replace; a tombstone lost its own when deleted.
        self._set_abbreviations(record.id, item.abbreviations, replace=row is not None)
        return sequence

    def _delete(
        self, record_id: str, sequence: int, rows: dict[str, _Row], outcome: _OutcomeBuilder
    ) -> int:
        row = rows.get(record_id)
        if row is not None and row.deleted:
            return sequence
        sequence += 1
        self._db.execute(
            "INSERT INTO records (id, version, deleted, sequence) VALUES (?, 1, 1, ?)"
            " ON CONFLICT (id) DO UPDATE SET deleted = 1, sequence = excluded.sequence,"
            " document = NULL, sentences = NULL",
            (record_id, sequence),
        )
        rows[record_id] = _Row(row.version if row is not None else 1, True, 0, None)
        if row is not None:
            outcome.deleted += 1
        outcome.latest[record_id] = None
        if row is not None:
            self._set_abbreviations(record_id, ())
        return sequence

    def _train_dictionary_if_due(self) -> None:
        """Train the store's dictionary once it holds enough records compressed without one."""
        if self._codec.has_dictionary:
            return
        rows = self._db.execute(
            "SELECT codec, document FROM records WHERE deleted = 0 AND codec = ?"
            " ORDER BY sequence LIMIT ?",
            (ZSTD, TRAIN_AFTER),
        ).fetchall()
        if len(rows) < TRAIN_AFTER:
            return
        dictionary = train_dictionary([self._codec.decode(codec, blob) for codec, blob in rows])
        self._db.execute(
            "INSERT INTO dictionaries (codec, dictionary) VALUES (?, ?)",
            (FIRST_DICTIONARY, dictionary),
        )
        self._codec.add_dictionary(FIRST_DICTIONARY, dictionary)

    def applied_files(self) -> dict[str, tuple[str, str]]:
        """The NLM files applied so far: name → (MD5, slice they were applied under)."""
        rows = self._db.execute("SELECT name, md5, slice FROM applied_files ORDER BY name")
        return {name: (md5, applied_slice) for name, md5, applied_slice in rows}

    def record_applied(self, name: str, md5: str, applied_slice: str) -> None:
        """Note that NLM file ``name`` (with this MD5) is applied, at the current sequence."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO applied_files (name, md5, slice, sequence, applied_at)"
                " VALUES (?, ?, ?, ?, datetime('now'))",
                (name, md5, applied_slice, self.sequence()),
            )

    def _dictionaries(self) -> dict[int, bytes]:
        return dict(self._db.execute("SELECT codec, dictionary FROM dictionaries"))

    def _set_abbreviations(
        self,
        record_id: str,
        definitions: Sequence[AbbreviationDefinition],
        *,
        replace: bool = True,
    ) -> None:
        if replace:
            self._db.execute("DELETE FROM abbreviations WHERE record_id = ?", (record_id,))
        self._db.executemany(
            "INSERT INTO abbreviations (record_id, short_form, long_form, long_key)"
            " VALUES (?, ?, ?, ?)",
            ((record_id, d.short_form, d.long_form, d.key) for d in definitions),
        )

    def replace_abbreviations(
        self, definitions: Mapping[str, Sequence[AbbreviationDefinition]]
    ) -> None:
        """Set the definitions of already stored records (a rebuild recomputing them)."""
        with sqlite_failures(self.path, "storing abbreviations"), self._transaction():
            for record_id, found in definitions.items():
                self._set_abbreviations(record_id, found)

    def abbreviation_senses(self, short_form: str) -> tuple[AbbreviationSense, ...]:
        """The senses the corpus gives ``short_form`` (exact case), most frequent first.

        Each sense is one canonical long form, shown in its most common spelling.
        """
        rows = self._db.execute(
            "SELECT long_key, long_form, COUNT(*) FROM abbreviations WHERE short_form = ?"
            " GROUP BY long_key, long_form",
            (short_form,),
        ).fetchall()
        return tuple(
            AbbreviationSense(short_form, long_form, count)
            for _, long_form, count in _commonest_spellings(rows)
        )

    def abbreviations_of(self, long_keys: Iterable[str]) -> tuple[AbbreviationSense, ...]:
        """The short forms the corpus defines for any of ``long_keys``, most frequent first."""
        keys = list(dict.fromkeys(long_keys))
        if not keys:
            return ()
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            "SELECT short_form, long_form, COUNT(*) FROM abbreviations"
            f" WHERE long_key IN ({marks}) GROUP BY short_form, long_form",
            keys,
        ).fetchall()
        return tuple(
            AbbreviationSense(short, long_form, count)
            for short, long_form, count in _commonest_spellings(rows)
        )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def get(self, record_id: str) -> Record:
        """The stored record with this id; NotFoundError when absent or deleted."""
        found = self.get_many((record_id,))
        if record_id not in found:
            raise NotFoundError(f"no record {record_id!r} in the store")
        return found[record_id]

    def get_many(self, record_ids: Iterable[str]) -> dict[str, Record]:
        """The live records among ``record_ids``, keyed by id (absent ids are left out)."""
        found: dict[str, Record] = {}
        for chunk, marks in in_chunks(record_ids):
            rows = self._db.execute(
                f"SELECT id, codec, document FROM records WHERE deleted = 0 AND id IN ({marks})",
                chunk,
            )
            for record_id, codec, document in rows:
                found[record_id] = self._decode(record_id, codec, document)
        return found

    def holding_full_text(self, record_ids: Iterable[str]) -> set[str]:
        """The ids among ``record_ids`` whose stored record carries a full text (body parts).

        Looked for in the stored JSON itself (``"part":"body"``, as msgspec writes a
        section of the body) once decompressed, so no record is parsed.
        """
        found: set[str] = set()
        for chunk, marks in in_chunks(record_ids):
            rows = self._db.execute(
                f"SELECT id, codec, document FROM records WHERE deleted = 0 AND id IN ({marks})",
                chunk,
            )
            found.update(
                record_id
                for record_id, codec, document in rows
                if _FULL_TEXT_MARK in self._codec.decode(codec, document or b"")
            )
        return found

    def sentences(self, record: Record) -> tuple[Sentence, ...]:
        """The stored sentences of ``record``, with their text sliced from its sections."""
        row = self._db.execute(
            "SELECT sentences FROM records WHERE id = ? AND deleted = 0", (record.id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no record {record.id!r} in the store")
        spans = _decode_spans(row[0]) if row[0] else []
        sections = record.sections
        return tuple(
            Sentence(
                record_id=record.id,
                section_index=section_index,
                index=index,
                start=start,
                end=end,
                text=sections[section_index].text[start:end],
                section_label=sections[section_index].label,
                section_path=sections[section_index].path,
                page=sections[section_index].page_at(start),
            )
            for index, (section_index, start, end) in enumerate(spans)
        )

    def changes_since(self, sequence: int) -> Iterator[tuple[str, Record | None]]:
        """Every record changed after ``sequence``, in order: the record, or None if deleted."""
        rows = self._db.execute(
            "SELECT id, deleted, codec, document FROM records WHERE sequence > ? ORDER BY sequence",
            (sequence,),
        )
        for record_id, deleted, codec, document in rows:
            yield record_id, None if deleted else self._decode(record_id, codec, document)

    def live_records(self) -> Iterator[Record]:
        """Every live record, in id order (for rebuilding the index and exports)."""
        rows = self._db.execute(
            "SELECT id, codec, document FROM records WHERE deleted = 0 ORDER BY id"
        )
        for record_id, codec, document in rows:
            yield self._decode(record_id, codec, document)

    def sequence(self) -> int:
        """The store's change counter: the sequence of the latest change."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'sequence'").fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> StoreCounts:
        """How many live and deleted records the store holds, and its sequence."""
        live, deleted = self._db.execute(
            "SELECT COALESCE(SUM(deleted = 0), 0), COALESCE(SUM(deleted = 1), 0) FROM records"
        ).fetchone()
        return StoreCounts(records=live, deleted=deleted, sequence=self.sequence())

    def _decode(self, record_id: str, codec: int, document: bytes) -> Record:
        try:
            return _decode_record(self._codec.decode(codec, document))
        except (msgspec.DecodeError, zstandard.ZstdError, KeyError) as exc:
            raise StoreError(
                f"stored record {record_id!r} is unreadable: {exc}", path=self.path
            ) from exc

    @property
    def read_only(self) -> bool:
        """True when the store could only be opened for reading (a read-only or full disk)."""
        return is_read_only(self._db)

    def _check_schema_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if self.read_only:
            if row is not None and int(row[0]) not in (1, SCHEMA_VERSION):
                raise StoreError(
                    f"store schema version {row[0]}, this medcite reads {SCHEMA_VERSION}",
                    path=self.path,
                )
            return
        if row is None:
            self._set_schema_version()
            return
        found = int(row[0])
        if found in (1, 2):  # new tables were created above; rebuild fills the abbreviations
            columns = {column[1] for column in self._db.execute("PRAGMA table_info(records)")}
            if "codec" not in columns:
                self._db.execute("ALTER TABLE records ADD COLUMN codec INTEGER NOT NULL DEFAULT 0")
            self._set_schema_version()
        elif found != SCHEMA_VERSION:
            raise StoreError(
                f"store schema version {found}, this medcite reads {SCHEMA_VERSION}",
                path=self.path,
            )

    def _set_schema_version(self) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(SCHEMA_VERSION),),
        )


def _commonest_spellings(rows: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """(group, spelling, count) rows → one row per group: its commonest spelling and total.

    Groups come out most frequent first.
    """
    totals: dict[str, int] = {}
    spelling: dict[str, tuple[int, str]] = {}
    for group, text, count in rows:
        totals[group] = totals.get(group, 0) + count
        spelling[group] = max(spelling.get(group, (0, "")), (count, text))
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    return [(group, spelling[group][1], total) for group, total in ranked]


@dataclass(slots=True)
class _Row:
    """A stored row as a batch sees it: version, tombstone, and the document as stored."""

    version: int
    deleted: bool
    codec: int
    document: bytes | None


def _spans(item: PreparedRecord) -> bytes:
    return msgspec.json.encode(item.spans)


class _OutcomeBuilder:
    """Counts and changes gathered while one batch is written."""

    def __init__(self) -> None:
        self.added = self.updated = self.unchanged = self.deleted = 0
        # The last state of each id changed in the batch: a record, or None once deleted,
        # so an id deleted and re-added within one batch ends up as it ends in the store.
        self.latest: dict[str, Record | None] = {}

    def build(self, sequence: int) -> BatchOutcome:
        return BatchOutcome(
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            deleted=self.deleted,
            sequence=sequence,
            changed=tuple(record for record in self.latest.values() if record is not None),
            removed=tuple(record_id for record_id, rec in self.latest.items() if rec is None),
        )
