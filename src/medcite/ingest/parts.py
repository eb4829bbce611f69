"""Sources cut into pieces of work that worker processes read on their own, in order.

An NLM baseline file is one XML document of ~30,000 records (~175 MB decompressed), and
parsing it is most of what ingestion costs; to spread one file over several cores it is
cut into *parts* of about ``part_bytes`` each. A cut falls at the end of the first line
that closes a record (``</PubmedArticle>``, ``</DeleteCitation>``, …) after
``part_bytes``, so it depends on the bytes alone, never on how many workers there are.
A part is read like a whole file (``read_pubmed_xml_part``): the file's prolog is
replayed before it and a closing root tag after it, and it carries the line it starts
on and the number of records before it, so a fault in it is reported with the file's
own line and record numbers. Those counts come from the record end tags in the earlier
parts (``bytes.count``, far cheaper than parsing); only in a file garbled enough to hide
or fake a record's end tag can a later number be off.

A stream that fails mid-file (a truncated gzip, an I/O error) ends with a last part
that raises the same error after its bytes, so the reader reports it as it would for
the whole file. Any other source (MEDLINE text, JSONL, text, a file that does not look
like PubMed XML, a path that cannot be read) is one piece of work, read whole.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from medcite.ingest.pubmed_xml import (
    KNOWN_ROOTS,
    open_binary,
    read_pubmed_xml_part,
    record_tags_under,
)
from medcite.ingest.sources import SourceFormat, file_head, files_under, format_of, read_file
from medcite.ingest.xml_records import PIECE_BYTES, READ_BYTES, FilePart, file_prolog
from medcite.records import Rejection, SourceItem

PART_BYTES = 2 * 1024 * 1024
"""Decompressed bytes per part: ~350 baseline records, a few tens of ms of parsing."""

_STREAM_ERRORS = (EOFError, zlib.error, OSError)


@dataclass(frozen=True, slots=True)
class WholeFile:
    """A file read whole by its format's reader."""

    path: Path


@dataclass(frozen=True, slots=True)
class XmlPart:
    """A part of a PubMed XML file, with where it lies in the file (``start``)."""

    location: str
    body: bytes
    start: FilePart
    stream_error: BaseException | None = None

    @property
    def last(self) -> bool:
        """Whether the part ends the file (and holds the root's own closing tag)."""
        return self.start.next_line is None


ReadTask = WholeFile | XmlPart | Rejection
"""A piece of work for a reader process, or a rejection found while listing."""


def read_tasks(paths: Iterable[Path], part_bytes: int = PART_BYTES) -> Iterator[ReadTask]:
    """The pieces of work that read ``paths``, in the order ``read_sources`` reads them."""
    for path in paths:
        if path.is_dir():
            for found in files_under(path):
                if isinstance(found, Rejection):
                    yield found
                else:
                    yield from _file_tasks(found, part_bytes)
        elif path.is_file():
            yield from _file_tasks(path, part_bytes)
        elif path.exists():
            yield Rejection(location=str(path), reason="not a regular file or directory")
        else:
            yield Rejection(location=str(path), reason="no such file or directory")


def read_task(task: ReadTask) -> Iterator[SourceItem]:
    """The items of one piece of work, as ``read_sources`` would give them."""
    if isinstance(task, Rejection):
        yield task
    elif isinstance(task, WholeFile):
        yield from read_file(task.path)
    else:
        yield from read_pubmed_xml_part(_PartStream(task).read, task.location, task.start)


def _file_tasks(path: Path, part_bytes: int) -> Iterator[ReadTask]:
    """A PubMed XML file in parts; any other file (or one that fails early) whole."""
    try:
        head = file_head(path)
    except _STREAM_ERRORS:
        yield WholeFile(path)  # its reader reports why
        return
    found = file_prolog(head[:PIECE_BYTES])
    if format_of(head, path.name) is not SourceFormat.PUBMED_XML or found is None:
        yield WholeFile(path)
        return
    prolog, root_tag = found
    if root_tag not in KNOWN_ROOTS:
        yield WholeFile(path)
        return
    try:
        with open_binary(path) as stream:
            yield from _cut(stream.read, str(path), prolog, root_tag, part_bytes)
    except OSError:
        yield WholeFile(path)


def _cut(
    read: Callable[[int], bytes], location: str, prolog: bytes, root_tag: str, part_bytes: int
) -> Iterator[XmlPart]:
    """Read the stream and cut it after the first record end line past each ``part_bytes``."""
    tags = [tag.encode() for tag in record_tags_under(root_tag)]
    end_tag = re.compile(b"|".join(re.escape(b"</" + tag + b">") for tag in tags))
    counter = _Counter(prolog, root_tag, end_tag)
    buffer = bytearray()
    while True:
        try:
            more = read(READ_BYTES)
        except _STREAM_ERRORS as error:
            yield counter.part(location, bytes(buffer), last=True, stream_error=error)
            return
        if not more:
            yield counter.part(location, bytes(buffer), last=True)
            return
        buffer += more
        while len(buffer) > part_bytes and (cut := _cut_point(buffer, part_bytes, end_tag)):
            yield counter.part(location, bytes(buffer[:cut]), last=False)
            del buffer[:cut]


def _cut_point(buffer: bytearray, after: int, end_tag: re.Pattern[bytes]) -> int | None:
    """Just past the first record end tag at or after ``after`` (and its line's end, if
    that follows at once, so that in NLM's layout every part begins a line).

    One search for any of the end tags stops at the first, a few kilobytes on; a search
    per tag ran through the rest of the buffer for each tag the file lacks (a baseline
    file has no ``</DeleteCitation>``), ~3 ms a part in the ingesting process.
    """
    found = end_tag.search(buffer, after)
    if found is None:
        return None
    cut = found.end()
    return cut + 1 if buffer[cut : cut + 1] == b"\n" else cut


class _Counter:
    """Where each part begins: its line and the records before it, from the parts before."""

    def __init__(self, prolog: bytes, root_tag: str, end_tag: re.Pattern[bytes]) -> None:
        self._prolog = prolog
        self._root_tag = root_tag
        # one scan for all end tags: half the time of one ``bytes.count`` per tag
        self._end_tag = end_tag
        self._line = 1
        self._records = 0
        self._first = True

    def part(
        self, location: str, body: bytes, *, last: bool, stream_error: BaseException | None = None
    ) -> XmlPart:
        first_line, records_before = self._line, self._records
        self._line += body.count(b"\n")
        self._records += len(self._end_tag.findall(body))
        start = FilePart(
            self._prolog,
            self._root_tag,
            first_line,
            records_before,
            next_line=None if last else self._line,
            at_file_start=self._first,
        )
        self._first = False
        return XmlPart(location, body, start, stream_error)


class _PartStream:
    """A part's bytes as a stream: its body, then the root's closing tag (unless it is the
    file's last part) or the error the file's stream raised there."""

    def __init__(self, task: XmlPart) -> None:
        self._pending = [task.body]
        if not task.last:
            self._pending.append(b"</" + task.start.root_tag.encode() + b">")
        self._error = task.stream_error

    def read(self, size: int = -1) -> bytes:
        if self._pending:
            return self._pending.pop(0)
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return b""
