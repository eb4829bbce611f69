"""An ingest killed with SIGKILL mid-run, then rerun, loses nothing and duplicates nothing.

The run is a real ``medcite`` process on real PubMed XML with small batches; the test
waits until some batches are committed, kills it, reruns it, and compares the data
directory with one built by a single uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.shared_data


def medcite(data_dir: Path, *args: str, batch_size: int = 1000) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MEDCITE_INGEST__BATCH_SIZE": str(batch_size)}
    return subprocess.Popen(
        [sys.executable, "-m", "medcite", "--data-dir", str(data_dir), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def output(data_dir: Path, *args: str) -> str:
    process = medcite(data_dir, *args)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    return out.decode()


def committed_sequence(data_dir: Path) -> int:
    store = data_dir / "store.sqlite3"
    if not store.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'sequence'").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


@pytest.mark.parametrize("kill_after_sequence", [1, 600])
def test_kill_9_then_rerun_matches_an_uninterrupted_run(
    tmp_path: Path, shared_data: Path, kill_after_sequence: int
) -> None:
    corpus = str(shared_data / "pubmed_xml")
    reference = tmp_path / "reference"
    output(reference, "ingest", corpus)
    final_sequence = committed_sequence(reference)
    assert final_sequence > kill_after_sequence

    interrupted = tmp_path / "interrupted"
    process = medcite(interrupted, "ingest", corpus, batch_size=20)
    deadline = time.monotonic() + 120
    while committed_sequence(interrupted) < kill_after_sequence:
        assert process.poll() is None, "ingest finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert 0 < committed_sequence(interrupted) < final_sequence  # really cut mid-run

    output(interrupted, "ingest", corpus)
    assert output(interrupted, "export", "jsonl") == output(reference, "export", "jsonl")
    stats = json.loads(output(interrupted, "stats", "--format", "json"))
    expected = json.loads(output(reference, "stats", "--format", "json"))
    assert stats["records"] == stats["indexed_documents"] == expected["records"]
    assert stats["deleted"] == expected["deleted"]
    assert stats["index_in_step"] is True
