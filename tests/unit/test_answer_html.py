"""The HTML answer page: the seed page's parts, inert record text, links from identifiers."""

from __future__ import annotations

from datetime import date

from medcite.records import Answer, AnswerSection, Provenance, Reference, Statement
from medcite.render import PageControls, ReviewBanner, answer_to_html
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
    )
    banner = ReviewBanner("Approved", approved=True, reviewer="dr-b", reviewed_on=date(2026, 5, 2))
    page = answer_to_html(answer(), audience="patient", banner=banner, controls=controls)
    assert_inert(page, "web page")
    assert "<strong>Approved</strong> by the medical advisory board (dr-b, 2026-05-02)" in page
    assert "pending human review" not in page
    assert "last updated 2026-05-01" in page and 'href="/policy"' in page
    assert 'name="conversation" value="abc"' in page and 'action="/ask"' in page
    assert 'name="audience" value="patient"' in page
    assert 'action="/answers/abc/submit"' in page and 'value="tok"' in page
    assert 'href="/answers/abc/export.ris"' in page
    assert "talk them over with your doctor" in page
