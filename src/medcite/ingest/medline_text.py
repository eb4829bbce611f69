"""Read NLM's MEDLINE/PubMed text format ("Send to: File → PubMed/MEDLINE") into records.

Format (https://www.nlm.nih.gov/bsd/mms/medlineelements.html): one field per line as a
four-character tag, "- " and the value (``PMID- 12230038``, ``TI  - The Bio*…``);
continuation lines are indented by six spaces; a blank line ends a record. Repeated
tags (``AU``, ``MH``, ``PT``, …) give lists.

The text format is lossier than the XML: MeSH headings carry names only (so
``descriptor_id`` is ""), a structured abstract is one ``AB`` paragraph with inline
labels (split back with ``split_inline_labels``), and there is no PMID version.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from medcite.gzipfiles import open_maybe_gzip
from medcite.ingest.dates import parse_date_text
from medcite.ingest.labels import split_inline_labels
from medcite.records import (
    Author,
    Chemical,
    Journal,
    MeshHeading,
    Qualifier,
    Record,
    Rejection,
    Source,
    SourceItem,
)

_CONTINUATION = " " * 6

Field = tuple[str, str]
"""One field of a record: its tag ("TI", "PMID") and its value, continuation lines joined."""


def read_medline_text(source: Path | TextIO, location: str | None = None) -> Iterator[SourceItem]:
    """Yield a ``Record`` per MEDLINE text record, or a ``Rejection`` for a bad one.

    ``source`` is a path (plain or gzip, detected by magic bytes, read as UTF-8) or an
    open text stream. A record without ``PMID`` is rejected as "record N"; a file that
    cannot be decoded or decompressed yields what was read, then a ``Rejection``.
    """
    where = location or (str(source) if isinstance(source, Path) else _stream_name(source))
    with ExitStack() as stack:
        try:
            stream = source if not isinstance(source, Path) else stack.enter_context(_open(source))
        except OSError as error:
            yield Rejection(location=where, reason=f"cannot open: {error}")
            return
        position = 0
        try:
            for fields in _split_records(stream):
                position += 1
                yield _record_or_rejection(fields, where, position)
        except (UnicodeDecodeError, EOFError, zlib.error, OSError) as error:
            reason = f"unreadable after {position} records: {error or type(error).__name__}"
            yield Rejection(location=where, reason=reason)


def _open(path: Path) -> TextIO:
    """Open ``path`` as UTF-8 text, through gzip when it starts with ``GZIP_MAGIC``."""
    return io.TextIOWrapper(open_maybe_gzip(path), encoding="utf-8")


def _stream_name(stream: TextIO) -> str:
    """How rejections name a stream: its ``name`` if it has one."""
    return str(getattr(stream, "name", "<stream>"))


def _split_records(lines: Iterable[str]) -> Iterator[list[Field]]:
    """Group lines into records (blank-line separated) of (tag, value) fields."""
    fields: list[Field] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if fields:
                yield fields
                fields = []
        elif line.startswith(_CONTINUATION) and fields:
            tag, value = fields[-1]
            fields[-1] = (tag, f"{value} {line.strip()}")
        elif len(line) >= 5 and line[4] == "-":
            fields.append((line[:4].strip(), line[5:].strip()))
        elif fields:  # an unindented stray line: keep its text with the field before
            tag, value = fields[-1]
            fields[-1] = (tag, f"{value} {line.strip()}")
    if fields:
        yield fields


def _record_or_rejection(fields: list[Field], where: str, position: int) -> Record | Rejection:
    """A ``Record`` from one record's fields, or a ``Rejection`` when it has no PMID."""
    values: dict[str, list[str]] = {}
    for tag, value in fields:
        values.setdefault(tag, []).append(value)
    pmid = _first(values, "PMID")
    if not pmid.isdigit():
        reason = f"no PMID (found {pmid!r})" if pmid else "no PMID"
        return Rejection(location=where, reason=reason, record=f"record {position}")
    ids = _article_ids(values.get("AID", []) + values.get("LID", []))
    abstract = _first(values, "AB")
    return Record(
        id=f"pmid:{pmid}",
        source=Source.MEDLINE_TEXT,
        title=_first(values, "TI"),
        sections=split_inline_labels(abstract) if abstract else (),
        pmid=pmid,
        doi=ids.get("doi", ""),
        pmcid=_first(values, "PMC"),
        pii=ids.get("pii", ""),
        vernacular_title=_first(values, "TT"),
        copyright=_first(values, "CI"),
        publication_types=tuple(values.get("PT", ())),
        mesh_headings=tuple(parse_mesh_heading(text) for text in values.get("MH", ())),
        chemicals=tuple(parse_chemical(text) for text in values.get("RN", ())),
        keywords=tuple(values.get("OT", ())),
        date=parse_date_text(_first(values, "DP")),
        journal=Journal(
            title=_first(values, "JT"),
            iso_abbreviation=_first(values, "TA"),
            volume=_first(values, "VI"),
            issue=_first(values, "IP"),
            pages=_first(values, "PG"),
        ),
        authors=_authors(fields),
        languages=tuple(values.get("LA", ())),
    )


def _first(values: dict[str, list[str]], tag: str) -> str:
    """The first value of ``tag`` in a record, or ""."""
    found = values.get(tag)
    return found[0] if found else ""


def _article_ids(values: list[str]) -> dict[str, str]:
    """``AID``/``LID`` values ("10.1186/1471-2105-7-10 [doi]") by their bracketed type."""
    ids: dict[str, str] = {}
    for value in values:
        text, _, kind = value.rpartition(" [")
        if text and kind.endswith("]"):
            ids.setdefault(kind[:-1], text.strip())
    return ids


def parse_mesh_heading(text: str) -> MeshHeading:
    """An ``MH`` value: "Sequence Alignment/*methods" or "*Software".

    "/" separates the descriptor from its qualifiers; "*" before a name marks a major
    topic. The text format gives no unique ids, so ``descriptor_id`` is "".
    """
    descriptor, *qualifiers = text.split("/")
    return MeshHeading(
        descriptor_id="",
        name=descriptor.lstrip("*").strip(),
        major_topic=descriptor.startswith("*"),
        qualifiers=tuple(
            Qualifier(qualifier_id="", name=q.lstrip("*").strip(), major_topic=q.startswith("*"))
            for q in qualifiers
        ),
    )


def parse_chemical(text: str) -> Chemical:
    """An ``RN`` value: "9035-51-2 (Cytochrome P-450 Enzyme System)" (number, then name)."""
    number, _, rest = text.partition(" (")
    if rest.endswith(")"):
        return Chemical(substance_id="", name=rest[:-1].strip(), registry_number=number.strip())
    return Chemical(substance_id="", name=text.strip())


def _authors(fields: list[Field]) -> tuple[Author, ...]:
    """Authors from ``FAU`` ("Casbon, James A"), ``AU`` ("Casbon JA") and ``CN`` (groups).

    ``FAU`` is followed by its ``AU`` in NLM output, which supplies the initials; records
    from before 2002 have ``AU`` alone, read as last name then initials.
    """
    authors: list[Author] = []
    pending: Author | None = None
    for tag, value in fields:
        if tag == "FAU":
            if pending is not None:
                authors.append(pending)
            last, _, fore = value.partition(",")
            pending = Author(last_name=last.strip(), fore_name=fore.strip())
        elif tag == "AU":
            last, _, initials = value.rpartition(" ")
            if pending is not None:
                authors.append(_with_initials(pending, initials if last else ""))
                pending = None
            else:
                authors.append(
                    Author(last_name=last or initials, initials=initials if last else "")
                )
        elif tag == "CN":
            authors.append(Author(collective_name=value))
    if pending is not None:
        authors.append(pending)
    return tuple(authors)


def _with_initials(author: Author, initials: str) -> Author:
    """``author`` with the initials its ``AU`` line gives."""
    return Author(last_name=author.last_name, fore_name=author.fore_name, initials=initials)
