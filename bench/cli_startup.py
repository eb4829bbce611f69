"""How long the command line takes to start, beside Python itself starting.

Usage::

    python bench/cli_startup.py [--runs 15] [--data-dir DIR] [--compare SRC]
                                [--json bench/results/cli_startup.json]

Each command runs ``--runs`` times as a fresh process (``python -m medcite``), interleaved
round-robin so a busy moment of the machine costs every command alike; reported: the
median and the 90th percentile wall time of each. The baseline, in the same run, is
``python -c pass``: the part of every figure no medcite change can remove. The data
directory holds the fixture records (``tests/data/pubmed/sample.xml``) unless ``--data-dir``
names another. ``--compare SRC`` also times the same commands with another checkout's
``src`` first on ``PYTHONPATH`` (e.g. main's, to see a change), in the same rounds.
Target (issue 12): ``--help``, ``show`` and ``stats`` under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "pubmed" / "sample.xml"
TARGET_SECONDS = 0.3


def commands(data_dir: Path) -> dict[str, list[str]]:
    medcite = [sys.executable, "-m", "medcite"]
    where = ["--data-dir", str(data_dir)]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "medcite --help": [*medcite, "--help"],
        "medcite show": [*medcite, *where, "show", "pmid:33387232", "--format", "json"],
        "medcite stats": [*medcite, *where, "stats", "--format", "json"],
        "medcite search": [*medcite, *where, "search", "glioblastoma"],
    }


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 7):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--compare", type=Path, help="another checkout's src directory")
    parser.add_argument(
        "--json", type=Path, default=ROOT / "bench" / "results" / "cli_startup.json"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="medcite-startup-") as scratch:
        data_dir = args.data_dir or Path(scratch)
        if args.data_dir is None:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "medcite",
                    "--data-dir",
                    str(data_dir),
                    "ingest",
                    str(SAMPLE),
                ],
                capture_output=True,
                check=True,
            )
        runs: dict[str, tuple[list[str], dict[str, str] | None]] = {
            name: (command, None) for name, command in commands(data_dir).items()
        }
        if args.compare is not None:
            other = {**os.environ, "PYTHONPATH": str(args.compare.resolve())}
            for name, command in commands(data_dir).items():
                if name.startswith("medcite"):
                    runs[f"{name} [compare]"] = (command, other)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for command, env in runs.values():
            timed(command, env)  # warm the page cache once
        for _ in range(args.runs):
            for name, (command, env) in runs.items():
                times[name].append(timed(command, env))
    result = {}
    for name, values in times.items():
        ordered = sorted(values)
        p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
        result[name] = {"median_s": round(statistics.median(values), 3), "p90_s": round(p90, 3)}
        verdict = (
            ""
            if name.startswith("python") or "[compare]" in name
            else (
                "  (target < 0.3 s met)"
                if statistics.median(values) < TARGET_SECONDS
                else "  (target < 0.3 s missed)"
            )
        )
        print(f"{name:>26}: median {result[name]['median_s']:.3f} s, p90 {p90:.3f} s{verdict}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"runs": args.runs, "commands": result}, indent=2))


if __name__ == "__main__":
    main()
