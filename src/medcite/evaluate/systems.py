"""The systems a benchmark compares, behind one protocol: medcite as users get it, and plain BM25.

Both run on the same engine, so the same store and index: "bm25" is ``Engine.search``
(the lexical index alone, no expansion) and "medcite" is ``Engine.retrieve`` and
``Engine.snippets`` — whatever the full pipeline does at the time. The difference
between the two columns of a report is therefore exactly what medcite adds to BM25.
"""

from __future__ import annotations

from typing import Protocol

from medcite.engine import Engine
from medcite.evaluate.cases import TextSpan
from medcite.ingest import record_sentences
from medcite.records import Sentence

MEDCITE = "medcite"
BM25 = "bm25"


class RetrievalSystem(Protocol):
    """What a ranking or snippet benchmark asks of a system."""

    name: str

    def rank(self, text: str, limit: int) -> tuple[str, ...]:
        """Record ids for ``text``, best first, at most ``limit``."""
        ...

    def snippets(self, text: str, limit: int) -> tuple[TextSpan, ...]:
        """Passages of records that answer ``text``, best first, at most ``limit``."""
        ...


class Medcite:
    """The full system: concept-aware retrieval and evidence snippets."""

    name = MEDCITE

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def rank(self, text: str, limit: int) -> tuple[str, ...]:
        return tuple(hit.record_id for hit in self._engine.retrieve(text, limit))

    def snippets(self, text: str, limit: int) -> tuple[TextSpan, ...]:
        return tuple(sentence_span(s) for s, _ in self._engine.snippets(text, limit))


class Bm25:
    """The baseline: the lexical index alone; its snippets are the records' first sentences.

    Taking each top record's first sentence is the "lead" baseline of summarisation,
    which BioASQ snippet and ideal-answer baselines also use.
    """

    name = BM25

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def rank(self, text: str, limit: int) -> tuple[str, ...]:
        return tuple(hit.record_id for hit, _ in self._engine.search(text, limit))

    def snippets(self, text: str, limit: int) -> tuple[TextSpan, ...]:
        return tuple(sentence_span(s) for s in self.lead_sentences(text, limit))

    def lead_sentences(self, text: str, count: int) -> tuple[Sentence, ...]:
        """The first sentence of each of the top records; second sentences if records run out."""
        if count < 1:
            return ()
        per_record = [record_sentences(record) for _, record in self._engine.search(text, count)]
        picked: list[Sentence] = []
        depth = 0
        while len(picked) < count and any(depth < len(s) for s in per_record):
            picked.extend(s[depth] for s in per_record if depth < len(s))
            depth += 1
        return tuple(picked[:count])


def sentence_span(sentence: Sentence) -> TextSpan:
    """Where a sentence lies in its record, as a snippet span."""
    return TextSpan(sentence.record_id, sentence.section_index, sentence.start, sentence.end)
