"""How long giving every sentence of an unlabelled abstract its role takes.

Usage::

    python bench/sentence_roles.py [--abstracts 2000] [--repeat 5]
                                   [--json bench/results/sentence_roles.json]

Abstracts: the first ``--abstracts`` unlabelled abstracts of three sentences or more in
the offline demo corpus (``pubmed20n0014.xml.gz``, the ``demo`` extra), so every
sentence goes through the model. Per abstract, ``split`` is the baseline (medcite's
sentence splitter, which every retrieved record already pays) and ``roles`` is
``evidence.sentence_roles`` with the shipped model already loaded (its one-off load
time is reported apart). Each is timed over all abstracts ``--repeat`` times; the best
run counts. Wall-clock times per abstract, and the CPU time of the whole pass (which
waiting for a core on a shared machine does not inflate). Target (issue 11): ≤ 1 ms for
an abstract's ~10 sentences.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from medcite.evidence.roles import sentence_roles, shipped_role_model  # noqa: E402
from medcite.ingest import record_sentences  # noqa: E402
from medcite.ingest.demo import demo_corpus_paths  # noqa: E402
from medcite.ingest.pubmed_xml import read_pubmed_xml  # noqa: E402
from medcite.records import Record  # noqa: E402


def unlabelled_abstracts(limit: int) -> list[Record]:
    """The first ``limit`` abstracts of one unlabelled section and ≥ 3 sentences."""
    found = []
    for item in read_pubmed_xml(demo_corpus_paths()[0]):
        if (
            isinstance(item, Record)
            and len(item.sections) == 1
            and not item.sections[0].label
            and len(record_sentences(item)) >= 3
        ):
            found.append(item)
            if len(found) == limit:
                break
    return found


def best_of(repeat: int, run: Callable[[], list[float]]) -> list[float]:
    """Per-abstract seconds of the fastest of ``repeat`` passes."""
    passes = [run() for _ in range(repeat)]
    return min(passes, key=sum)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--abstracts", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--json", type=Path, default=ROOT / "bench" / "results" / "sentence_roles.json"
    )
    args = parser.parse_args()
    records = unlabelled_abstracts(args.abstracts)
    split = [record_sentences(record) for record in records]

    started = time.perf_counter()
    model = shipped_role_model()
    load_seconds = time.perf_counter() - started

    def time_split() -> list[float]:
        times = []
        for record in records:
            started = time.perf_counter()
            record_sentences(record)
            times.append(time.perf_counter() - started)
        return times

    def time_roles() -> list[float]:
        times = []
        for record, sentences in zip(records, split, strict=True):
            started = time.perf_counter()
            sentence_roles(record, sentences, model)
            times.append(time.perf_counter() - started)
        return times

    baseline = best_of(args.repeat, time_split)
    roles = best_of(args.repeat, time_roles)
    sentences = [len(s) for s in split]
    per_ten = 10 * sum(roles) / sum(sentences)
    cpu = []
    for _ in range(args.repeat):
        started = time.process_time()
        time_roles()
        cpu.append(time.process_time() - started)
    cpu_per_ten = 10 * min(cpu) / sum(sentences)
    result = {
        "abstracts": len(records),
        "mean_sentences": round(statistics.mean(sentences), 2),
        "model_version": model.version,
        "model_load_ms": round(load_seconds * 1000, 1),
        "split_mean_ms": round(statistics.mean(baseline) * 1000, 4),
        "roles_mean_ms": round(statistics.mean(roles) * 1000, 4),
        "roles_p95_ms": round(statistics.quantiles(roles, n=20)[-1] * 1000, 4),
        "roles_ms_per_10_sentences": round(per_ten * 1000, 4),
        "roles_cpu_ms_per_10_sentences": round(cpu_per_ten * 1000, 4),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "repeat": args.repeat,
    }
    print(json.dumps(result, indent=2))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
