"""One settings-hash recipe, covering exactly what can change an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from medcite.index.manifest import index_settings_hash
from medcite.settings import load_settings, settings_digest, settings_hash


def hashed(tmp_path: Path, overrides: dict[str, dict[str, object]]) -> str:
    return settings_hash(load_settings(tmp_path, overrides=overrides, environ={}))


@pytest.mark.parametrize(
    "operational",
    [
        {"ncbi": {"timeout_seconds": 5.0}},
        {"ingest": {"workers": 1, "batch_size": 10}},
        {"index": {"writer_heap_mb": 64}},
        {"dense": {"encode_batch": 8}},
        {"web": {"session_hours": 1.0}},
        {"vocab": {"directory": "/elsewhere"}},
    ],
)
def test_an_operational_setting_leaves_the_answer_hash_unchanged(
    tmp_path: Path, operational: dict[str, dict[str, object]]
) -> None:
    assert hashed(tmp_path, operational) == hashed(tmp_path, {})


@pytest.mark.parametrize(
    "answering",
    [
        {"answer": {"bottom_line_statements": 1}},
        {"retrieve": {"candidates": 50}},
        {"index": {"title_boost": 2.0}},
        {"dense": {"enabled": True}},
    ],
)
def test_a_setting_that_changes_answers_changes_the_hash(
    tmp_path: Path, answering: dict[str, dict[str, object]]
) -> None:
    assert hashed(tmp_path, answering) != hashed(tmp_path, {})


def test_the_index_manifest_uses_the_same_recipe(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, environ={})
    assert index_settings_hash(settings.index) == settings_digest(settings.index, "index")
    assert settings_hash(settings, group="index") == index_settings_hash(settings.index)
