"""A small evaluation on every landing: answers must not get worse without anyone noticing.

Not slow: it runs in CI with the default test command. The first ``QUESTIONS`` questions
of BioASQ's dev split (``medcite.evaluate.splits``) are asked of the whole BioASQ snippet
corpus (13,449 records, built once per session) with MeSH and the Disease Ontology
loaded, as ``medcite eval … --split dev --limit N`` would; retrieval, snippets, the answer
page and its grounding are all measured, and every figure in ``expected_small.toml`` must
come out within its tolerance — lower is a regression to fix, higher an improvement to
record there. The full figures, on the held-out report split, are in ``expected.toml``
(``scripts/check -m slow``).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from medcite.evaluate import Dataset, Split, evaluate
from medcite.settings import load_settings
from support.figures import figures_off

EXPECTED_FILE = Path(__file__).with_name("expected_small.toml")
EXPECTED: dict[str, Any] = tomllib.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
QUESTIONS = 120


@pytest.fixture(scope="module")
def eval_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data directory, so the corpus and vocabularies are built once for all runs."""
    return tmp_path_factory.mktemp("small-eval")


@pytest.mark.shared_data
@pytest.mark.parametrize("dataset", sorted(EXPECTED))
def test_small_evaluation_matches_the_recorded_figures(
    dataset: str, shared_data: Path, eval_dir: Path
) -> None:
    report = evaluate(
        Dataset(dataset),
        load_settings(eval_dir, environ={}),
        data=shared_data,
        limit=QUESTIONS,
        split=Split.DEV,
    )
    assert report.split == "dev"
    off = figures_off(report, EXPECTED[dataset])
    assert not off, (
        f"{dataset} figures on {QUESTIONS} dev questions moved beyond "
        f"±{EXPECTED[dataset]['tolerance']} (fix the regression, or record the improvement in "
        f"{EXPECTED_FILE.name}):\n" + "\n".join(off)
    )


def test_answers_stay_grounded_and_beat_the_baseline_in_the_recorded_figures() -> None:
    summary = EXPECTED["bioasq-summary"]
    assert summary["medcite"]["grounded"] == 1.0
    assert summary["medcite"]["rouge2"] > summary["bm25"]["rouge2"]
