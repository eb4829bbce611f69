"""Ingest throughput and peak memory on real NLM files, against a bare-lxml baseline.

Usage::

    python bench/ingest_throughput.py [FILE ...] [--json bench/results/ingest.json]

Default files: the two complete NLM files of the demo corpus (``pip install -e '.[demo]'``):
``pubmed20n0014.xml.gz`` (baseline, 30,000 records) and ``pubmed21n1298.xml.gz`` (daily
update, 20,788 records). For each file, three phases run, each in a fresh process so
its peak RSS is its own (and that of the reader process it starts, if any):

- ``lxml``: a bare ``lxml.etree.iterparse`` loop that only counts and clears records —
  the baseline of what XML parsing can do here;
- ``parse``: medcite's reader producing typed records (no store, no index);
- ``ingest``: the whole path — parse, sentence split, SQLite store and tantivy index —
  into a fresh data directory (``Engine.ingest_paths``).

Targets (issue 2): ingest ≥ 3,000 records/s; parse close to the lxml baseline.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RECORD_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation")


def phase_lxml(path: Path) -> int:
    import gzip

    from lxml import etree

    count = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as stream:
        for _, element in etree.iterparse(stream, events=("end",), tag=RECORD_TAGS):
            count += 1
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
    return count


def phase_parse(path: Path) -> int:
    from medcite.ingest.pubmed_xml import read_pubmed_xml

    return sum(1 for _ in read_pubmed_xml(path))


def phase_ingest(path: Path) -> int:
    from medcite.engine import Engine
    from medcite.settings import load_settings

    with (
        tempfile.TemporaryDirectory() as data_dir,
        Engine.open(load_settings(Path(data_dir), environ={})) as engine,
    ):
        summary = engine.ingest_paths([path])
    return summary.read + summary.rejected


PHASES = {"lxml": phase_lxml, "parse": phase_parse, "ingest": phase_ingest}


def run_phase(name: str, path: Path) -> dict[str, Any]:
    """Run one phase in this process and report records, seconds and peak RSS."""
    started = time.perf_counter()
    records = PHASES[name](path)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The ingest phase parses in a child process (``read_in_background``): its peak counts too.
    child_peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "phase": name,
        "file": path.name,
        "records": records,
        "seconds": round(seconds, 3),
        "records_per_s": round(records / seconds),
        "peak_rss_mib": round(peak_mib, 1),
        "reader_process_peak_rss_mib": round(child_peak_mib, 1),
    }


def default_files() -> list[Path]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from medcite.ingest.demo import demo_corpus_paths

    return list(demo_corpus_paths())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--json", type=Path, default=Path("bench/results/ingest.json"))
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:  # child process: one phase on one file
        print(json.dumps(run_phase(args.phase, args.files[0])))
        return
    results = []
    for path in args.files or default_files():
        for name in PHASES:
            child = subprocess.run(
                [sys.executable, __file__, "--phase", name, str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            result = json.loads(child.stdout)
            results.append(result)
            print(
                f"{result['file']:<24} {name:<7} {result['records']:>7} records "
                f"{result['seconds']:>7.2f} s {result['records_per_s']:>7} rec/s "
                f"peak {result['peak_rss_mib']:>6.1f} MiB"
                f" (reader process {result['reader_process_peak_rss_mib']:.1f} MiB)",
                flush=True,
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
