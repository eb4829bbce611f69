"""The HTML answer page: the seed page's parts, inert record text, links from identifiers."""

from __future__ import annotations

import html
import re
from datetime import date

from lxml import html as lxml_html
from msgspec.structs import replace

from medcite.records import (
    Answer,
    AnswerSection,
    AnswerState,
    Audience,
    Provenance,
    Reference,
    SectionKind,
    Statement,
)
from medcite.render import PageControls, ReviewBanner, answer_to_html
from support.answers import DISCLAIMER, full_answer, statements_of
from support.web import assert_inert

HOSTILE = "<img src=x onerror=alert(1)>"


def answer() -> Answer:
    statement = Statement(f"Calcinosis {HOSTILE} was seen in 3 of 12.", (1,), "pmid:1", 0, "", 0, 9)
    return Answer(
        question="Calcinosis <script>alert('q')</script>?",
        sections=(
            AnswerSection("Bottom line", (statement,)),
            AnswerSection("From the research", ()),
        ),
        references=(
            Reference(
                1,
                "pmid:1",
                f"A title {HOSTILE}",
                pmid="123",
                doi='10.1/x"><script>y</script>',
                publication_types=("Journal Article", "Case Reports"),
            ),
            Reference(2, "text:x", "Unpublished", pmid="javascript:alert(1)"),
        ),
        provenance=Provenance("snap-7", "hash-7", 3.0),
        notes=("Only one record addresses the question.",),
    )


def test_the_static_page_has_the_seed_pages_parts_and_no_live_markup() -> None:
    page = answer_to_html(answer())
    assert_inert(page, "static page")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;?</h1>" in page
    assert "Unreviewed." in page and "pending human review" in page
    assert page.index("Bottom line") < page.index("From the research") < page.index("References")
    assert "No statement in the index addresses this part" in page
    assert 'href="#ref-1"' in page and 'id="ref-1"' in page
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/123/"' in page
    assert 'href="https://doi.org/10.1/x%22%3E%3Cscript%3Ey%3C/script%3E"' in page
    assert "javascript:alert" not in page.split('<ol class="references">')[1].split("PMID")[0]
    assert '<span class="badge">Case Reports</span>' in page
    assert "Journal Article</span>" not in page
    assert "Only one record addresses the question." in page
    assert "For healthcare professionals" in page
    assert "<form" not in page  # no follow-up form without a server to send it to


def test_the_web_controls_and_an_approval_show_on_the_same_page() -> None:
    controls = PageControls(
        permalink="http://x/answers/abc",
        last_updated=date(2026, 5, 1),
        follow_up_url="/ask",
        conversation="abc",
        csrf_token="tok",
        submit_url="/answers/abc/submit",
        export_links={"RIS": "/answers/abc/export.ris"},
        nav={"Ask": "/", "Editorial policy": "/policy"},
        script_url="/static/enhance.js",
    )
    banner = ReviewBanner("Approved", approved=True, reviewer="dr-b", reviewed_on=date(2026, 5, 2))
    page = answer_to_html(answer(), audience="patient", banner=banner, controls=controls)
    assert_inert(page, "web page")
    assert "<strong>Approved</strong> by the medical advisory board (dr-b, 2026-05-02)" in page
    assert "pending human review" not in page
    assert "last updated 2026-05-01" in page and 'href="/policy"' in page
    assert 'name="conversation" value="abc"' in page and 'action="/ask"' in page
    assert '<script src="/static/enhance.js" defer></script>' in page  # only when asked for
    assert 'action="/ask" data-busy=' in page
    assert 'name="audience" value="patient"' in page
    assert 'action="/answers/abc/submit"' in page and 'value="tok"' in page
    assert 'href="/answers/abc/export.ris"' in page
    assert "talk them over with your doctor" in page


# -- the full answer model (tests/support/answers.py) ------------------------------------


def _section_texts(page: str) -> list[str]:
    return [h.text_content() for h in lxml_html.fromstring(page).xpath("//main//h2")]


def test_every_statement_renders_verbatim_with_its_numbers_marked() -> None:
    full = full_answer()
    page = answer_to_html(full)
    tree = lxml_html.fromstring(page)
    shown = [span.text_content() for span in tree.xpath("//span[@class='statement']")]
    assert shown == [s.text for s in statements_of(full)]
    unmarked = html.unescape(re.sub(r"</?mark[^>]*>", "", page))
    for statement in statements_of(full):
        assert statement.text in unmarked
    marked = [m.text_content() for m in tree.xpath("//mark[@class='number']")]
    assert marked == ["24 of 41", "58.5%", "p<0.001", "OR 2.3 (95% CI 1.1-4.8)"]
    assert '<mark class="number">p&lt;0.001</mark>' in page


def test_hostile_record_text_stays_inert_everywhere_on_the_page() -> None:
    page = answer_to_html(full_answer(), controls=PageControls(follow_up_url="/ask"))
    assert_inert(page, "full answer page")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#39;statement&#39;)&lt;/script&gt;" in page
    tree = lxml_html.fromstring(page)
    hrefs = [a.get("href") for a in tree.xpath("//a")]
    assert all(h.startswith(("https://", "#", "/")) for h in hrefs), hrefs
    assert not [h for h in hrefs if "<" in h or '"' in h or " " in h]
    hostile_doi = "https://doi.org/10.1/x%22%3E%3Cscript%3Ealert(2)%3C/script%3E)%20%5By%5D"
    assert hostile_doi + "(javascript:alert(3)" in hrefs  # one https URL, percent-encoded
    assert "https://pubmed.ncbi.nlm.nih.gov/javascript" not in page


def test_the_page_follows_the_seed_layout_in_order() -> None:
    page = answer_to_html(full_answer())
    assert _section_texts(page) == [
        "How medcite understood the question",
        "Bottom line",
        "From the guidelines",
        "From the research",
        "Evidence gaps",
        "Words used on this page",
        "References",
        "Not cited",
        "Have a follow-up question?",
        "Disclaimer",
    ]
    tree = lxml_html.fromstring(page)
    research = tree.xpath("//section[h2='From the research']")[0]
    assert [h.text_content() for h in research.xpath("h3")] == [
        "CNS involvement × MRI",
        "PNS involvement",
    ]
    assert "No record in the index addresses this facet." in research.text_content()


def test_how_the_question_was_understood_is_shown_with_vocabulary_links() -> None:
    page = answer_to_html(full_answer())
    box = lxml_html.fromstring(page).xpath("//section[@class='understanding']")[0]
    text = " ".join(box.text_content().split())
    assert "Scleroderma, Systemic (“SSc”)" in text
    assert "Also searched as: SSc; systemic sclerosis; Systemic Scleroderma" in text
    assert "“SSc” read as Scleroderma, Systemic, not somatostatin" in text
    assert "Counts too: diffusion MRI" in text
    assert "Kind of question: findings/imaging, diagnosis" in text
    assert [li.text_content() for li in box.xpath(".//ul[@class='facets']/li")] == [
        "CNS involvement × MRI",
        "PNS involvement",
        "diagnosis",
    ]
    links = {a.text_content(): a.get("href") for a in box.xpath(".//a")}
    assert links == {
        "D012595": "https://meshb.nlm.nih.gov/record/ui?ui=D012595",
        "DOID:418": "https://disease-ontology.org/?id=DOID:418",
        "D008279": "https://meshb.nlm.nih.gov/record/ui?ui=D008279",
    }
    assert "“SSc” read as systemic sclerosis." in text
    assert page.count("“SSc” read as systemic sclerosis.") == 1  # not repeated as a note
    assert "One record was dropped" in page


def test_statements_are_tagged_and_indirect_evidence_is_labelled() -> None:
    tree = lxml_html.fromstring(answer_to_html(full_answer()))
    items = tree.xpath("//ul[@class='statements']/li")
    tags = [" ".join(li.xpath("string(span[@class='tags'])").split()) for li in items]
    assert tags == [
        "cross-sectional study · n = 41 · 2007",
        "Recommendations › Screening, p. 4 · strong recommendation · Class I, Level of "
        "Evidence: B · Society <script>alert('statement')</script> · research written for "
        "professionals · guideline · 2023",
        "case series · n = 12 · 2019",
        "2021",
    ]
    assert [li.get("class") for li in items] == [
        "level-nonrandomized",
        "level-guideline",
        "level-case",
        None,
    ]
    indirect = [li.xpath("string(span[@class='indirect'])") for li in items]
    assert indirect == ["", "", "Indirect evidence: CT, where MRI was asked", ""]
    assert [li.xpath("string(sup)") for li in items] == ["[1]", "[3]", "[2]", "[3]"]


def test_gaps_references_glossary_refused_and_follow_ups() -> None:
    controls = PageControls(follow_up_url="/ask", conversation="snap-1")
    tree = lxml_html.fromstring(answer_to_html(full_answer(), controls=controls))
    gaps = [
        " ".join(li.text_content().split()) for li in tree.xpath("//section[@class='gaps']//li")
    ]
    assert gaps == [
        "PNS involvement: No record covers it <img src=x onerror=alert(1)>.",
        "CNS involvement × MRI: Only indirect evidence: CT, where MRI was asked.",
        "diagnosis: No direct evidence in the index.",
    ]
    first = tree.xpath("//li[@id='ref-1']")[0]
    assert [a.get("href") for a in first.xpath("a")] == [
        "https://pubmed.ncbi.nlm.nih.gov/1/",
        "https://doi.org/10.1000/calc.1",
    ]
    badges = [b.text_content() for b in first.xpath("span[contains(@class, 'badge')]")]
    assert badges == ["Observational Study", "evidence: non-randomized study"]
    assert "cross-sectional study · n = 41" in first.text_content()
    guideline = tree.xpath("//li[@id='ref-3']")[0]
    assert not guideline.xpath("a") and "evidence: guideline" in guideline.text_content()
    terms = [dt.text_content() for dt in tree.xpath("//section[@class='glossary']//dt")]
    assert terms == ["calcinosis", "lesion"]
    glossary_links = tree.xpath("//section[@class='glossary']//a/@href")
    assert glossary_links == ["https://meshb.nlm.nih.gov/record/ui?ui=D002114"]
    refused = tree.xpath("//section[contains(@class, 'refused')]//li")
    assert [li.text_content() for li in refused] == [
        "pmid:555: mainly about Multiple Sclerosis",
        "text:odd: mainly about lupus <img src=x onerror=alert(1)>",
    ]
    assert refused[0].xpath("a/@href") == ["https://pubmed.ncbi.nlm.nih.gov/555/"]
    suggestions = tree.xpath("//section[@aria-labelledby='follow-up-title']//li/a/@href")
    assert suggestions[0] == "/ask?q=And%20in%20children%3F&conversation=snap-1&audience=patient"


def test_the_disclaimer_is_the_answers_own_else_the_audience_fallback() -> None:
    page = answer_to_html(full_answer())
    assert DISCLAIMER in page and "Written for patients and caregivers" in page
    fallback = answer_to_html(full_answer(Audience.RESEARCHER, disclaimer=""))
    assert "read the full texts before citing them" in fallback
    assert "Written for researchers" in fallback
    assert "evidence snapshot 2026-11-22 (20261122T091212938891Z-1334)" in fallback
    assert "vocabularies mesh:ab12 · conversation conv-42" in fallback
    shown_as = answer_to_html(full_answer(disclaimer=""), audience="clinician")
    assert "For healthcare professionals" in shown_as


def test_an_unanswered_question_says_why_and_a_noted_section_shows_its_note() -> None:
    guidelines = AnswerSection(
        "From the guidelines",
        (),
        SectionKind.GUIDELINES,
        note="No guideline in the index addresses this question.",
    )
    unanswered = replace(
        full_answer(),
        sections=(guidelines,),
        references=(),
        state=AnswerState.INSUFFICIENT_EVIDENCE,
    )
    page = answer_to_html(unanswered)
    assert_inert(page, "unanswered page")
    assert "The evidence in the index is insufficient to answer this question" in page
    assert '<p class="meta">No guideline in the index addresses this question.</p>' in page
    assert "No statement in the index addresses this part" not in page
    assert "References" not in _section_texts(page)
