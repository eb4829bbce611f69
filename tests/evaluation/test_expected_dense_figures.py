"""The evaluation figures with dense retrieval on, in ``expected_dense.toml``, measured again.

Slow and only with the ``medcite[dense]`` extra: MiniLM embeds each corpus once (SciFact's
5,183 and BioASQ's 13,449 records: 15 minutes on two cores). Also checks that
the recorded figures meet the targets the lexical system misses (SciFact nDCG@10 >= 0.70,
BioASQ MAP@10 >= 1.10 x BM25), so that claim cannot outlive the figures behind it.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from medcite.evaluate import Dataset, evaluate
from medcite.settings import load_settings
from support.figures import figures_off

EXPECTED_FILE = Path(__file__).with_name("expected_dense.toml")
EXPECTED: dict[str, Any] = tomllib.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
SETTINGS = EXPECTED.pop("settings")
TARGETS = {
    "scifact": lambda systems: systems["medcite"]["ndcg@10"] >= 0.70,
    "bioasq": lambda systems: systems["medcite"]["map@10"] >= 1.10 * systems["bm25"]["map@10"],
}


@pytest.fixture(scope="session")
def dense_eval_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose settings turn the dense stage on, as the file says."""
    directory = tmp_path_factory.mktemp("eval-dense")
    lines: list[str] = []
    for table, values in SETTINGS.items():  # plain values: JSON literals are TOML's too
        lines += [f"[{table}]", *(f"{key} = {json.dumps(value)}" for key, value in values.items())]
    (directory / "medcite.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("dataset", sorted(EXPECTED))
def test_dense_figures_match_the_expected_file(
    dataset: str, shared_data: Path, dense_extra: None, dense_eval_dir: Path
) -> None:
    settings = load_settings(dense_eval_dir, environ={})
    assert settings.dense.enabled and settings.dense.first_stage
    report = evaluate(Dataset(dataset), settings, data=shared_data)
    assert report.split == EXPECTED[dataset]["split"]
    off = figures_off(report, EXPECTED[dataset])
    assert not off, f"{dataset} dense figures moved beyond the file's tolerance:\n" + "\n".join(off)


@pytest.mark.parametrize("dataset", sorted(TARGETS))
def test_recorded_dense_figures_meet_the_targets(dataset: str) -> None:
    assert TARGETS[dataset](EXPECTED[dataset]), EXPECTED[dataset]
