"""The ``store`` stage: records by id, written in atomic batches, read back for answers."""

from medcite.records import BatchOutcome
from medcite.store.model import DocumentStore, StoreCounts
from medcite.store.sqlite import SqliteStore

__all__ = ["BatchOutcome", "DocumentStore", "SqliteStore", "StoreCounts"]
