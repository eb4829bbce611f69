"""A damaged index is found and named, never a crash: exit 9 with the command that repairs it,
``stats`` and ``check`` tell the truth, and ``index rebuild`` repairs it from the store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medcite.cli import run

FIXTURES = Path(__file__).parents[1] / "data"


def medcite(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = run(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("healthy")
    assert (
        run(["--data-dir", str(data_dir), "ingest", str(FIXTURES / "pubmed" / "sample.xml")]) == 0
    )
    return data_dir


def damaged_copy(healthy: Path, tmp_path: Path, suffix: str, offset: int, garbage: bytes) -> Path:
    """A copy of the healthy data directory with ``garbage`` written into one segment file."""
    data_dir = tmp_path / "data"
    shutil.copytree(healthy, data_dir)
    (segment,) = (data_dir / "index").glob(f"*.{suffix}")
    content = bytearray(segment.read_bytes())
    content[offset : offset + len(garbage)] = garbage
    segment.write_bytes(bytes(content))
    return data_dir


# Each damage was seen to crash a search: a Rust panic (PanicException, a BaseException
# that no ``except Exception`` catches) or tantivy's ValueError, both with a traceback.
DAMAGES = {
    "doc store offsets (panic)": ("store", 100, b"\xff\xff\xff\x7f"),
    "doc store bytes (deserialize error)": ("store", 10, b"\xff\xff\xff\x7f"),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=list(DAMAGES))
def test_a_damaged_segment_is_exit_9_naming_the_rebuild(
    capsys: pytest.CaptureFixture[str],
    healthy: Path,
    tmp_path: Path,
    damage: tuple[str, int, bytes],
) -> None:
    data_dir = damaged_copy(healthy, tmp_path, *damage)
    for args in (
        ("search", "tumor spheroid model of glioblastoma"),
        ("ask", "tumor spheroid models of glioblastoma"),
    ):
        status, _, err = medcite(capsys, data_dir, *args)
        assert status == 9, (args, err)
        assert "medcite index rebuild" in err and "Traceback" not in err

    status, out, err = medcite(capsys, data_dir, "stats", "--format", "json")
    stats = json.loads(out)
    assert stats["index_in_step"] is False
    assert "damaged" in stats["index_problem"] and "medcite index rebuild" in stats["index_problem"]

    status, out, err = medcite(capsys, data_dir, "check")
    assert status == 9 and "medcite index rebuild" in err
    assert "store.sqlite3: ok" in out

    status, _, err = medcite(capsys, data_dir, "index", "rebuild")
    assert status == 0, err
    status, out, err = medcite(capsys, data_dir, "search", "glioblastoma", "--format", "json")
    assert status == 0 and json.loads(out)
    assert medcite(capsys, data_dir, "check")[0] == 0
