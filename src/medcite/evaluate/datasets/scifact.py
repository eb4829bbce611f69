"""SciFact (Wadden et al. 2020) as BEIR reads it: every dev claim, its cited abstracts relevant.

BEIR's protocol (Thakur et al. 2021) keeps all 300 dev claims and takes each claim's
``cited_doc_ids`` as its relevant documents, gain 1. Keeping only the 188 claims with
evidence would inflate nDCG@10 (to about 0.82 for BM25 instead of 0.67), so they are
all kept. A corpus record is the abstract's title and its sentences joined by spaces,
one unlabelled section, as BEIR indexes "title" and "text".
"""

from __future__ import annotations

from pathlib import Path

from medcite.errors import SourceError
from medcite.evaluate.cases import Corpus, RankingQuery, TextSpan
from medcite.evaluate.datasets.files import field, find_file, read_json_lines
from medcite.records import Record, Section, Source

NAME = "scifact"


def record_id(doc_id: int | str) -> str:
    """The store id of a SciFact abstract (its S2ORC id, which is not a PMID)."""
    return f"scifact:{doc_id}"


def read_scifact(directory: Path) -> tuple[Corpus, tuple[RankingQuery, ...]]:
    """The SciFact corpus and its dev claims from ``corpus.jsonl`` and ``claims_dev.jsonl``."""
    corpus_path = find_file(directory, "corpus.jsonl")
    records = []
    for number, item in read_json_lines(corpus_path):
        where = f"line {number}"
        doc_id = field(corpus_path, where, item, "doc_id", (int, str))
        sentences = field(corpus_path, where, item, "abstract", list)
        records.append(
            Record(
                id=record_id(doc_id),
                source=Source.DATASET,
                title=field(corpus_path, where, item, "title", str),
                sections=(Section(" ".join(str(s) for s in sentences)),),
            )
        )
    corpus = Corpus.of(NAME, tuple(records))
    known = {record.id for record in records}
    return corpus, read_claims(find_file(directory, "claims_dev.jsonl"), known)


def read_claims(path: Path, known_ids: set[str]) -> tuple[RankingQuery, ...]:
    """Each claim, its cited abstracts relevant; citing one outside the corpus is an error."""
    queries = []
    for number, item in read_json_lines(path):
        where = f"line {number}"
        cited = field(path, where, item, "cited_doc_ids", list)
        relevant = {record_id(doc_id): 1 for doc_id in cited}
        missing = sorted(set(relevant) - known_ids)
        if missing:
            raise SourceError(f"{path}, {where}: cited documents not in the corpus: {missing}")
        queries.append(
            RankingQuery(
                id=str(field(path, where, item, "id", (int, str))),
                text=field(path, where, item, "claim", str),
                relevant=relevant,
            )
        )
    return tuple(queries)


def read_rationales(
    directory: Path, claims_file: str = "claims_train.jsonl"
) -> tuple[tuple[str, str, tuple[str, ...], tuple[TextSpan, ...]], ...]:
    """Each claim with its cited records and its rationale sentences as spans.

    SciFact marks, for each claim, the sentences of a cited abstract that support or
    contradict it (its rationales): sentence-level gold for what answers a claim. A
    span is the sentence's place in the record's one section, whose text is the
    abstract's sentences joined by single spaces (``read_scifact``).
    Returns ``(claim id, claim, cited record ids, rationale spans)`` per claim.
    """
    corpus_path = find_file(directory, "corpus.jsonl")
    offsets: dict[str, list[tuple[int, int]]] = {}
    for number, item in read_json_lines(corpus_path):
        where = f"line {number}"
        sentences = [str(s) for s in field(corpus_path, where, item, "abstract", list)]
        places: list[tuple[int, int]] = []
        position = 0
        for sentence in sentences:
            places.append((position, position + len(sentence)))
            position += len(sentence) + 1
        offsets[record_id(field(corpus_path, where, item, "doc_id", (int, str)))] = places
    path = find_file(directory, claims_file)
    found = []
    for number, item in read_json_lines(path):
        where = f"line {number}"
        evidence = field(path, where, item, "evidence", dict)
        spans: list[TextSpan] = []
        for doc_id, rationales in evidence.items():
            known = offsets.get(record_id(doc_id))
            if known is None:
                raise SourceError(f"{path}, {where}: evidence for a document not in the corpus")
            for rationale in rationales:
                for index in field(path, where, rationale, "sentences", list):
                    if not 0 <= int(index) < len(known):
                        raise SourceError(f"{path}, {where}: no sentence {index} in {doc_id}")
                    start, end = known[int(index)]
                    spans.append(TextSpan(record_id(doc_id), 0, start, end))
        cited = tuple(record_id(d) for d in field(path, where, item, "cited_doc_ids", list))
        claim = str(field(path, where, item, "id", (int, str)))
        found.append((claim, field(path, where, item, "claim", str), cited, tuple(spans)))
    return tuple(found)
