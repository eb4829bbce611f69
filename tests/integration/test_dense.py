"""The optional dense part wired through the engine and CLI, and its absence made plain."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from medcite.cli import run
from medcite.engine import Engine
from medcite.errors import ExtraMissingError
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.records import Deletion, Record
from medcite.settings import Settings, load_settings

VECTORS = "vectors"


def dense_settings(data_dir: Path, static_model_dir: Path, **dense: Any) -> Settings:
    """Dense retrieval on; records ranked by retrieval alone (no re-ranking by their
    sentences' relevance), so what is measured is what the dense part adds."""
    values = {"enabled": True, "first_stage": True, "static_model_path": str(static_model_dir)}
    values |= dense
    overrides = {"dense": values, "retrieve": {"evidence_weight": 0.0}}
    return load_settings(data_dir, overrides=overrides, environ={})


def sample_records(fixtures_dir: Path) -> list[Record]:
    items = read_pubmed_xml(fixtures_dir / "pubmed" / "sample.xml")
    return [item for item in items if isinstance(item, Record)]


def vector_count(data_dir: Path) -> int:
    import msgspec

    from medcite.dense.manifest import read_vector_manifest

    manifest = read_vector_manifest(data_dir / VECTORS)
    assert manifest is not None
    ids = msgspec.json.decode((data_dir / VECTORS / manifest.ids_file).read_bytes())
    assert manifest.record_count == len([i for i in ids if i])
    return manifest.record_count


def test_ingest_keeps_vectors_in_step_with_the_store(
    tmp_path: Path, fixtures_dir: Path, static_model_dir: Path
) -> None:
    settings = dense_settings(tmp_path, static_model_dir, rerank=False)
    records = sample_records(fixtures_dir)
    with Engine.open(settings) as engine:
        engine.ingest(records)
        engine.ingest([Deletion(records[0].id)])
        stats = engine.stats()
    assert vector_count(tmp_path) == stats.store.records == len({r.id for r in records}) - 1

    shutil.rmtree(tmp_path / VECTORS)  # lost, or never built: rebuilt from the store on use
    with Engine.open(settings) as engine:
        hits = engine.retrieve(records[1].title, 3)
    assert hits[0].record_id == records[1].id
    assert vector_count(tmp_path) == stats.store.records


def test_dense_alone_finds_a_record_in_other_words(
    tmp_path: Path, fixtures_dir: Path, static_model_dir: Path
) -> None:
    """A question sharing no word with the record: lexical finds nothing, fusion finds it."""
    records = sample_records(fixtures_dir)
    with Engine.open(load_settings(tmp_path, environ={})) as engine:
        engine.ingest(records)
    question = "brain cancer"  # sample.xml: "... the T98G Glioblastoma cell line ..."
    glioblastoma = "pmid:31383287"
    lexical_only = {"retrieve": {"evidence_weight": 0.0}}
    with Engine.open(load_settings(tmp_path, overrides=lexical_only, environ={})) as engine:
        lexical = [hit.record_id for hit in engine.retrieve(question, 5)]
    with Engine.open(dense_settings(tmp_path, static_model_dir, rerank=False)) as engine:
        fused = [hit.record_id for hit in engine.retrieve(question, 5)]
    assert glioblastoma not in lexical
    assert glioblastoma in fused


def test_ask_with_transformer_rerank(
    tmp_path: Path, fixtures_dir: Path, static_model_dir: Path
) -> None:
    settings = dense_settings(tmp_path, static_model_dir, rerank_candidates=5)
    with Engine.open(settings) as engine:
        engine.ingest(sample_records(fixtures_dir))
        answer = engine.ask("Is air embolism a complication of CT-guided lung biopsy?")
    assert answer.references


def test_cli_dense_build_reports_the_index(
    tmp_path: Path,
    fixtures_dir: Path,
    static_model_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "medcite.toml").write_text(
        f'[dense]\nstatic_model_path = "{static_model_dir}"\n', encoding="utf-8"
    )
    assert run(["--data-dir", str(tmp_path), "ingest", str(fixtures_dir / "pubmed")]) == 3
    capsys.readouterr()
    assert run(["--data-dir", str(tmp_path), "dense", "build"]) == 0
    out = capsys.readouterr().out
    assert "vector index built" in out and "static:static" in out
    assert vector_count(tmp_path) > 5


def test_without_the_extra_dense_stops_with_what_to_install(
    tmp_path: Path,
    fixtures_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "faiss", None)  # as if faiss-cpu were not installed
    settings = load_settings(tmp_path, overrides={"dense": {"enabled": True}}, environ={})
    with Engine.open(settings) as engine, pytest.raises(ExtraMissingError) as caught:
        engine.ingest(sample_records(fixtures_dir))
    assert "missing: faiss" in str(caught.value)
    assert "pip install 'medcite[dense]'" in str(caught.value)

    assert run(["--data-dir", str(tmp_path / "cli"), "dense", "build"]) == 4
    assert "needs the optional dense extra" in capsys.readouterr().err


def test_default_settings_never_touch_the_extra(
    tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("faiss", "numpy", "model2vec", "sentence_transformers", "torch"):
        monkeypatch.setitem(sys.modules, name, None)
    with Engine.open(load_settings(tmp_path, environ={})) as engine:
        engine.ingest(sample_records(fixtures_dir))
        assert engine.ask("What are the cytotoxic effects of statins on myeloma cells?").references
    assert not (tmp_path / VECTORS).exists()


def test_a_transformer_index_serves_reranking_without_encoding_candidates(
    tmp_path: Path, fixtures_dir: Path, dense_extra: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from medcite.dense.ranker import DenseRanker

    settings = load_settings(
        tmp_path,
        overrides={"dense": {"enabled": True, "encoder": "transformer", "first_stage": True}},
        environ={},
    )
    records = sample_records(fixtures_dir)
    with Engine.open(settings) as engine:
        engine.ingest(records)  # embeds every record with MiniLM
        lexical = engine.search("glioblastoma cell line", 5)
    ranker = DenseRanker.open(settings.dense, tmp_path)
    assert ranker.vectors is not None and ranker.vectors.document_count() == 8
    encoded: list[int] = []
    encode = ranker.vectors.encoder.encode

    def counting_encode(texts: list[str]) -> Any:
        encoded.append(len(texts))
        return encode(texts)

    monkeypatch.setattr(ranker.vectors.encoder, "encode", counting_encode)
    by_id = {record.id: record for record in records}
    ranked = ranker.rank(
        "glioblastoma cell line",
        [hit for hit, _ in lexical],
        lambda ids: {i: by_id[i] for i in ids},
    )
    assert ranked[0].record_id == "pmid:31383287"
    assert encoded == [1]  # the question, once: the candidates' vectors came from the index
