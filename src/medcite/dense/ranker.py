"""The dense part of answering a question: what the engine holds when ``[dense] enabled``.

:class:`DenseRanker` owns the record vector index (kept in step with the store by the
engine) and the re-ranking encoder, and turns a lexical ranking into the final one:

1. *first stage* (``first_stage``, off by default) — the vector index's nearest records
   fused with the lexical hits, so a record that shares no word with the question can
   still come in;
2. *re-rank* — the top ``rerank_candidates`` re-ordered by the transformer and fused
   with their lexical order.

Candidate vectors for re-ranking come from the vector index when it was built by the
same encoder (no encoding at question time), else from a small in-process cache, else
from the encoder.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from medcite.dense.encoders import Encoder, Vectors, open_encoder, record_text
from medcite.dense.fusion import fuse
from medcite.dense.rerank import cosine_ranking, rerank
from medcite.dense.vectors import VectorIndex
from medcite.records import Record, SearchHit
from medcite.settings import DenseSettings, EncoderKind

VECTORS_DIR = "vectors"
"""The vector index directory inside the data directory."""

CACHE_RECORDS = 20_000
"""Candidate vectors kept in memory (MiniLM: 384 floats, 1.5 kB each)."""

FetchRecords = Callable[[Iterable[str]], Mapping[str, Record]]


class DenseRanker:
    """The record vector index and the re-ranking encoder, per the ``[dense]`` settings."""

    def __init__(
        self, settings: DenseSettings, vectors: VectorIndex | None, reranker: Encoder | None
    ) -> None:
        self._settings = settings
        self.vectors = vectors
        self._reranker = reranker
        self._cache: OrderedDict[tuple[str, int], Vectors] = OrderedDict()

    @classmethod
    def open(cls, settings: DenseSettings, data_dir: Path) -> DenseRanker:
        """Open (or start) the vector index and name the re-ranker; models load lazily."""
        vectors = None
        if settings.uses_vector_index:
            encoder = open_encoder(settings.encoder, settings, data_dir)
            vectors = VectorIndex.open(data_dir / VECTORS_DIR, encoder, settings)
        reranker = None
        if settings.rerank and vectors is not None and settings.encoder is EncoderKind.TRANSFORMER:
            reranker = vectors.encoder  # one model: candidates' vectors come from the index
        elif settings.rerank:
            reranker = open_encoder(EncoderKind.TRANSFORMER, settings, data_dir)
        return cls(settings, vectors, reranker)

    def rank(
        self, question: str, lexical: Sequence[SearchHit], fetch: FetchRecords
    ) -> tuple[SearchHit, ...]:
        """The lexical ranking with dense evidence fused in (see the module doc)."""
        settings = self._settings
        ranking: Sequence[SearchHit] = lexical
        asked: Vectors | None = None  # the question's vector, when the re-ranker can reuse it
        if self.vectors is not None and settings.first_stage:
            asked = self.vectors.encoder.encode([question])[0]
            nearest = self.vectors.search_vector(asked, settings.first_stage_candidates)
            ranking = fuse(settings.fusion, ranking, nearest, settings.dense_weight)
            if self.vectors.encoder is not self._reranker:
                asked = None
        if self._reranker is not None and ranking:
            top = [hit.record_id for hit in ranking[: settings.rerank_candidates]]
            records = fetch(top)
            held = [record_id for record_id in top if record_id in records]
            dense = cosine_ranking(
                asked if asked is not None else self._reranker.encode([question])[0],
                held,
                self.candidate_vectors([records[record_id] for record_id in held]),
            )
            ranking = rerank(
                ranking,
                dense,
                candidates=settings.rerank_candidates,
                method=settings.fusion,
                dense_weight=settings.dense_weight,
            )
        return tuple(ranking)

    def candidate_vectors(self, records: Sequence[Record]) -> Vectors:
        """Re-ranker vectors of ``records``: from the index, the cache, or encoded now."""
        assert self._reranker is not None
        rows: list[Vectors | None] = []
        for record in records:
            stored = self._stored_vector(record.id)
            rows.append(stored if stored is not None else self._cache.get(_cache_key(record)))
        missing = [n for n, row in enumerate(rows) if row is None]
        if missing:
            encoded = self._reranker.encode([record_text(records[n]) for n in missing])
            for n, vector in zip(missing, encoded, strict=True):
                rows[n] = vector
                self._remember(_cache_key(records[n]), vector)
        dimension = self._reranker.dimension
        return np.array(rows, dtype=np.float32).reshape(len(records), dimension)

    def _stored_vector(self, record_id: str) -> Vectors | None:
        if self.vectors is None or self.vectors.encoder is not self._reranker:
            return None
        return self.vectors.vector_of(record_id)

    def _remember(self, key: tuple[str, int], vector: Vectors) -> None:
        self._cache[key] = vector
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_RECORDS:
            self._cache.popitem(last=False)


def _cache_key(record: Record) -> tuple[str, int]:
    """A record's id and text hash: an updated record is encoded again."""
    return record.id, hash(record_text(record))
