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
from concurrent.futures import Executor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from msgspec.structs import replace

from medcite import compose, evidence, ingest, understand
from medcite.dense import require_dense_extra
from medcite.engine.conversations import Conversations
from medcite.engine.prepare import prepare_record
from medcite.engine.sync import sync_pubmed, widen_mesh
from medcite.engine.vocabularies import Vocabularies
from medcite.errors import BusyError, ConfigError, IndexStateError, NotFoundError, StoreError
from medcite.index import IndexManifest, LexicalIndex
from medcite.records import (
    Answer,
    Audience,
    ConceptMention,
    Deletion,
    IngestSummary,
    PreparedRecord,
    Provenance,
    Question,
    Record,
    RecordTopics,
    RetrievedRecord,
    SearchHit,
    Sentence,
    SourceItem,
    SyncReport,
)
from medcite.retrieve import Retrieval, TopicReader, reordered, retrieve
from medcite.safe_text import clean_text
from medcite.settings import Settings, settings_hash
from medcite.store import SqliteStore, StoreCounts
from medcite.vocab import VocabularyImport

# Names only annotations need: the dense extra is optional (imported when settings ask for
# it), and ingest's readers are imported when a command ingests, not when one starts.
if TYPE_CHECKING:
    from medcite.dense.manifest import VectorManifest
    from medcite.dense.ranker import DenseRanker
    from medcite.dense.vectors import VectorUpdate
    from medcite.ingest import DerivedIndex, PreparedItem, RecordSlice

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
        self._dense: DenseRanker | None = None  # opened on first use when [dense] enabled
        self._model: evidence.RelevanceModel | None = (
            None  # read on first use (training needs none)
        )

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
            engine._catch_up(index.manifest.store_sequence, index.updating)
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
        self,
        paths: Sequence[Path],
        progress: Progress | None = None,
        executor: Executor | None = None,
    ) -> IngestSummary:
        """Read files or directories of any supported format into the store and index,
        parsing and preparing them in worker processes (``[ingest] workers``), or on a
        cluster's ``executor`` (``engine.cluster``)."""
        read = ingest.read_prepared(
            paths, prepare_record, self._workers(), self.settings.ingest.part_bytes, executor
        )
        return self._store_and_index(read, progress)

    def fetch_pubmed(
        self, query: str, max_records: int, progress: Progress | None = None
    ) -> IngestSummary:
        """Search PubMed through E-utilities and ingest what efetch returns."""
        return self.ingest(self._fetched_items(query, max_records), progress)

    def _fetched_items(self, query: str, max_records: int) -> Iterator[SourceItem]:
        batches = ingest.fetch_pubmed_xml(query, max_records, self.settings.ncbi)
        for number, payload in enumerate(batches, start=1):
            yield from ingest.read_pubmed_xml(
                io.BytesIO(payload), f"efetch batch {number} for {query!r}"
            )

    def ingest(
        self, items: Iterable[SourceItem], progress: Progress | None = None
    ) -> IngestSummary:
        """Store and index ``items`` in atomic batches; rejections are collected, not raised.

        Killed at any point, the next :meth:`open` replays what the indexes missed from
        the store, so a rerun never loses or duplicates records (``ingest.pipeline``).
        """
        return self._store_and_index(ingest.prepare_items(items, prepare_record), progress)

    def sync_pubmed(
        self,
        record_slice: RecordSlice,
        *,
        mesh: Sequence[str] = (),
        base_url: str | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> SyncReport:
        """Mirror NLM's baseline and update files and apply the new ones in order, each
        once; ``mesh`` descriptors join the slice with their narrower descriptors."""
        if mesh:
            widened = widen_mesh(mesh, self._vocabularies.store)
            record_slice = dataclasses.replace(record_slice, mesh_ids=widened)
        return sync_pubmed(
            self.settings.sync,
            self.settings.data_dir,
            self._store,
            record_slice,
            lambda paths: ingest.read_prepared(
                paths, prepare_record, self._workers(), self.settings.ingest.part_bytes
            ),
            lambda items: self._store_and_index(items, progress),
            base_url=base_url,
            dry_run=dry_run,
        )

    def _store_and_index(
        self, items: Iterable[PreparedItem], progress: Progress | None
    ) -> IngestSummary:
        with self._index.updating() as update, self._vectors_updating() as vectors:
            return ingest.store_and_index(
                self._with_full_texts(items),
                self._store,
                [update] if vectors is None else [update, vectors],
                batch_size=self.settings.ingest.batch_size,
                commit_records=self.settings.ingest.index_commit_records,
                progress=progress,
            )

    def _workers(self) -> int:
        """Reader processes: none when reading in the background is off, else the setting
        or, at 0, one per core."""
        if not self.settings.ingest.read_in_background:
            return 0
        return self.settings.ingest.workers or ingest.available_cores()

    def _with_full_texts(self, items: Iterable[PreparedItem]) -> Iterator[PreparedItem]:
        """``items`` with each full text joined to its stored citation, and each citation
        to its stored full text (``ingest.fulltext``), so one record carries both; a
        joined record is prepared again (its sentences changed)."""
        for batch in ingest.batched(items, self.settings.ingest.batch_size):
            records = [i.record for i in batch if isinstance(i, PreparedRecord)]
            wanted = {r.id for r in records if ingest.is_full_text(r) or r.has_full_text}
            wanted |= self._store.holding_full_text(
                r.id for r in records if not ingest.is_full_text(r)
            )
            if not wanted:
                yield from batch
                continue
            latest: dict[str, Record | None] = dict(self._store.get_many(wanted))
            for item in batch:  # a work may come twice in one batch: join the earlier copy
                if isinstance(item, PreparedRecord) and item.record.id in wanted:
                    item = prepare_record(ingest.joined(item.record, latest.get(item.record.id)))
                if isinstance(item, PreparedRecord):
                    latest[item.record.id] = item.record
                elif isinstance(item, Deletion):
                    latest[item.record_id] = None
                yield item

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
        with self._index.updating() as update:
            for batch in ingest.batched(
                self._store.live_records(), self.settings.ingest.batch_size
            ):
                self._store.replace_abbreviations(
                    {r.id: understand.abbreviation_definitions(r) for r in batch}
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

    def _catch_up(
        self, applied: int, updating: Callable[[], AbstractContextManager[DerivedIndex]]
    ) -> None:
        """Apply the store changes a derived index missed (a run killed between the store's
        commit and the index's), from the sequence it ``applied`` on.

        Where the index cannot be written (a read-only or full disk, another process
        writing it), it stays behind: reading goes on, and ``stats`` says so.
        """
        target = self._store.sequence()
        if applied >= target or self._store.read_only or self._index.read_only:
            return
        try:
            with updating() as update:
                ingest.catch_up(
                    self._store.changes_since(applied),
                    update,
                    target,
                    self.settings.ingest.batch_size,
                )
        except (StoreError, BusyError):
            return

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
        return ingest.write_jsonl(self._store.live_records(), sink)

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

    def ask(
        self,
        question: str,
        audience: Audience = Audience.CLINICIAN,
        *,
        conversation: str | None = None,
        previous: Question | None = None,
    ) -> Answer:
        """Answer a question: understand → retrieve → weigh the evidence → compose → verify.

        ``previous`` is the question this one follows up (a follow-up inherits its
        condition and population); with a ``conversation`` id it is that conversation's
        last question, and this one becomes its next turn. Without one, nothing is kept.
        """
        started = time.perf_counter()
        previous = previous or self._conversations.last_question(conversation or "")
        understood = self.understand(question, previous)
        retrieval = self.retrieve_for(
            understood, self.settings.answer.candidate_records, citable=True
        )
        weighed = self._weigh(understood, retrieval, audience)
        answer = compose.compose_answer(
            understood, weighed, self.settings.answer, self._provenance(), audience,
            self._vocabularies.definitions(c.ids for c in understood.concepts),
            self._relevance.answer_threshold,
        )  # fmt: skip
        answer = compose.verify_answer(answer, {item.record.id: item.record for item in weighed})
        if conversation:
            self._conversations.append(conversation, understood)
        return _finished(answer, understood, retrieval, conversation or "", started)

    def understand(self, question: str, previous: Question | None = None) -> Question:
        """How medcite reads a question: concepts, roles, kinds and facets."""
        text = compose.check_question(question, self.settings.answer)
        knowledge = understand.Knowledge(
            lexicon=self._vocabularies.lexicon(),
            concepts=self._vocabularies.store,
            senses=self._store,
            context_fit=understand.corpus_context_fit(self._index),
            rarity=self._index.word_rarity,
        )
        return understand.understand_question(text, knowledge, previous)

    def retrieve(self, question: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """The best ``limit`` records for a question, best first: concept-aware retrieval,
        re-ranked by how relevant their sentences are (``[retrieve] evidence_weight``)."""
        understood = self.understand(question)
        depth = max(limit, self.settings.answer.candidate_records)
        retrieval = self.retrieve_for(understood, depth)
        weight = self.settings.retrieve.evidence_weight
        if weight <= 0:
            return retrieval.hits[:limit]
        weighed = self._weigh(understood, retrieval, Audience.CLINICIAN)
        return evidence.rank_by_evidence(weighed, weight)[:limit]

    def retrieve_for(self, question: Question, limit: int, *, citable: bool = False) -> Retrieval:
        """Retrieval for an understood question, with the records and the refused ones;
        ``citable`` keeps only records an answer may cite (about the conditions).

        With ``[dense] enabled``, the best ``rerank_candidates`` of the concept-aware
        ranking are re-ranked by fusing in dense similarity (``medcite.dense``).
        """
        dense = self._dense_ranker()
        depth = limit if dense is None else max(limit, self.settings.dense.rerank_candidates)
        found = retrieve(
            question,
            depth,
            self.settings.retrieve,
            self._index,
            self._store,
            self._topic_reader(question),
            datetime.now(UTC).year,
            citable=citable,
        )
        if dense is None:
            return found
        ranked = dense.rank(question.text, found.hits, self._store.get_many)[:limit]
        return reordered(
            found,
            ranked,
            self.settings.retrieve,
            self._store,
            self._topic_reader(question),
            citable=citable,
        )

    def snippets(self, text: str, limit: int = 10) -> tuple[tuple[Sentence, float], ...]:
        """The sentences of the retrieved records most likely to answer ``text``, best first,
        each with that probability (the relevance model's; BioASQ's snippets in the
        evaluation harness): at most ``limit``, and after the best only those at least
        ``[answer] snippet_probability`` likely to answer."""
        understood = self.understand(text)
        retrieval = self.retrieve_for(understood, self.settings.answer.candidate_records)
        return evidence.best_sentences(
            self._weigh(understood, retrieval, Audience.CLINICIAN),
            limit,
            self.settings.answer.snippet_probability,
        )

    def evidence_features(
        self, text: str
    ) -> tuple[Question, tuple[RetrievedRecord, ...], list[list[tuple[tuple[float, ...], ...]]]]:
        """What the relevance model sees for a question: the records an answer reads, and
        each sentence's features (``evidence.FEATURES``). For training the model."""
        question = self.understand(text)
        retrieval = self.retrieve_for(
            question, self.settings.answer.candidate_records, citable=True
        )
        found, spotter = self._found(question, retrieval)
        records, features = evidence.read_evidence(
            question, found, spotter, self._index, Audience.CLINICIAN
        )
        return question, records, features

    @property
    def _relevance(self) -> evidence.RelevanceModel:
        """The sentence-relevance model (``[answer] relevance_model``), read once."""
        if self._model is None:
            self._model = evidence.relevance_model(self.settings.answer.relevance_model)
        return self._model

    def _weigh(
        self, question: Question, retrieval: Retrieval, audience: Audience
    ) -> tuple[RetrievedRecord, ...]:
        """The retrieved records as evidence: graded, each sentence read and scored."""
        found, spotter = self._found(question, retrieval)
        return evidence.weigh_evidence(
            question, found, spotter, self._index, audience, self._relevance
        )

    def _found(
        self, question: Question, retrieval: Retrieval
    ) -> tuple[list[RetrievedRecord], evidence.RecordSpotter]:
        """The retrieved records with their sentences, and a spotter of the question's
        concepts in each record (``understand``'s matcher over a lexicon of just those,
        with the short forms the record defines for them)."""
        asked = understand.question_lexicon(question)
        found = [
            RetrievedRecord(
                record,
                self._store.sentences(record),
                hit.rank,
                hit.score,
                topics=retrieval.topics.get(hit.record_id),
            )
            for hit in retrieval.hits
            if (record := retrieval.records.get(hit.record_id)) is not None
        ]

        def spotter(record: Record) -> evidence.ConceptSpotter:
            texts = (record.title, *(section.text for section in record.sections))
            short_forms = {**understand.defined_short_forms(texts, asked), **asked.short_forms}

            def spot(text: str) -> tuple[str, ...]:
                return tuple(understand.count_concepts(text, asked, short_forms))

            return spot

        return found, spotter

    def topics(self, question: Question, records: Sequence[Record]) -> tuple[RecordTopics, ...]:
        """What each of ``records`` is about for an understood question: how strongly it
        names each of the question's concepts, and whether, as a page, it asks the same
        question. The question's lexicon is built once for all of them."""
        read = self._topic_reader(question)
        return tuple(read(record, question) for record in records)

    def _topic_reader(self, question: Question) -> TopicReader:
        """What a record is about, for this question (``understand.record_topics``)."""
        asked = understand.question_lexicon(question)
        lexicon = self._vocabularies.lexicon()

        def topics(record: Record, question: Question) -> RecordTopics:
            return understand.record_topics(record, question, asked, lexicon)

        return topics

    def _provenance(self) -> Provenance:
        """What produced an answer: index snapshot, settings, vocabularies, model."""
        return Provenance(
            self._index.manifest.snapshot_id,
            self._settings_hash,
            0.0,
            vocabularies=self._vocabularies.fingerprint(),
            relevance_model=self._relevance.version,
        )

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

    def build_vectors(
        self, progress: Progress | None = None, executor: Executor | None = None
    ) -> VectorManifest:
        """Rebuild the record vector index from the store with the configured encoder
        (run by a cluster's ``executor`` when given)."""
        require_dense_extra("building the vector index")
        from medcite.dense.build import build_vector_index

        self._dense = None  # reopened, with the new index, on next use
        return build_vector_index(
            self._store.live_records(),
            self._store.sequence(),
            self.settings.dense,
            self.settings.data_dir,
            progress,
            executor,
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
        if dense.vectors is not None:
            self._catch_up(dense.vectors.manifest.store_sequence, dense.vectors.updating)


def _finished(
    answer: Answer, question: Question, retrieval: Retrieval, conversation: str, started: float
) -> Answer:
    """The answer with the reading's notes, the refused records, its conversation and time."""
    elapsed_ms = (time.perf_counter() - started) * 1000
    return replace(
        answer,
        notes=(*question.notes, *answer.notes),
        refused=retrieval.refused,
        conversation=conversation,
        provenance=replace(answer.provenance, elapsed_ms=elapsed_ms),
    )


def normalise_record_id(record_id: str) -> str:
    """``"12345"`` → ``"pmid:12345"``; ids with a prefix are kept as given."""
    record_id = clean_text(record_id).strip()
    if record_id.isdigit():
        return f"pmid:{record_id}"
    if not record_id:
        raise NotFoundError("an empty record id was given")
    return record_id
