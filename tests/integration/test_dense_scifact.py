"""SciFact figures of the dense bench, checked against the figures recorded in the repo.

Slow (about ten minutes on two cores: it distills the static model and encodes some
3,000 candidate abstracts with MiniLM), so it runs with ``scripts/check -m slow``. A
change that moves any system's nDCG@10 or recall@100 by more than ``TOLERANCE`` fails
here; after a deliberate change, rerun the bench and update the expected file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).parents[2] / "bench"
EXPECTED = BENCH / "dense_scifact.expected.json"
TOLERANCE = 0.01
"""The static model's PCA is randomised, so its systems move by a few thousandths."""


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dense_scifact", BENCH / "dense_scifact.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_dense_scifact_figures_hold(shared_data: Path, dense_extra: None, tmp_path: Path) -> None:
    bench = load_bench()
    args = argparse.Namespace(
        data=shared_data / "scifact",
        candidates=[20, 50],
        latency_queries=1,
        minilm_index=False,
    )
    report = bench.run(args, tmp_path)
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert report["claims"] == 300
    assert set(report["systems"]) == set(expected["systems"])
    for system, metrics in expected["systems"].items():
        for metric, value in metrics.items():
            measured = report["systems"][system][metric]
            assert measured == pytest.approx(value, abs=TOLERANCE), (system, metric)
