"""Index size and ``search``/``retrieve``/``ask`` latency on a large index, beside a
bare-tantivy baseline.

Usage::

    python bench/query_latency.py [--records 200000] [--queries 200] [--data-dir DIR]
                                  [--vocab-dir ../shared/data] [--json bench/results/query.json]

The index is built from the demo corpus (``pip install -e '.[demo]'``: 50,788 real
records) replicated with new PMIDs until it holds ``--records`` records — a fair
stand-in for a 200,000-record slice of PubMed. A data directory given with
``--data-dir`` is reused when it already holds records. (The demo files repeat a few
PMIDs, so the index ends up slightly under ``--records``; sizes use the real count.)

Questions: the bodies of BioASQ questions from ``../shared/data/bioasq`` when present,
else the built-in list below, cycled to ``--queries``. Each is timed warm (after 10
warm-up queries) as:

- ``tantivy``: the baseline — tantivy's own query parser (lenient) over the same index,
  top 10, nothing else;
- ``search``: ``Engine.search`` (plain BM25: safe query building, field boosts, records);
- ``retrieve``: ``Engine.understand`` + ``Engine.retrieve_for`` — concept-aware retrieval:
  concepts, senses, expansion to synonyms/abbreviations/headings, per-facet searches,
  passages, topic scores and the guard (target, issue 3: p95 < 300 ms);
- ``ask``: ``Engine.ask``, the whole answer page (grading, sentence notes, composition,
  verification; target, issue 4: p95 < 500 ms).

Vocabularies (MeSH and the Disease Ontology) are imported from ``--vocab-dir`` (the
folder holding ``mesh/`` and ``disease_ontology/``, ``../shared/data`` by default) when
the data directory has none; without them retrieval has no concepts to expand.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from msgspec.structs import replace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from medcite.engine import INDEX_DIR, STORE_FILE, Engine  # noqa: E402
from medcite.ingest.demo import demo_corpus_paths  # noqa: E402
from medcite.ingest.pubmed_xml import read_pubmed_xml  # noqa: E402
from medcite.records import Record, SourceItem  # noqa: E402
from medcite.settings import load_settings  # noqa: E402

BUILT_IN_QUESTIONS = (
    "What is the effect of remdesivir in patients hospitalised with COVID-19?",
    "Which MRI findings suggest central nervous system involvement in systemic sclerosis?",
    "Does vitamin D supplementation reduce fractures in older adults?",
    "What are the risk factors for postoperative delirium?",
    "How accurate is troponin for diagnosing myocardial infarction?",
    "Is metformin associated with lower cancer incidence?",
)
PMID_STRIDE = 100_000_000


def replicated_records(target: int) -> Iterator[SourceItem]:
    """The demo records, then copies with PMIDs shifted by multiples of ``PMID_STRIDE``."""
    produced = 0
    copy = 0
    while produced < target:
        for path in demo_corpus_paths():
            for item in read_pubmed_xml(path):
                if not isinstance(item, Record):
                    continue
                if copy:
                    pmid = str(int(item.pmid) + copy * PMID_STRIDE)
                    item = replace(item, id=f"pmid:{pmid}", pmid=pmid)
                yield item
                produced += 1
                if produced == target:
                    return
        copy += 1


def questions(limit: int) -> list[str]:
    golden = ROOT.parent / "shared" / "data" / "bioasq" / "golden"
    bodies: list[str] = []
    for path in sorted(golden.rglob("*.json.gz")) if golden.is_dir() else []:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            bodies += [q["body"] for q in json.load(handle)["questions"]]
        if len(bodies) >= limit:
            break
    pool = bodies or list(BUILT_IN_QUESTIONS)
    return [pool[i % len(pool)] for i in range(limit)]


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49], 2),
        "p95_ms": round(cuts[94], 2),
        "p99_ms": round(cuts[98], 2),
        "mean_ms": round(statistics.fmean(samples_ms), 2),
    }


def timed(call: Callable[[str], Any], texts: list[str]) -> dict[str, float]:
    for text in texts[:10]:
        call(text)
    samples = []
    for text in texts:
        started = time.perf_counter()
        call(text)
        samples.append((time.perf_counter() - started) * 1000)
    return percentiles(samples)


def directory_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def tantivy_baseline(index_dir: Path) -> Callable[[str], Any]:
    import tantivy

    index = tantivy.Index.open(str(index_dir))
    searcher = index.searcher()
    fields = ["title", "abstract", "mesh", "keywords"]

    def search(text: str) -> Any:
        query, _errors = index.parse_query_lenient(text, fields)
        return searcher.search(query, 10).hits

    return search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--vocab-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "query.json")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="medcite-bench-"))
    settings = load_settings(data_dir, environ={})
    result: dict[str, Any] = {"records": args.records, "data_dir": str(data_dir)}
    with Engine.open(settings) as engine:
        if engine.stats().store.records == 0:
            started = time.perf_counter()
            engine.ingest(replicated_records(args.records))
            result["build_seconds"] = round(time.perf_counter() - started, 1)
            print(f"built {args.records} records in {result['build_seconds']} s", flush=True)
        if not engine.vocabularies():
            for pattern in ("mesh/d[0-9]*.bin*", "disease_ontology/doid*.obo*"):
                for path in sorted(args.vocab_dir.glob(pattern))[-1:]:
                    engine.import_vocabulary(path)
        result["vocabularies"] = [f"{v.vocabulary} {v.concepts}" for v in engine.vocabularies()]
        stats = engine.stats()
        assert stats.store.records == stats.indexed_documents, stats
        result["records"] = stats.store.records
        texts = questions(args.queries)
        result["queries"] = len(texts)
        result["tantivy"] = timed(tantivy_baseline(data_dir / INDEX_DIR), texts)
        result["search"] = timed(lambda text: engine.search(text, 10), texts)
        result["retrieve"] = timed(
            lambda text: engine.retrieve_for(engine.understand(text), 10, citable=True), texts
        )
        result["ask"] = timed(engine.ask, texts)
    # Sizes once the engine is closed (SQLite folds its write-ahead log back in on close).
    per_100k = 100_000 / result["records"]
    result["index_mib_per_100k"] = round(directory_mib(data_dir / INDEX_DIR) * per_100k, 1)
    result["store_mib_per_100k"] = round(
        sum(f.stat().st_size for f in data_dir.glob(STORE_FILE + "*")) / 2**20 * per_100k, 1
    )
    for name in ("tantivy", "search", "retrieve", "ask"):
        figures = result[name]
        print(
            f"{name:<8} p50 {figures['p50_ms']:>8.2f} ms  p95 {figures['p95_ms']:>8.2f} ms"
            f"  p99 {figures['p99_ms']:>8.2f} ms"
        )
    print(
        f"index {result['index_mib_per_100k']} MiB and store {result['store_mib_per_100k']} MiB"
        " per 100,000 records"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
