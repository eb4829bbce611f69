"""The engine keeps the index in step with the store, whatever happened in between."""

from __future__ import annotations

from pathlib import Path

from medcite.engine import INDEX_DIR, STORE_FILE, Engine
from medcite.index import LexicalIndex
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.records import Deletion, Record
from medcite.settings import load_settings
from medcite.store import SqliteStore


def test_open_replays_store_changes_the_index_missed(tmp_path: Path, fixtures_dir: Path) -> None:
    settings = load_settings(tmp_path, environ={})
    records = [
        r for r in read_pubmed_xml(fixtures_dir / "pubmed" / "sample.xml") if isinstance(r, Record)
    ]
    with Engine.open(settings) as engine:
        engine.ingest(records[:2])

    # A run that committed to the store and died before the index commit:
    store = SqliteStore.open(tmp_path / STORE_FILE)
    store.write_batch([*records[2:], Deletion(records[0].id)], {})
    store.close()
    assert LexicalIndex.open(tmp_path / INDEX_DIR, settings.index).document_count() == 2

    with Engine.open(settings) as engine:
        stats = engine.stats()
        assert stats.in_step
        assert stats.indexed_documents == stats.store.records == len({r.id for r in records}) - 1
        found = {hit.record_id for hit, _ in engine.search(records[-1].title, 5)}
        assert records[-1].id in found
        assert records[0].id not in {
            hit.record_id for hit, _ in engine.search(records[0].title, 50)
        }


def test_rebuild_index_reproduces_the_store(tmp_path: Path, fixtures_dir: Path) -> None:
    settings = load_settings(tmp_path, environ={})
    with Engine.open(settings) as engine:
        engine.ingest_paths([fixtures_dir / "pubmed" / "sample.xml"])
        before = engine.stats()
        manifest = engine.rebuild_index()
        after = engine.stats()
    assert manifest.record_count == before.store.records == after.indexed_documents
    assert after.in_step
