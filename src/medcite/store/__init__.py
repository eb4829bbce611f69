"""The ``store`` stage: records by id, written in atomic batches, read back for answers."""

from medcite.store.model import BatchOutcome, DocumentStore, StoreCounts
from medcite.store.sqlite import SqliteStore

__all__ = ["BatchOutcome", "DocumentStore", "SqliteStore", "StoreCounts"]
