"""Plain-text and markdown files, one record each (an abstract pasted or saved by hand).

The shape, documented in ``docs/records.md`` ("Plain text and markdown"):

* the first non-blank line is the title. A markdown heading (``# Title``) loses its
  marks; a line ``<Kind>: <Title> (<Year>)`` — the form of exported presentation and
  poster abstracts, e.g. ``Presentation: Some Finding in Some Disease (2007)`` — gives
  the title, the year, and the kind, kept as the record's publication type;
* the rest is the abstract. Inline labels ("BACKGROUND: … METHODS: …") are split into
  sections by :func:`medcite.ingest.labels.split_inline_labels`, and a markdown heading
  (``## Methods``) starts a section labelled with the heading's text.

The record id is ``text:<file stem>`` (``Source.TEXT``), so re-reading an edited file
replaces its record. Files are UTF-8 (a BOM is allowed), UTF-16 with a BOM, or failing
those Windows-1252, which also reads Latin-1 files, so legacy Western files decode
without mojibake; gzip-compressed files are read too.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from medcite.gzipfiles import GZIP_MAGIC
from medcite.ingest.labels import CATEGORIES, split_inline_labels
from medcite.records import PublicationDate, Record, Rejection, Section, Source, SourceItem

_ENCODINGS = ("utf-8-sig", "cp1252")
"""Tried in order. Windows-1252 prints every character Latin-1 prints (and curly quotes
where Latin-1 has control codes), so Latin-1 files decode correctly as Windows-1252;
the five bytes it leaves undefined mean the file is not text in either."""

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
"""An ATX heading (CommonMark §4.2): 1–6 ``#``, a space, the text, optional closing ``#``."""

_KIND_TITLE_YEAR = re.compile(
    r"^(?P<kind>[A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*){0,3}):\s+"
    r"(?P<title>.+?)\s+\((?P<year>1[5-9]\d\d|2\d\d\d)\)$"
)
"""``<Kind>: <Title> (<Year>)``; the kind is one to four capitalised words ("Poster",
"Oral Presentation"), so a sentence with a colon is not taken for one."""

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters no text file holds (tab, newlines and form feed aside): binary."""


def read_text_record(path: Path) -> Iterator[SourceItem]:
    """Yield the one record of a text or markdown file, or a ``Rejection`` naming it."""
    where = str(path)
    try:
        data = _read_bytes(path)
    except (OSError, EOFError, zlib.error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Rejection(location=where, reason=f"cannot read the file: {detail}")
        return
    text = decode_text(data)
    if text is None:
        yield Rejection(location=where, reason="not a text file (undecodable or binary content)")
    elif not text.strip():
        yield Rejection(location=where, reason="empty file")
    else:
        yield parse_text_record(text, record_id=f"text:{record_name(path)}")


def record_name(path: Path) -> str:
    """The file's name without ``.gz`` and its format extension: ``a/b.md.gz`` → ``b``."""
    name = path.name.removesuffix(".gz")
    return Path(name).stem or name


def decode_text(data: bytes) -> str | None:
    """The text of ``data``, or None when it is binary rather than text in any encoding."""
    encodings = ("utf-16",) if data.startswith(_UTF16_BOMS) else _ENCODINGS
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if _CONTROL.search(text) else text
    return None


def parse_text_record(text: str, record_id: str) -> Record:
    """The record of a text that has at least one non-blank line (see the module doc)."""
    lines = text.splitlines()
    first = next(index for index, line in enumerate(lines) if line.strip())
    title_line = _heading_text(lines[first]) or lines[first].strip()
    kind, title, year = _kind_title_year(title_line)
    return Record(
        id=record_id,
        source=Source.TEXT,
        title=title,
        sections=_sections(lines[first + 1 :]),
        publication_types=(kind,) if kind else (),
        date=PublicationDate(year=year, text=str(year)) if year else PublicationDate(),
    )


def _kind_title_year(line: str) -> tuple[str, str, int | None]:
    """Split ``Presentation: Title (2007)``; a known abstract label is not a kind."""
    match = _KIND_TITLE_YEAR.match(line)
    if match is None or match["kind"].upper() in CATEGORIES:
        return "", line, None
    return match["kind"], match["title"], int(match["year"])


def _heading_text(line: str) -> str:
    match = _HEADING.match(line)
    return match["text"].strip() if match else ""


def _sections(lines: Sequence[str]) -> tuple[Section, ...]:
    """The abstract: blocks under each markdown heading, each split at inline labels."""
    blocks: list[tuple[str, list[str]]] = [("", [])]
    for line in lines:
        heading = _heading_text(line)
        if heading:
            blocks.append((heading, []))
        else:
            blocks[-1][1].append(line)
    return tuple(section for heading, body in blocks for section in _block_sections(heading, body))


def _block_sections(heading: str, body: Sequence[str]) -> tuple[Section, ...]:
    """A heading labels the text under it up to the first inline label, if any.

    So ``## Methods`` over plain text gives one "Methods" section, while ``## Abstract``
    over "BACKGROUND: … RESULTS: …" keeps the finer inline labels.
    """
    parts = split_inline_labels("\n".join(body))
    if not heading or not parts or parts[0].label:
        return parts
    first = Section(text=parts[0].text, label=heading, category=CATEGORIES.get(heading.upper(), ""))
    return (first, *parts[1:])


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data.startswith(GZIP_MAGIC) else data
