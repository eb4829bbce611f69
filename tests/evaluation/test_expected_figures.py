"""The evaluation figures in ``expected.toml``, measured again on ``../shared/data``.

Slow (about a minute in all): run with ``scripts/check -m slow``. Each benchmark is
measured once per session in one data directory, as ``medcite eval`` would, and every
figure in the file must come out within the file's tolerance.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from medcite.evaluate import Dataset, evaluate
from medcite.settings import load_settings
from support.figures import figures_off

EXPECTED_FILE = Path(__file__).with_name("expected.toml")
EXPECTED: dict[str, Any] = tomllib.loads(EXPECTED_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def eval_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data directory for the session, so BioASQ's corpus is built once for two runs."""
    return tmp_path_factory.mktemp("eval")


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("dataset", sorted(EXPECTED))
def test_figures_match_the_expected_file(dataset: str, shared_data: Path, eval_dir: Path) -> None:
    report = evaluate(Dataset(dataset), load_settings(eval_dir, environ={}), data=shared_data)
    assert report.split == EXPECTED[dataset]["split"]
    off = figures_off(report, EXPECTED[dataset])
    assert not off, (
        f"{dataset} figures moved beyond ±{EXPECTED[dataset]['tolerance']} (fix the regression,"
        f" or record an improvement in {EXPECTED_FILE.name}):\n" + "\n".join(off)
    )


TARGETS = {
    # Floors a regression must not cross: the issues' targets where the recorded figures meet
    # them. Issue 11 (on BioASQ 11B): ROUGE-2 >= 1.3 x the lead-sentence baseline with >= 90%
    # answered, document MAP@10 >= 1.10 x BM25, snippet F1 >= 0.50 of the snippets it quotes;
    # every statement grounded; NCBI F1 >= 0.75. Not met, so no floor pretends otherwise:
    # abstention >= 90% where the gold is gone (0.43), SciFact nDCG@10 >= 0.70 lexical
    # (0.685), and PubMedQA's MRR sits 0.002 below BM25's on its test split.
    "ncbi-disease": lambda systems: systems["medcite"]["f1"] >= 0.75,
    "bioasq-summary": lambda systems: (
        systems["medcite"]["grounded"] == 1.0
        and systems["medcite"]["rouge2"] >= 1.3 * systems["bm25"]["rouge2"]
        and systems["medcite"]["answered"] >= 0.9
    ),
    "bioasq": lambda systems: (
        systems["medcite"]["map@10"] >= 1.10 * systems["bm25"]["map@10"]
        and systems["medcite"]["snippet_f1"] >= 0.50
    ),
    "bioasq-abstention": lambda systems: systems["medcite"]["answered_when_present"] >= 0.9,
}


@pytest.mark.parametrize("dataset", sorted(TARGETS))
def test_expected_figures_meet_the_targets(dataset: str) -> None:
    assert TARGETS[dataset](EXPECTED[dataset]), EXPECTED[dataset]


def test_the_file_lists_every_headline_metric_for_both_systems() -> None:
    headline = {
        "scifact": {"ndcg@10", "recall@100"},
        "bioasq": {"map@10", "recall@10", "snippet_f1"},
        "bioasq-summary": {"rouge2", "rouge_su4", "citation_precision"},
        "pubmedqa": {"mrr", "recall@1", "recall@10"},
        "liveqa": {"precision@1", "mrr"},
        "mediqa-qa": {"precision@1", "mrr"},
    }
    for dataset, metrics in headline.items():
        for system in ("medcite", "bm25"):
            assert metrics <= set(EXPECTED[dataset][system]), (dataset, system)
