"""The compact store: compressed records read back as written, old plain rows still read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import msgspec
import pytest
from msgspec.structs import replace

from medcite.errors import StoreError
from medcite.ingest import read_pubmed_xml
from medcite.records import Record
from medcite.store import SqliteStore
from medcite.store import sqlite as store_module
from medcite.store.codec import FIRST_DICTIONARY, PLAIN_JSON, ZSTD


def many_records(fixtures_dir: Path, count: int) -> list[Record]:
    real = [
        r for r in read_pubmed_xml(fixtures_dir / "pubmed" / "sample.xml") if isinstance(r, Record)
    ]
    return [
        replace(record, id=f"pmid:{9_000_000 + n}", pmid=str(9_000_000 + n))
        for n in range(count)
        for record in [real[n % len(real)]]
    ]


def codecs(path: Path) -> dict[int, int]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT codec, COUNT(*) FROM records GROUP BY codec"))


def test_records_come_back_as_written_before_and_after_the_dictionary(
    tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "TRAIN_AFTER", 40)
    records = many_records(fixtures_dir, 100)
    store = SqliteStore.open(tmp_path / "store.sqlite3")
    for start in range(0, 100, 25):
        store.write_batch(records[start : start + 25], {})
    assert codecs(tmp_path / "store.sqlite3") == {ZSTD: 50, FIRST_DICTIONARY: 50}
    assert store.write_batch(records, {}).unchanged == 100  # compared as JSON, not as bytes
    store.close()
    reopened = SqliteStore.open(tmp_path / "store.sqlite3")
    assert list(reopened.live_records()) == sorted(records, key=lambda r: r.id)
    reopened.close()


def test_a_store_of_plain_json_rows_is_read_and_written_after_upgrading(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    old, new = many_records(fixtures_dir, 2)
    path = tmp_path / "store.sqlite3"
    with sqlite3.connect(path) as db:  # schema version 2, as medcite wrote it before
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE records (id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
            " deleted INTEGER NOT NULL DEFAULT 0, sequence INTEGER NOT NULL, document BLOB,"
            " sentences BLOB);"
            "INSERT INTO meta VALUES ('schema_version', '2'), ('sequence', '1');"
        )
        db.execute(
            "INSERT INTO records VALUES (?, 1, 0, 1, ?, '[]')", (old.id, msgspec.json.encode(old))
        )
    store = SqliteStore.open(path)
    assert store.get(old.id) == old
    assert store.write_batch([old, new], {}).unchanged == 1
    assert store.get_many([old.id, new.id]) == {old.id: old, new.id: new}
    store.close()
    assert codecs(path) == {PLAIN_JSON: 1, ZSTD: 1}


def test_an_unreadable_row_names_the_store_and_record(tmp_path: Path, fixtures_dir: Path) -> None:
    (record,) = many_records(fixtures_dir, 1)
    store = SqliteStore.open(tmp_path / "store.sqlite3")
    store.write_batch([record], {})
    with sqlite3.connect(tmp_path / "store.sqlite3") as db:
        db.execute("UPDATE records SET document = x'0102'")
    with pytest.raises(StoreError, match=r"store.sqlite3: stored record 'pmid:9000000'"):
        store.get(record.id)
    store.close()
