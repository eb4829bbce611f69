"""The lexical (BM25) index of records, kept in a tantivy directory with its manifest.

The index holds only what search needs: the record id (stored, to name hits and to
delete by) and the analysed text of the title, abstract, MeSH terms and keywords, plus
the year as a fast field for filters. The documents themselves live in the store, so an
index can always be rebuilt from it (``medcite index rebuild``).

One ``IndexUpdate`` (one tantivy writer) serves a whole ingest run: opening a writer
is costly and tantivy allows one at a time. Each ``commit`` makes the changes visible
and then rewrites the manifest with the store sequence they correspond to.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy

from medcite.errors import IndexStateError
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
from medcite.index.query import (
    MAJOR_MESH_IDS,
    MESH_IDS,
    PUBLICATION_TYPES,
    analyze,
    analyze_query_text,
    build_plan_query,
    build_query,
)
from medcite.records import ConceptClause, MeshHeading, Record, SearchHit, SearchPlan
from medcite.settings import IndexSettings

ID_FIELD = "id"
TEXT_FIELDS = ("title", "abstract", "mesh", "keywords")
YEAR_FIELD = "year"

_TANTIVY_META_FILE = "meta.json"
_MEBIBYTE = 1024 * 1024
_RARITY_CACHE = 500_000
"""Words whose rarity is kept between questions (tens of megabytes at most)."""
_MIN_HEAP_PER_THREAD = 16 * _MEBIBYTE  # tantivy refuses less than 15 MB per indexing thread
_MAX_THREADS = 8  # tantivy's own cap on indexing threads


def build_schema() -> tantivy.Schema:
    """The index schema; change it only together with ``manifest.FORMAT_VERSION``."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(ID_FIELD, stored=True, tokenizer_name="raw", index_option="basic")
    for name in TEXT_FIELDS:
        # Positions are indexed so that quoted phrases can be searched.
        builder.add_text_field(name, tokenizer_name="en_stem", index_option="position")
    # Descriptor ids and publication types as whole tokens: a concept found in MeSH
    # whatever words the record uses, and guidelines found by their type.
    for name in (MESH_IDS, MAJOR_MESH_IDS, PUBLICATION_TYPES):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field(YEAR_FIELD, indexed=True, fast=True)
    return builder.build()


def field_boosts(settings: IndexSettings) -> dict[str, float]:
    """BM25 boost of each text field, from the settings."""
    return {
        "title": settings.title_boost,
        "abstract": settings.abstract_boost,
        "mesh": settings.mesh_boost,
        "keywords": settings.keywords_boost,
    }


def record_document(record: Record) -> tantivy.Document:
    """The index document of a record: its id and the text search looks at.

    Built with keyword arguments in one call, the fastest of tantivy's document
    builders when measured (adding documents dominates the cost of indexing).
    """
    mesh = [heading.name for heading in record.mesh_headings]
    mesh.extend(chemical.name for chemical in record.chemicals)
    fields: dict[str, object] = {
        ID_FIELD: record.id,
        "title": record.title,
        "abstract": record.abstract,
        "mesh": mesh,
        "keywords": list(record.keywords),
        MESH_IDS: [heading.descriptor_id for heading in record.mesh_headings],
        MAJOR_MESH_IDS: [h.descriptor_id for h in record.mesh_headings if is_major(h)],
        PUBLICATION_TYPES: list(record.publication_types),
    }
    if record.year is not None:
        fields[YEAR_FIELD] = record.year
    return tantivy.Document(**fields)


def is_major(heading: MeshHeading) -> bool:
    """A major topic of the record: the descriptor, or one of its qualifiers, starred by NLM."""
    return heading.major_topic or any(q.major_topic for q in heading.qualifiers)


class LexicalIndex:
    """A tantivy index directory with its manifest; open with :meth:`open` or :meth:`create`."""

    def __init__(
        self,
        directory: Path,
        settings: IndexSettings,
        index: tantivy.Index,
        manifest: IndexManifest,
    ) -> None:
        self._directory = directory
        self._settings = settings
        self._index = index
        self._manifest = manifest
        self._boosts = field_boosts(settings)
        self._rarity: dict[str, float] = {}
        self._rarity_of = -1  # the document count the cached rarities hold for

    @classmethod
    def open(cls, directory: Path, settings: IndexSettings) -> LexicalIndex:
        """Open the index in ``directory``, creating it when the directory is new or empty.

        Refuses (``IndexStateError`` naming ``medcite index rebuild``) an index without a
        manifest, or one whose format version or settings differ from these.
        """
        manifest = read_manifest(directory)
        if manifest is None:
            if directory.is_dir() and any(directory.iterdir()):
                raise IndexStateError(
                    f"{directory}: holds files but no index manifest; run `{REBUILD_COMMAND}`"
                )
            return cls.create(directory, settings)
        check_manifest(manifest, settings, directory)
        if not (directory / _TANTIVY_META_FILE).is_file():
            raise IndexStateError(
                f"{directory}: the index files are missing; run `{REBUILD_COMMAND}`"
            )
        try:
            index = tantivy.Index.open(str(directory))
        except ValueError as exc:
            raise IndexStateError(
                f"{directory}: cannot open the index ({exc}); run `{REBUILD_COMMAND}`"
            ) from exc
        return cls(directory, settings, index, manifest)

    @classmethod
    def create(cls, directory: Path, settings: IndexSettings) -> LexicalIndex:
        """Start an empty index in ``directory``, wiping the index there (for a rebuild).

        A directory that holds something other than an index is left alone: wiping it
        could destroy a user's files.
        """
        if directory.exists():
            _check_is_index_directory(directory)
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        index = tantivy.Index(build_schema(), path=str(directory), reuse=False)
        manifest = new_manifest(settings)
        write_manifest(directory, manifest)
        return cls(directory, settings, index, manifest)

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
            writer.rollback()  # discards only what came after the last commit
            writer.wait_merging_threads()

    def search(self, text: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """The best ``limit`` records for ``text``, read as words and "quoted phrases".

        Text with nothing searchable in it (empty, only punctuation) finds nothing.
        """
        query_terms = analyze_query_text(text)
        if query_terms.is_empty or limit < 1:
            return ()
        return self._hits(build_query(query_terms, self._index.schema, self._boosts), limit)

    def _hits(self, query: tantivy.Query, limit: int) -> tuple[SearchHit, ...]:
        searcher = self._index.searcher()
        hits = searcher.search(query, limit).hits
        return tuple(
            SearchHit(
                record_id=str(searcher.doc(address).get_first(ID_FIELD)), score=score, rank=rank
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
        result = self._index.searcher().search(query, 1, count=True)  # tantivy needs limit ≥ 1
        return int(result.count)  # type: ignore[attr-defined]  # missing from tantivy's stubs

    def inverse_document_frequencies(
        self, words: list[str], field: str = "abstract"
    ) -> dict[str, float]:
        """BM25's idf of each analysed word over ``field`` (Robertson–Spärck Jones, +1 form)."""
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
        return int(self._index.searcher().num_docs)

    def _writer(self) -> tantivy.IndexWriter:
        heap = self._settings.writer_heap_mb * _MEBIBYTE
        # tantivy wants at least ~15 MB of heap per indexing thread.
        threads = max(1, min(self._settings.writer_threads, heap // _MIN_HEAP_PER_THREAD))
        try:
            return self._index.writer(heap_size=heap, num_threads=threads)
        except ValueError as exc:
            raise IndexStateError(
                f"{self._directory}: cannot write the index ({exc}); is another medcite "
                "process indexing?"
            ) from exc

    def _after_commit(self, store_sequence: int, opstamp: int) -> None:
        """Make the commit visible to searches, then record it in the manifest."""
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
        for record in records:
            if added is None or record.id in added:
                self._writer.delete_documents_by_term(ID_FIELD, record.id)
            elif added is not None:
                added.add(record.id)
            self._writer.add_document(record_document(record))

    def delete(self, record_ids: Iterable[str]) -> None:
        """Remove records by id; ids that are not indexed are ignored."""
        for record_id in record_ids:
            self._writer.delete_documents_by_term(ID_FIELD, record_id)

    def commit(self, store_sequence: int) -> None:
        """Make the changes durable and visible, then write the manifest atomically.

        ``store_sequence`` is the store's change counter these changes bring the index
        up to; after an interrupted run the engine replays the store from there.
        """
        opstamp = self._writer.commit()
        self._index._after_commit(store_sequence, opstamp)


def _check_is_index_directory(directory: Path) -> None:
    """Refuse to wipe a directory that is neither empty nor an index."""
    if not directory.is_dir():
        raise IndexStateError(f"{directory}: is not a directory")
    markers = (MANIFEST_FILE_NAME, _TANTIVY_META_FILE)
    if any(directory.iterdir()) and not any((directory / name).exists() for name in markers):
        raise IndexStateError(f"{directory}: is not an index directory; refusing to wipe it")
