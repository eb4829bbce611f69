"""Fixtures of the integration tests that answer over a corpus built from ``../shared/data``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from medcite.engine import Engine
from medcite.evaluate.datasets.bioasq import read_bioasq
from medcite.evaluate.datasets.scifact import read_scifact
from medcite.settings import load_settings


@pytest.fixture(scope="session")
def shared_corpus(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path, shared_seeds: Path
) -> Iterator[Engine]:
    """Every real record the team has, with MeSH 2024 and the Disease Ontology imported.

    PubMed XML and MEDLINE text, SciFact's abstracts, BioASQ's snippet documents and the
    seed abstract (a text record from ``../shared/seeds``): about 20,000 records, ingested
    at test time. Built once per session (about a minute), since several modules ask it
    questions; asking changes nothing but the conversation log.
    """
    data_dir = tmp_path_factory.mktemp("shared-corpus")
    with Engine.open(load_settings(data_dir)) as opened:
        opened.import_vocabulary(shared_data / "mesh" / "d2024.bin.gz")
        opened.import_vocabulary(shared_data / "disease_ontology" / "doid_2024-01-31.obo.gz")
        opened.ingest_paths(
            [
                shared_data / "pubmed_xml",
                shared_data / "pubmed_medline_txt",
                *sorted(shared_seeds.glob("002_*.txt")),
            ]
        )
        opened.ingest(read_scifact(shared_data / "scifact")[0].records)
        opened.ingest(read_bioasq(shared_data / "bioasq" / "golden")[0].records)
        yield opened
