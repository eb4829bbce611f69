"""Recommendation recognition on hand-labelled NGC guideline summaries: precision, recall, grade.

Reads the summaries in place from ``../shared/data/ngc_guidelines`` (the archive is never
copied), checks that the labelled ones are the seeded sample (``labelled_sample``), and
compares what ``ingest.recommendations`` recognises in each "Major Recommendations" text
with the labels in ``tests/data/ngc/labels_SEED.jsonl`` (offsets and grade values only;
how they were made, and which sample is for what, is in that folder's README). The default
is the report sample (``REPORT_SEED``), on which nothing was developed. Prints the figures as
JSON; the slow test ``tests/evaluation/test_recommendation_recognition.py`` pins them.

    python bench/recommendation_recognition.py [--seed SEED] [--data PATH] [--per-summary]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from medcite.evaluate.datasets.ngc import ARCHIVE, read_ngc_summaries
from medcite.evaluate.recommendations import (
    REPORT_SEED,
    compare,
    labelled_sample,
    measure,
    read_labels,
    recognised_statements,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "ngc_guidelines" / ARCHIVE
LABELS = ROOT / "tests" / "data" / "ngc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="NGC's .tar.gz or folder")
    parser.add_argument("--seed", type=int, default=REPORT_SEED, help="which labelled sample")
    parser.add_argument("--labels", type=Path, help="a labels file other than the seed's")
    parser.add_argument("--per-summary", action="store_true")
    args = parser.parse_args()
    labels = read_labels(args.labels or LABELS / f"labels_{args.seed}.jsonl")
    summaries = {summary.id: summary for summary in read_ngc_summaries(args.data)}
    if sorted(label.id for label in labels) != labelled_sample(summaries, args.seed):
        raise SystemExit("the labelled summaries are not the seeded sample")
    figures = measure(labels, summaries)
    print(json.dumps(figures.to_json(), indent=2))
    if args.per_summary:
        for label in labels:
            counts = compare(label.statements, recognised_statements(summaries[label.id]))
            names = ("labelled", "recognised", "correct", "found", "right_grade")
            print(label.id, dict(zip(names, counts, strict=True)))


if __name__ == "__main__":
    main()
