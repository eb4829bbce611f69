"""The lexical (BM25) index of records, kept in a tantivy directory with its manifest.

The index holds only what search needs (:mod:`medcite.index.schema`); the documents
themselves live in the store, so an index can always be rebuilt from it (``medcite index
rebuild``).

One ``IndexUpdate`` (one tantivy writer) serves a whole ingest run: opening a writer
is costly and tantivy allows one at a time. Each ``commit`` makes the changes visible
and then rewrites the manifest with the store sequence they correspond to.

A rebuild is built beside the live index (``index.rebuilding/``) and takes its place
only once complete, so a rebuild that fails (a full disk) leaves the old index serving.
An index on a read-only file system is opened through a private directory of links to
its files, since tantivy's reader wants a lock file beside them. Whatever tantivy raises
(a damaged segment panics) becomes medcite's error (:mod:`medcite.index.integrity`).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import tantivy

from medcite.errors import IndexDamagedError, IndexStateError, StoreError
from medcite.index.integrity import (
    VERIFIED_FILE,
    check_checksums,
    check_new_files,
    tantivy_failures,
)
from medcite.index.manifest import (
    MANIFEST_FILE_NAME,
    REBUILD_COMMAND,
    IndexManifest,
    check_manifest,
    committed_manifest,
    new_manifest,
    read_manifest,
    write_manifest,
)
from medcite.index.query import analyze, analyze_query_text, build_plan_query, build_query
from medcite.index.schema import ID_FIELD, build_schema, field_boosts, record_document
from medcite.records import ConceptClause, Record, SearchHit, SearchPlan
from medcite.safe_text import clean_text
from medcite.settings import IndexSettings

_TANTIVY_META_FILE = "meta.json"
_TANTIVY_LOCKS = (".tantivy-meta.lock", ".tantivy-writer.lock")
STAGING_SUFFIX = ".rebuilding"
_MEBIBYTE = 1024 * 1024
_RARITY_CACHE = 500_000
"""Words whose rarity is kept between questions (tens of megabytes at most)."""
_MIN_HEAP_PER_THREAD = 16 * _MEBIBYTE  # tantivy refuses less than 15 MB per indexing thread
_MAX_THREADS = 8  # tantivy's own cap on indexing threads


class LexicalIndex:
    """A tantivy index directory with its manifest; open with :meth:`open` or :meth:`create`."""

    def __init__(
        self,
        directory: Path,
        settings: IndexSettings,
        index: tantivy.Index,
        manifest: IndexManifest,
        *,
        read_only: bool = False,
        publish_to: Path | None = None,
    ) -> None:
        self._directory = directory
        self._settings = settings
        self._index = index
        self._manifest = manifest
        self._boosts = field_boosts(settings)
        self.read_only = read_only
        self._publish_to = publish_to
        self._held_lock: tantivy.IndexWriter | None = None
        self._rarity: dict[str, float] = {}
        self._rarity_of = -1  # the document count the cached rarities hold for

    @classmethod
    def open(cls, directory: Path, settings: IndexSettings) -> LexicalIndex:
        """Open the index in ``directory``, creating it when the directory is new or empty.

        Refuses (``IndexStateError`` naming ``medcite index rebuild``) an index without a
        manifest, one whose format version or settings differ from these, or one whose
        files are missing or cut short (:class:`IndexDamagedError`). An index on a
        read-only file system opens read-only.
        """
        manifest = read_manifest(directory)
        if manifest is None:
            if directory.is_dir() and any(directory.iterdir()):
                raise IndexStateError(
                    f"holds files but no index manifest; run `{REBUILD_COMMAND}`", path=directory
                )
            return cls.create(directory, settings)
        check_manifest(manifest, settings, directory)
        if not (directory / _TANTIVY_META_FILE).is_file():
            raise IndexStateError(
                f"the index files are missing; run `{REBUILD_COMMAND}`", path=directory
            )
        check_new_files(directory)
        read_only = not os.access(directory, os.W_OK)
        readable = _links_to(directory) if read_only else directory
        with tantivy_failures(directory, "opening the index"):
            index = tantivy.Index.open(str(readable))
        opened = cls(directory, settings, index, manifest, read_only=read_only)
        if readable != directory:
            weakref.finalize(opened, shutil.rmtree, readable, True)
        return opened

    @classmethod
    def create(cls, directory: Path, settings: IndexSettings) -> LexicalIndex:
        """Start an empty index in ``directory``, wiping the index there.

        A directory that holds something other than an index is left alone: wiping it
        could destroy a user's files.
        """
        if directory.exists():
            _check_is_index_directory(directory)
            shutil.rmtree(directory)
        with tantivy_failures(directory, "creating the index"):
            directory.mkdir(parents=True)
            index = tantivy.Index(build_schema(), path=str(directory), reuse=False)
            manifest = new_manifest(settings)
            write_manifest(directory, manifest)
        return cls(directory, settings, index, manifest)

    @classmethod
    def create_beside(cls, directory: Path, settings: IndexSettings) -> LexicalIndex:
        """Start an empty index next to ``directory`` that replaces it when :meth:`publish`
        is called (a rebuild): until then the index in ``directory`` is untouched."""
        holding = None
        if directory.exists():
            _check_is_index_directory(directory)
            holding = _hold_writer_lock(directory)
        staging = directory.with_name(directory.name + STAGING_SUFFIX)
        fresh = cls.create(staging, settings)
        fresh._publish_to = directory
        fresh._held_lock = holding
        return fresh

    @property
    def staged(self) -> bool:
        """True for an index made by :meth:`create_beside` and not yet published."""
        return self._publish_to is not None

    def publish(self) -> None:
        """Put a complete index made by :meth:`create_beside` in place of the old one."""
        if self._publish_to is None:
            return
        target, staging = self._publish_to, self._directory
        retired = target.with_name(target.name + ".retired")
        with tantivy_failures(target, "replacing the index"):
            shutil.rmtree(retired, ignore_errors=True)
            if target.exists():
                target.rename(retired)
            try:
                staging.rename(target)
            except OSError:
                with suppress(OSError):  # put the old index back: it serves until a rebuild
                    retired.rename(target)
                raise
            self._held_lock = None  # the old index's writer lock goes with the old index
            shutil.rmtree(retired, ignore_errors=True)
            self._index = tantivy.Index.open(str(target))
        self._directory, self._publish_to = target, None

    def verify(self) -> None:
        """Raise :class:`IndexDamagedError` unless every file matches its checksum and the
        index holds as many documents as its manifest says (reads the whole index)."""
        check_checksums(self._directory)
        if self.document_count() != self._manifest.record_count:
            raise IndexDamagedError(
                f"the index holds {self.document_count()} documents, its manifest says "
                f"{self._manifest.record_count}; run `{REBUILD_COMMAND}`",
                path=self._directory,
            )

    @property
    def manifest(self) -> IndexManifest:
        """The manifest as of the last commit."""
        return self._manifest

    @contextmanager
    def updating(self) -> Iterator[IndexUpdate]:
        """One writer for a batch of changes; what is not committed is rolled back."""
        writer = self._writer()
        update = IndexUpdate(self, writer)
        try:
            yield update
        finally:
            # Discards only what came after the last commit. After a failed commit (a full
            # disk) rolling back may fail too: the first error is the one to report.
            with suppress(ValueError, OSError, IndexStateError):
                writer.rollback()
                writer.wait_merging_threads()
                check_new_files(self._directory)  # the segments just written, merged

    def search(self, text: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """The best ``limit`` records for ``text``, read as words and "quoted phrases".

        Text with nothing searchable in it (empty, only punctuation) finds nothing.
        """
        query_terms = analyze_query_text(clean_text(text))
        if query_terms.is_empty or limit < 1:
            return ()
        return self._hits(build_query(query_terms, self._index.schema, self._boosts), limit)

    def _hits(self, query: tantivy.Query, limit: int) -> tuple[SearchHit, ...]:
        with tantivy_failures(self._directory, "searching the index"):
            searcher = self._index.searcher()
            hits = searcher.search(query, limit).hits
            return tuple(
                SearchHit(
                    record_id=str(searcher.doc(address).get_first(ID_FIELD)),
                    score=score,
                    rank=rank,
                )
                for rank, (score, address) in enumerate(hits, start=1)
            )

    def search_plan(self, plan: SearchPlan, limit: int) -> tuple[SearchHit, ...]:
        """The best ``limit`` records for a search plan (words and concept clauses)."""
        query = build_plan_query(plan, self._index.schema, self._boosts)
        if query is None or limit < 1:
            return ()
        return self._hits(query, limit)

    def count(self, phrase: str, word: str = "") -> int:
        """How many records hold ``phrase`` (and ``word`` too, when given), in any field.

        Used to judge which sense of an abbreviation the other words of a question fit.
        """
        clauses = [ConceptClause(names=(phrase,))]
        if word:
            clauses.append(ConceptClause(names=(word,)))
        queries = [
            build_plan_query(SearchPlan("", (c,)), self._index.schema, self._boosts)
            for c in clauses
        ]
        if any(q is None for q in queries):
            return 0
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, q) for q in queries if q is not None]
        )
        with tantivy_failures(self._directory, "counting in the index"):
            result = self._index.searcher().search(query, 1, count=True)  # limit must be ≥ 1
            return int(result.count)  # type: ignore[attr-defined]  # missing from tantivy's stubs

    def inverse_document_frequencies(
        self, words: list[str], field: str = "abstract"
    ) -> dict[str, float]:
        """BM25's idf of each analysed word over ``field`` (Robertson–Spärck Jones, +1 form)."""
        with tantivy_failures(self._directory, "reading word counts from the index"):
            searcher = self._index.searcher()
            total = searcher.num_docs
            return {
                word: math.log(
                    1 + (total - (found := searcher.doc_freq(field, word)) + 0.5) / (found + 0.5)
                )
                for word in dict.fromkeys(words)
            }

    def analyze(self, text: str) -> list[str]:
        """The words of ``text`` as the index holds them (lower case, stemmed), in order."""
        return analyze(text)

    def word_rarity(self, words: Iterable[str]) -> dict[str, float]:
        """The idf of each word (as a person writes it) over the abstracts, by that word.

        Each word is analysed as the index analyses text (lower case, stemmed); a word the
        analyser drops, or no record holds, gets the idf of an unseen word. Results are
        kept until the index changes: the same sentences come back question after question.
        """
        searcher = self._index.searcher()
        total = searcher.num_docs
        if self._rarity_of != total:
            self._rarity.clear()
            self._rarity_of = total
        found: dict[str, float] = {}
        for word in words:
            known = self._rarity.get(word)
            if known is None:
                terms = analyze(word)
                count = searcher.doc_freq("abstract", terms[0]) if terms else 0
                known = math.log(1 + (total - count + 0.5) / (count + 0.5))
                if len(self._rarity) < _RARITY_CACHE:
                    self._rarity[word] = known
            found[word] = known
        return found

    def document_count(self) -> int:
        """How many records the committed index holds."""
        with tantivy_failures(self._directory, "counting the index's documents"):
            return int(self._index.searcher().num_docs)

    def _writer(self) -> tantivy.IndexWriter:
        if self.read_only:
            raise StoreError(
                "the index is on a read-only file system; it can be read, not written",
                path=self._directory,
            )
        heap = self._settings.writer_heap_mb * _MEBIBYTE
        # tantivy wants at least ~15 MB of heap per indexing thread.
        threads = max(1, min(self._settings.writer_threads, heap // _MIN_HEAP_PER_THREAD))
        with tantivy_failures(self._directory, "opening the index for writing"):
            return self._index.writer(heap_size=heap, num_threads=threads)

    def _after_commit(self, store_sequence: int, opstamp: int) -> None:
        """Make the commit visible to searches, then record it in the manifest."""
        with tantivy_failures(self._directory, "reloading the index"):
            self._index.reload()
        manifest = committed_manifest(
            self._manifest,
            record_count=self.document_count(),
            store_sequence=store_sequence,
            opstamp=opstamp,
        )
        write_manifest(self._directory, manifest)
        self._manifest = manifest


class IndexUpdate:
    """Changes to a :class:`LexicalIndex` through its one writer; see ``updating``."""

    def __init__(self, index: LexicalIndex, writer: tantivy.IndexWriter) -> None:
        self._index = index
        self._writer = writer
        # Into an empty index (a first ingest, a rebuild) only ids added by this update
        # can need replacing; skipping the other deletes makes such runs ~30% faster.
        self._added_to_empty: set[str] | None = set() if index.document_count() == 0 else None

    def upsert(self, records: Iterable[Record]) -> None:
        """Add records, replacing any already indexed under the same id (idempotent)."""
        added = self._added_to_empty
        with tantivy_failures(self._index._directory, "adding to the index"):
            for record in records:
                if added is None or record.id in added:
                    self._writer.delete_documents_by_term(ID_FIELD, record.id)
                elif added is not None:
                    added.add(record.id)
                self._writer.add_document(record_document(record))

    def delete(self, record_ids: Iterable[str]) -> None:
        """Remove records by id; ids that are not indexed are ignored."""
        with tantivy_failures(self._index._directory, "deleting from the index"):
            for record_id in record_ids:
                self._writer.delete_documents_by_term(ID_FIELD, record_id)

    def commit(self, store_sequence: int) -> None:
        """Make the changes durable and visible, then write the manifest atomically.

        ``store_sequence`` is the store's change counter these changes bring the index
        up to; after an interrupted run the engine replays the store from there.
        """
        with tantivy_failures(self._index._directory, "committing the index"):
            opstamp = self._writer.commit()
        self._index._after_commit(store_sequence, opstamp)


def _check_is_index_directory(directory: Path) -> None:
    """Refuse to wipe a directory that is neither empty nor an index."""
    if not directory.is_dir():
        raise IndexStateError("is not a directory", path=directory)
    markers = (MANIFEST_FILE_NAME, _TANTIVY_META_FILE, VERIFIED_FILE)
    if any(directory.iterdir()) and not any((directory / name).exists() for name in markers):
        raise IndexStateError("is not an index directory; refusing to wipe it", path=directory)


def _hold_writer_lock(directory: Path) -> tantivy.IndexWriter | None:
    """The live index's writer, held so no other process writes to it while a rebuild
    replaces it (:class:`BusyError` if one is writing now); None for an index tantivy
    cannot open (of another format: nothing can write to it either)."""
    try:
        index = tantivy.Index.open(str(directory))
    except (ValueError, OSError):
        return None
    with tantivy_failures(directory, "locking the index for a rebuild"):
        return index.writer(heap_size=_MIN_HEAP_PER_THREAD, num_threads=1)


def _links_to(directory: Path) -> Path:
    """A private, writable directory of links to the index's files (tantivy's reader needs
    to create its lock files; a read-only index directory cannot hold them)."""
    links = Path(tempfile.mkdtemp(prefix="medcite-index-"))
    for entry in directory.iterdir():
        if entry.name not in _TANTIVY_LOCKS:
            (links / entry.name).symlink_to(entry)
    return links
