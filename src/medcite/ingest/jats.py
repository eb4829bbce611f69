"""Read full texts in JATS XML, as PubMed Central ships them (``.nxml``), into records.

JATS (ANSI/NISO Z39.96; PMC's tagging guidelines at
https://www.ncbi.nlm.nih.gov/pmc/pmcdoc/tagging-guidelines/article/style.html) puts the
metadata in ``front/article-meta``, the text in ``body`` as nested ``sec`` elements with a
``title`` each, and the references in ``back/ref-list``. A record gets:

* the metadata: ids (PMID, PMCID, DOI), title, authors, journal, date, keywords;
* the abstract as ``SectionPart.ABSTRACT`` sections (labelled by its ``sec`` titles);
* every paragraph of the body (and appendices) as a ``SectionPart.BODY`` section whose
  ``path`` holds the headings above it ("Results", "Survival") and whose ``anchor`` is
  the paragraph's id, so a statement cites "Results › Survival" and links to it;
* figure and table captions as ``CAPTION`` sections, tables as ``TABLE`` sections (one row
  a line, cells joined by " | "), and the references as ``Record.bibliography``.

Text is taken as published: every character of the paragraph in document order, inline
markup (italics, citations, MathML) contributing its characters, whitespace runs
collapsed to one space. A block inside a paragraph (a figure, a table, a display formula
or a list) ends the text before it and starts a new part after it, so every part is a
contiguous run of the paragraph's own text.

Bad input is a ``Rejection`` naming the file: not XML, not an ``article``, or an article
without a ``body`` (PMC holds some only as scanned pages), which would carry no full
text and must not replace a stored one.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from medcite.gzipfiles import open_maybe_gzip
from medcite.ingest.dates import parse_date_parts
from medcite.ingest.labels import CATEGORIES
from medcite.records import (
    Author,
    Journal,
    PublicationDate,
    Record,
    Rejection,
    Section,
    SectionPart,
    Source,
    SourceItem,
)

_ElementT = etree._Element

BLOCKS = frozenset(
    {"fig", "fig-group", "table-wrap", "table-wrap-group", "list", "boxed-text", "disp-quote",
     "supplementary-material", "def-list", "code", "preformat"}
)  # fmt: skip
"""Elements that may sit inside a paragraph but are not part of its running text."""

ALTERNATIVE_FORMS = frozenset({"tex-math", "graphic", "inline-graphic", "alt-text", "textual-form"})
"""Other renderings of a formula beside its MathML (kept once: the MathML's characters)."""

BREAKS = frozenset({"p", "list-item", "title", "sec", "caption", "def-item", "term", "def"})
"""Elements that start a new part when met inside another element's text."""

SKIPPED = frozenset({"ack", "fn-group", "glossary", "notes", "sec-meta", "title", "label"})
"""Parts of a body or back matter that hold no findings (acknowledgements, footnotes)."""

ARTICLE_TYPES = {
    "review-article": "Review",
    "systematic-review": "Systematic Review",
    "meta-analysis": "Meta-Analysis",
    "case-report": "Case Reports",
    "practice-guideline": "Practice Guideline",
    "guideline": "Practice Guideline",
    "editorial": "Editorial",
    "letter": "Letter",
    "research-article": "Journal Article",
}
"""JATS ``article-type`` values → NLM publication types (PubMed's own win when joined)."""

SECTION_CATEGORIES = {
    **CATEGORIES,
    "MATERIALS AND METHODS": "METHODS",
    "MATERIALS & METHODS": "METHODS",
    "METHODS AND MATERIALS": "METHODS",
    "SUBJECTS AND METHODS": "METHODS",
    "DISCUSSION": "DISCUSSION",
    "RESULTS AND DISCUSSION": "RESULTS",
    "CONCLUDING REMARKS": "CONCLUSIONS",
}
"""Top-level section headings → the NLM category the composer weighs sections by."""


def _parser() -> etree.XMLParser:
    """No DTD, no network, no entity expansion: a file cannot make the parser fetch or grow."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


"""No DTD, no network, no entity expansion: a file cannot make the parser fetch or grow."""


def read_jats_file(path: Path) -> Iterator[SourceItem]:
    """Yield the record of one JATS file, or a ``Rejection`` naming it."""
    try:
        with open_maybe_gzip(path) as raw:
            data = raw.read()
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(location=str(path), reason=f"cannot read the file: {exc}")
        return
    yield read_jats(data, str(path), record_name=path.name.split(".")[0])


def read_jats(data: bytes, location: str, record_name: str = "") -> SourceItem:
    """The record of one JATS article given as bytes; a ``Rejection`` when it is unusable."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        return Rejection(location=location, reason=f"malformed JATS XML: {exc}")
    if root is None or etree.QName(root).localname != "article":
        found = "nothing" if root is None else f"<{etree.QName(root).localname}>"
        return Rejection(location=location, reason=f"not a JATS article: the root is {found}")
    _strip_namespaces(root)
    body = root.find("body")
    if body is None or not _text(body):
        return Rejection(
            location=location,
            reason="the article has no <body>: no full text to read (PMC keeps some articles "
            "only as scanned pages); ingest its PubMed record for the abstract",
        )
    return _record(root, body, record_name)


def _record(root: _ElementT, body: _ElementT, record_name: str) -> Record:
    meta = root.find("front/article-meta")
    meta = meta if meta is not None else etree.Element("article-meta")
    ids = {i.get("pub-id-type", ""): _text(i) for i in meta.findall("article-id")}
    pmid, doi = ids.get("pmid", ""), ids.get("doi", "")
    pmcid = ids.get("pmc", "") or ids.get("pmcid", "")
    if pmcid and not pmcid.upper().startswith("PMC"):
        pmcid = f"PMC{pmcid}"
    sections = [*_abstract(meta), *_parts(body, ())]
    for matter in (root.find("back"), root.find("floats-group")):
        if matter is not None:
            sections.extend(_parts(matter, ()))
    return Record(
        id=_record_id(pmid, pmcid, doi, record_name),
        source=Source.PMC_JATS,
        title=_text(meta.find("title-group/article-title")),
        sections=tuple(sections),
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        publication_types=_publication_types(root),
        keywords=tuple(_text(k) for k in meta.iterfind(".//kwd-group/kwd") if _text(k)),
        date=_date(meta),
        journal=_journal(root.find("front/journal-meta"), meta),
        authors=_authors(meta),
        languages=_languages(root),
        bibliography=tuple(_text(ref) for ref in root.iterfind("back/ref-list//ref")),
        issuer=_issuer(meta),
    )


def _record_id(pmid: str, pmcid: str, doi: str, name: str) -> str:
    if pmid:
        return f"pmid:{pmid}"
    if pmcid:
        return f"pmc:{pmcid}"
    return f"doi:{doi}" if doi else f"jats:{name}"


def _abstract(meta: _ElementT) -> list[Section]:
    """The main abstract (not a graphical or teaser one), labelled by its ``sec`` titles."""
    abstract = next((a for a in meta.findall("abstract") if not a.get("abstract-type")), None)
    if abstract is None:
        return []
    sections = []
    for sec in abstract.findall("sec") or [abstract]:
        label = _text(sec.find("title")) if sec is not abstract else ""
        text = " ".join(_text(p) for p in sec.iter("p"))
        if text:
            category = SECTION_CATEGORIES.get(label.upper().rstrip(":"), "")
            sections.append(Section(text=text, label=label, category=category))
    return sections


def _parts(element: _ElementT, path: tuple[str, ...], anchor: str = "") -> list[Section]:
    """The sections of a ``body``, ``back``, ``sec`` or ``app``, in document order.

    A paragraph without an id of its own is anchored at its section's id.
    """
    found: list[Section] = []
    for child in element:
        tag = _tag(child)
        if tag in SKIPPED or tag == "ref-list" or not tag:
            continue
        if tag in ("sec", "app"):
            title = _text(child.find("title")) or _text(child.find("label"))
            inner = (*path, title) if title else path
            found.extend(_parts(child, inner, child.get("id", "") or anchor))
        elif tag in BLOCKS:
            found.extend(_block(child, path))
        else:  # a paragraph, or an element medcite does not know: its text all the same
            found.extend(_paragraph(child, path, child.get("id", "") or anchor))
    return found


def _paragraph(p: _ElementT, path: tuple[str, ...], anchor: str) -> list[Section]:
    """A paragraph's running text, cut where a block interrupts it, then the blocks' parts."""
    runs: list[list[str]] = [[]]
    blocks: list[Section] = []

    def walk(node: _ElementT) -> None:
        if node.text:
            runs[-1].append(node.text)
        for child in node:
            tag = _tag(child)
            if tag in BLOCKS:
                blocks.extend(_block(child, path))
                runs.append([])
            elif tag in ALTERNATIVE_FORMS and _tag(node) in ("alternatives", "disp-formula"):
                pass  # a formula in MathML and TeX: its MathML characters are kept
            elif tag in BREAKS:  # a paragraph inside a container: a part of its own
                runs.append([])
                walk(child)
                runs.append([])
            elif tag:
                walk(child)
            if child.tail:
                runs[-1].append(child.tail)

    walk(p)
    texts = [" ".join("".join(run).split()) for run in runs]
    parts = [_body(text, path, anchor) for text in texts if text]
    return [*parts, *blocks]


def _block(block: _ElementT, path: tuple[str, ...]) -> list[Section]:
    """A figure or table: its caption and table rows; a list: its items; formulas: nothing."""
    tag = _tag(block)
    if tag in ("fig", "table-wrap", "supplementary-material"):
        label = _text(block.find("label"))
        anchor = block.get("id", "")
        found = []
        caption = " ".join(
            _text(part)
            for caption in block.iter("caption")
            for part in caption
            if _tag(part) in ("title", "p")
        )
        if caption:
            found.append(Section(caption, label, "", SectionPart.CAPTION, path, anchor))
        rows = [_row(tr) for tr in block.iter("tr")]
        if rows:
            table = "\n".join(row for row in rows if row)
            found.append(Section(table, label, "", SectionPart.TABLE, path, anchor))
        notes = " ".join(_text(p) for p in block.iterfind("table-wrap-foot//p"))
        if notes:
            found.append(Section(notes, label, "", SectionPart.CAPTION, path, anchor))
        return found
    if tag in ("list", "fig-group", "table-wrap-group", "boxed-text", "disp-quote", "def-list"):
        return _parts(block, path, block.get("id", ""))
    return []  # formulas, graphics, media, code: no sentences


def _row(tr: _ElementT) -> str:
    return " | ".join(_text(cell) for cell in tr if _tag(cell) in ("td", "th"))


def _body(text: str, path: tuple[str, ...], anchor: str) -> Section:
    label = path[-1] if path else ""
    category = SECTION_CATEGORIES.get(path[0].upper().rstrip(":"), "") if path else ""
    return Section(text, label, category, SectionPart.BODY, path, anchor)


def _publication_types(root: _ElementT) -> tuple[str, ...]:
    kind = ARTICLE_TYPES.get(root.get("article-type", ""))
    return (kind,) if kind else ()


def _date(meta: _ElementT) -> PublicationDate:
    """The first of the issue's dates PMC gives: print, electronic, then any."""
    dates = meta.findall("pub-date")
    order = ("ppub", "epub", "collection", "epub-ppub", "pub")

    def rank(element: _ElementT) -> int:
        kind = element.get("pub-type") or element.get("date-type") or ""
        return order.index(kind) if kind in order else len(order)

    for element in sorted(dates, key=rank):
        year, month, day = (_text(element.find(name)) for name in ("year", "month", "day"))
        parsed = parse_date_parts(year, month, day)
        if parsed.year is not None:
            return parsed
    return PublicationDate()


def _journal(journal_meta: _ElementT | None, meta: _ElementT) -> Journal:
    if journal_meta is None:
        return Journal()
    ids = {i.get("journal-id-type", ""): _text(i) for i in journal_meta.findall("journal-id")}
    first, last = _text(meta.find("fpage")), _text(meta.find("lpage"))
    pages = f"{first}-{last}" if first and last else first or _text(meta.find("elocation-id"))
    return Journal(
        title=_text(journal_meta.find(".//journal-title")),
        iso_abbreviation=ids.get("iso-abbrev", "") or ids.get("nlm-ta", ""),
        volume=_text(meta.find("volume")),
        issue=_text(meta.find("issue")),
        pages=pages,
    )


def _authors(meta: _ElementT) -> tuple[Author, ...]:
    authors = []
    for contrib in meta.iterfind("contrib-group/contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        collab = contrib.find("collab")
        if collab is not None:
            authors.append(Author(collective_name=_text(collab)))
            continue
        name = contrib.find("name")
        if name is None:
            continue
        given = _text(name.find("given-names"))
        initials = "".join(part[0] for part in given.replace("-", " ").split() if part[0].isalpha())
        authors.append(
            Author(last_name=_text(name.find("surname")), fore_name=given, initials=initials)
        )
    return tuple(authors)


def _issuer(meta: _ElementT) -> str:
    """A collective author (a society or panel), which is who issues a guideline."""
    return next((_text(c) for c in meta.iterfind("contrib-group/contrib/collab") if _text(c)), "")


def _languages(root: _ElementT) -> tuple[str, ...]:
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang", "")
    return (language,) if language else ()


def _text(element: _ElementT | None) -> str:
    """Every character under ``element``, whitespace runs collapsed."""
    if element is None:
        return ""
    return " ".join("".join(str(t) for t in element.itertext()).split())


def _tag(element: _ElementT) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _strip_namespaces(root: _ElementT) -> None:
    """Drop namespaces (MathML, XLink) from tags, so paths name JATS elements plainly."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = etree.QName(element).localname
