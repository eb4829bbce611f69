"""A full or read-only disk: every command ends with its documented exit status and a
message naming the file, nothing stored is lost, and reading goes on while writing cannot.

The data directory lies on a real tmpfs (``small_disk``), so SQLite, tantivy and Python
all get the kernel's own ENOSPC and EROFS.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medcite.cli import run
from medcite.engine import STORE_FILE
from medcite.records import Record, Source
from medcite.store import SqliteStore
from support.disks import SmallDisk

FIXTURES = Path(__file__).parents[1] / "data"
EXIT_STORE = 8


def medcite(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = run(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with records and a vocabulary, built on an ordinary disk."""
    data_dir = tmp_path_factory.mktemp("prepared")
    base = ["--data-dir", str(data_dir)]
    assert run([*base, "ingest", str(FIXTURES / "pubmed" / "sample.xml")]) == 0
    assert run([*base, "vocab", "import", str(FIXTURES / "vocab" / "mini_doid.obo")]) == 0
    return data_dir


def stats(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, object]:
    status, out, err = medcite(capsys, data_dir, "stats", "--format", "json")
    assert status == 0, err
    found: dict[str, object] = json.loads(out)
    return found


def test_a_full_disk_is_exit_8_naming_the_file_and_loses_nothing(
    capsys: pytest.CaptureFixture[str], prepared: Path, small_disk: SmallDisk
) -> None:
    data_dir = small_disk.path / "data"
    shutil.copytree(prepared, data_dir)
    before = stats(capsys, data_dir)
    small_disk.fill()

    writes = (
        ("vocab", "import", str(FIXTURES / "vocab" / "mini_mesh.bin")),
        ("ingest", str(FIXTURES / "jsonl" / "records.jsonl")),
        ("index", "rebuild"),
    )
    for args in writes:
        status, _, err = medcite(capsys, data_dir, *args)
        assert status == EXIT_STORE, (args, err)
        assert "Traceback" not in err and "no space left" in err.lower(), (args, err)
        assert str(data_dir) in err, (args, err)  # names the file or directory
    for args in (("stats",), ("search", "calcinosis"), ("show", "pmid:1"), ("vocab", "list")):
        status, _, err = medcite(capsys, data_dir, *args)
        assert status in (0, 7), (args, err)  # reading goes on while the disk is full
    assert stats(capsys, data_dir)["records"] == before["records"]

    small_disk.free()
    for args in writes:
        status, _, err = medcite(capsys, data_dir, *args)
        assert status == 0, (args, err)
    after = stats(capsys, data_dir)
    assert after["records"] == before["records"] + 2  # records.jsonl adds two new ones
    assert after["index_in_step"] is True and after["indexed_documents"] == after["records"]
    assert medcite(capsys, data_dir, "check")[0] == 0


def test_a_read_only_data_directory_serves_reads_and_says_the_index_is_behind(
    capsys: pytest.CaptureFixture[str], prepared: Path, small_disk: SmallDisk
) -> None:
    data_dir = small_disk.path / "data"
    shutil.copytree(prepared, data_dir)
    store = SqliteStore.open(data_dir / STORE_FILE)  # a change the index has not seen yet
    late = Record(id="pmid:93000001", source=Source.JSONL, title="Calcinosis seen late")
    store.write_batch([late], {})
    store.close()
    small_disk.read_only()
    files_before = sorted(p.name for p in data_dir.rglob("*"))

    status, out, err = medcite(capsys, data_dir, "stats", "--format", "json")
    assert status == 0, err
    found = json.loads(out)
    assert found["index_in_step"] is False and "behind" in found["index_problem"]
    for args in (
        ("search", "calcinosis"),
        ("show", "pmid:93000001"),
        ("understand", "calcinosis of the spine"),
        ("ask", "calcinosis of the spine"),
        ("export", "jsonl"),
        ("vocab", "list"),
    ):
        status, _, err = medcite(capsys, data_dir, *args)
        assert status == 0, (args, err)
    status, _, err = medcite(capsys, data_dir, "search", "calcinosis")
    assert "behind" in err  # said, not silently served stale
    status, _, err = medcite(capsys, data_dir, "ingest", str(FIXTURES / "jsonl" / "records.jsonl"))
    assert status == EXIT_STORE and "read-only" in err and "Traceback" not in err
    assert sorted(p.name for p in data_dir.rglob("*")) == files_before

    small_disk.read_only(False)
    assert medcite(capsys, data_dir, "search", "calcinosis")[0] == 0
    assert stats(capsys, data_dir)["index_in_step"] is True  # a writable open caught up


def test_an_export_to_a_full_disk_is_exit_8_naming_the_file(
    capsys: pytest.CaptureFixture[str], prepared: Path, small_disk: SmallDisk
) -> None:
    small_disk.fill()
    target = small_disk.path / "records.jsonl"
    status, _, err = medcite(capsys, prepared, "export", "jsonl", "-o", str(target))
    assert status == EXIT_STORE and "no space left" in err.lower() and "Traceback" not in err
    assert str(target) in err
