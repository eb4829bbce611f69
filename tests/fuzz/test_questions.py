"""Property-based fuzzing of question understanding and search: any text at all, lone
surrogates and control characters included, is understood, searched or refused with a
``QuestionError``; nothing else is raised, and what comes back is clean text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medcite.engine import Engine
from medcite.errors import QuestionError
from medcite.safe_text import clean_text
from medcite.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "data"
BUDGETS = [
    pytest.param(60, id="ci"),
    pytest.param(10_000, id="soak", marks=pytest.mark.slow),
]
WORDS = [
    "SSc",
    "MS",
    "systemic sclerosis",
    "Scleroderma, Systemic",
    "MRI",
    "CT",
    "children",
    "and in children?",
    "what",
    "is",
    "the",
    "de la",
    '"quoted',
    "AND",
    "NOT",
    "(",
    "*",
    "~",
    "\x1b[31m",
    "\ud800",
    "\u0301",
    "𝔰𝔠𝔩𝔢𝔯𝔬𝔰𝔦𝔰",
    "ß",
    "İ",
]
QUESTIONS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=20).map(" ".join),
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    data_dir = tmp_path_factory.mktemp("fuzz-questions")
    settings_ = load_settings(data_dir, environ={})
    with Engine.open(settings_) as opened:
        opened.ingest_paths(
            [FIXTURES / "pubmed" / "sample.xml", FIXTURES / "jsonl" / "hostile.jsonl"]
        )
        for vocabulary in ("mini_mesh.bin", "mini_doid.obo"):
            opened.import_vocabulary(FIXTURES / "vocab" / vocabulary)
        yield opened


@pytest.mark.parametrize("budget", BUDGETS)
def test_any_question_is_understood_or_refused(engine: Engine, budget: int) -> None:
    ran = 0

    @given(QUESTIONS)
    @settings(
        max_examples=budget, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def run(question: str) -> None:
        nonlocal ran
        ran += 1
        try:
            understood = engine.understand(question)
        except QuestionError:
            return
        assert understood.text == clean_text(understood.text)
        for concept in understood.concepts:
            assert understood.text[concept.start : concept.end] == concept.mention

    run()
    assert ran >= budget, f"only {ran} questions were generated"


@pytest.mark.parametrize("budget", BUDGETS)
def test_any_text_is_searched(engine: Engine, budget: int) -> None:
    ran = 0

    @given(QUESTIONS)
    @settings(
        max_examples=budget, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def run(text: str) -> None:
        nonlocal ran
        ran += 1
        for hit, record in engine.search(text, 5):
            assert hit.record_id == record.id

    run()
    assert ran >= budget, f"only {ran} texts were generated"
