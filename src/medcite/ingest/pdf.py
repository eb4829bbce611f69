"""Read the text layer of a PDF (a guideline, a paper) into a record, page by page.

The text comes from PDFium (``pypdfium2``: Apache-2.0/BSD-3, the engine of Chrome's PDF
viewer), chosen over pdfminer.six and pypdf by how many of an article's sentences each
recovers from a PDF of it (``bench/pdf_text_quality.py``; README, "PDF"). PyMuPDF,
which reads text as well, is AGPL and cannot ship in an MIT package.

A PDF's text layer is lines, not paragraphs. :func:`layout_sections` rebuilds them:

* the running head and foot (a line at the top or bottom of most pages, page numbers
  aside: "file:///…/guideline.html 3/12") are dropped;
* lines are joined into paragraphs with one space; a paragraph ends at a line clearly
  shorter than the text's full lines, or at the end of a sentence followed by a line
  that starts a new one, and goes on across a page break otherwise;
* a short line with no closing punctuation between paragraphs is a heading: it becomes
  the ``path`` of what follows, not a sentence;
* each paragraph is a ``SectionPart.BODY`` section whose ``page_starts`` say on which page
  each of its characters lies, so every sentence knows its page ("[4], p. 12").

A line broken at a hyphen is joined without a space, keeping the hyphen, so the text
stays the text layer's characters. Bad input is a ``Rejection`` naming the file: a
password-protected PDF, one with no text layer (a scan: medcite does not OCR), or a
damaged file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from medcite.errors import SourceError
from medcite.records import Record, Rejection, Section, SectionPart, Source, SourceItem

PDF_MAGIC = b"%PDF-"
EDGE_LINES = 3
"""Lines at the top and bottom of a page looked at for a running head or foot."""
SHORT_LINE = 0.8
"""A line shorter than this share of the full line length ends its paragraph."""
HEADING_MAX_CHARS = 90

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.?!:;][\"'’”)\]]*$")
_JOINS_WITHOUT_SPACE = re.compile(r"(?<! )[-–—/]$")
"""A line ending in a hyphen, a dash or a slash goes on in the next without a space."""


def read_pdf(path: Path) -> Iterator[SourceItem]:
    """Yield the record of one PDF, or a ``Rejection`` naming it and saying why."""
    try:
        pages, metadata = pdf_pages(path)
    except SourceError as exc:
        yield Rejection(location=str(path), reason=str(exc))
        return
    if not any(line.text for lines in pages for line in lines):
        yield Rejection(
            location=str(path),
            reason=f"no text layer on any of its {len(pages)} pages (a scanned PDF?): medcite "
            "reads the text a PDF holds and does not recognise text in images",
        )
        return
    sections = layout_sections(pages)
    title = " ".join(metadata.get("Title", "").split()) or _first_line(pages)
    yield Record(
        id=f"pdf:{path.name.rsplit('.', 1)[0]}",
        source=Source.PDF,
        title=title,
        sections=tuple(sections),
        issuer=" ".join(metadata.get("Author", "").split()),
    )


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a page's text layer, with what its position says when it is known.

    ``gap`` is True when the line stands apart from the one above (a paragraph's first
    line); ``size`` is its height in points (0 when unknown), which tells headings apart.
    """

    text: str
    gap: bool = False
    size: float = 0.0


PARAGRAPH_GAP = 0.5
"""A line further below the previous than this share of its height starts a paragraph."""
HEADING_SIZE = 1.12
"""A line this much taller than the body text's usual line is a heading."""


def pdf_pages(path: Path) -> tuple[list[list[Line]], dict[str, str]]:
    """The lines of each page, with their gaps and sizes, and the document's metadata."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise SourceError(
                "the PDF is encrypted with a password: save an unprotected copy to ingest it"
            ) from exc
        raise SourceError(f"damaged or not a PDF: {exc}") from exc
    try:
        pages = [_page_lines(document[index].get_textpage()) for index in range(len(document))]
        return pages, {k: str(v) for k, v in document.get_metadata_dict().items()}
    finally:
        document.close()


def _page_lines(textpage: Any) -> list[Line]:
    """A page's lines from PDFium, each placed by the loose box of its first character.

    PDFium writes a hyphen it found at a line's end as U+FFFE; it is the text's "-". The
    range is given explicitly: pypdfium2 4.x sends a call with default arguments to
    ``get_text_bounded`` instead, whose text the character boxes below do not index.
    """
    text = textpage.get_text_range(0, textpage.count_chars()).replace("\ufffe", "-")
    lines: list[Line] = []
    position = 0
    previous_bottom: float | None = None
    for raw in text.split("\r\n"):
        if raw.strip():
            _, bottom, _, top = textpage.get_charbox(
                position + len(raw) - len(raw.lstrip()), loose=True
            )
            height = top - bottom
            gap = previous_bottom is not None and previous_bottom - top > PARAGRAPH_GAP * height
            lines.append(Line(" ".join(raw.split()), gap, round(height, 1)))
            # PDFium sometimes runs two printed lines together: the last character's box
            # says where the next line must be measured from
            previous_bottom = textpage.get_charbox(position + len(raw.rstrip()) - 1, loose=True)[1]
        position += len(raw) + 2
    return lines


@dataclass
class _Paragraph:
    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


def layout_sections(pages: Sequence[Sequence[Line]]) -> list[Section]:
    """Paragraph sections (with headings as paths and page starts) from each page's lines."""
    page_lines = _without_running_lines([list(lines) for lines in pages])
    flat = [(n, line) for n, lines in enumerate(page_lines, 1) for line in lines if line.text]
    lengths = sorted(len(line.text) for _, line in flat)
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0
    sizes = Counter(line.size for _, line in flat if line.size)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    sections: list[Section] = []
    path: tuple[str, ...] = ()
    heading: list[str] = []
    current = _Paragraph()
    for position, (page, line) in enumerate(flat):
        following = flat[position + 1][1] if position + 1 < len(flat) else None
        if (
            body_size
            and line.size > HEADING_SIZE * body_size
            and len(line.text) <= HEADING_MAX_CHARS * 2
        ):
            if current.lines:
                sections.append(_section(current, path))
                current = _Paragraph()
            heading = [*heading, line.text] if heading and not line.gap else [line.text]
            path = (" ".join(heading),)
            continue
        heading = []
        if not body_size and not current.lines and _is_heading(line.text, following, full):
            path = (line.text,)
            continue
        starts_page = position > 0 and flat[position - 1][0] != page
        if starts_page:  # the gap above a page's first line is the running head's
            gap = bool(current.lines) and bool(_ENDS_SENTENCE.search(current.lines[-1]))
        else:
            gap = line.gap
        if gap and current.lines:
            sections.append(_section(current, path))
            current = _Paragraph()
        current.lines.append(line.text)
        current.pages.append(page)
        if following is None or (not body_size and _ends_paragraph(line.text, full)):
            sections.append(_section(current, path))
            current = _Paragraph()
    if current.lines:
        sections.append(_section(current, path))
    return sections


def _section(paragraph: _Paragraph, path: tuple[str, ...]) -> Section:
    text = ""
    starts: list[tuple[int, int]] = []
    for line, page in zip(paragraph.lines, paragraph.pages, strict=True):
        if text and not _JOINS_WITHOUT_SPACE.search(text):
            text += " "
        if not starts or starts[-1][1] != page:
            starts.append((len(text), page))
        text += line
    label = path[-1] if path else ""
    return Section(text, label, "", SectionPart.BODY, path, page_starts=tuple(starts))


def _ends_paragraph(line: str, full: int) -> bool:
    """Without positions: a line clearly shorter than a full line ends its paragraph."""
    return len(line) < SHORT_LINE * full


def _is_heading(line: str, following: Line | None, full: int) -> bool:
    """Without sizes: a short line without closing punctuation, starting with a capital."""
    if len(line) > HEADING_MAX_CHARS or len(line) >= SHORT_LINE * full or following is None:
        return False
    if _ENDS_SENTENCE.search(line) or not (line[0].isupper() or line[0].isdigit()):
        return False
    return len(line.split()) <= 12


def _without_running_lines(page_lines: list[list[Line]]) -> list[list[Line]]:
    """The pages without page numbers and the lines repeated at the edges of most pages."""
    edges = Counter(
        _DIGITS.sub("#", text)
        for lines in page_lines
        for text in {line.text for line in _edge(lines)}
    )
    least = max(2, len(page_lines) // 2)
    running = {key for key, count in edges.items() if count >= least}
    # PDFium may run a running head into the line below it: cut it off such lines too
    patterns = [
        re.compile(r"\d+".join(re.escape(part) for part in key.split("#")))
        for key in sorted(running, key=len, reverse=True)
        if len(key) >= MIN_RUNNING_CHARS
    ]
    cleaned = []
    for lines in page_lines:
        edge = {id(line) for line in _edge(lines)}
        kept = []
        for line in lines:
            if id(line) in edge:
                if _DIGITS.sub("#", line.text) in running or _PAGE_NUMBER.match(line.text):
                    continue
                line = _without_running_part(line, patterns)
            kept.append(line)
        cleaned.append(kept)
    return cleaned


MIN_RUNNING_CHARS = 12
"""A running line shorter than this is not looked for inside other lines."""


def _without_running_part(line: Line, patterns: Sequence[re.Pattern[str]]) -> Line:
    """The line without a running head at its start or a running foot at its end."""
    for pattern in patterns:
        match = pattern.match(line.text)
        if match:
            return replace(line, text=line.text[match.end() :].strip())
        found = pattern.search(line.text)
        if found and found.end() == len(line.text):
            return replace(line, text=line.text[: found.start()].strip())
    return line


def _edge(lines: list[Line]) -> list[Line]:
    present = [line for line in lines if line.text]
    return present[:EDGE_LINES] + present[-EDGE_LINES:]


def _first_line(pages: Sequence[Sequence[Line]]) -> str:
    return next((line.text for lines in pages for line in lines if line.text), "")
