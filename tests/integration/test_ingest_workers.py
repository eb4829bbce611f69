"""Ingestion in worker processes gives the same store and index whatever the worker count.

Real PubMed XML (``../shared/data/pubmed_xml``, 29 NLM files) and the project's own
fixtures, malformed and truncated ones included, are cut into small parts so that files
really are spread over the workers; the data directories built with no worker (all in
one process), one and two workers must export the same bytes, report the same summary
and answer searches with the same hits and scores.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from medcite.engine import Engine
from medcite.records import IngestSummary
from medcite.settings import load_settings

QUERIES = ("myeloma statin", "randomized trial", "cancer", '"cell line"', "children asthma")


def build(
    data_dir: Path, sources: list[Path], workers: int
) -> tuple[IngestSummary, bytes, list[list[object]]]:
    environ = {
        "MEDCITE_INGEST__WORKERS": str(workers),
        "MEDCITE_INGEST__READ_IN_BACKGROUND": "true" if workers else "false",
        "MEDCITE_INGEST__PART_BYTES": "16384",
        "MEDCITE_INGEST__BATCH_SIZE": "50",
        "MEDCITE_INGEST__INDEX_COMMIT_RECORDS": "200",
    }
    with Engine.open(load_settings(data_dir, environ=environ)) as engine:
        summary = engine.ingest_paths(sources)
        export = BytesIO()
        engine.export_jsonl(export)
        hits = [
            [(hit.record_id, round(hit.score, 6)) for hit, _ in engine.search(query, 20)]
            for query in QUERIES
        ]
        stats = engine.stats()
        hits.append([stats.store.records, stats.store.deleted, stats.indexed_documents])
    return summary, export.getvalue(), hits


@pytest.mark.shared_data
def test_the_worker_count_changes_nothing_stored_or_indexed(
    tmp_path: Path, shared_data: Path, fixtures_dir: Path
) -> None:
    sources = [shared_data / "pubmed_xml", fixtures_dir / "pubmed"]
    alone = build(tmp_path / "none", sources, 0)
    summary, export, hits = alone
    assert export.count(b"\n") == summary.added - summary.deleted
    assert summary.read > 1000 and summary.rejected > 0  # real records and real faults
    assert all(hits[:-1]), "every query finds something"
    assert build(tmp_path / "one", sources, 1) == alone
    assert build(tmp_path / "two", sources, 2) == alone
