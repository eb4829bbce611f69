"""Scoring disease recognition on NCBI-style abstracts, against counts worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from medcite.evaluate.concepts import mesh_ids, run_concepts
from medcite.evaluate.datasets.ncbi_disease import read_ncbi_disease
from medcite.records import ConceptMention

FOUND = {
    "5001": [
        ConceptMention(0, 25, "Breast and ovarian cancer", ("D001943",)),
        ConceptMention(82, 96, "Wilson disease", ("D006527", "DOID:893")),
        ConceptMention(109, 125, "copper toxicosis", ("D003000",)),  # on an OMIM-only mention
        ConceptMention(26, 37, "in carriers", ("D002277",)),  # wrong
    ],
    "5002": [ConceptMention(53, 63, "neuropathy", ("MESH:D009422",))],
}


def test_document_and_mention_level_figures(fixtures_dir: Path) -> None:
    abstracts = read_ncbi_disease(fixtures_dir / "eval" / "ncbi_disease")
    by_text = {a.text: FOUND[a.pmid] for a in abstracts}
    result = run_concepts(lambda text: by_text[text], abstracts)
    metrics = result.run.metrics
    # Per abstract, sets of MeSH ids: 5001 gold {D001943, D010051, D006527}, found
    # {D001943, D006527, D002277} (D003000 sits on the OMIM-only mention: ignored);
    # 5002 gold {C538037, D009422, D010523}, found {D009422}. TP 3, FP 1, FN 3.
    assert metrics["precision"] == pytest.approx(3 / 4)
    assert metrics["recall"] == pytest.approx(3 / 6)
    assert metrics["f1"] == pytest.approx(0.6)
    # (start, end, id): gold 4 + 3 units; found right (0,25,D001943), (82,96,D006527),
    # (53,63,D009422), wrong (26,37,D002277). TP 3, FP 1, FN 4.
    assert metrics["mention_precision"] == pytest.approx(3 / 4)
    assert metrics["mention_recall"] == pytest.approx(3 / 7)
    assert metrics["mention_f1"] == pytest.approx(6 / 11)
    assert (result.scored_mentions, result.omim_only_mentions) == (5, 1)
    assert result.supplementary_only_mentions == 1  # maternal disomy 15, C538037


def test_only_mesh_ids_are_scored() -> None:
    assert mesh_ids(["MESH:D009369", "DOID:162", "OMIM:114480", " C535662", "D009369"]) == (
        "D009369",
        "C535662",
    )
