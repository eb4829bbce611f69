"""The engine wires the stages together; every shell (CLI, later HTTP and web) calls it.

Data flows one way::

    sources ─ingest─▶ Record ─store─▶ SQLite documents (atomic batches, change sequence)
                                └index─▶ tantivy BM25 index (kept in step by sequence)
    question ─index.search─▶ hits ─store─▶ records + sentences ─compose─▶ Answer ─verify─▶

Stages never import each other; only this module knows them all.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from msgspec.structs import replace

from medcite.compose import check_question, compose_answer, verify_answer
from medcite.dense import require_dense_extra
from medcite.errors import NotFoundError
from medcite.index import IndexManifest, LexicalIndex, record_sentences
from medcite.ingest.background import read_sources_in_background
from medcite.ingest.eutils import fetch_pubmed_xml
from medcite.ingest.jsonl import write_jsonl
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.ingest.sources import read_sources
from medcite.records import (
    Answer,
    Deletion,
    IngestSummary,
    Provenance,
    Record,
    Rejection,
    RetrievedRecord,
    SearchHit,
    SourceItem,
)
from medcite.settings import Settings, settings_hash
from medcite.store import BatchOutcome, SqliteStore, StoreCounts

if TYPE_CHECKING:  # the dense extra is optional: imported only when settings ask for it
    from medcite.dense.manifest import VectorManifest
    from medcite.dense.ranker import DenseRanker
    from medcite.dense.vectors import VectorUpdate

STORE_FILE = "store.sqlite3"
INDEX_DIR = "index"

Progress = Callable[[int], None]
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Stats:
    """What the data directory holds: store counts and the index's state."""

    data_dir: Path
    store: StoreCounts
    index: IndexManifest
    indexed_documents: int

    @property
    def in_step(self) -> bool:
        """True when the index has applied every change the store holds."""
        return self.index.store_sequence == self.store.sequence


class Engine:
    """One data directory's store and index, and the operations users run on them."""

    def __init__(self, settings: Settings, store: SqliteStore, index: LexicalIndex) -> None:
        self.settings = settings
        self._store = store
        self._index = index
        self._settings_hash = settings_hash(settings)
        self._dense: DenseRanker | None = None  # opened on first use when [dense] enabled

    @classmethod
    def open(cls, settings: Settings) -> Engine:
        """Open the data directory, bringing the index in step with the store if it lags."""
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = SqliteStore.open(settings.data_dir / STORE_FILE)
        index = LexicalIndex.open(settings.data_dir / INDEX_DIR, settings.index)
        engine = cls(settings, store, index)
        engine._catch_up_index()
        return engine

    def close(self) -> None:
        """Release the store connection (the index needs no closing)."""
        self._store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- ingestion ---------------------------------------------------------------------

    def ingest_paths(
        self, paths: Sequence[Path], progress: Progress | None = None
    ) -> IngestSummary:
        """Read files or directories of any supported format into the store and index."""
        read = (
            read_sources_in_background if self.settings.ingest.read_in_background else read_sources
        )
        return self.ingest(read(paths), progress)

    def fetch_pubmed(
        self, query: str, max_records: int, progress: Progress | None = None
    ) -> IngestSummary:
        """Search PubMed through E-utilities and ingest what efetch returns."""
        return self.ingest(self._fetched_items(query, max_records), progress)

    def _fetched_items(self, query: str, max_records: int) -> Iterator[SourceItem]:
        batches = fetch_pubmed_xml(query, max_records, self.settings.ncbi)
        for number, payload in enumerate(batches, start=1):
            yield from read_pubmed_xml(io.BytesIO(payload), f"efetch batch {number} for {query!r}")

    def ingest(
        self, items: Iterable[SourceItem], progress: Progress | None = None
    ) -> IngestSummary:
        """Store and index ``items`` in atomic batches; rejections are collected, not raised.

        Each batch is one store transaction; the index applies exactly what changed and,
        every ``index_commit_records`` and at the end, commits with the store sequence it
        reached (tantivy commits are the costly part, so they are batched more coarsely).
        Killed at any point, the next :meth:`open` replays what the index missed from the
        store, so a rerun never loses or duplicates records.
        """
        totals = _Totals()
        uncommitted = 0
        with self._index.updating() as update, self._vectors_updating() as vectors:
            for batch in batched(items, self.settings.ingest.batch_size):
                storable = totals.sort_out(batch)
                sentences = {r.id: record_sentences(r) for r in storable if isinstance(r, Record)}
                outcome = self._store.write_batch(storable, sentences)
                update.upsert(outcome.changed)
                update.delete(outcome.removed)
                if vectors is not None:
                    vectors.upsert(outcome.changed)
                    vectors.delete(outcome.removed)
                uncommitted += len(batch)
                if uncommitted >= self.settings.ingest.index_commit_records:
                    update.commit(outcome.sequence)
                    if vectors is not None:
                        vectors.commit(outcome.sequence)
                    uncommitted = 0
                totals.add(outcome)
                if progress is not None:
                    progress(len(batch))
            update.commit(self._store.sequence())
            if vectors is not None:
                vectors.commit(self._store.sequence())
        return totals.summary()

    def rebuild_index(self, progress: Progress | None = None) -> IndexManifest:
        """Rebuild the index from the store, e.g. after changing index settings."""
        sequence = self._store.sequence()
        self._index = LexicalIndex.create(self.settings.data_dir / INDEX_DIR, self.settings.index)
        with self._index.updating() as update:
            for batch in batched(self._store.live_records(), self.settings.ingest.batch_size):
                update.upsert(batch)
                if progress is not None:
                    progress(len(batch))
            update.commit(sequence)
        if self.settings.dense.enabled and self.settings.dense.uses_vector_index:
            self.build_vectors(progress)
        return self._index.manifest

    def _catch_up_index(self) -> None:
        """Apply the store changes the index missed (a run killed between the two commits)."""
        applied = self._index.manifest.store_sequence
        target = self._store.sequence()
        if applied >= target:
            return
        with self._index.updating() as update:
            changes = self._store.changes_since(applied)  # each id once, in its latest state
            for batch in batched(changes, self.settings.ingest.batch_size):
                update.upsert(record for _, record in batch if record is not None)
                update.delete(record_id for record_id, record in batch if record is None)
            update.commit(target)

    # -- reading -----------------------------------------------------------------------

    def search(self, text: str, limit: int = 10) -> list[tuple[SearchHit, Record]]:
        """BM25 search: the best ``limit`` records with their hits, best first."""
        return self._with_records(self._index.search(text, limit))

    def ranked_hits(self, text: str, limit: int) -> tuple[SearchHit, ...]:
        """The ranking answers use: lexical, fused with dense evidence when enabled."""
        dense = self._dense_ranker()
        if dense is None:
            return self._index.search(text, limit)
        depth = max(limit, self.settings.dense.rerank_candidates)
        return dense.rank(text, self._index.search(text, depth), self._store.get_many)[:limit]

    def _with_records(self, hits: Sequence[SearchHit]) -> list[tuple[SearchHit, Record]]:
        records = self._store.get_many(hit.record_id for hit in hits)
        return [(hit, records[hit.record_id]) for hit in hits if hit.record_id in records]

    def show(self, record_id: str) -> Record:
        """A stored record by id; a bare number is taken as a PMID."""
        return self._store.get(normalise_record_id(record_id))

    def export_jsonl(self, sink: BinaryIO) -> int:
        """Write every live record as JSONL (docs/records.md); returns how many."""
        return write_jsonl(self._store.live_records(), sink)

    def stats(self) -> Stats:
        """Store counts and index state of the data directory."""
        return Stats(
            data_dir=self.settings.data_dir,
            store=self._store.counts(),
            index=self._index.manifest,
            indexed_documents=self._index.document_count(),
        )

    # -- answering ---------------------------------------------------------------------

    def ask(self, question: str) -> Answer:
        """Answer a question from the index: retrieve, compose, verify."""
        started = time.perf_counter()
        text = check_question(question, self.settings.answer)
        retrieved = self._retrieve(text, self.settings.answer.candidate_records)
        provenance = Provenance(self._index.manifest.snapshot_id, self._settings_hash, 0.0)
        answer = compose_answer(text, retrieved, self.settings.answer, provenance)
        answer = verify_answer(answer, {item.record.id: item.record for item in retrieved})
        elapsed_ms = (time.perf_counter() - started) * 1000
        return replace(answer, provenance=replace(provenance, elapsed_ms=elapsed_ms))

    def _retrieve(self, text: str, limit: int) -> tuple[RetrievedRecord, ...]:
        return tuple(
            RetrievedRecord(record, self._store.sentences(record), hit.rank, hit.score)
            for hit, record in self._with_records(self.ranked_hits(text, limit))
        )

    # -- dense retrieval (optional extra) ------------------------------------------------

    def distill_static_model(self) -> Path:
        """Distill the static encoder offline into the data dir (then rebuild the vectors)."""
        require_dense_extra("distilling the static model")
        from medcite.dense.build import distill_into_data_dir

        self._dense = None
        return distill_into_data_dir(self.settings.dense, self.settings.data_dir)

    def build_vectors(self, progress: Progress | None = None) -> VectorManifest:
        """Rebuild the record vector index from the store with the configured encoder."""
        require_dense_extra("building the vector index")
        from medcite.dense.build import build_vector_index

        self._dense = None  # reopened, with the new index, on next use
        return build_vector_index(
            self._store.live_records(),
            self._store.sequence(),
            self.settings.dense,
            self.settings.data_dir,
            progress,
        )

    def _dense_ranker(self) -> DenseRanker | None:
        """The dense part when ``[dense] enabled``, opened and brought in step on first use."""
        if not self.settings.dense.enabled:
            return None
        if self._dense is None:
            require_dense_extra("[dense] enabled = true")
            from medcite.dense.ranker import DenseRanker

            self._dense = DenseRanker.open(self.settings.dense, self.settings.data_dir)
            self._catch_up_vectors(self._dense)
        return self._dense

    def _vectors_updating(self) -> AbstractContextManager[VectorUpdate | None]:
        dense = self._dense_ranker()
        if dense is None or dense.vectors is None:
            return nullcontext()
        return dense.vectors.updating()

    def _catch_up_vectors(self, dense: DenseRanker) -> None:
        """Embed the store changes the vector index missed (or all records of a new one)."""
        if dense.vectors is None:
            return
        applied = dense.vectors.manifest.store_sequence
        target = self._store.sequence()
        if applied >= target:
            return
        with dense.vectors.updating() as update:
            changes = self._store.changes_since(applied)
            for batch in batched(changes, self.settings.ingest.batch_size):
                update.upsert(record for _, record in batch if record is not None)
                update.delete(record_id for record_id, record in batch if record is None)
            update.commit(target)


def normalise_record_id(record_id: str) -> str:
    """``"12345"`` → ``"pmid:12345"``; ids with a prefix are kept as given."""
    record_id = record_id.strip()
    if record_id.isdigit():
        return f"pmid:{record_id}"
    if not record_id:
        raise NotFoundError("an empty record id was given")
    return record_id


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

    def sort_out(self, batch: Sequence[SourceItem]) -> list[Record | Deletion]:
        storable: list[Record | Deletion] = []
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
