"""Files cut into parts for worker processes read back as the whole file does."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from medcite.engine.prepare import prepare_record
from medcite.ingest import workers as workers_module
from medcite.ingest.parts import WholeFile, XmlPart, read_task, read_tasks
from medcite.ingest.sources import read_sources
from medcite.ingest.workers import AHEAD_PER_WORKER, read_prepared
from medcite.records import PreparedRecord, Rejection


def read_in_parts(paths: list[Path], part_bytes: int) -> list:
    return [item for task in read_tasks(paths, part_bytes) for item in read_task(task)]


@pytest.mark.shared_data
@pytest.mark.parametrize("part_bytes", [300, 5000, 100_000])
def test_real_files_in_parts_give_the_items_of_the_whole_files(
    shared_data: Path, part_bytes: int
) -> None:
    paths = [shared_data / "pubmed_xml"]
    assert read_in_parts(paths, part_bytes) == list(read_sources(paths))


def test_parts_are_cut_after_records_and_say_where_they_begin(fixtures_dir: Path) -> None:
    tasks = list(read_tasks([fixtures_dir / "pubmed" / "sample.xml"], 2000))
    parts = [task for task in tasks if isinstance(task, XmlPart)]
    assert len(parts) == len(tasks) > 3
    assert parts[0].start.at_file_start and parts[-1].last
    for part, following in pairwise(parts):
        assert part.body.rstrip().endswith((b"Article>", b"</DeleteCitation>"))
        assert following.start.first_line == part.start.first_line + part.body.count(b"\n")
        assert part.start.next_line == following.start.first_line


def test_a_fault_is_reported_with_the_files_own_line_and_record(fixtures_dir: Path) -> None:
    path = fixtures_dir / "pubmed" / "malformed.xml"
    whole = [item for item in read_sources([path]) if isinstance(item, Rejection)]
    for part_bytes in (500, 3000):
        parted = [item for item in read_in_parts([path], part_bytes) if isinstance(item, Rejection)]
        assert [(r.location, r.record) for r in parted] == [(r.location, r.record) for r in whole]
        # libxml2's own words keep the line within the part; medcite's say the file's line
        assert [r.reason.split(":")[0] for r in parted] == [r.reason.split(":")[0] for r in whole]
        assert [r.reason.rsplit(";", 1)[1] for r in parted] == [
            r.reason.rsplit(";", 1)[1] for r in whole
        ]


def test_a_truncated_gzip_keeps_its_records_and_reports_the_cut(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    data = gzip.compress((fixtures_dir / "pubmed" / "sample.xml").read_bytes())
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    whole = list(read_sources([path]))
    assert isinstance(whole[-1], Rejection) and "unreadable after" in whole[-1].reason
    assert read_in_parts([path], 2000) == whole


def test_other_formats_and_missing_paths_are_one_piece_of_work(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    medline = fixtures_dir / "pubmed" / "medline_sample.txt"
    tasks = list(read_tasks([medline, tmp_path / "absent.xml"]))
    assert tasks[0] == WholeFile(medline)
    assert isinstance(tasks[1], Rejection) and "no such file" in tasks[1].reason


@pytest.mark.parametrize("workers", [0, 2])
def test_parts_are_read_as_they_are_needed_not_all_at_once(
    fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Each part holds its bytes, so holding every part of a baseline at once is the whole
    decompressed baseline in memory (5.8 GiB for 28 files at 1M records, bench/scale.py):
    the reader may be only the parts in flight ahead of what it has handed over."""
    pulled: list[object] = []

    def counted(paths: list[Path], part_bytes: int) -> Iterator[object]:
        for task in read_tasks(paths, part_bytes):
            pulled.append(task)
            yield task

    monkeypatch.setattr(workers_module, "read_tasks", counted)
    sample = fixtures_dir / "pubmed" / "sample.xml"
    items = read_prepared([sample] * 3, prepare_record, workers, part_bytes=500)
    first = next(items)
    assert isinstance(first, PreparedRecord)
    in_flight = 2 + workers * AHEAD_PER_WORKER + 1
    assert len(pulled) <= in_flight < len(list(read_tasks([sample] * 3, 500)))
    assert len(list(items)) + 1 == len(list(read_sources([sample] * 3)))
