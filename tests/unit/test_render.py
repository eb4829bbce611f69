"""Renderers format the same answer model: JSON contract, Markdown, Vancouver references."""

from __future__ import annotations

import json

from rich.console import Console

from medcite.records import Answer, AnswerSection, Provenance, Reference, Statement
from medcite.render import answer_to_json, answer_to_markdown, answer_view, vancouver

REFERENCE = Reference(
    n=1,
    record_id="pmid:1",
    title="Formate assay in body fluids: application in methanol poisoning",
    pmid="1",
    doi="10.1000/example",
    journal="Biochem Med",
    year=1975,
    authors=("Makar AB", "McMartin KE", "Palese M", "Tephly TR"),
    volume="13",
    issue="2",
    pages="117-26",
)
STATEMENT = Statement("Formate was measured.", (1,), "pmid:1", 0, "RESULTS", 10, 31)
ANSWER = Answer(
    question="How is formate measured?",
    sections=(AnswerSection("Bottom line", (STATEMENT,)),),
    references=(REFERENCE,),
    provenance=Provenance("snap-1", "abc", 12.3),
)


def test_vancouver_style_reference() -> None:
    assert vancouver(REFERENCE) == (
        "Makar AB, McMartin KE, Palese M, Tephly TR. Formate assay in body fluids: application"
        " in methanol poisoning. Biochem Med. 1975;13(2):117-26. PMID: 1. doi: 10.1000/example."
    )


def test_vancouver_does_not_double_the_period_of_an_abbreviated_journal() -> None:
    reference = Reference(n=1, record_id="x", title="T", journal="Neurol. Res.", year=2014)
    assert vancouver(reference) == "T. Neurol. Res. 2014."


def test_vancouver_lists_six_authors_then_et_al() -> None:
    many = Reference(n=1, record_id="x", title="T.", authors=tuple(f"A{i} B" for i in range(8)))
    assert vancouver(many).startswith("A0 B, A1 B, A2 B, A3 B, A4 B, A5 B, et al. T.")


def test_json_contract_fields() -> None:
    data = json.loads(json.dumps(answer_to_json(ANSWER)))
    assert data["question"] == ANSWER.question
    statement = data["sections"][0]["statements"][0]
    assert {"text", "citations", "record_id", "section", "start", "end"} <= statement.keys()
    assert statement["citations"] == [1]
    reference = data["references"][0]
    assert {"n", "record_id", "pmid", "doi", "title", "journal", "year", "authors"} <= set(
        reference
    )
    assert reference["links"]["pubmed"] == "https://pubmed.ncbi.nlm.nih.gov/1/"


def test_markdown_has_sections_citations_and_references() -> None:
    markdown = answer_to_markdown(ANSWER)
    assert "## Bottom line" in markdown
    assert "- Formate was measured. [1]" in markdown
    assert "1. Makar AB" in markdown
    assert "[DOI](<https://doi.org/10.1000/example>)" in markdown


def test_terminal_view_renders_plain_text_when_not_a_terminal() -> None:
    console = Console(record=True, width=200, force_terminal=False)
    console.print(answer_view(ANSWER))
    text = console.export_text()
    assert "  • Formate was measured. [1]" in text
    assert "References" in text
