"""Evaluation of evidence grading; the figures are pinned in ``tests/data/evidence/figures.json``.

Run: ``python -m pytest -m slow tests/evaluation/test_evidence_grading.py``. A change that
moves a figure fails here, loudly, until ``figures.json`` is updated with the new value
(which a reviewer then sees in the diff).

* ``text_dev``: the hand-written abstracts the text rules were developed on (in-sample);
* ``text_heldout``: hand-written abstracts written after the rules were frozen and never
  used to change them — the honest estimate. ``committed`` counts the records the text
  path gave a design to (not "unknown"), ``committed_correct`` how many of those were right;
* ``shared_metadata_vs_text``: real records of ``../shared/data`` with a telling NLM
  publication type, graded from their text alone (types and MeSH removed) and compared
  with the level and design their publication type states.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from medcite.evidence import LEVEL_OF_DESIGN, grade_record
from medcite.evidence.metadata import design_from_publication_types
from medcite.ingest.sources import read_sources
from medcite.records import Record, Section, Source, StudyDesign

pytestmark = pytest.mark.slow


def _labelled(path: Path) -> Iterable[tuple[Record, StudyDesign, int | None]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        sections = tuple(Section(text=text, label=label) for label, text in row["sections"])
        item = Record(
            id=f"text:{row['id']}", source=Source.TEXT, title=row["title"], sections=sections
        )
        yield item, StudyDesign(row["design"]), row["n"]


def _text_figures(path: Path) -> dict[str, Any]:
    total = correct = committed = committed_correct = n_correct = 0
    for item, design, n in _labelled(path):
        graded = grade_record(item)
        total += 1
        correct += graded.design is design
        n_correct += graded.n == n
        if graded.design is not StudyDesign.UNKNOWN:
            committed += 1
            committed_correct += graded.design is design
    return {
        "records": total,
        "design_correct": correct,
        "design_accuracy": round(correct / total, 3),
        "committed": committed,
        "committed_correct": committed_correct,
        "n_correct": n_correct,
        "n_accuracy": round(n_correct / total, 3),
    }


def _shared_figures(shared_data: Path) -> dict[str, Any]:
    paths = [shared_data / "pubmed_xml", shared_data / "pubmed_medline_txt"]
    records = {item.id: item for item in read_sources(paths) if isinstance(item, Record)}
    compared = level_agree = design_agree = unknown = 0
    for item in records.values():
        stated = design_from_publication_types(item.publication_types)
        if stated is None or not item.abstract:
            continue
        from_text = grade_record(replace(item, publication_types=(), mesh_headings=()))
        compared += 1
        level_agree += from_text.level is LEVEL_OF_DESIGN[stated[0]]
        design_agree += from_text.design is stated[0]
        unknown += from_text.design is StudyDesign.UNKNOWN
    return {
        "records": len(records),
        "compared": compared,
        "level_agree": level_agree,
        "level_agreement": round(level_agree / compared, 3),
        "design_agree": design_agree,
        "text_unknown": unknown,
    }


@pytest.fixture(scope="module")
def figures(fixtures_dir: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((fixtures_dir / "evidence" / "figures.json").read_text())
    return loaded


def test_text_path_on_the_development_set(fixtures_dir: Path, figures: dict[str, Any]) -> None:
    measured = _text_figures(fixtures_dir / "evidence" / "text_designs.jsonl")
    assert measured == figures["text_dev"]


def test_text_path_on_the_heldout_set(fixtures_dir: Path, figures: dict[str, Any]) -> None:
    measured = _text_figures(fixtures_dir / "evidence" / "text_designs_heldout.jsonl")
    assert measured == figures["text_heldout"]


@pytest.mark.shared_data
def test_text_path_against_real_publication_types(
    shared_data: Path, figures: dict[str, Any]
) -> None:
    assert _shared_figures(shared_data) == figures["shared_metadata_vs_text"]
