"""Renderers format the same answer model: JSON contract, Markdown, Vancouver references."""

from __future__ import annotations

import json

from lxml import html as lxml_html
from markdown_it import MarkdownIt
from msgspec.structs import replace
from rich.console import Console

from medcite.records import (
    Answer,
    AnswerSection,
    Audience,
    ConceptRole,
    Percentage,
    Proportion,
    Provenance,
    Question,
    QuestionConcept,
    Reference,
    Statement,
)
from medcite.render import (
    answer_to_html,
    answer_to_json,
    answer_to_markdown,
    answer_view,
    question_to_json,
    vancouver,
)
from medcite.render.statements import text_runs
from support.answers import (
    DISCLAIMER,
    SCRIPT,
    UNDERSTANDING,
    full_answer,
    statements_of,
)
from support.web import assert_inert

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


def test_a_reference_without_a_title_is_its_identifiers_not_a_stray_period() -> None:
    untitled = Reference(n=1, record_id="pmid:29564954", title="", pmid="29564954")
    assert vancouver(untitled) == "PMID: 29564954."


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


# -- the full answer model (tests/support/answers.py) ------------------------------------


def test_json_carries_every_new_field_beside_the_old_ones() -> None:
    full = full_answer()
    data = json.loads(json.dumps(answer_to_json(full)))
    assert data["understanding"] == question_to_json(UNDERSTANDING)
    assert (data["audience"], data["state"], data["conversation"]) == (
        "patient",
        "answered",
        "conv-42",
    )
    assert [(s["kind"], s["facet"], s["note"]) for s in data["sections"]] == [
        ("bottom-line", "", ""),
        ("guidelines", "", ""),
        ("research", "CNS involvement × MRI", ""),
        ("research", "PNS involvement", "No record in the index addresses this facet."),
    ]
    bottom = data["sections"][0]["statements"][0]
    assert {k: bottom[k] for k in ("level", "design", "n", "year", "indirect", "offset")} == {
        "level": "nonrandomized",
        "design": "cross-sectional",
        "n": 41,
        "year": 2007,
        "indirect": "",
        "offset": 0,
    }
    assert bottom["numbers"] == [
        {"kind": "proportion", "text": "24 of 41", "start": 23, "end": 31},
        {"kind": "percentage", "text": "58.5%", "start": 42, "end": 47},
        {"kind": "p-value", "text": "p<0.001", "start": 50, "end": 57},
    ]
    for number in bottom["numbers"]:
        assert bottom["text"][number["start"] : number["end"]] == number["text"]
    hostile = data["sections"][2]["statements"][0]
    assert hostile["indirect"] == "CT, where MRI was asked"
    assert hostile["numbers"][0]["kind"] == "effect"
    assert data["gaps"][1] == {
        "facet": "CNS involvement × MRI",
        "kind": "indirect-only",
        "detail": "Only indirect evidence: CT, where MRI was asked.",
    }
    assert data["follow_ups"] == list(full.follow_ups)
    assert data["disclaimer"] == full.disclaimer
    assert data["glossary"][0]["concept_id"] == "D002114"
    assert data["refused"] == [
        {"record_id": "pmid:555", "disease": "Multiple Sclerosis"},
        {"record_id": "text:odd", "disease": "lupus <img src=x onerror=alert(1)>"},
    ]
    assert data["provenance"]["vocabularies"] == "mesh:ab12"
    first = data["references"][0]
    assert (first["evidence_level"], first["study_design"], first["sample_size"]) == (
        "nonrandomized",
        "cross-sectional",
        41,
    )
    assert first["citation"].startswith("Doe J, Roe R. Spinal calcinosis")
    assert first["links"] == {
        "pubmed": "https://pubmed.ncbi.nlm.nih.gov/1/",
        "doi": "https://doi.org/10.1000/calc.1",
    }
    hostile_reference = data["references"][1]
    assert hostile_reference["title"] == full.references[1].title  # data, verbatim
    assert set(hostile_reference["links"]) == {"doi"}  # no link from a PMID that is no number


def test_json_of_an_answer_saved_before_the_new_fields_reads_with_defaults() -> None:
    data = answer_to_json(ANSWER)
    assert data["understanding"] is None and data["audience"] == "clinician"
    assert data["sections"][0]["kind"] == "research" and data["gaps"] == []
    statement = data["sections"][0]["statements"][0]
    assert statement["level"] is None and statement["numbers"] == [] and statement["n"] is None


def test_number_runs_rejoin_to_the_text_and_skip_spans_that_do_not_fit() -> None:
    text = "Seen in 24 of 41 (58.5%)."
    good = Proportion(8, 16, "24 of 41", 24, 41)
    wrong_text = Percentage(18, 23, "99.9%", 99.9)
    out_of_range = Percentage(20, 40, "58.5%).", 58.5)
    overlapping = Percentage(10, 14, "of 4", 1.0)
    statement = Statement(
        text, (1,), "x", 0, "", 0, len(text), numbers=(overlapping, wrong_text, out_of_range, good)
    )
    runs = text_runs(statement)
    assert "".join(run for run, _ in runs) == text
    assert [run for run, number in runs if number] == ["24 of 41"]
    assert text_runs(Statement("", (1,), "x", 0, "", 0, 0)) == (("", False),)


def _markdown_html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)


def test_markdown_renders_hostile_text_as_text_and_every_statement_verbatim() -> None:
    full = full_answer()
    markdown = answer_to_markdown(full)
    rendered = _markdown_html(markdown)
    assert_inert(f"<html><body>{rendered}</body></html>", "rendered Markdown")
    assert "<script" not in rendered and "<img" not in rendered
    tree = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert not tree.xpath("//a[starts-with(@href, 'javascript')]")
    assert tree.xpath("//a/@href") == [
        "https://pubmed.ncbi.nlm.nih.gov/1/",
        "https://doi.org/10.1000/calc.1",
        "https://doi.org/10.1/x%22%3E%3Cscript%3Ealert(2)%3C/script%3E)%20%5By%5D(javascript:alert(3)",
    ]
    headings = [h.text_content() for h in tree.xpath("//h1 | //h2 | //h3")]
    assert headings == [
        f"MRI findings of CNS involvement in SSc {SCRIPT}?",
        "How medcite understood the question",
        "Bottom line",
        "From the guidelines",
        "From the research",
        "CNS involvement × MRI",
        "PNS involvement",
        "Evidence gaps",
        "Words used on this page",
        "References",
        "Not cited",
        "Follow-up questions",
    ]
    bullets = [" ".join(li.text_content().split()) for li in tree.xpath("//li")]
    for statement in statements_of(full):
        assert any(bullet.startswith(statement.text + " [") for bullet in bullets), statement.text
    assert not tree.xpath("//em[. = 'bold'] | //code | //table | //h1[starts-with(., 'Not')]")


def test_markdown_shows_tags_gaps_glossary_and_the_answers_disclaimer() -> None:
    markdown = answer_to_markdown(full_answer())
    assert "[1] *(cross\\-sectional study · n = 41 · 2007)*" not in markdown  # '-' mid-text
    assert "[1] *(cross-sectional study · n = 41 · 2007)*" in markdown
    assert "— *indirect evidence: CT, where MRI was asked*" in markdown
    assert (
        "- **PNS involvement**: No record covers it \\<img src=x onerror=alert(1)\\>." in markdown
    )
    assert "- **diagnosis**: No direct evidence in the index." in markdown
    assert "*No record in the index addresses this facet.*" in markdown
    assert "evidence: non-randomized study" in markdown
    assert "- Facet: PNS involvement" in markdown
    assert DISCLAIMER in markdown
    assert "written for patients and caregivers · evidence snapshot 2026-11-22" in markdown
    assert "conversation conv-42" in markdown
    fallback = answer_to_markdown(full_answer(disclaimer=""))
    assert "talk them over with your doctor or care team" in fallback


def test_terminal_view_shows_the_whole_page() -> None:
    console = Console(record=True, width=400, force_terminal=False)
    console.print(answer_view(full_answer(Audience.CLINICIAN)))
    text = console.export_text()
    assert text.index("How medcite understood the question") < text.index("Unreviewed")
    body = text[text.index("Unreviewed") :]
    order = [
        "Bottom line",
        "From the guidelines",
        "From the research",
        "CNS involvement × MRI",
        "PNS involvement",
        "Evidence gaps",
        "Words used on this page",
        "References",
        "Not cited",
        "Follow-up questions",
        DISCLAIMER,
    ]
    assert [body.index(part) for part in order] == sorted(body.index(part) for part in order)
    for statement in statements_of(full_answer()):
        assert f"  • {statement.text} [" in text
    assert "(cross-sectional study · n = 41 · 2007)" in text
    assert "indirect: CT, where MRI was asked" in text
    assert "PNS involvement: No record covers it <img src=x onerror=alert(1)>." in text
    assert "diagnosis: No direct evidence in the index." in text
    assert "for clinicians · evidence snapshot 2026-11-22" in text
    assert (
        "[Observational Study · cross-sectional study · n = 41 · evidence: non-randomized" in text
    )


def test_a_name_both_abbreviation_and_synonym_is_shown_once() -> None:
    """MeSH lists "MRSA" as an entry term and the question used it as a short form: the
    pages said "also searched as: MRSA; MRSA"."""
    mrsa = QuestionConcept(
        ids=("D055624",),
        name="Methicillin-Resistant Staphylococcus aureus",
        role=ConceptRole.ORGANISM,
        mention="MRSA",
        start=7,
        end=11,
        synonyms=("MRSA", "Methicillin Resistant Staphylococcus aureus"),
        abbreviations=("MRSA",),
    )
    understood = Question(text="How is MRSA pneumonia treated?", concepts=(mrsa,))
    shown = replace(full_answer(), understanding=understood)
    console = Console(record=True, width=200, force_terminal=False)
    console.print(answer_view(shown))
    for page in (answer_to_markdown(shown), answer_to_html(shown), console.export_text()):
        assert "MRSA; MRSA" not in page
        assert "MRSA; Methicillin Resistant Staphylococcus aureus" in page
