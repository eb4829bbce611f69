"""How long importing a full vocabulary takes, beside reading the file alone.

Usage::

    python bench/vocab_import.py [--mesh ../shared/data/mesh/d2024.bin.gz]
                                 [--obo ../shared/data/disease_ontology/doid_2024-01-31.obo.gz]
                                 [--json bench/results/vocab.json]

For each file, in a fresh data directory: ``read`` is the baseline (parsing the file into
concepts, nothing stored), ``import`` is ``medcite vocab import`` end to end (parse,
check ids, store atomically, rebuild the lexicon of every loaded name). Target (issue 3):
importing full MeSH < 60 s.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from medcite.engine import Engine  # noqa: E402
from medcite.settings import load_settings  # noqa: E402
from medcite.vocab import read_vocabulary_file  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mesh", type=Path, default=SHARED / "mesh" / "d2024.bin.gz")
    parser.add_argument(
        "--obo", type=Path, default=SHARED / "disease_ontology" / "doid_2024-01-31.obo.gz"
    )
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "vocab.json")
    args = parser.parse_args()
    result = {}
    with (
        tempfile.TemporaryDirectory(prefix="medcite-vocab-") as data_dir,
        Engine.open(load_settings(Path(data_dir), environ={})) as engine,
    ):
        for name, path in (("mesh", args.mesh), ("obo", args.obo)):
            started = time.perf_counter()
            concepts = len(read_vocabulary_file(path).concepts)
            read = time.perf_counter() - started
            started = time.perf_counter()
            engine.import_vocabulary(path)
            imported = time.perf_counter() - started
            result[name] = {
                "file": str(path),
                "concepts": concepts,
                "read_seconds": round(read, 2),
                "import_seconds": round(imported, 2),
            }
            print(
                f"{name:<5} {concepts:>6} concepts  read {read:6.2f} s  "
                f"import (store + lexicon) {imported:6.2f} s",
                flush=True,
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
