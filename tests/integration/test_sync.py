"""``medcite sync pubmed`` against a loopback server laid out as NLM's download site.

The server holds real NLM XML (``../shared/data/pubmed_xml`` and the project's fixture
with a ``DeleteCitation``) as two baseline and two update files with their ``.md5``;
faults are served as a real network gives them: a corrupt download, a cut-off one, a
dropped connection, a missing checksum, a listing that is not NLM's, a file out of
order. Every outcome is compared with a plain ``ingest`` of the same files in order.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest

from medcite.cli import run
from medcite.engine import Engine
from medcite.ingest import RecordSlice
from medcite.settings import load_settings
from support.nlm_server import NlmServer, add_file, nlm_layout

pytestmark = pytest.mark.shared_data

FAST = {"MEDCITE_SYNC__BACKOFF_SECONDS": "0", "MEDCITE_INGEST__BATCH_SIZE": "20"}


@pytest.fixture
def site(tmp_path: Path, shared_data: Path, fixtures_dir: Path) -> Path:
    xml = shared_data / "pubmed_xml"
    return nlm_layout(
        tmp_path / "site",
        baseline=[
            xml / "xizhou_pubMR__pubmed_result.xml.gz",
            xml / "sk8erjs69_sr-project__pubmed_result.xml.gz",
        ],
        updates=[
            xml / "qi29_main_finding_recognition__pubmed_result.xml.gz",
            fixtures_dir / "pubmed" / "sample.xml",
        ],
    )


def all_files(site: Path) -> list[Path]:
    return sorted(site.glob("baseline/*.xml.gz")) + sorted(site.glob("updatefiles/*.xml.gz"))


def engine(data_dir: Path) -> Engine:
    return Engine.open(load_settings(data_dir, environ=FAST))


def export(data_dir: Path) -> bytes:
    sink = BytesIO()
    with engine(data_dir) as opened:
        opened.export_jsonl(sink)
    return sink.getvalue()


@pytest.fixture
def reference(tmp_path: Path, site: Path) -> bytes:
    """The store a plain ingest of NLM's files, in NLM's order, gives."""
    with engine(tmp_path / "reference") as opened:
        opened.ingest_paths(all_files(site))
    return export(tmp_path / "reference")


def sync(data_dir: Path, server: NlmServer, *args: str) -> int:
    os.environ.update(FAST)
    try:
        return run(
            ["--data-dir", str(data_dir), "sync", "pubmed", "--base-url", server.base_url, *args]
        )
    finally:
        for name in FAST:
            os.environ.pop(name, None)


def said(capsys: pytest.CaptureFixture[str]) -> str:
    """What the command wrote to stderr, unwrapped (rich wraps long lines)."""
    return " ".join(capsys.readouterr().err.split())


def applied(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "store.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT name FROM applied_files ORDER BY sequence")]


def test_sync_applies_every_file_in_order_once(
    tmp_path: Path, site: Path, reference: bytes
) -> None:
    data_dir = tmp_path / "data"
    with NlmServer(site) as server:
        assert sync(data_dir, server, "--dry-run") == 0
        assert not applied(data_dir) if (data_dir / "store.sqlite3").exists() else True
        assert sync(data_dir, server) == 0
        assert applied(data_dir) == [f.name for f in all_files(site)]
        assert export(data_dir) == reference
        fetched = len(server.requests)
        assert sync(data_dir, server) == 0  # a rerun with nothing to do
        data_requests = [p for p, _ in server.requests[fetched:] if p.endswith(".gz")]
        assert data_requests == []
    assert export(data_dir) == reference
    with sqlite3.connect(data_dir / "store.sqlite3") as db:
        md5s = dict(db.execute("SELECT name, md5 FROM applied_files"))
    for path in all_files(site):
        assert path.with_name(path.name + ".md5").read_text().split()[-1] == md5s[path.name]


def test_corrupt_cut_and_dropped_downloads_are_fetched_again(
    tmp_path: Path, site: Path, reference: bytes
) -> None:
    first, second, third, _ = (path.name for path in all_files(site))
    with NlmServer(site) as server:
        server.faults[first] = ["corrupt"]
        server.faults[second] = ["truncate", "drop", 503]
        server.faults[third] = ["truncate"]
        assert sync(tmp_path / "data", server) == 0
        assert len(server.gets_of(first)) == 2  # thrown away, fetched whole again
        assert any(rng.startswith("bytes=") for rng in server.gets_of(second))  # resumed
    assert export(tmp_path / "data") == reference


def test_a_file_that_never_verifies_is_refused_and_nothing_of_it_applied(
    tmp_path: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, *_ = (path.name for path in all_files(site))
    with NlmServer(site) as server:
        server.faults[second] = ["corrupt"] * 10
        assert sync(tmp_path / "data", server) == 10
    assert second in said(capsys)
    assert applied(tmp_path / "data") == [first]
    partial = tmp_path / "data" / "nlm" / "baseline"
    assert sorted(p.name for p in partial.iterdir()) == [first]  # no corrupt file kept
    with engine(tmp_path / "data") as opened:
        assert opened.stats().store.records == 93  # the first file's records, nothing more


def test_a_missing_checksum_and_a_foreign_listing_are_refused_by_name(
    tmp_path: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "updatefiles" / (all_files(site)[2].name + ".md5")).unlink()
    with NlmServer(site) as server:
        assert sync(tmp_path / "data", server) == 10
        assert "no .md5 beside pubmed25n0003.xml.gz" in said(capsys)
        assert len(applied(tmp_path / "data")) == 2
        for path in site.glob("updatefiles/*.xml.gz"):
            path.rename(path.with_suffix(".bin"))
        assert sync(tmp_path / "other", server) == 10
        assert "lists no pubmedYYnNNNN.xml.gz file" in said(capsys)


def test_an_update_file_out_of_order_is_refused(
    tmp_path: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = all_files(site)[2]
    hidden = late.rename(tmp_path / late.name)
    with NlmServer(site) as server:
        assert sync(tmp_path / "data", server) == 0
        add_file(late.parent, late.name, hidden.read_bytes())
        assert sync(tmp_path / "data", server) == 5
    assert f"updatefiles/{late.name}: listed but never applied" in said(capsys)
    assert late.name not in applied(tmp_path / "data")


def test_a_slice_keeps_its_records_and_refuses_another_slice_later(
    tmp_path: Path, site: Path
) -> None:
    with NlmServer(site) as server:
        assert sync(tmp_path / "data", server, "--from-year", "2019", "--to-year", "2020") == 0
        assert sync(tmp_path / "data", server) == 4  # another slice: refused
    record_slice = RecordSlice(from_year=2019, to_year=2020)
    with engine(tmp_path / "data") as opened:
        sink = BytesIO()
        count = opened.export_jsonl(sink)
    years = [json.loads(line)["date"]["year"] for line in sink.getvalue().splitlines()]
    assert count > 0 and all(2019 <= year <= 2020 for year in years)
    assert record_slice.describe() != RecordSlice().describe()


def _medcite_sync(data_dir: Path, base_url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "medcite",
            "--data-dir",
            str(data_dir),
            "sync",
            "pubmed",
            "--base-url",
            base_url,
        ],
        env={**os.environ, **FAST, "MEDCITE_INGEST__BATCH_SIZE": "5"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _sequence(data_dir: Path) -> int:
    try:
        with sqlite3.connect(f"file:{data_dir / 'store.sqlite3'}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'sequence'").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


@pytest.mark.parametrize("where", ["mid-download", "mid-file", "between-files"])
def test_killed_anywhere_then_rerun_ends_as_an_uninterrupted_sync(
    tmp_path: Path, site: Path, reference: bytes, where: str
) -> None:
    files = all_files(site)
    data_dir = tmp_path / "data"
    with NlmServer(site) as server:
        if where == "mid-download":
            server.faults[files[1].name] = ["stall"]
        process = _medcite_sync(data_dir, server.base_url)
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.communicate()[1].decode()
            assert time.monotonic() < deadline
            if where == "mid-download" and server.gets_of(files[1].name):
                time.sleep(0.3)
                break
            if where == "mid-file" and _sequence(data_dir) >= 100:  # inside the second file
                break
            if (
                where == "between-files"
                and (data_dir / "nlm" / "baseline" / files[1].name).exists()
            ):
                break
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        assert len(applied(data_dir)) < len(files)
        assert sync(data_dir, server) == 0
    assert applied(data_dir) == [f.name for f in files]
    assert export(data_dir) == reference
