"""Dense retrieval on SciFact beside plain BM25, measured in the same run.

Usage::

    python bench/dense_scifact.py [--data ../shared/data/scifact] [--data-dir DIR]
                                  [--candidates 20 50] [--minilm-index]
                                  [--latency-queries 20] [--json FILE]

Needs the dense extra (``pip install torch==2.13.0 && pip install -e '.[dense]'``).
BEIR's protocol: the 5,183 abstracts as the corpus, all 300 dev claims as queries, the
claim's ``cited_doc_ids`` as relevant records; nDCG@10 and recall@100. Everything is
built in ``--data-dir`` (a temporary directory by default; one given is reused: the
store, the distilled static model and the vector index are kept when present).

Systems, each from the same store and index:

- ``bm25``: ``Engine.search`` (tantivy BM25 over title, abstract, MeSH, keywords with the
  default field boosts; SciFact records have only title and abstract);
- ``static``: the static (model2vec) encoder alone, exact inner product over all records;
- ``bm25+static``: the two fused (linear and RRF, equal weights);
- ``minilm-rerank``: BM25's top ``--candidates`` re-ordered by all-MiniLM-L6-v2 cosine
  alone (the rest of BM25's list after them);
- ``bm25+minilm``: that re-ordering fused with BM25's order (linear and RRF);
- ``bm25+static+minilm``: the full dense pipeline of ``[dense] enabled`` (first stage
  fused, then re-ranked), i.e. ``DenseRanker.rank``.

Throughput: texts/s of each encoder over the corpus (static) or the candidates (MiniLM).
Latency added per query, on ``--latency-queries`` claims: the static first stage
(encode + search), and the MiniLM re-rank both with candidate vectors encoded at query
time (cold) and taken from memory (warm). Fusion weights are not tuned on these claims.
Published anchors (BEIR / MedCPT papers): BM25 0.665, BGE-base 0.741, MedCPT 0.761.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from medcite.dense import fuse  # noqa: E402
from medcite.dense.encoders import TransformerEncoder, record_text  # noqa: E402
from medcite.dense.ranker import DenseRanker  # noqa: E402
from medcite.dense.rerank import cosine_ranking, rerank  # noqa: E402
from medcite.dense.vectors import VectorIndex  # noqa: E402
from medcite.engine import Engine  # noqa: E402
from medcite.records import Record, SearchHit, Section, Source  # noqa: E402
from medcite.settings import DenseSettings, EncoderKind, FusionMethod, load_settings  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "scifact"
DEPTH = 100
Run = dict[str, Sequence[SearchHit]]


def main() -> None:
    args = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="medcite-dense-") as scratch:
        data_dir = args.data_dir or Path(scratch)
        report = run(args, data_dir)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="SciFact folder")
    parser.add_argument("--data-dir", type=Path, help="medcite data directory (reused)")
    parser.add_argument(
        "--candidates", type=int, nargs="+", default=[20, 50], help="BM25 records re-ranked"
    )
    parser.add_argument("--latency-queries", type=int, default=10)
    parser.add_argument(
        "--minilm-index",
        action="store_true",
        help="also embed every record with MiniLM (minutes) and measure that index",
    )
    parser.add_argument("--json", type=Path, help="also write the report here")
    return parser.parse_args()


def run(args: argparse.Namespace, data_dir: Path) -> dict[str, Any]:
    with (args.data / "claims_dev.jsonl").open(encoding="utf-8") as lines:
        claims = [json.loads(line) for line in lines]
    relevant = {c["id"]: {f"scifact:{d}" for d in c["cited_doc_ids"]} for c in claims}
    questions = {c["id"]: c["claim"] for c in claims}
    cuts = sorted(args.candidates)
    # The engine runs lexical only (it ingests and builds what the bench needs); the
    # dense parts are driven directly, with these settings (the pipeline row turns the
    # static first stage on, to show what it does).
    dense = DenseSettings(
        first_stage=True, first_stage_candidates=DEPTH, rerank_candidates=cuts[-1]
    )
    settings = load_settings(data_dir, overrides={"dense": dense.model_dump()}, environ={})
    report: dict[str, Any] = {"claims": len(claims), "candidates": cuts}
    runs: dict[str, Run] = {}
    with Engine.open(settings) as engine:
        corpus = read_corpus(args.data / "corpus.jsonl.gz")
        if engine.stats().store.records == 0:
            engine.ingest(corpus)
        records = {r.id: r for r in corpus}
        report["records"] = len(records)
        lexical = timed_run(questions, lambda q: engine.search(q, DEPTH), report, "bm25")
        bm25 = runs["bm25"] = {cid: [hit for hit, _ in hits] for cid, hits in lexical.items()}

        vectors = static_index(engine, data_dir, report)
        static = runs["static"] = timed_run(
            questions, lambda q: vectors.search(q, DEPTH), report, "static"
        )
        report["hnsw_top10_agreement"] = hnsw_agreement(
            data_dir / "vectors-hnsw", vectors, records, settings.dense, questions, static, report
        )
        for method in FusionMethod:
            runs[f"bm25+static ({method})"] = {
                cid: fuse(method, bm25[cid], static[cid], 0.5) for cid in questions
            }

        minilm = TransformerEncoder(batch_size=32)
        # The ranker of the pipeline row; its cache keeps the candidates' MiniLM vectors.
        ranker = DenseRanker(settings.dense, vectors, minilm)
        latency_ids = [c["id"] for c in claims[: args.latency_queries]]
        for cut in cuts:
            report[f"minilm_rerank_cold_top{cut}_ms"] = cold_rerank_latency(
                [questions[i] for i in latency_ids],
                [[records[h.record_id] for h in bm25[i][:cut]] for i in latency_ids],
                minilm,
            )
        unique = sorted({h.record_id for hits in bm25.values() for h in hits[: cuts[-1]]})
        started = time.perf_counter()
        ranker.candidate_vectors([records[i] for i in unique])
        report["minilm_texts_per_second"] = round(len(unique) / (time.perf_counter() - started), 1)
        question_vectors = dict(
            zip(questions, minilm.encode(list(questions.values())), strict=True)
        )
        for cut in cuts:
            order: Run = {}
            for cid, hits in bm25.items():
                top = [records[h.record_id] for h in hits[:cut]]
                vectors_of_top = ranker.candidate_vectors(top)
                order[cid] = cosine_ranking(
                    question_vectors[cid], [r.id for r in top], vectors_of_top
                )
            runs[f"minilm top{cut} (cosine alone)"] = reranked(
                bm25, order, cut, FusionMethod.LINEAR, 1.0
            )
            for method in FusionMethod:
                runs[f"bm25+minilm top{cut} ({method})"] = reranked(bm25, order, cut, method, 0.5)

        runs[f"bm25+static+minilm top{cuts[-1]} (linear)"] = timed_run(
            questions,
            lambda q: ranker.rank(
                q, bm25_hits(engine, q), lambda ids: {i: records[i] for i in ids}
            ),
            report,
            "pipeline_warm",
        )
        if args.minilm_index:
            runs.update(minilm_index_runs(engine, records, settings.dense, bm25, questions, report))
    report["systems"] = {name: evaluate(run_, relevant) for name, run_ in runs.items()}
    return report


def minilm_index_runs(
    engine: Engine,
    records: dict[str, Record],
    dense: DenseSettings,
    bm25: Run,
    questions: dict[int, str],
    report: dict[str, Any],
) -> dict[str, Run]:
    """Every record embedded by MiniLM (``encoder = "transformer"``): slow to build, but
    then searched as a first stage and re-ranked with no encoding at question time."""
    settings = dense.model_copy(update={"encoder": EncoderKind.TRANSFORMER})
    folder = engine.settings.data_dir / "minilm-vectors"
    encoder = TransformerEncoder(batch_size=32)
    started = time.perf_counter()
    index = VectorIndex.create(folder, encoder, settings)
    with index.updating() as update:
        update.upsert(records.values())
        update.commit(0)
    report["minilm_index_texts_per_second"] = round(
        index.document_count() / (time.perf_counter() - started), 1
    )
    nearest = timed_run(questions, lambda q: index.search(q, DEPTH), report, "minilm_index")
    ranker = DenseRanker(settings, index, index.encoder)  # candidates' vectors: the index's
    runs: dict[str, Run] = {
        "minilm index (dense alone)": nearest,
        "bm25+minilm index (linear)": {
            cid: fuse(FusionMethod.LINEAR, hits, nearest[cid], 0.5) for cid, hits in bm25.items()
        },
    }
    runs[f"bm25+minilm index, re-ranked top{settings.rerank_candidates} (linear)"] = timed_run(
        questions,
        lambda q: ranker.rank(q, bm25_hits(engine, q), lambda ids: {i: records[i] for i in ids}),
        report,
        "pipeline_minilm_index",
    )
    return runs


def static_index(engine: Engine, data_dir: Path, report: dict[str, Any]) -> VectorIndex:
    """Distill the static model (unless the data dir has one) and embed every record."""
    if not (data_dir / "dense" / "static" / "config.json").is_file():
        started = time.perf_counter()
        engine.distill_static_model()
        report["distill_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    manifest = engine.build_vectors()
    report["static_texts_per_second"] = round(
        manifest.record_count / (time.perf_counter() - started)
    )
    ranker = DenseRanker.open(engine.settings.dense, data_dir)
    assert ranker.vectors is not None
    return ranker.vectors


def hnsw_agreement(
    folder: Path,
    exact: VectorIndex,
    records: dict[str, Record],
    dense: DenseSettings,
    questions: dict[int, str],
    exact_run: Run,
    report: dict[str, Any],
) -> float:
    """The same static vectors in an HNSW graph: share of the exact top 10 it returns."""
    settings = dense.model_copy(update={"hnsw_above": 0})
    graph = VectorIndex.create(folder, exact.encoder, settings)
    with graph.updating() as update:
        update.upsert(records.values())
        update.commit(0)
    assert graph.manifest.structure == "hnsw"
    approximate = timed_run(questions, lambda q: graph.search(q, 10), report, "static_hnsw")
    shared = [
        len({h.record_id for h in approximate[cid]} & {h.record_id for h in exact_run[cid][:10]})
        for cid in questions
    ]
    return round(sum(shared) / (10 * len(shared)), 4)


def bm25_hits(engine: Engine, question: str) -> list[SearchHit]:
    return [hit for hit, _ in engine.search(question, DEPTH)]


def reranked(bm25: Run, order: Run, cut: int, method: FusionMethod, dense_weight: float) -> Run:
    return {
        cid: rerank(hits, order[cid], candidates=cut, method=method, dense_weight=dense_weight)
        for cid, hits in bm25.items()
    }


def read_corpus(path: Path) -> list[Record]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    return [
        Record(
            id=f"scifact:{doc['doc_id']}",
            source=Source.JSONL,
            title=doc["title"],
            sections=(Section(" ".join(doc["abstract"])),),
        )
        for doc in docs
    ]


def timed_run(
    questions: dict[int, str], search: Callable[[str], Any], report: dict[str, Any], name: str
) -> dict[int, Any]:
    results: dict[int, Any] = {}
    times: list[float] = []
    for cid, question in questions.items():
        started = time.perf_counter()
        results[cid] = search(question)
        times.append((time.perf_counter() - started) * 1000)
    report[f"{name}_ms"] = percentiles(times)
    return results


def cold_rerank_latency(
    questions: list[str], candidates: list[list[Record]], encoder: TransformerEncoder
) -> dict[str, float]:
    """Question and candidates encoded at query time: the cost without any cache."""
    encoder.encode(["warm-up: load the model before timing"])
    times = []
    for question, top in zip(questions, candidates, strict=True):
        started = time.perf_counter()
        vector = encoder.encode([question])[0]
        cosine_ranking(vector, [r.id for r in top], encoder.encode([record_text(r) for r in top]))
        times.append((time.perf_counter() - started) * 1000)
    return percentiles(times)


def percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {"p50": round(statistics.median(ordered), 1), "p95": round(p95, 1)}


def evaluate(run_: Run, relevant: dict[int, set[str]]) -> dict[str, float]:
    ndcg = [ndcg_at(run_[cid], rel, 10) for cid, rel in relevant.items()]
    recall = [recall_at(run_[cid], rel, 100) for cid, rel in relevant.items()]
    return {
        "ndcg@10": round(statistics.fmean(ndcg), 4),
        "recall@100": round(statistics.fmean(recall), 4),
    }


def ndcg_at(ranking: Sequence[SearchHit], relevant: set[str], k: int) -> float:
    """Binary-relevance nDCG@k, as BEIR computes it with pytrec_eval."""
    gain = sum(
        1 / math.log2(rank + 1)
        for rank, hit in enumerate(ranking[:k], 1)
        if hit.record_id in relevant
    )
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(relevant), k) + 1))
    return gain / ideal


def recall_at(ranking: Sequence[SearchHit], relevant: set[str], k: int) -> float:
    return len({hit.record_id for hit in ranking[:k]} & relevant) / len(relevant)


def print_report(report: dict[str, Any]) -> None:
    print(
        f"SciFact dev: {report['claims']} claims over {report['records']} records; "
        f"MiniLM re-ranks the top {report['candidates']}"
    )
    print(f"{'system':34} {'nDCG@10':>8} {'R@100':>7}")
    for name, metrics in report["systems"].items():
        print(f"{name:34} {metrics['ndcg@10']:8.3f} {metrics['recall@100']:7.3f}")
    for key, value in report.items():
        if key not in {"systems", "claims", "records", "candidates"}:
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
