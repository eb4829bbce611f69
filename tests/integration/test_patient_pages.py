"""Consumer pages answer the question they are titled by: MedQuAD's own pages, asked anew.

The corpus is the NIHSeniorHealth and MedlinePlus pages of MedQuAD (``../shared/data``,
read in place: the test keeps those pairs in a file of its own temporary folder), with
MeSH 2024. Gout has a page for each kind of question; the treatment page's sentences
seldom name gout, and none says "treated".
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from medcite.engine import Engine
from medcite.records import Answer, AnswerState, Audience
from medcite.settings import load_settings

SITES = ("NIHSeniorHealth", "MPlusHealthTopics")
TREATMENT_PAGE = "What are the treatments for Gout ?"


@pytest.fixture(scope="module")
def engine(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("patient")
    pairs = folder / "medquad_sites.jsonl"
    with gzip.open(shared_data / "medquad" / "medquad_qa_pairs.jsonl.gz", "rt") as source:
        pairs.write_text("".join(line for line in source if json.loads(line)["source"] in SITES))
    with Engine.open(load_settings(folder / "data")) as opened:
        opened.import_vocabulary(shared_data / "mesh" / "d2024.bin.gz")
        opened.ingest_paths([pairs])
        yield opened


def _titles(engine: Engine, answer: Answer, section: int = 0) -> set[str]:
    return {engine.show(s.record_id).title for s in answer.sections[section].statements}


@pytest.mark.parametrize("audience", [Audience.PATIENT, Audience.CLINICIAN])
def test_how_a_disease_is_treated_is_answered_from_its_treatment_page(
    engine: Engine, audience: Audience
) -> None:
    """ "How is gout treated?" was led by who is at risk of gout, with a gap saying nothing
    speaks to its treatment: the treatment page's sentences, read alone, fell below the
    answer threshold."""
    answer = engine.ask("How is gout treated?", audience)
    assert answer.state is AnswerState.ANSWERED
    assert _titles(engine, answer) == {TREATMENT_PAGE}  # the bottom line
    assert not answer.gaps


def test_only_the_pages_asking_the_same_kind_of_the_same_disease_ask_the_same(
    engine: Engine,
) -> None:
    """Of gout's pages and those that name gout, only the treatment pages ask the same."""
    question = engine.understand("How is gout treated?")
    pages = [record for _, record in engine.search("gout", limit=40)]
    titles = {record.title for record in pages}
    assert {TREATMENT_PAGE, "Who is at risk for Gout? ?", "What causes Gout ?"} <= titles
    for record, topics in zip(pages, engine.topics(question, pages), strict=True):
        assert topics.asks_the_same is (record.title == TREATMENT_PAGE), record.title
