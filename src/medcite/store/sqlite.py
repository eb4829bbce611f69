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
from pathlib import Path

import msgspec

from medcite.errors import NotFoundError, StoreError
from medcite.records import (
    AbbreviationDefinition,
    AbbreviationSense,
    Deletion,
    Record,
    Sentence,
)
from medcite.sqlitefiles import is_read_only, open_sqlite, sqlite_failures
from medcite.store.model import BatchOutcome, StoreCounts

SCHEMA_VERSION = 2
"""2 added the abbreviations table (a version-1 store gains it; ``index rebuild`` fills it)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    sequence INTEGER NOT NULL,
    document BLOB,
    sentences BLOB
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
_decode_record = msgspec.json.Decoder(Record).decode
_SpanList = list[tuple[int, int, int]]
_decode_spans = msgspec.json.Decoder(_SpanList).decode


class SqliteStore:
    """Records by id, with idempotent upserts, PMID-version ordering and tombstones."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path) -> SqliteStore:
        """Open (creating if needed) the store at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        pragmas = ("synchronous = NORMAL", "busy_timeout = 30000")  # durable across process crashes
        store = cls(open_sqlite(path, _SCHEMA, "the document store", pragmas), path)
        store._check_schema_version()
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
        with sqlite_failures(self.path, "storing records"):
            return self._write_batch(items, sentences, abbreviations)

    def _write_batch(
        self,
        items: Sequence[Record | Deletion],
        sentences: Mapping[str, Sequence[Sentence]],
        abbreviations: Mapping[str, Sequence[AbbreviationDefinition]] | None,
    ) -> BatchOutcome:
        outcome = _OutcomeBuilder()
        try:
            self._db.execute("BEGIN IMMEDIATE")
            sequence = self.sequence()
            for item in items:
                if isinstance(item, Deletion):
                    sequence = self._delete(item.record_id, sequence, outcome)
                else:
                    spans = sentences.get(item.id, ())
                    sequence = self._upsert(item, spans, sequence, outcome)
                    if outcome.latest.get(item.id) is item:
                        self._set_abbreviations(item.id, (abbreviations or {}).get(item.id, ()))
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('sequence', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(sequence),),
            )
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        return outcome.build(sequence)

    def _upsert(
        self, record: Record, spans: Sequence[Sentence], sequence: int, outcome: _OutcomeBuilder
    ) -> int:
        row = self._db.execute(
            "SELECT version, deleted, document FROM records WHERE id = ?", (record.id,)
        ).fetchone()
        document = _encode_record(record)
        if row is not None:
            version, deleted, stored = row
            if record.version < version or (deleted and record.version == version):
                outcome.unchanged += 1  # an older copy, or one NLM has deleted
                return sequence
            if not deleted and record.version == version and stored == document:
                outcome.unchanged += 1
                return sequence
        sequence += 1
        span_blob = msgspec.json.encode([(s.section_index, s.start, s.end) for s in spans])
        self._db.execute(
            "INSERT INTO records (id, version, deleted, sequence, document, sentences)"
            " VALUES (?, ?, 0, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
            " deleted = 0, sequence = excluded.sequence, document = excluded.document,"
            " sentences = excluded.sentences",
            (record.id, record.version, sequence, document, span_blob),
        )
        if row is None or row[1]:
            outcome.added += 1
        else:
            outcome.updated += 1
        outcome.latest[record.id] = record
        return sequence

    def _delete(self, record_id: str, sequence: int, outcome: _OutcomeBuilder) -> int:
        row = self._db.execute("SELECT deleted FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is not None and row[0]:
            return sequence
        sequence += 1
        self._db.execute(
            "INSERT INTO records (id, version, deleted, sequence) VALUES (?, 1, 1, ?)"
            " ON CONFLICT (id) DO UPDATE SET deleted = 1, sequence = excluded.sequence,"
            " document = NULL, sentences = NULL",
            (record_id, sequence),
        )
        if row is not None:
            outcome.deleted += 1
        outcome.latest[record_id] = None
        self._set_abbreviations(record_id, ())
        return sequence

    def _set_abbreviations(
        self, record_id: str, definitions: Sequence[AbbreviationDefinition]
    ) -> None:
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
        ids = list(dict.fromkeys(record_ids))
        found: dict[str, Record] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT id, document FROM records WHERE deleted = 0 AND id IN ({marks})", chunk
            )
            for record_id, document in rows:
                found[record_id] = self._decode(record_id, document)
        return found

    def sentences(self, record: Record) -> tuple[Sentence, ...]:
        """The stored sentences of ``record``, with their text sliced from its sections."""
        row = self._db.execute(
            "SELECT sentences FROM records WHERE id = ? AND deleted = 0", (record.id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no record {record.id!r} in the store")
        spans = _decode_spans(row[0]) if row[0] else []
        return tuple(
            Sentence(
                record_id=record.id,
                section_index=section_index,
                index=index,
                start=start,
                end=end,
                text=record.sections[section_index].text[start:end],
                section_label=record.sections[section_index].label,
            )
            for index, (section_index, start, end) in enumerate(spans)
        )

    def changes_since(self, sequence: int) -> Iterator[tuple[str, Record | None]]:
        """Every record changed after ``sequence``, in order: the record, or None if deleted."""
        rows = self._db.execute(
            "SELECT id, deleted, document FROM records WHERE sequence > ? ORDER BY sequence",
            (sequence,),
        )
        for record_id, deleted, document in rows:
            yield record_id, None if deleted else self._decode(record_id, document)

    def live_records(self) -> Iterator[Record]:
        """Every live record, in id order (for rebuilding the index and exports)."""
        rows = self._db.execute("SELECT id, document FROM records WHERE deleted = 0 ORDER BY id")
        for record_id, document in rows:
            yield self._decode(record_id, document)

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

    def _decode(self, record_id: str, document: bytes) -> Record:
        try:
            return _decode_record(document)
        except msgspec.DecodeError as exc:
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
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        elif int(row[0]) == 1:  # the new table was created above; rebuild fills it
            self._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
            )
        elif int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"store schema version {row[0]}, this medcite reads {SCHEMA_VERSION}",
                path=self.path,
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
