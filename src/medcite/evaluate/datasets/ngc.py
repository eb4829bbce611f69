"""Guideline summaries of the former National Guideline Clearinghouse, as an evaluation source.

AHRQ's NGC (closed July 2018) summarised each guideline in one XML file: ``<Version>
<Section Name=…><Field Name=… Type=…><FieldValue Value="HTML, escaped"/>``. The "Major
Recommendations" field holds the recommendations as the guideline states them, most with
their grades, among headings, notes and the definitions of the grades. The summaries stay
their developers' copyright and serve tests and evaluation only (``../shared/data``'s
README): they are read in place, from the ``.tar.gz`` or a folder of the files, and never
copied; labels of them are kept as character offsets into :attr:`GuidelineSummary.recommendations`.

That text is the field's HTML as a reader sees it: each block (paragraph, list item, table
row, line break) on a line of its own, whitespace inside it collapsed, table cells joined
by `` | ``, images (NGC's radiation-level icons) left out. As a ``Record`` the summary is a
practice guideline whose sections are those blocks, so no sentence runs from one list item
into the next, and a table row is a ``TABLE`` part (rows are not sentences).
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

from medcite.errors import SourceError
from medcite.records import PublicationDate, Record, Section, SectionPart, Source

ARCHIVE = "ngc_summaries_with_recommendations.tar.gz"
RECOMMENDATIONS = "Major Recommendations"

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "blockquote",
     "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "dl", "dt", "dd"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_NAME = re.compile(r"ngc-\d+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class GuidelineSummary:
    """One NGC summary: its guideline's title, developer and year, and its recommendations.

    ``blocks`` are the ``(start, end, is_table_row)`` of each line of ``recommendations``.
    """

    id: str
    title: str
    developers: str
    year: int | None
    recommendations: str
    blocks: tuple[tuple[int, int, bool], ...]

    def record(self) -> Record:
        """The summary as medcite reads a guideline: one section per block of its text."""
        sections = tuple(
            Section(
                self.recommendations[start:end],
                part=SectionPart.TABLE if row else SectionPart.BODY,
            )
            for start, end, row in self.blocks
        )
        return Record(
            id=f"ngc:{self.id.removeprefix('ngc-')}",
            source=Source.DATASET,
            title=self.title,
            sections=sections,
            publication_types=("Practice Guideline",),
            date=PublicationDate(year=self.year),
            issuer=self.developers,
        )

    def section_offsets(self) -> tuple[int, ...]:
        """Where each section of :meth:`record` starts in ``recommendations``."""
        return tuple(start for start, _, _ in self.blocks)


def read_ngc_summaries(path: Path, ids: Iterable[str] | None = None) -> Iterator[GuidelineSummary]:
    """The summaries in ``path`` (NGC's ``.tar.gz``, or a folder of ``ngc-N.xml``), in
    file-name order; only those named in ``ids`` (``ngc-10000``) when given."""
    wanted = None if ids is None else set(ids)
    if path.is_dir():
        for file in sorted(path.rglob("ngc-*.xml")):
            if wanted is None or file.stem in wanted:
                yield read_ngc_summary(file.stem, file.read_bytes(), str(file))
        return
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = sorted(
                (m for m in archive.getmembers() if m.isfile() and _NAME.fullmatch(_stem(m.name))),
                key=lambda m: m.name,
            )
            for member in members:
                if wanted is None or _stem(member.name) in wanted:
                    data = archive.extractfile(member)
                    assert data is not None  # a regular file
                    yield read_ngc_summary(_stem(member.name), data.read(), f"{path}:{member.name}")
    except (OSError, EOFError, tarfile.TarError) as exc:
        raise SourceError(f"{path}: cannot read NGC summaries: {exc}") from exc


def read_ngc_summary(name: str, xml: bytes, where: str = "") -> GuidelineSummary:
    """One summary from its XML; a SourceError names the file when it has no recommendations."""
    where = where or name
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"{where}: not XML: {exc}") from exc
    fields = {
        field.get("Name", ""): value.get("Value", "")
        for field in root.iter("Field")
        if (value := field.find("FieldValue")) is not None
    }
    if RECOMMENDATIONS not in fields:
        raise SourceError(f"{where}: no {RECOMMENDATIONS!r} field")
    text, blocks = field_text(fields[RECOMMENDATIONS])
    released = _plain(fields.get("Date Released", ""))
    year = _YEAR.search(released)
    return GuidelineSummary(
        id=name,
        title=_plain(fields.get("Guideline Title", "")),
        developers=_plain(fields.get("Guideline Developer(s)", "")),
        year=int(year.group()) if year else None,
        recommendations=text,
        blocks=blocks,
    )


def field_text(html: str) -> tuple[str, tuple[tuple[int, int, bool], ...]]:
    """A field's HTML as text, one block a line, and each block's span and whether it is a
    table row."""
    if not html.strip():
        return "", ()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    lines: list[tuple[str, bool]] = []
    _walk(root, [], lines, in_cell=False)
    text, blocks, offset = [], [], 0
    for line, row in lines:
        blocks.append((offset, offset + len(line), row))
        text.append(line)
        offset += len(line) + 1
    return "\n".join(text), tuple(blocks)


def _walk(
    element: etree._Element, pending: list[str], lines: list[tuple[str, bool]], in_cell: bool
) -> None:
    """Add the text of ``element`` to ``pending``, ending a line at every block (inside a
    table cell, a block only adds a space: the row stays one line)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS and not in_cell
    if block:
        _flush(pending, lines, row=False)
    elif tag in _CELLS and "".join(pending).strip():
        pending.append(" | ")
    elif tag in _BLOCKS:
        pending.append(" ")
    if tag and element.text:
        pending.append(element.text)
    for child in element:
        _walk(child, pending, lines, in_cell or tag in _CELLS)
        if child.tail:
            pending.append(child.tail)
    if block:
        _flush(pending, lines, row=tag == "tr" and _cells(element) > 1)


def _cells(row: etree._Element) -> int:
    """How many cells a table row has."""
    return sum(1 for child in row if isinstance(child.tag, str) and child.tag in _CELLS)


def _flush(pending: list[str], lines: list[tuple[str, bool]], row: bool) -> None:
    line = " ".join("".join(pending).split())
    pending.clear()
    if line:
        lines.append((line, row))


def _plain(html: str) -> str:
    if not html.strip():
        return ""
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())


def _stem(member: str) -> str:
    return Path(member).name.removesuffix(".xml")
