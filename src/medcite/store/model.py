"""What the store reports back, and the protocol every store backend implements."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from medcite.records import BatchOutcome, Deletion, PreparedRecord, Record, Sentence


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """Live and deleted (tombstoned) records, and the store's change sequence."""

    records: int
    deleted: int
    sequence: int


class DocumentStore(Protocol):
    """A store of records by id; SQLite now, PostgreSQL for shared deployments later."""

    def write_batch(
        self, items: Sequence[Record | Deletion], sentences: Mapping[str, Sequence[Sentence]]
    ) -> BatchOutcome: ...

    def write_prepared(self, items: Sequence[PreparedRecord | Deletion]) -> BatchOutcome: ...

    def get(self, record_id: str) -> Record: ...

    def get_many(self, record_ids: Iterable[str]) -> dict[str, Record]: ...

    def sentences(self, record: Record) -> tuple[Sentence, ...]: ...

    def changes_since(self, sequence: int) -> Iterator[tuple[str, Record | None]]: ...

    def live_records(self) -> Iterator[Record]: ...

    def sequence(self) -> int: ...

    def counts(self) -> StoreCounts: ...

    def close(self) -> None: ...
