"""PubMedQA's expert-labelled set (Jin et al. 2019) for retrieval: question → its own abstract.

Each of the 1,000 questions of ``ori_pqal.json`` was written from an article's title;
the corpus is the 1,000 abstracts, so the one relevant record of a question is its
own abstract among all of them (MRR, recall@1, recall@10). A record is the question's
``CONTEXTS`` with their ``LABELS`` as section labels — the abstract without its
conclusion, as PubMedQA gives it. There is no title (the question was made from it,
so indexing it would give the answer away), and the ``MESHES`` are left out too: they
are names without descriptor ids, and the published BM25 figure is over the text.
"""

from __future__ import annotations

from pathlib import Path

from medcite.errors import SourceError
from medcite.evaluate.cases import Corpus, RankingQuery
from medcite.evaluate.datasets.files import field, find_file, read_json
from medcite.evaluate.splits import Split, pubmedqa_split, selects
from medcite.records import PublicationDate, Record, Section, Source

NAME = "pubmedqa"
TEST_IDS = "test_ground_truth.json"
"""The official test split's PMIDs (with their answers), beside ``ori_pqal.json``."""


def read_pubmedqa(
    directory: Path, split: Split = Split.ALL
) -> tuple[Corpus, tuple[RankingQuery, ...]]:
    """The 1,000 abstracts of ``ori_pqal.json``, and one query per abstract of ``split``.

    The corpus is always all 1,000 abstracts: only the questions asked differ by split.
    """
    path = find_file(directory, "ori_pqal.json")
    data = read_json(path)
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected an object keyed by PMID")
    test_ids = _test_ids(directory) if split is not Split.ALL else set()
    records, queries = [], []
    for pmid, item in data.items():
        where = f"PMID {pmid}"
        contexts = field(path, where, item, "CONTEXTS", list)
        labels = field(path, where, item, "LABELS", list)
        if len(labels) != len(contexts):
            raise SourceError(f"{path}, {where}: {len(contexts)} CONTEXTS but {len(labels)} LABELS")
        record = Record(
            id=f"pmid:{pmid}",
            source=Source.DATASET,
            title="",
            pmid=str(pmid),
            sections=tuple(
                Section(str(text), label=str(label))
                for text, label in zip(contexts, labels, strict=True)
            ),
            date=PublicationDate(year=_year(item.get("YEAR"))),
        )
        records.append(record)
        question = field(path, where, item, "QUESTION", str)
        if selects(split, pubmedqa_split(str(pmid), str(pmid) in test_ids)):
            queries.append(RankingQuery(id=str(pmid), text=question, relevant={record.id: 1}))
    return Corpus.of(NAME, tuple(records)), tuple(queries)


def _test_ids(directory: Path) -> set[str]:
    path = find_file(directory, TEST_IDS)
    data = read_json(path)
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected an object keyed by PMID")
    return {str(pmid) for pmid in data}


def _year(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None
