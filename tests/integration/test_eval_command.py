"""``medcite eval``: the JSON contract, the table, corpora built once, and clear refusals."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from medcite.cli import run
from medcite.engine import Engine
from medcite.evaluate import DATA_ENV
from medcite.evaluate.datasets.scifact import read_scifact
from medcite.evaluate.workspace import MARKER_FILE, open_corpus
from medcite.settings import load_settings


def medcite(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = run(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out, " ".join(captured.err.split())  # rich wraps long lines


@pytest.fixture
def eval_data(fixtures_dir: Path) -> Path:
    return fixtures_dir / "eval"


def _json_eval(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    dataset: str,
    data: Path,
    split: str = "all",
) -> dict[str, object]:
    """The JSON report of one evaluation (every question of the tiny fixtures by default)."""
    status, out, err = medcite(
        capsys, data_dir, "eval", dataset, "--data", str(data), "--format", "json",
        "--split", split,
    )  # fmt: skip
    assert status == 0, err
    report = json.loads(out)
    assert report["dataset"] == dataset
    assert report["split"] in (split, "report")  # "report": a benchmark with one protocol
    return report


def test_the_held_out_report_split_is_asked_unless_another_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    """The fixture's questions come from 7B1 and 10B2: none is in the report split (11B)."""
    status, out, err = medcite(
        capsys, tmp_path, "eval", "bioasq", "--data", str(eval_data / "bioasq"), "--format", "json"
    )
    assert status == 0, err
    report = json.loads(out)
    assert (report["split"], report["queries"]) == ("report", 0)
    assert _json_eval(capsys, tmp_path, "bioasq", eval_data / "bioasq")["queries"] == 3


def test_scifact_reports_both_systems_with_figures_worked_out_by_hand(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    report = _json_eval(capsys, tmp_path, "scifact", eval_data / "scifact")
    systems = report["systems"]
    assert isinstance(systems, dict) and set(systems) == {"medcite", "bm25"}
    # Claims 1 and 2 find their one abstract first; claim 3 finds 104 first and never
    # 102 (no shared word): nDCG = 1 / (1 + 1/log2(3)), recall 1/2.
    ndcg = (1 + 1 + 1 / (1 + 1 / math.log2(3))) / 3
    for name in ("medcite", "bm25"):
        assert systems[name]["ndcg@10"] == pytest.approx(ndcg, abs=1e-4)
        assert systems[name]["recall@100"] == pytest.approx(2.5 / 3, abs=1e-4)
    assert (report["queries"], report["corpus_records"]) == (3, 4)
    assert (tmp_path / "eval" / "scifact" / MARKER_FILE).is_file()


def test_the_text_format_is_a_table_of_both_systems_and_their_difference(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    status, out, _ = medcite(
        capsys, tmp_path, "eval", "pubmedqa", "--data", str(eval_data / "pubmedqa"),
        "--split", "all",
    )  # fmt: skip
    assert status == 0
    for word in ("metric", "medcite", "bm25", "difference", "mrr", "recall@1", "+0.0000"):
        assert word in out


def test_bioasq_documents_and_snippets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    report = _json_eval(capsys, tmp_path, "bioasq", eval_data / "bioasq")
    systems = report["systems"]
    assert isinstance(systems, dict)
    for name in ("medcite", "bm25"):
        assert {"map@10", "recall@10", "snippet_f1"} <= set(systems[name])
        assert all(0.0 <= value <= 1.0 for value in systems[name].values())
    assert report["counts"] == {"gold_documents": 4, "gold_documents_outside_corpus": 1}


def test_bioasq_summaries_score_rouge_citations_and_grounding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    report = _json_eval(capsys, tmp_path, "bioasq-summary", eval_data / "bioasq")
    assert report["queries"] == 2  # the summary and the list question, not the factoid
    systems = report["systems"]
    assert isinstance(systems, dict)
    for name in ("medcite", "bm25"):
        assert {"rouge2", "rouge_su4", "citation_precision"} <= set(systems[name])
    assert systems["medcite"]["grounded"] == 1.0


def test_liveqa_scores_answerable_questions_and_counts_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    report = _json_eval(capsys, tmp_path, "liveqa", eval_data / "medquad", split="report")
    # TQ1's excellent answer (NIDDK Sec2) shares "medicines ease a gout attack" with it and
    # TQ2's (GHR Sec1) "Marfan syndrome … connective tissue … heart": both first.
    # TQ3's one good answer has no text: unanswerable, counted, not scored.
    assert (report["queries"], report["corpus_records"]) == (2, 4)
    for name in ("medcite", "bm25"):
        assert report["systems"][name] == {"precision@1": 1.0, "mrr": 1.0, "judged@1": 1.0}
    assert report["counts"]["unanswerable_questions"] == 1


def test_mediqa_re_ranks_each_questions_answers_beside_chiqa_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    report = _json_eval(capsys, tmp_path, "mediqa-qa", eval_data / "mediqa2019", split="report")
    # Question 1: the excellent answer (CHiQA's second) shares "gout", "diet", "avoid",
    # "foods" with it and comes first; CHiQA put a related one first (RR 1/2). Question 2
    # has no correct answer and is not scored.
    assert (report["queries"], report["corpus_records"]) == (1, 4)
    for name in ("medcite", "bm25"):
        assert report["systems"][name] == {"precision@1": 1.0, "mrr": 1.0}
    assert report["systems"]["chiqa"] == {"precision@1": 0.0, "mrr": 0.5}


def test_mediqa_pages_scores_the_pages_asking_what_the_question_asks_beside_every_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path, fixtures_dir: Path
) -> None:
    """The training split is both training files. "How is rheumatoid arthritis treated?"
    takes its treatment page (correct), not its causes page nor a sprain's treatment;
    "… symptoms of systemic sclerosis" takes its symptoms page (judged wrong), not its
    summary page, whose title names no kind (judged correct): 1 of 2 taken right, 1 of 2
    correct found, 2 of 5 pages taken; 2 of the 5 are correct at all."""
    status, _, err = medcite(
        capsys, tmp_path, "vocab", "import", str(fixtures_dir / "vocab" / "mini_mesh.bin")
    )
    assert status == 0, err
    report = _json_eval(capsys, tmp_path, "mediqa-pages", eval_data / "mediqa2019", "train")
    assert report["queries"] == 2
    assert report["systems"] == {
        # 1 of 2 correct pages taken, 1 of 3 wrong ones: a likelihood ratio of 1.5
        "medcite": {"precision": 0.5, "recall": 0.5, "pages_taken": 0.4, "likelihood_ratio": 1.5},
        "every_page": {
            "precision": 0.4,
            "recall": 1.0,
            "pages_taken": 1.0,
            "likelihood_ratio": 1.0,
        },
    }
    assert report["counts"] == {"judged_pages": 5, "correct_pages": 2, "pages_without_title": 0}
    dev = _json_eval(capsys, tmp_path, "mediqa-pages", eval_data / "mediqa2019", "dev")
    assert (dev["queries"], dev["counts"]["pages_without_title"]) == (1, 1)


def test_a_second_run_reuses_the_corpus_and_new_records_rebuild_it(
    tmp_path: Path, eval_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(tmp_path, environ={})
    corpus, _ = read_scifact(eval_data / "scifact")
    with open_corpus(settings, corpus) as engine:
        assert engine.stats().store.records == 4

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the built corpus was ingested again")

    with monkeypatch.context() as patched:
        patched.setattr(Engine, "ingest", refuse)
        with open_corpus(settings, corpus) as engine:
            assert engine.stats().store.records == 4

    smaller = type(corpus).of(corpus.name, corpus.records[:2])
    with open_corpus(settings, smaller) as engine:
        assert engine.stats().store.records == 2  # rebuilt, not topped up


def test_ncbi_disease_says_vocabularies_must_be_imported_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, eval_data: Path
) -> None:
    status, out, err = medcite(
        capsys, tmp_path, "eval", "ncbi-disease", "--data", str(eval_data / "ncbi_disease")
    )
    assert status == 4
    assert not out
    assert "medcite vocab import" in err


def test_missing_data_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, _, err = medcite(capsys, tmp_path, "eval", "scifact", "--data", str(tmp_path / "no"))
    assert status == 5
    assert "no such folder" in err
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "empty"))
    status, _, err = medcite(capsys, tmp_path, "eval", "pubmedqa")
    assert status == 5
    assert DATA_ENV in err and "--data" in err


def test_the_environment_names_the_folder_of_all_benchmarks(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    eval_data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(DATA_ENV, str(eval_data))
    status, out, _ = medcite(capsys, tmp_path, "eval", "scifact", "--format", "json")
    assert status == 0
    assert json.loads(out)["data"] == str(eval_data / "scifact")


@pytest.mark.shared_data
def test_a_quick_run_on_the_shared_scifact(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_data: Path
) -> None:
    status, out, err = medcite(
        capsys, tmp_path, "eval", "scifact", "--limit", "20", "--format", "json",
        "--data", str(shared_data / "scifact"),
    )  # fmt: skip
    assert status == 0, err
    report = json.loads(out)
    assert (report["queries"], report["corpus_records"]) == (20, 5183)
    assert set(report["systems"]["bm25"]) == {"ndcg@10", "recall@100"}
