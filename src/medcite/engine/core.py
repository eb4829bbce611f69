"""The engine wires the stages together; every shell (CLI, HTTP, web, eval) calls it.

Data flows one way::

    sources ─ingest─▶ Record ─store─▶ SQLite documents (atomic batches, change sequence)
                                └index─▶ tantivy BM25 index (kept in step by sequence)
    vocabulary files ─vocab─▶ concepts ─understand─▶ lexicon
    question ─understand─▶ Question ─retrieve─▶ records ─compose─▶ Answer ─verify─▶

Stages never import each other; only this package knows them all.
"""

from __future__ import annotations

import dataclasses
import io
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from msgspec.structs import replace

from medcite.compose import best_sentences, check_question, compose_answer, verify_answer
from medcite.dense import require_dense_extra
from medcite.engine.annotate import annotate
from medcite.engine.conversations import Conversations, new_conversation_id
from medcite.engine.retrieval import Retrieval, Retriever
from medcite.engine.vocabularies import Vocabularies
from medcite.errors import BusyError, ConfigError, IndexStateError, NotFoundError, StoreError
from medcite.index import IndexManifest, LexicalIndex, record_sentences
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.ingest.sources import read_sources
from medcite.records import (
    Answer,
    Audience,
    ConceptMention,
    Deletion,
    IngestSummary,
    Provenance,
    Question,
    Record,
    Rejection,
    RetrievedRecord,
    SearchHit,
    Sentence,
    SourceItem,
)
from medcite.safe_text import clean_struct, clean_text
from medcite.settings import Settings, settings_hash
from medcite.store import BatchOutcome, SqliteStore, StoreCounts
from medcite.understand import abbreviation_definitions
from medcite.vocab import VocabularyImport

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
    index_problem: str = ""
    """What is wrong with the index ("" when nothing): damaged, or behind the store."""

    @property
    def in_step(self) -> bool:
        """True when the index is whole and has applied every change the store holds."""
        return self.index.store_sequence == self.store.sequence and not self.index_problem


class Engine:
    """One data directory's store and index, and the operations users run on them."""

    def __init__(self, settings: Settings, store: SqliteStore, index: LexicalIndex) -> None:
        self.settings = settings
        self._store = store
        self._index = index
        self._settings_hash = settings_hash(settings)
        self._vocabularies = Vocabularies(settings.vocab.path(settings.data_dir))
        self._conversations = Conversations(settings.data_dir)
        self._retriever = Retriever(settings, store, index, self._vocabularies)
        self._dense: DenseRanker | None = None  # opened on first use when [dense] enabled

    @classmethod
    def open(cls, settings: Settings, *, rebuilding: bool = False) -> Engine:
        """Open the data directory, bringing the index in step with the store if it lags.

        ``rebuilding`` opens it to rebuild the index: an index of another format or other
        settings, which an ordinary open refuses, is then started afresh.
        """
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = SqliteStore.open(settings.data_dir / STORE_FILE)
        index_dir = settings.data_dir / INDEX_DIR
        if rebuilding:
            index = LexicalIndex.create_beside(index_dir, settings.index)
        else:
            index = LexicalIndex.open(index_dir, settings.index)
        engine = cls(settings, store, index)
        if not rebuilding:
            engine._catch_up_index()
        return engine

    def close(self) -> None:
        """Release the store connections (the index needs no closing)."""
        self._store.close()
        self._vocabularies.close()
        self._conversations.close()

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
        from medcite.ingest.background import read_sources_in_background  # (when ingesting)

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
        from medcite.ingest.eutils import fetch_pubmed_xml  # httpx, for this command alone

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
                records = [r for r in storable if isinstance(r, Record)]
                outcome = self._store.write_batch(
                    storable,
                    {r.id: record_sentences(r) for r in records},
                    {r.id: abbreviation_definitions(r) for r in records},
                )
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
        """Rebuild the index from the store, e.g. after changing index settings.

        The abbreviations each record defines are recomputed on the way, so a store
        written by an older medcite gains its table of senses.
        """
        sequence = self._store.sequence()
        if not self._index.staged:  # (an engine opened for rebuilding has its new index)
            self._index = LexicalIndex.create_beside(
                self.settings.data_dir / INDEX_DIR, self.settings.index
            )
        self._retriever = Retriever(self.settings, self._store, self._index, self._vocabularies)
        with self._index.updating() as update:
            for batch in batched(self._store.live_records(), self.settings.ingest.batch_size):
                self._store.replace_abbreviations(
                    {r.id: abbreviation_definitions(r) for r in batch}
                )
                update.upsert(batch)
                if progress is not None:
                    progress(len(batch))
            update.commit(sequence)
        self._index.publish()
        if self.settings.dense.enabled and self.settings.dense.uses_vector_index:
            self.build_vectors(progress)
        return self._index.manifest

    def index_behind(self) -> int:
        """How many store changes the index has not applied (0 when in step)."""
        return max(0, self._store.sequence() - self._index.manifest.store_sequence)

    def _catch_up_index(self) -> None:
        """Apply the store changes the index missed (a run killed between the two commits).

        Where the index cannot be written (a read-only or full disk, another process
        writing it), it stays behind: reading goes on, and ``stats`` says so.
        """
        applied = self._index.manifest.store_sequence
        target = self._store.sequence()
        if applied >= target or self._store.read_only or self._index.read_only:
            return
        try:
            self._apply_changes_since(applied, target)
        except (StoreError, BusyError):
            return

    def _apply_changes_since(self, applied: int, target: int) -> None:
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

    def _with_records(self, hits: Sequence[SearchHit]) -> list[tuple[SearchHit, Record]]:
        records = self._store.get_many(hit.record_id for hit in hits)
        return [(hit, records[hit.record_id]) for hit in hits if hit.record_id in records]

    def show(self, record_id: str) -> Record:
        """A stored record by id; a bare number is taken as a PMID."""
        return self._store.get(normalise_record_id(record_id))

    def export_jsonl(self, sink: BinaryIO) -> int:
        """Write every live record as JSONL (docs/records.md); returns how many."""
        from medcite.ingest.jsonl import write_jsonl

        return write_jsonl(self._store.live_records(), sink)

    def stats(self, *, check_files: bool = True) -> Stats:
        """Store counts and index state of the data directory; with ``check_files`` the
        index's files are checked against their checksums (which reads the whole index)."""
        counts = self._store.counts()
        manifest = self._index.manifest
        problem, documents = "", manifest.record_count
        try:
            documents = self._index.document_count()
            if check_files:
                self._index.verify()
        except IndexStateError as exc:
            problem = exc.message
        if not problem and manifest.store_sequence < counts.sequence:
            problem = (
                f"the index is {counts.sequence - manifest.store_sequence} change(s) behind "
                "the store; the next command that can write to the data directory catches it up"
            )
        return Stats(self.settings.data_dir, counts, manifest, documents, problem)

    # -- vocabularies --------------------------------------------------------------------

    def import_vocabulary(self, path: Path) -> VocabularyImport:
        """Load a MeSH (ASCII or XML) or OBO file as its vocabulary's whole content."""
        return self._vocabularies.import_file(path)

    def vocabularies(self) -> tuple[VocabularyImport, ...]:
        """The vocabularies loaded in this data directory."""
        return self._vocabularies.imports()

    # -- answering ---------------------------------------------------------------------

    def understand(self, question: str, previous: Question | None = None) -> Question:
        """How medcite reads a question: concepts, roles, kinds and facets."""
        return self._retriever.understand(check_question(question, self.settings.answer), previous)

    def retrieve(self, question: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Concept-aware retrieval: the best ``limit`` records for a question, best first."""
        return self.retrieve_for(self.understand(question), limit).hits

    def retrieve_for(self, question: Question, limit: int, *, citable: bool = False) -> Retrieval:
        """Retrieval for an understood question, with the records and the refused ones;
        ``citable`` keeps only records an answer may cite (about the conditions).

        With ``[dense] enabled``, the best ``rerank_candidates`` of the concept-aware
        ranking are re-ranked by fusing in dense similarity (``medcite.dense``).
        """
        dense = self._dense_ranker()
        if dense is None:
            return self._retriever.retrieve(question, limit, citable=citable)
        depth = max(limit, self.settings.dense.rerank_candidates)
        found = self._retriever.retrieve(question, depth, citable=citable)
        hits = dense.rank(question.text, found.hits, self._store.get_many)[:limit]
        kept = {hit.record_id for hit in hits}
        return dataclasses.replace(
            found,
            hits=hits,
            records={k: v for k, v in found.records.items() if k in kept},
            topics={k: v for k, v in found.topics.items() if k in kept},
        )

    def ask(
        self,
        question: str,
        audience: Audience = Audience.CLINICIAN,
        conversation: str | None = None,
        previous: Question | None = None,
    ) -> Answer:
        """Answer a question: understand, retrieve, grade, compose, verify.

        With a ``conversation`` id, the question is read in the light of the
        conversation's last one (a follow-up inherits its condition and population)
        and becomes its next turn; the answer names the conversation either way, so a
        shell can offer to continue it. ``previous`` names the question followed up
        explicitly instead (a web page where several readers follow up one answer).
        """
        started = time.perf_counter()
        conversation = conversation or new_conversation_id()
        if previous is None:
            previous = self._conversations.last_question(conversation)
        understood = self.understand(question, previous)
        retrieval = self.retrieve_for(
            understood, self.settings.answer.candidate_records, citable=True
        )
        retrieved = annotate(
            understood,
            [
                (
                    record,
                    self._store.sentences(record),
                    hit.rank,
                    hit.score,
                    retrieval.topics.get(hit.record_id),
                )
                for hit in retrieval.hits
                if (record := retrieval.records.get(hit.record_id)) is not None
            ],
            audience,
        )
        provenance = Provenance(
            self._index.manifest.snapshot_id,
            self._settings_hash,
            0.0,
            vocabularies=self._vocabularies.fingerprint(),
        )
        answer = compose_answer(
            understood,
            retrieved,
            self.settings.answer,
            provenance,
            audience,
            self._vocabularies.definitions(c.ids for c in understood.concepts),
            datetime.now(UTC).year,
        )
        answer = verify_answer(answer, {item.record.id: item.record for item in retrieved})
        self._conversations.append(conversation, understood)
        elapsed_ms = (time.perf_counter() - started) * 1000
        return replace(
            answer,
            notes=(*understood.notes, *answer.notes),
            refused=retrieval.refused,
            conversation=conversation,
            provenance=replace(provenance, elapsed_ms=elapsed_ms),
        )

    def snippets(self, text: str, limit: int = 10) -> tuple[Sentence, ...]:
        """The sentences of the retrieved records that best answer ``text``, best first.

        Question-term overlap (``compose.best_sentences``) over the records of
        concept-aware retrieval; per-facet evidence selection refines this for answers.
        """
        understood = self.understand(text)
        retrieval = self.retrieve_for(understood, self.settings.answer.candidate_records)
        retrieved = tuple(
            RetrievedRecord(record, self._store.sentences(record), hit.rank, hit.score)
            for hit in retrieval.hits
            if (record := retrieval.records.get(hit.record_id)) is not None
        )
        return best_sentences(text, retrieved, limit)

    def recognize(
        self, text: str, tree_prefixes: tuple[str, ...] = ()
    ) -> tuple[ConceptMention, ...]:
        """The concepts ``text`` names, with where; only those under ``tree_prefixes`` if given.

        ``tree_prefixes`` are MeSH tree numbers ("C" and "F03" are the diseases, and
        then Disease Ontology terms count too), so a caller can ask for one kind of
        concept; matching runs over a lexicon of that kind alone, so a longer name of
        another kind ("tumor suppressor gene") cannot hide one of this kind ("tumor").
        Each mention carries its main id, then the ids cross-referenced to it.
        """
        if not self._vocabularies.imports():
            raise ConfigError(
                f"{self.settings.data_dir}: concept recognition needs vocabularies; load them "
                "first with `medcite vocab import PATH` (MeSH dYYYY.bin or descYYYY.xml, "
                "Disease Ontology .obo)"
            )
        return self._vocabularies.recognize(text, tree_prefixes)

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
    record_id = clean_text(record_id).strip()
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
                storable.append(clean_struct(item))  # NFC, no surrogates or control characters
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
