"""Benchmark readers: small files in each benchmark's real layout, bad input, and the real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite.errors import SourceError
from medcite.evaluate.cases import TITLE, TextSpan
from medcite.evaluate.datasets.bioasq import read_bioasq
from medcite.evaluate.datasets.ncbi_disease import concept_ids, read_ncbi_disease, read_pubtator
from medcite.evaluate.datasets.pubmedqa import read_pubmedqa
from medcite.evaluate.datasets.scifact import read_scifact
from medcite.records import Source


@pytest.fixture
def eval_data(fixtures_dir: Path) -> Path:
    return fixtures_dir / "eval"


def test_scifact_claims_keep_every_cited_abstract_as_relevant(eval_data: Path) -> None:
    corpus, queries = read_scifact(eval_data / "scifact")
    assert [r.id for r in corpus.records] == [f"scifact:{n}" for n in (101, 102, 103, 104)]
    first = corpus.records[0]
    assert first.source is Source.DATASET
    assert first.abstract == (
        "Calcinosis of the spine was found by CT in nine of 41 patients. Two had cord compression."
    )
    # A claim without evidence is kept (BEIR): its cited abstract is still relevant.
    assert [(q.id, dict(q.relevant)) for q in queries] == [
        ("1", {"scifact:101": 1}),
        ("2", {"scifact:103": 1}),
        ("3", {"scifact:104": 1, "scifact:102": 1}),
    ]


def test_scifact_refuses_a_claim_citing_an_abstract_outside_the_corpus(
    eval_data: Path, tmp_path: Path
) -> None:
    (tmp_path / "corpus.jsonl").write_bytes((eval_data / "scifact" / "corpus.jsonl").read_bytes())
    claim = {"id": 9, "claim": "x", "evidence": {}, "cited_doc_ids": [555]}
    (tmp_path / "claims_dev.jsonl").write_text(json.dumps(claim) + "\n")
    with pytest.raises(SourceError, match=r"claims_dev.jsonl, line 1: .*scifact:555"):
        read_scifact(tmp_path)


def test_a_missing_file_or_a_bad_line_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"corpus\.jsonl"):
        read_scifact(tmp_path)
    (tmp_path / "corpus.jsonl").write_text('{"doc_id": 1, "title": "t", "abstract": []}\n{oops\n')
    with pytest.raises(SourceError, match=r"corpus.jsonl, line 2: not JSON"):
        read_scifact(tmp_path)
    (tmp_path / "corpus.jsonl").write_text('{"doc_id": 1, "abstract": []}\n')
    with pytest.raises(SourceError, match=r"line 1: field 'title' is missing or not str"):
        read_scifact(tmp_path)


def test_bioasq_documents_are_rebuilt_from_the_snippets_of_every_question(
    eval_data: Path,
) -> None:
    corpus, questions = read_bioasq(eval_data / "bioasq")
    by_id = {r.id: r for r in corpus.records}
    assert sorted(by_id) == ["pmid:11", "pmid:12"]  # 99 is cited but no snippet quotes it
    assert by_id["pmid:11"].title == "Spinal calcinosis in systemic sclerosis."
    assert by_id["pmid:11"].abstract == (
        "Calcinosis of the spine was found by CT in nine of 41 patients. Two had cord compression."
    )
    assert [q.id for q in questions] == ["q1", "q2", "q3"]  # batch 7B1 before 10B2
    first = questions[0]
    assert first.documents == ("pmid:11", "pmid:99")
    assert first.snippets == (
        TextSpan("pmid:11", TITLE, 0, 40),
        TextSpan("pmid:11", 0, 0, 63),
        TextSpan("pmid:11", 0, 64, 89),
    )
    # Offsets are those of the rebuilt text, not BioASQ's (pmid:12's snippet said 10).
    assert questions[1].snippets == (TextSpan("pmid:12", 0, 0, 52),)
    assert questions[2].ideal_answers == ("CT finds it.", "Computed tomography.")


@pytest.mark.parametrize(
    "url",
    [
        "http://www.ncbi.nlm.nih.gov/pubmed/11",
        "https://www.ncbi.nlm.nih.gov/pubmed/11",
        "https://pubmed.ncbi.nlm.nih.gov/11/",
        "https://pubmed.ncbi.nlm.nih.gov/11",
        "11",
    ],
)
def test_bioasq_documents_in_every_form_nlm_and_bioasq_have_published(
    tmp_path: Path, url: str
) -> None:
    snippet = {
        "document": url,
        "text": "Calcinosis of the spine.",
        "beginSection": "abstract",
        "endSection": "abstract",
        "offsetInBeginSection": 0,
        "offsetInEndSection": 24,
    }
    question = {
        "id": "q",
        "type": "yesno",
        "body": "Is it?",
        "documents": [url],
        "snippets": [snippet],
        "ideal_answer": ["Yes."],
        "exact_answer": "yes",
    }
    (tmp_path / "12B1_golden.json").write_text(json.dumps({"questions": [question]}))
    corpus, (read,) = read_bioasq(tmp_path)
    assert [r.id for r in corpus.records] == ["pmid:11"] and read.documents == ("pmid:11",)
    assert (read.edition, read.exact_answer) == (12, "yes")


def test_a_url_that_names_no_pubmed_document_is_refused(tmp_path: Path) -> None:
    question = {"id": "q", "snippets": [], "documents": ["https://example.org/11"]}
    (tmp_path / "12B1_golden.json").write_text(json.dumps({"questions": [question]}))
    with pytest.raises(SourceError, match="not a PubMed document URL"):
        read_bioasq(tmp_path)


def test_bioasq_needs_golden_batches(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no BioASQ golden batches"):
        read_bioasq(tmp_path)
    (tmp_path / "1B1_golden.json").write_text('{"questions": [{"id": "q", "snippets": [{}]}]}')
    with pytest.raises(SourceError, match=r"1B1_golden.json, question q: field 'beginSection'"):
        read_bioasq(tmp_path)


def test_pubmedqa_abstracts_keep_their_labels_and_have_no_title(eval_data: Path) -> None:
    corpus, queries = read_pubmedqa(eval_data / "pubmedqa")
    record = corpus.records[0]
    assert (record.id, record.title, record.year) == ("pmid:9001", "", 2019)
    assert [(s.label, s.text) for s in record.sections] == [
        ("BACKGROUND", "Calcinosis is common in systemic sclerosis."),
        ("METHODS", "We reviewed CT scans of 41 patients."),
    ]
    assert corpus.records[1].year is None
    assert [(q.text, dict(q.relevant)) for q in queries][1] == (
        "Do statins cause muscle pain?",
        {"pmid:9002": 1},
    )


def test_ncbi_mentions_with_composite_combined_padded_and_prefixed_ids(eval_data: Path) -> None:
    first, second = read_ncbi_disease(eval_data / "ncbi_disease")
    assert first.pmid == "5001"
    assert [m.concept_ids for m in first.mentions] == [
        ("D001943", "D010051"),
        ("D006527",),
        ("D006527",),
        ("OMIM:215600",),
    ]
    assert first.text[first.mentions[1].start : first.mentions[1].end] == "Wilson disease"
    assert [m.concept_ids for m in second.mentions] == [("C538037",), ("D009422", "D010523")]
    assert concept_ids("OMIM:201400|C535668") == ("OMIM:201400", "C535668")


def test_ncbi_offsets_that_miss_their_text_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("7|t|Gout.\n7|a|Gout hurts.\n7\t0\t3\tGout\tSpecificDisease\tD006073\n")
    with pytest.raises(SourceError, match=r"bad.txt, line 3: offsets 0-3 do not hold 'Gout'"):
        read_pubtator(path)


@pytest.mark.shared_data
def test_the_shared_benchmarks_read_whole(shared_data: Path) -> None:
    corpus, claims = read_scifact(shared_data / "scifact")
    assert (len(corpus.records), len(claims)) == (5183, 300)
    corpus, questions = read_bioasq(shared_data / "bioasq" / "golden")
    assert (len(corpus.records), len(questions)) == (13449, 2310)
    corpus, queries = read_pubmedqa(shared_data / "pubmedqa")
    assert (len(corpus.records), len(queries)) == (1000, 1000)
    abstracts = read_ncbi_disease(shared_data / "ncbi_disease_corpus")
    assert (len(abstracts), sum(len(a.mentions) for a in abstracts)) == (100, 960)
