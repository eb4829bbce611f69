"""What a benchmark is made of: a corpus of records, and the questions asked of it with their gold.

Dataset readers turn each benchmark's own files into these types; the runs and the
metrics see nothing else, so a metric never has to know which benchmark it scores.
Record ids are the ids the corpus records get in the store (``scifact:123``,
``pmid:456``), so a gold id can be compared with a retrieved one as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

import msgspec

from medcite.records import Record

TITLE = -1
"""The ``part`` of a :class:`TextSpan` that lies in a record's title (sections count from 0)."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """The records a benchmark searches, with a fingerprint of their exact content.

    The fingerprint tells a data directory built earlier from the same records (reuse
    it) from one built from other records or by an older reader (build it again).
    """

    name: str
    records: tuple[Record, ...]
    fingerprint: str

    @classmethod
    def of(cls, name: str, records: tuple[Record, ...]) -> Corpus:
        """A corpus named ``name`` holding ``records``, fingerprinted by their JSON."""
        digest = hashlib.sha256()
        encoder = msgspec.json.Encoder()
        for record in records:
            digest.update(encoder.encode(record))
            digest.update(b"\n")
        return cls(name, records, digest.hexdigest()[:16])


@dataclass(frozen=True, slots=True)
class RankingQuery:
    """A query of a ranking benchmark and the graded relevance of records to it.

    ``relevant`` maps a record id to its gain (1 for binary judgements); records not in
    it are not relevant.
    """

    id: str
    text: str
    relevant: Mapping[str, int]


@dataclass(frozen=True, slots=True, order=True)
class TextSpan:
    """Characters ``start:end`` of one part of a record: its title (``TITLE``) or a section.

    Snippets, gold and retrieved alike, are compared as such spans, by the characters
    they share (BioASQ's snippet measure).
    """

    record_id: str
    part: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class BioasqQuestion:
    """A BioASQ Task B question with its gold documents, snippets and ideal answers."""

    id: str
    type: str
    body: str
    documents: tuple[str, ...]
    snippets: tuple[TextSpan, ...]
    ideal_answers: tuple[str, ...]
    edition: int = 0
    """The BioASQ edition the question was set in (11 for 11B)."""
    exact_answer: str = ""
    """For a yes/no question, "yes" or "no"; empty for the other types."""


@dataclass(frozen=True, slots=True)
class GoldMention:
    """A disease mention of the NCBI disease corpus: where it is and the concepts it names.

    ``concept_ids`` holds every id of the annotation: several for a composite mention
    ("breast and ovarian cancer" → ``D001943|D010051``) or a combination (``+``), MeSH
    ids bare (``D001943``, supplementary ``C535662``) and OMIM ids prefixed (``OMIM:…``).
    """

    start: int
    end: int
    text: str
    kind: str
    concept_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnnotatedAbstract:
    """A PubMed abstract of the NCBI disease corpus: ``text`` is the title, a space, the abstract.

    Mention offsets count from the start of ``text``, as in the corpus's PubTator files.
    """

    pmid: str
    text: str
    mentions: tuple[GoldMention, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class AnswerQuery:
    """A consumer question of an answer-ranking benchmark and the judged answers to it.

    ``relevant`` maps each judged answer's record id to its gain (0: judged, but below
    the benchmark's bar). ``candidates``, when given, are the only answers to rank — a
    re-ranking task (MEDIQA) — in the order the benchmark lists them; empty means any
    record of the corpus may be returned (LiveQA over MedQuAD).
    """

    id: str
    text: str
    relevant: Mapping[str, int]
    candidates: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        """Whether any judged answer clears the bar; no ranking can score on the others."""
        return any(gain > 0 for gain in self.relevant.values())


@dataclass(frozen=True, slots=True)
class JudgedPages:
    """A question with the title of each page given as its answer, and whether each page
    was judged a correct answer."""

    id: str
    text: str
    pages: tuple[tuple[str, bool], ...]
    """``(title, correct)`` per page, in the order the benchmark lists them."""
