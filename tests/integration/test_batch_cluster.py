"""The batch path on a local two-worker Ray cluster writes what one process writes.

Parsing and preparing real NLM XML (``../shared/data/pubmed_xml`` and the fixtures, in
small parts) and embedding every stored record with the static encoder run on the
cluster's workers; the store export, search hits and the vectors must equal those of the
single-process path.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from io import BytesIO
from pathlib import Path

import pytest

from medcite.engine import Engine
from medcite.settings import Settings, load_settings

pytest.importorskip("ray", reason="the cluster extra (ray) is not installed")

QUERIES = ("myeloma statin", "randomized trial", "children asthma")


@pytest.fixture(scope="module")
def executor() -> Iterator[Executor]:
    from medcite.engine.cluster import cluster_executor

    with cluster_executor("local:2") as running:
        yield running


def settings_for(data_dir: Path, static_model_dir: Path) -> Settings:
    environ = {
        "MEDCITE_INGEST__WORKERS": "0",
        "MEDCITE_INGEST__READ_IN_BACKGROUND": "false",
        "MEDCITE_INGEST__PART_BYTES": "16384",
        "MEDCITE_DENSE__STATIC_MODEL_PATH": str(static_model_dir),
        "MEDCITE_DENSE__ENCODE_BATCH": "16",
    }
    return load_settings(data_dir, environ=environ)


@pytest.mark.shared_data
def test_the_cluster_writes_the_records_index_and_vectors_one_process_writes(
    tmp_path: Path,
    shared_data: Path,
    fixtures_dir: Path,
    static_model_dir: Path,
    executor: Executor,
) -> None:
    import numpy as np

    sources = [shared_data / "pubmed_xml", fixtures_dir / "pubmed"]
    outputs = []
    runs: tuple[tuple[str, Executor | None], ...] = (("alone", None), ("cluster", executor))
    for name, on_cluster in runs:
        data_dir = tmp_path / name
        with Engine.open(settings_for(data_dir, static_model_dir)) as engine:
            summary = engine.ingest_paths(sources, executor=on_cluster)
            manifest = engine.build_vectors(executor=on_cluster)
            export = BytesIO()
            engine.export_jsonl(export)
            hits = [[h.record_id for h, _ in engine.search(q, 20)] for q in QUERIES]
        from medcite.dense.encoders import StaticEncoder
        from medcite.dense.vectors import VectorIndex
        from medcite.settings import DenseSettings

        vectors = VectorIndex.open(
            data_dir / "vectors", StaticEncoder(static_model_dir), DenseSettings()
        )
        ids = sorted(vectors._rows)
        matrix = np.vstack([vectors.vector_of(record_id) for record_id in ids])
        outputs.append((summary, export.getvalue(), hits, manifest.record_count, ids, matrix))
    alone, cluster = outputs
    assert alone[0].read > 1000 and alone[3] > 1000
    assert cluster[:5] == alone[:5]
    assert np.array_equal(cluster[5], alone[5])
