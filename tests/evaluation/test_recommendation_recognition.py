"""Recommendation recognition on the hand-labelled NGC samples, pinned in ``figures.json``.

Slow (reads the NGC archive in place): ``scripts/check -m slow``, or
``python bench/recommendation_recognition.py --seed SEED`` for one sample's figures. A
change to the recogniser that moves any count fails here until ``tests/data/ngc/figures.json``
is updated, which a reviewer then sees. Samples 14 and 1415 to 1423 have been developed
on (see ``tests/data/ngc/README.md``); 1424 is the report sample, labelled after the last
change the figures describe. The issue's targets (precision >= 0.9, recall >= 0.8, grade
right >= 0.9) are met on the report sample and kept as floors there; they were not all
met on the three fresh samples before it at their first measure (``tests/data/ngc/README.md``):
the samples differ a lot, and the floors guard one of them, not a property of the recogniser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from medcite.evaluate.datasets.ngc import ARCHIVE, read_ngc_summaries
from medcite.evaluate.recommendations import (
    REPORT_SEED,
    SAMPLE_DRAWS,
    labelled_sample,
    measure,
    read_labels,
)

LABELS = Path(__file__).parents[1] / "data" / "ngc"


@pytest.fixture(scope="module")
def pinned() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((LABELS / "figures.json").read_text(encoding="utf-8"))
    return loaded


LABELLED_SEEDS = [seed for seed, _ in SAMPLE_DRAWS if (LABELS / f"labels_{seed}.jsonl").exists()]


def test_every_labelled_sample_has_pinned_figures(pinned: dict[str, Any]) -> None:
    assert LABELLED_SEEDS == [14, 1415, 1416, 1417, 1418, 1419, 1420, 1421, 1422, 1423, 1424]
    assert sorted(pinned) == sorted(str(seed) for seed in LABELLED_SEEDS)


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("seed", LABELLED_SEEDS)
def test_recognition_on_each_labelled_sample_matches_the_pinned_figures(
    shared_data: Path, pinned: dict[str, Any], seed: int
) -> None:
    labels = read_labels(LABELS / f"labels_{seed}.jsonl")
    summaries = {s.id: s for s in read_ngc_summaries(shared_data / "ngc_guidelines" / ARCHIVE)}
    assert sorted(label.id for label in labels) == labelled_sample(summaries, seed)
    assert measure(labels, summaries).to_json() == pinned[str(seed)]


def test_the_pinned_figures_keep_the_targets_they_meet(pinned: dict[str, Any]) -> None:
    # The targets on the report sample, which meets all three.
    report = pinned[str(REPORT_SEED)]
    assert report["precision"] >= 0.9
    assert report["recall"] >= 0.8
    assert report["grade_accuracy"] >= 0.9
