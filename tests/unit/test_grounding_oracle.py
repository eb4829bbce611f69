"""The grounding oracle: text of the published source or not, by its own reading of the file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from medcite.evaluate.grounding import (
    bioasq_source_texts,
    covered_by,
    grounded,
    pubmed_xml_texts,
)

SNIPPETS = (
    "Spinal calcinosis was found in 12 of 30 patients with systemic sclerosis",
    "in 12 of 30 patients with systemic sclerosis, most of them with cord compression.",
)


def test_a_sentence_spanning_two_overlapping_snippets_is_covered() -> None:
    sentence = (
        "Spinal calcinosis was found in 12 of 30 patients with systemic sclerosis, "
        "most of them with cord compression."
    )
    assert covered_by(sentence, SNIPPETS)


def test_the_space_joining_two_snippets_belongs_to_neither() -> None:
    sources = ("It was approved in the USA for DMD.", "he approval was based on dystrophin.")
    assert covered_by("It was approved in the USA for DMD. he approval was based on", sources)


def test_an_edited_sentence_is_not_covered() -> None:
    assert not covered_by("Spinal calcinosis was found in 13 of 30 patients.", SNIPPETS)
    assert not covered_by("Calcinosis always compresses the cord.", SNIPPETS)


def test_letters_scattered_through_the_sources_do_not_cover_a_sentence() -> None:
    assert not covered_by("Cats sit on mats.", SNIPPETS)


def test_whitespace_runs_compare_as_one_space() -> None:
    assert covered_by("Spinal  calcinosis\nwas found", SNIPPETS)


def test_bioasq_sources_are_read_from_the_golden_json(tmp_path: Path) -> None:
    batch = {
        "questions": [
            {
                "snippets": [
                    {"document": "http://www.ncbi.nlm.nih.gov/pubmed/123", "text": SNIPPETS[0]},
                    {"document": "https://pubmed.ncbi.nlm.nih.gov/456/", "text": SNIPPETS[1]},
                ]
            }
        ]
    }
    path = tmp_path / "11B1_golden.json.gz"
    path.write_bytes(gzip.compress(json.dumps(batch).encode()))
    sources = bioasq_source_texts([path])
    assert sources == {"pmid:123": (SNIPPETS[0],), "pmid:456": (SNIPPETS[1],)}
    assert grounded("Spinal calcinosis was found", "pmid:123", sources)
    assert not grounded("Spinal calcinosis was found", "pmid:456", sources)


def test_pubmed_sources_are_read_with_the_standard_library(fixtures_dir: Path) -> None:
    texts = pubmed_xml_texts(fixtures_dir / "pubmed" / "sample.xml")
    title, *abstract = texts["pmid:32048627"]
    assert title.startswith("In vitro comparison of the cytotoxic effects of statins")
    assert abstract
