"""Read whatever the user points at: files or directories of any supported format.

The reader is chosen by content first, then by extension, because PubMed's own
downloads are not named consistently (efetch output saved as ``.txt``, MEDLINE
exports as ``.nbib`` or ``.txt``, baseline files as ``.xml.gz``):

* PubMed XML: content starting ``<?xml``, ``<!DOCTYPE PubmedArticleSet`` or a
  PubMed/MEDLINE root element; else ``.xml``;
* MEDLINE text (NLM's "MEDLINE" display format): content starting ``PMID-``;
  else ``.medline`` or ``.nbib``;
* JSONL of records (``docs/records.md``): ``.jsonl`` or ``.ndjson``;
* plain text or markdown, one record per file: ``.txt``, ``.md``, ``.markdown``;
* full texts in JATS XML (PMC): XML whose root is ``article``, or ``.nxml``; PMC's bulk
  packages: a tar archive (``.tar.gz``, ``.tgz``) of such articles;
* PDF: content starting ``%PDF-``;
* MedQuAD consumer-health answers: XML whose root is ``Document``, or JSON Lines whose
  first object is a question–answer pair (``qid``, ``answer``).

Any of them may be gzip-compressed (``.gz``, recognised by its magic bytes). Every bad
input — a missing path, an empty or unsupported file, a truncated archive — becomes one
``Rejection`` naming the file, and reading goes on with the next one.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path

from medcite.errors import SourceError
from medcite.gzipfiles import GZIP_MAGIC
from medcite.ingest.jats import read_jats_file
from medcite.ingest.jsonl import read_jsonl
from medcite.ingest.medline_text import read_medline_text
from medcite.ingest.medquad import looks_like_medquad_jsonl, read_medquad_jsonl, read_medquad_xml
from medcite.ingest.pdf import PDF_MAGIC, read_pdf
from medcite.ingest.pmc_packages import read_pmc_package
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.ingest.text import read_text_record
from medcite.records import Rejection, SourceItem


class SourceFormat(StrEnum):
    """The formats medcite reads from files (values match ``records.Source``)."""

    PUBMED_XML = "pubmed-xml"
    MEDLINE_TEXT = "medline-text"
    JSONL = "jsonl"
    TEXT = "text"
    PMC_JATS = "pmc-jats"
    PMC_PACKAGE = "pmc-package"
    PDF = "pdf"
    MEDQUAD = "medquad"


SNIFF_BYTES = 4096
"""How much of a file (after decompression) is looked at to recognise its format."""

_XML_STARTS = (
    b"<?xml",
    b"<!DOCTYPE PubmedArticleSet",
    b"<!DOCTYPE MedlineCitationSet",
    b"<!DOCTYPE PubmedBookArticleSet",
    b"<PubmedArticleSet",
    b"<MedlineCitationSet",
    b"<PubmedBookArticleSet",
)
"""How NLM's PubMed XML files begin (baseline, update and efetch output alike)."""

_XML_ROOT = re.compile(rb"<(?:!DOCTYPE\s+)?([A-Za-z_][\w.:-]*)")
"""The root element's name, or the DOCTYPE's: the first name after the XML declaration."""

_ROOT_FORMATS = {b"article": SourceFormat.PMC_JATS, b"Document": SourceFormat.MEDQUAD}
"""XML roots of the formats other than PubMed's (JATS full texts, MedQuAD documents)."""

_TAR_MAGIC_OFFSET = 257
_TAR_MAGIC = b"ustar"
"""POSIX tar headers carry "ustar" at byte 257 of each member header."""

_MEDLINE_START = b"PMID-"
"""The first tag of every record in NLM's MEDLINE text format."""

_SUFFIX_FORMATS: dict[str, SourceFormat] = {
    ".xml": SourceFormat.PUBMED_XML,
    ".medline": SourceFormat.MEDLINE_TEXT,
    ".nbib": SourceFormat.MEDLINE_TEXT,
    ".jsonl": SourceFormat.JSONL,
    ".ndjson": SourceFormat.JSONL,
    ".txt": SourceFormat.TEXT,
    ".md": SourceFormat.TEXT,
    ".markdown": SourceFormat.TEXT,
    ".nxml": SourceFormat.PMC_JATS,
    ".tar": SourceFormat.PMC_PACKAGE,
    ".tgz": SourceFormat.PMC_PACKAGE,
    ".pdf": SourceFormat.PDF,
}

SUPPORTED = (
    "PubMed XML, MEDLINE text, JSONL records, plain text and markdown, JATS full texts "
    "(and PMC's .tar.gz packages), PDF, and MedQuAD"
)


def read_sources(paths: Iterable[Path]) -> Iterator[SourceItem]:
    """Yield the records, deletions and rejections of every file under ``paths``.

    Directories are read recursively in sorted order, skipping hidden files and
    directories (names starting with "."); symlinked directories are not followed.
    """
    for path in paths:
        if path.is_dir():
            for found in files_under(path):
                if isinstance(found, Rejection):
                    yield found
                else:
                    yield from read_file(found)
        elif path.is_file():
            yield from read_file(path)
        elif path.exists():
            yield Rejection(location=str(path), reason="not a regular file or directory")
        else:
            yield Rejection(location=str(path), reason="no such file or directory")


def read_file(path: Path) -> Iterator[SourceItem]:
    """Yield the items of one file, read by the reader its format calls for."""
    where = str(path)
    try:
        head = file_head(path)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(location=where, reason=f"cannot read the file: {_describe(exc)}")
        return
    source_format = format_of(head, path.name)
    if not head.strip():
        yield Rejection(location=where, reason="empty file")
    elif source_format is None:
        suffix = _format_suffix(path.name) or "no extension"
        reason = f"unsupported file type ({suffix}); medcite reads {SUPPORTED}"
        yield Rejection(location=where, reason=reason)
    else:
        yield from _read_as(source_format, path)


def detect_format(path: Path) -> SourceFormat | None:
    """The format of the file at ``path``, or None if medcite cannot read it.

    Raises ``OSError`` when the file cannot be read, ``EOFError`` or ``zlib.error`` when
    its gzip header is truncated or corrupt; :func:`read_sources` makes those rejections.
    """
    return format_of(file_head(path), path.name)


def format_of(head: bytes, name: str) -> SourceFormat | None:
    """The format of a file from its first bytes (decompressed) and its name."""
    if head.startswith(PDF_MAGIC):
        return SourceFormat.PDF
    if head[_TAR_MAGIC_OFFSET : _TAR_MAGIC_OFFSET + len(_TAR_MAGIC)] == _TAR_MAGIC:
        return SourceFormat.PMC_PACKAGE
    content = head.removeprefix(codecs.BOM_UTF8).lstrip()
    other_xml = _other_xml(content)
    if other_xml is not None:
        return other_xml
    if content.startswith(_XML_STARTS):
        return SourceFormat.PUBMED_XML
    if looks_like_medquad_jsonl(content):
        return SourceFormat.MEDQUAD
    if content.startswith(_MEDLINE_START):
        return SourceFormat.MEDLINE_TEXT
    return _SUFFIX_FORMATS.get(_format_suffix(name))


def _other_xml(content: bytes) -> SourceFormat | None:
    """JATS or MedQuAD, by the XML's root element (or DOCTYPE) after its declaration."""
    if not content.startswith(b"<"):
        return None
    body = content.split(b"?>", 1)[1] if content.startswith(b"<?xml") else content
    while body.lstrip().startswith(b"<!--"):
        body = body.split(b"-->", 1)[-1]
    match = _XML_ROOT.match(body.lstrip())
    return _ROOT_FORMATS.get(match.group(1)) if match else None


def _read_medquad(path: Path) -> Iterator[SourceItem]:
    """MedQuAD as XML documents or as JSON Lines of pairs, by the file's first byte."""
    head = file_head(path).removeprefix(codecs.BOM_UTF8).lstrip()
    return read_medquad_jsonl(path) if head.startswith(b"{") else read_medquad_xml(path)


def _read_as(source_format: SourceFormat, path: Path) -> Iterator[SourceItem]:
    """Run the reader for ``source_format``; a fault while reading rejects the file.

    Readers reject bad records themselves; this catches only what makes the rest of
    a file unreadable (I/O errors, a truncated gzip, bytes that are not the text
    encoding), which the reader may not expect, so one file never stops the run.
    """
    try:
        yield from _READERS[source_format](path)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, SourceError) as exc:
        reason = f"cannot read the file as {source_format}: {_describe(exc)}"
        yield Rejection(location=str(path), reason=reason)


def _read_xml(path: Path) -> Iterator[SourceItem]:
    return read_pubmed_xml(path, location=str(path))


def _read_medline(path: Path) -> Iterator[SourceItem]:
    return read_medline_text(path, location=str(path))


_READERS: dict[SourceFormat, Callable[[Path], Iterator[SourceItem]]] = {
    SourceFormat.PUBMED_XML: _read_xml,
    SourceFormat.MEDLINE_TEXT: _read_medline,
    SourceFormat.JSONL: read_jsonl,
    SourceFormat.TEXT: read_text_record,
    SourceFormat.PMC_JATS: read_jats_file,
    SourceFormat.PMC_PACKAGE: read_pmc_package,
    SourceFormat.PDF: read_pdf,
    SourceFormat.MEDQUAD: _read_medquad,
}


def files_under(directory: Path) -> Iterator[Path | Rejection]:
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        yield Rejection(location=str(directory), reason=f"cannot list: {_describe(exc)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from files_under(entry)
        elif entry.is_file():
            yield entry


def _format_suffix(name: str) -> str:
    """The extension that names the format: ``a.xml.gz`` → ``.xml``, ``a.PDF`` → ``.pdf``."""
    return Path(name.lower().removesuffix(".gz")).suffix


def file_head(path: Path) -> bytes:
    """The first bytes of the file, decompressed; a truncated gzip tail does not matter here."""
    with path.open("rb") as handle:
        raw = handle.read(SNIFF_BYTES)
    if not raw.startswith(GZIP_MAGIC):
        return raw
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    head = inflater.decompress(raw, SNIFF_BYTES)
    if not head and not inflater.eof:
        raise EOFError("gzip stream truncated")
    return head


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the gzip stream is truncated"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
