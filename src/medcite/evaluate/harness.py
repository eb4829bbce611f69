"""``medcite eval DATASET``: read a benchmark in place, build its corpus, measure both systems.

Each dataset is one function, chosen by name from ``_RUNS``. Benchmarks are found at
``--data PATH`` (the dataset's folder, or the folder holding all of them), else under
``$MEDCITE_EVAL_DATA``, else in ``../shared/data`` beside the project checkout, where
the team keeps them; they are never copied.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from medcite.engine import Engine, Progress
from medcite.errors import SourceError
from medcite.evaluate.abstention import remove_gold_of_a_third, run_abstention
from medcite.evaluate.answer_ranking import liveqa_report, mediqa_qa_report
from medcite.evaluate.answers import SUMMARY_TYPES, run_summaries
from medcite.evaluate.cases import BioasqQuestion, Corpus, RankingQuery
from medcite.evaluate.concepts import run_concepts
from medcite.evaluate.datasets.bioasq import golden_files, read_bioasq
from medcite.evaluate.datasets.mediqa import read_mediqa_pages
from medcite.evaluate.datasets.ncbi_disease import read_ncbi_disease
from medcite.evaluate.datasets.pubmedqa import read_pubmedqa
from medcite.evaluate.datasets.scifact import read_scifact
from medcite.evaluate.grounding import bioasq_source_texts
from medcite.evaluate.names import Dataset
from medcite.evaluate.pages import EVERY_PAGE, run_page_questions
from medcite.evaluate.report import Report
from medcite.evaluate.retrieval import SystemRun, run_bioasq_retrieval, run_ranking
from medcite.evaluate.splits import Split, bioasq_split, selects
from medcite.evaluate.systems import BM25, MEDCITE, Bm25, Medcite, RetrievalSystem
from medcite.evaluate.vocabularies import data_root, ensure_vocabularies
from medcite.evaluate.workspace import EVAL_DIR, open_corpus
from medcite.records import Vocabulary
from medcite.settings import Settings

_Q = TypeVar("_Q")

DATA_ENV = "MEDCITE_EVAL_DATA"
"""Environment variable naming the folder that holds every benchmark's folder."""

TRAINING_SPLIT = "NCBItrainset_corpus.txt.gz"
VOCABULARIES_ONLY = "vocabularies_only"
DISEASE_TREES = ("C", "F03")
"""MeSH trees of diseases (C) and mental disorders (F03): what the NCBI corpus annotates."""


FOLDERS: dict[Dataset, str] = {
    Dataset.SCIFACT: "scifact",
    Dataset.BIOASQ: "bioasq/golden",
    Dataset.BIOASQ_SUMMARY: "bioasq/golden",
    Dataset.BIOASQ_ABSTENTION: "bioasq/golden",
    Dataset.PUBMEDQA: "pubmedqa",
    Dataset.NCBI_DISEASE: "ncbi_disease_corpus",
    Dataset.LIVEQA: "medquad",  # the judged answers; the questions lie beside it
    Dataset.MEDIQA_QA: "mediqa2019",
    Dataset.MEDIQA_PAGES: "mediqa2019",
}
"""Where each benchmark lies under the data folder (the layout of ``../shared/data``)."""


SPLIT_DATASETS = frozenset(
    {
        Dataset.BIOASQ,
        Dataset.BIOASQ_SUMMARY,
        Dataset.BIOASQ_ABSTENTION,
        Dataset.PUBMEDQA,
        Dataset.MEDIQA_PAGES,
    }
)
"""The benchmarks with train/dev/report splits (``splits``); the others have one protocol."""


def evaluate(
    dataset: Dataset,
    settings: Settings,
    data: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    split: Split = Split.REPORT,
) -> Report:
    """Measure medcite and plain BM25 on ``dataset``: the questions of ``split`` (the
    held-out report split by default), the first ``limit`` of them if given."""
    path = dataset_path(dataset, data)
    with Engine.open(settings) as engine:
        notes = ensure_vocabularies(engine, data_root(path, FOLDERS[dataset]))
    if dataset not in SPLIT_DATASETS:
        split = Split.REPORT  # one protocol: SciFact's dev claims, NCBI's test split
    report = _RUNS[dataset](settings, path, _Run(split, limit, progress))
    return replace(report, split=split.value, notes=(*notes, *report.notes))


@dataclass(frozen=True, slots=True)
class _Run:
    """Which questions a run takes and how it reports progress."""

    split: Split
    limit: int | None
    progress: Progress | None

    def take(self, questions: Sequence[_Q]) -> list[_Q]:
        return list(questions[: self.limit])


def dataset_path(
    dataset: Dataset, data: Path | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The benchmark's folder: ``data`` (or its subfolder for the dataset), the environment's, or
    the one beside the checkout; a SourceError says how to point at it when none exists."""
    folder = FOLDERS[dataset]
    if data is not None:
        if (data / folder).is_dir():
            return data / folder
        if not data.is_dir():
            raise SourceError(f"{data}: no such folder (--data names the {dataset} folder)")
        return data
    env = os.environ if environ is None else environ
    root = Path(env[DATA_ENV]) if env.get(DATA_ENV) else _beside_checkout()
    if root is None or not (root / folder).is_dir():
        raise SourceError(
            f"no {dataset} data found: give --data PATH (the dataset's folder), or set "
            f"{DATA_ENV} to the folder that holds {folder}/"
        )
    return root / folder


def _beside_checkout() -> Path | None:
    """``../shared/data`` next to the project checkout this module runs from, if present."""
    project = Path(__file__).resolve().parents[3]  # <project>/src/medcite/evaluate/harness.py
    candidate = project.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def _systems(engine: Engine) -> tuple[RetrievalSystem, ...]:
    return (Medcite(engine), Bm25(engine))


def _report(
    dataset: Dataset,
    runs: Mapping[str, SystemRun],
    queries: int,
    corpus: Corpus,
    path: Path,
    notes: tuple[str, ...] = (),
    counts: Mapping[str, int] | None = None,
) -> Report:
    return Report(
        dataset=dataset.value,
        systems={name: run.metrics for name, run in runs.items()},
        queries=queries,
        corpus_records=len(corpus.records),
        data=str(path),
        seconds={name: run.seconds for name, run in runs.items()},
        counts=counts or {},
        notes=notes,
    )


def _ranking(
    dataset: Dataset,
    read: Callable[[Path, Split], tuple[Corpus, tuple[RankingQuery, ...]]],
    metrics: Sequence[str],
    depth: int,
    settings: Settings,
    path: Path,
    run: _Run,
) -> Report:
    corpus, all_queries = read(path, run.split)
    queries = [q for q in run.take(all_queries) if any(g > 0 for g in q.relevant.values())]
    with open_corpus(settings, corpus) as engine:
        runs = {
            s.name: run_ranking(s, queries, metrics, depth, run.progress) for s in _systems(engine)
        }
    return _report(dataset, runs, len(queries), corpus, path)


def _bioasq_questions(path: Path, split: Split) -> tuple[Corpus, list[BioasqQuestion]]:
    corpus, questions = read_bioasq(path)
    return corpus, [q for q in questions if selects(split, bioasq_split(q.id, q.edition))]


def _bioasq(settings: Settings, path: Path, run: _Run) -> Report:
    corpus, questions = _bioasq_questions(path, run.split)
    asked = run.take(questions)
    with open_corpus(settings, corpus) as engine:
        runs = {s.name: run_bioasq_retrieval(s, asked, run.progress) for s in _systems(engine)}
    stored = {record.id for record in corpus.records}
    gold = [d for question in asked for d in question.documents]
    counts = {
        "gold_documents": len(gold),
        "gold_documents_outside_corpus": sum(d not in stored for d in gold),
    }
    note = "gold documents no snippet quotes are not in the corpus; they count as missed"
    return _report(Dataset.BIOASQ, runs, len(asked), corpus, path, (note,), counts)


def _bioasq_summary(settings: Settings, path: Path, run: _Run) -> Report:
    corpus, questions = _bioasq_questions(path, run.split)
    asked = run.take([q for q in questions if q.type in SUMMARY_TYPES])
    yesno = run.take([q for q in questions if q.exact_answer])
    sources = bioasq_source_texts(golden_files(path))
    with open_corpus(settings, corpus) as engine:
        runs = run_summaries(engine, asked, sources, yesno, run.progress)
    notes = (
        "bm25: the first sentence of each top BM25 record, as many as medcite's answer has",
        f"yes/no agreement over the split's {len(yesno)} yes/no questions",
        "grounded: statements found in the golden JSON by an oracle sharing no code with "
        "the composer",
    )
    return _report(Dataset.BIOASQ_SUMMARY, runs, len(asked), corpus, path, notes)


def _bioasq_abstention(settings: Settings, path: Path, run: _Run) -> Report:
    corpus, questions = _bioasq_questions(path, run.split)
    asked = run.take(questions)
    reduced, removed = remove_gold_of_a_third(corpus, asked)
    with open_corpus(settings, reduced) as engine:
        runs = run_abstention(engine, asked, removed, run.progress)
    counts = {
        "questions_without_gold": len(removed),
        "records_removed": len(corpus.records) - len(reduced.records),
    }
    notes = (
        "the gold documents of a seeded random third of the questions are left out of the "
        "corpus: an answer to those cites near misses",
        "bm25 always returns records: it never abstains",
    )
    return _report(Dataset.BIOASQ_ABSTENTION, runs, len(asked), reduced, path, notes, counts)


def ncbi_settings(settings: Settings) -> Settings:
    """Settings whose vocabularies are the NCBI run's own, ``<data dir>/eval/ncbi-disease``.

    That run adds the corpus's training split to MeSH and the Disease Ontology, so it
    keeps them apart from the vocabularies every other run uses.
    """
    directory = settings.data_dir / EVAL_DIR / Dataset.NCBI_DISEASE.value
    return settings.model_copy(
        update={"vocab": settings.vocab.model_copy(update={"directory": str(directory)})}
    )


def learn_from_training_split(engine: Engine, path: Path) -> tuple[str, ...]:
    """Import the NCBI corpus's training split as names of its concepts (DNorm's practice)."""
    training = path / TRAINING_SPLIT
    if not training.is_file() or Vocabulary.ANNOTATED_CORPUS in {
        i.vocabulary for i in engine.vocabularies()
    }:
        return ()
    engine.import_vocabulary(training)
    return (f"names learned from the training split {training} (the test split is scored)",)


def _ncbi_disease(settings: Settings, path: Path, run: _Run) -> Report:
    abstracts = run.take(read_ncbi_disease(path))
    progress = run.progress
    with Engine.open(settings) as engine:
        plain = run_concepts(partial(engine.recognize, tree_prefixes=DISEASE_TREES), abstracts)
    with Engine.open(ncbi_settings(settings)) as engine:
        notes = ensure_vocabularies(engine, data_root(path, FOLDERS[Dataset.NCBI_DISEASE]))
        notes += learn_from_training_split(engine, path)
        result = run_concepts(
            partial(engine.recognize, tree_prefixes=DISEASE_TREES), abstracts, progress
        )
    return Report(
        dataset=Dataset.NCBI_DISEASE.value,
        systems={MEDCITE: result.run.metrics, BM25: {}, VOCABULARIES_ONLY: plain.run.metrics},
        queries=len(abstracts),
        corpus_records=0,
        data=str(path),
        seconds={MEDCITE: result.run.seconds, VOCABULARIES_ONLY: plain.run.seconds},
        counts={
            "scored_mentions": result.scored_mentions,
            "omim_only_mentions_left_out": result.omim_only_mentions,
            "supplementary_only_mentions": result.supplementary_only_mentions,
        },
        notes=(
            *notes,
            "bm25: no lexical baseline applies to concept recognition",
            f"{VOCABULARIES_ONLY}: MeSH and the Disease Ontology alone, without the names "
            "learned from the training split",
        ),
    )


def _liveqa(settings: Settings, path: Path, run: _Run) -> Report:
    """LiveQA's test questions answered from MedQuAD (one protocol: the test set)."""
    return liveqa_report(Dataset.LIVEQA.value, settings, path, run.limit, run.progress)


def _mediqa_qa(settings: Settings, path: Path, run: _Run) -> Report:
    """MEDIQA 2019 task 3's test set re-ranked (one protocol: nothing is tuned on it)."""
    return mediqa_qa_report(Dataset.MEDIQA_QA.value, settings, path, run.limit, run.progress)


def _mediqa_pages(settings: Settings, path: Path, run: _Run) -> Report:
    """Whether a page asking what the question asks answers it, on MEDIQA's judged pages."""
    questions = run.take(read_mediqa_pages(path, run.split))
    with Engine.open(settings) as engine:
        runs = run_page_questions(engine, questions, run.progress)
    pages = sum(len(question.pages) for question in questions)
    return Report(
        dataset=Dataset.MEDIQA_PAGES.value,
        systems={name: system.metrics for name, system in runs.items()},
        queries=len(questions),
        corpus_records=0,
        data=str(path),
        seconds={name: system.seconds for name, system in runs.items()},
        counts={
            "judged_pages": pages,
            "correct_pages": sum(c for q in questions for _, c in q.pages),
            "pages_without_title": sum(not t for q in questions for t, _ in q.pages),
        },
        notes=(
            f"{MEDCITE}: a page is taken as an answer when its title asks what the "
            "question asks (its kind, of its subject)",
            f"{EVERY_PAGE}: every page is taken; its precision is the share judged correct",
            "correct: reference score 3 or 4",
        ),
    )


_RUNS: dict[Dataset, Callable[[Settings, Path, _Run], Report]] = {
    Dataset.SCIFACT: partial(
        _ranking,
        Dataset.SCIFACT,
        lambda path, _split: read_scifact(path),  # one protocol: all 300 dev claims
        ("ndcg@10", "recall@100"),
        100,
    ),
    Dataset.BIOASQ: _bioasq,
    Dataset.BIOASQ_SUMMARY: _bioasq_summary,
    Dataset.BIOASQ_ABSTENTION: _bioasq_abstention,
    Dataset.PUBMEDQA: partial(
        _ranking, Dataset.PUBMEDQA, read_pubmedqa, ("mrr", "recall@1", "recall@10"), 100
    ),
    Dataset.NCBI_DISEASE: _ncbi_disease,
    Dataset.LIVEQA: _liveqa,
    Dataset.MEDIQA_QA: _mediqa_qa,
    Dataset.MEDIQA_PAGES: _mediqa_pages,
}
