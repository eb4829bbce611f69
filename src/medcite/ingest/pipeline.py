"""Feeding the store and the indexes derived from it, in atomic batches and in order.

One loop serves every way records arrive (files read by worker processes, E-utilities,
records built in memory): each batch of ``batch_size`` items is one store transaction,
and every index derived from the store (the lexical index, the optional vector index)
applies exactly what the batch changed. Indexes commit more coarsely, every
``index_commit_records`` items and at the end, each commit naming the store sequence
it reached; a run killed between the two commits is made good by :func:`catch_up`,
which replays the store's changes since that sequence — the same mechanism for normal
runs and for recovery, for every derived index alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Protocol, TypeVar

from medcite.records import (
    BatchOutcome,
    Deletion,
    IngestSummary,
    PreparedRecord,
    Record,
    Rejection,
)

Progress = Callable[[int], None]
_T = TypeVar("_T")


class RecordStore(Protocol):
    """What ingestion needs of the store: atomic batches and its change sequence."""

    def write_prepared(self, items: Sequence[PreparedRecord | Deletion]) -> BatchOutcome: ...

    def sequence(self) -> int: ...


class DerivedIndex(Protocol):
    """An open update of an index derived from the store (lexical, vectors)."""

    def upsert(self, records: Iterable[Record]) -> None: ...

    def delete(self, record_ids: Iterable[str]) -> None: ...

    def commit(self, store_sequence: int) -> None: ...


def store_and_index(
    items: Iterable[PreparedRecord | Deletion | Rejection],
    store: RecordStore,
    indexes: Sequence[DerivedIndex],
    *,
    batch_size: int,
    commit_records: int,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store ``items`` in atomic batches and apply each batch's changes to ``indexes``.

    Rejections are counted and kept, never raised. Each index commits every
    ``commit_records`` items and at the end with the store sequence reached.
    """
    totals = _Totals()
    uncommitted = 0
    for batch in batched(items, batch_size):
        outcome = store.write_prepared(totals.sort_out(batch))
        for index in indexes:
            index.upsert(outcome.changed)
            index.delete(outcome.removed)
        uncommitted += len(batch)
        if uncommitted >= commit_records:
            for index in indexes:
                index.commit(outcome.sequence)
            uncommitted = 0
        totals.add(outcome)
        if progress is not None:
            progress(len(batch))
    final = store.sequence()
    for index in indexes:
        index.commit(final)
    return totals.summary()


def catch_up(
    changes: Iterable[tuple[str, Record | None]],
    index: DerivedIndex,
    target: int,
    batch_size: int,
) -> None:
    """Apply the store's ``changes`` (each id once, in its latest state: a record, or None
    when deleted) to ``index``, then commit it as current to ``target``."""
    for batch in batched(changes, batch_size):
        index.upsert(record for _, record in batch if record is not None)
        index.delete(record_id for record_id, record in batch if record is None)
    index.commit(target)


def batched(items: Iterable[_T], size: int) -> Iterator[tuple[_T, ...]]:
    """Successive tuples of ``size`` items (``itertools.batched`` arrives in Python 3.12)."""
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch


class _Totals:
    """Running counts of one ingest run."""

    def __init__(self) -> None:
        self.read = self.added = self.updated = self.unchanged = self.deleted = 0
        self.rejections: list[Rejection] = []

    def sort_out(
        self, batch: Sequence[PreparedRecord | Deletion | Rejection]
    ) -> list[PreparedRecord | Deletion]:
        storable: list[PreparedRecord | Deletion] = []
        for item in batch:
            if isinstance(item, Rejection):
                self.rejections.append(item)
            else:
                self.read += 1
                storable.append(item)
        return storable

    def add(self, outcome: BatchOutcome) -> None:
        self.added += outcome.added
        self.updated += outcome.updated
        self.unchanged += outcome.unchanged
        self.deleted += outcome.deleted

    def summary(self) -> IngestSummary:
        return IngestSummary(
            read=self.read,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            deleted=self.deleted,
            rejections=tuple(self.rejections),
        )
