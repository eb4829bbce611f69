"""Another medcite process writing to the data directory: a second writer is refused
with its own exit status (13, try again), never taken for a bad index (9); readers go on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite.cli import run
from medcite.engine import INDEX_DIR
from medcite.index import LexicalIndex
from medcite.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "data"
EXIT_BUSY = 13


def test_a_concurrent_ingest_is_refused_as_busy_and_reading_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    base = ["--data-dir", str(data_dir)]
    assert run([*base, "ingest", str(FIXTURES / "pubmed" / "sample.xml")]) == 0
    settings = load_settings(data_dir, environ={})
    other_writer = LexicalIndex.open(data_dir / INDEX_DIR, settings.index)
    with other_writer.updating():  # another process, for all the index can tell
        capsys.readouterr()
        status = run([*base, "ingest", str(FIXTURES / "jsonl" / "records.jsonl")])
        err = capsys.readouterr().err
        assert status == EXIT_BUSY, err
        assert "another medcite process" in err and "index rebuild" not in err
        assert run([*base, "index", "rebuild"]) == EXIT_BUSY
        assert run([*base, "stats", "--format", "json"]) == 0
        stats = json.loads(capsys.readouterr().out)
        assert stats["records"] > 0
    assert run([*base, "ingest", str(FIXTURES / "jsonl" / "records.jsonl")]) == 0
