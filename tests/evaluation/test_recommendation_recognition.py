"""Recommendation recognition on the 50 hand-labelled NGC summaries, pinned in ``figures.json``.

Slow (reads the NGC archive in place): ``scripts/check -m slow``, or
``python bench/recommendation_recognition.py`` for the figures alone. A change to the
recogniser that moves any count fails here until ``tests/data/ngc/figures.json`` is
updated, which a reviewer then sees. The figures were measured once, on labels made
without looking at the recogniser's output, and nothing was changed after seeing them;
of the issue's targets (precision >= 0.9, recall >= 0.8, grade >= 0.9) only recall is met.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from medcite.evaluate.datasets.ngc import ARCHIVE, read_ngc_summaries
from medcite.evaluate.recommendations import labelled_sample, measure, read_labels

LABELS = Path(__file__).parents[1] / "data" / "ngc"


@pytest.fixture(scope="module")
def pinned() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((LABELS / "figures.json").read_text(encoding="utf-8"))
    return loaded


@pytest.mark.slow
@pytest.mark.shared_data
def test_recognition_on_the_labelled_sample_matches_the_pinned_figures(
    shared_data: Path, pinned: dict[str, Any]
) -> None:
    labels = read_labels(LABELS / "labels.jsonl")
    summaries = {s.id: s for s in read_ngc_summaries(shared_data / "ngc_guidelines" / ARCHIVE)}
    assert sorted(label.id for label in labels) == labelled_sample(summaries)
    assert measure(labels, summaries).to_json() == pinned


def test_the_pinned_figures_keep_the_target_they_meet(pinned: dict[str, Any]) -> None:
    # The targets: precision >= 0.9, recall >= 0.8, grade right >= 0.9. Recall is
    # met (0.8004) and kept as a floor; precision (0.8959) and grade accuracy (0.8126) are
    # not, and no floor pretends they are.
    assert pinned["recall"] >= 0.8
