"""Ingest throughput and peak memory on real NLM files, against a bare-lxml baseline.

Usage::

    python bench/ingest_throughput.py [FILE ...] [--json bench/results/ingest.json]
        [--baseline-rev REV] [--repeat N] [--phases parse,ingest]

Default files: the two complete NLM files of the demo corpus (``pip install -e '.[demo]'``):
``pubmed20n0014.xml.gz`` (baseline, 30,000 records) and ``pubmed21n1298.xml.gz`` (daily
update, 20,788 records). For each file, three phases run, each in a fresh process so
its peak RSS is its own (and that of the reader process it starts, if any):

- ``lxml``: a bare ``lxml.etree.iterparse`` loop that only counts and clears records —
  the baseline of what XML parsing can do here;
- ``parse``: medcite's reader producing typed records (no store, no index);
- ``prepare`` (on request): the reader processes' whole job in this one process — parse,
  then clean, split sentences, find abbreviations and recommendations
  (``engine.prepare``);
- ``ingest``: the whole path — parse, sentence split and abbreviations in ``--workers``
  worker processes (0: one per core), the compressed SQLite store and the tantivy index —
  into a fresh data directory (``Engine.ingest_paths``).

``--baseline-rev REV`` also runs each phase on medcite as of git revision ``REV`` (checked
out into a temporary worktree), alternating with the working tree's, so a change's cost is
measured beside its baseline in the same run; ``--repeat N`` runs each pairing N times and
reports the median. Each run also reports the CPU time it used per record (its own
threads and its reader processes): on a shared machine, where other jobs take their part
of the cores, a change's effect shows there more steadily than in records/s.

Targets (issue 2): ingest ≥ 3,000 records/s; parse close to the lxml baseline. Issue 10:
reading that survives faults costs ≤ 5% of parse and ingest throughput. Issue 15: ingest
≥ 5,000 records/s end to end on 2 cores. The ingest phase's peak RSS is the writing
process's; its workers' peak is reported apart (``reader_process_peak_rss_mib``).

Grading (``evidence.grade_record``) is not part of ingestion: ``ask`` grades the records
it reads. Measured beside the parse (``--phases grade``), it costs more per record than
parsing does.
"""

from __future__ import annotations

import argparse
import json
import os
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


def phase_prepare(path: Path) -> int:
    from medcite.engine.prepare import prepare_record
    from medcite.ingest.pubmed_xml import read_pubmed_xml
    from medcite.records import Record

    return sum(1 for r in read_pubmed_xml(path) if isinstance(r, Record) and prepare_record(r))


def phase_ingest(path: Path) -> int:
    from medcite.engine import Engine
    from medcite.settings import load_settings

    # Only when asked: a revision older than the setting refuses it (``--baseline-rev``).
    workers = os.environ.get("BENCH_WORKERS")
    environ = {"MEDCITE_INGEST__WORKERS": workers} if workers else {}
    with (
        tempfile.TemporaryDirectory() as data_dir,
        Engine.open(load_settings(Path(data_dir), environ=environ)) as engine,
    ):
        summary = engine.ingest_paths([path])
    return summary.read + summary.rejected


def phase_grade(path: Path) -> int:
    from medcite.evidence import grade_record
    from medcite.ingest.pubmed_xml import read_pubmed_xml
    from medcite.records import Record

    return sum(1 for r in read_pubmed_xml(path) if isinstance(r, Record) and grade_record(r))


PHASES = {
    "lxml": phase_lxml,
    "parse": phase_parse,
    "prepare": phase_prepare,
    "ingest": phase_ingest,
    "grade": phase_grade,
}


def run_phase(name: str, path: Path) -> dict[str, Any]:
    """Run one phase in this process and report records, seconds, CPU time and peak RSS.

    The CPU time (this process's threads and its reader processes, user and system) is
    what a change to the code changes; the seconds also count waiting for the cores,
    which other jobs on a shared machine take their part of.
    """
    started = time.perf_counter()
    cpu_before = _cpu_seconds()
    records = PHASES[name](path)
    seconds = time.perf_counter() - started
    cpu_seconds = _cpu_seconds() - cpu_before
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The ingest phase parses in a child process (``read_in_background``): its peak counts too.
    child_peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "phase": name,
        "file": path.name,
        "records": records,
        "seconds": round(seconds, 3),
        "records_per_s": round(records / seconds),
        "cpu_us_per_record": round(cpu_seconds / records * 1e6, 1),
        "peak_rss_mib": round(peak_mib, 1),
        "reader_process_peak_rss_mib": round(child_peak_mib, 1),
    }


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and by its ended children (workers)."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def default_files() -> list[Path]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from medcite.ingest.demo import demo_corpus_paths

    return list(demo_corpus_paths())


def run_child(name: str, path: Path, source: Path | None) -> dict[str, Any]:
    """One phase in a fresh process, on the working tree or on ``source`` (a checkout)."""
    env = dict(os.environ)
    if source is not None:  # put the baseline's package ahead of the installed one
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(source / "src"), env.get("PYTHONPATH")])
        )
    child = subprocess.run(
        [sys.executable, __file__, "--phase", name, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(child.stdout)
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median time, and every run's rate beside it."""
    ordered = sorted(runs, key=lambda run: run["seconds"])
    middle = dict(ordered[len(ordered) // 2])
    middle["runs_records_per_s"] = [run["records_per_s"] for run in runs]
    middle["runs_cpu_us_per_record"] = [run["cpu_us_per_record"] for run in runs]
    return middle


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def checkout(revision: str, into: Path) -> Path:
    """A git worktree of ``revision`` (removed by the caller's temporary directory)."""
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        ["git", "-C", str(root), "worktree", "add", "--detach", str(into), revision],
        check=True,
        capture_output=True,
    )
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--json", type=Path, default=Path("bench/results/ingest.json"))
    parser.add_argument("--baseline-rev", help="also measure medcite at this git revision")
    parser.add_argument("--repeat", type=int, default=1, help="runs per phase (median kept)")
    parser.add_argument(
        "--phases",
        default="lxml,parse,ingest",
        help="comma-separated phases (also: prepare, grade)",
    )
    parser.add_argument(
        "--workers", type=int, default=0, help="ingest worker processes (0: one per core)"
    )
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:  # child process: one phase on one file (its workers come by BENCH_WORKERS)
        print(json.dumps(run_phase(args.phase, args.files[0])))
        return
    if args.workers:
        os.environ["BENCH_WORKERS"] = str(args.workers)
    phases = [name for name in args.phases.split(",") if name]
    with tempfile.TemporaryDirectory() as scratch:
        baseline = (
            checkout(args.baseline_rev, Path(scratch) / "baseline") if args.baseline_rev else None
        )
        try:
            results = measure(args.files or default_files(), phases, args.repeat, baseline)
        finally:
            if baseline is not None:
                root = Path(__file__).resolve().parent.parent
                subprocess.run(
                    ["git", "-C", str(root), "worktree", "remove", "--force", str(baseline)],
                    check=False,
                )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps({"baseline_rev": args.baseline_rev, "results": results}, indent=2) + "\n"
    )


def measure(
    files: list[Path], phases: list[str], repeat: int, baseline: Path | None
) -> list[dict[str, Any]]:
    """Every phase on every file (and on the baseline, interleaved), printed as it goes."""
    results = []
    sources: list[tuple[str, Path | None]] = [("current", None)]
    if baseline is not None:
        sources.append(("baseline", baseline))
    for path in files:
        for name in phases:
            runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in sources}
            for _ in range(repeat):
                for label, source in sources:
                    if name == "lxml" and label == "baseline":
                        continue  # bare lxml does not depend on medcite's revision
                    runs[label].append(run_child(name, path, source))
            for label, done in runs.items():
                if not done:
                    continue
                result = median_run(done) | {"code": label}
                results.append(result)
                print(
                    f"{result['file']:<24} {name:<7} {label:<8} {result['records']:>7} records "
                    f"{result['seconds']:>7.2f} s {result['records_per_s']:>7} rec/s "
                    f"peak {result['peak_rss_mib']:>6.1f} MiB"
                    f" (reader process {result['reader_process_peak_rss_mib']:.1f} MiB)"
                    f" runs {result['runs_records_per_s']}"
                    f" cpu µs/record {result['runs_cpu_us_per_record']}",
                    flush=True,
                )
            if baseline is not None and name != "lxml":
                current, base = (
                    median_run(runs[label])["records_per_s"] for label in ("current", "baseline")
                )
                cpu_current, cpu_base = (
                    _median([run["cpu_us_per_record"] for run in runs[label]])
                    for label in ("current", "baseline")
                )
                print(
                    f"{'':<24} {name:<7} current / baseline: {current / base:.3f}"
                    f" (median CPU per record: {cpu_base / cpu_current:.3f}× less)",
                    flush=True,
                )
    return results


if __name__ == "__main__":
    main()
