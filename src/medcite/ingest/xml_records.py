"""The top-level records of a large XML file, each one kept whatever faults come after it.

A PubMed baseline file is one document of ~30,000 records. lxml's ``iterparse`` reads it in
chunks of its own choosing and, since lxml 6 / libxml2 2.14, raises a syntax error before it
hands over the records that completed earlier in the same chunk; which good records survive
a fault then depends on versions and chunk boundaries. Here the bytes are fed to a pull
parser (``etree.XMLPullParser``) in pieces of ``PIECE_BYTES``, and the completed records are
taken after every piece and once more after a fault, so every record that closed before the
fault is kept, whatever the parser does with its input.

After a fault, reading resumes at the next record's start tag: the file's prolog (XML
declaration, DOCTYPE and root start tag) is replayed before it, into a fresh parser. A fault
thus costs the record it is in (or nothing, when it lies between records), and
``XmlFault.resumed_line`` says where reading went on.

To find that start tag, the last two pieces are kept and their lines counted; libxml2
reports a fault where it found it, which is always at the end of what it was fed. Its
columns count characters, not bytes, so a column is turned into bytes by decoding the line.
"""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from typing import cast

from lxml import etree

PIECE_BYTES = 64 * 1024
"""How much is fed to the parser at a time (NLM files decompress to ~175 MB each)."""
READ_BYTES = 1024 * 1024
"""How much is asked of the stream at a time."""

_ROOT_START = re.compile(rb"<([A-Za-z_][^\s/>]*)[^>]*>")
_ElementT = etree._Element


@dataclass(frozen=True, slots=True)
class XmlFault:
    """A place where the file stops being well-formed XML, and where reading went on."""

    line: int
    """The file's line where the parser found the fault (1-based; 0 when unknown)."""
    message: str
    """libxml2's message, or the stream's error when the bytes themselves stopped."""
    records_before: int
    """Top-level records read before the fault, in the whole file."""
    in_record: bool
    """Whether the fault lies inside a record (lost) rather than between two."""
    resumed_line: int | None = None
    """The line of the record start tag where reading resumed; None when it could not."""
    stream_error: str | None = None
    """Set when the bytes stopped (truncated gzip, I/O error) rather than the XML."""


class XmlRecords:
    """Iterate a stream's top-level elements named in ``tags``, and the faults between them.

    ``read(size)`` gives the next bytes (b"" at the end) and may raise a read error: the
    records before it are still handed over, then one ``XmlFault`` with ``stream_error``.
    Each element is the root's child; the caller should ``release`` it once read, so memory
    stays flat. ``root_tag`` is the document element's name once iteration has begun.
    """

    def __init__(
        self, read: Callable[[int], bytes], record_tags: Callable[[str], tuple[str, ...]]
    ) -> None:
        self._read = read
        self._record_tags = record_tags
        self._tags: tuple[str, ...] = ()
        self._window = _Window()
        self._prolog: bytes | None = None  # replayed before a resumed parser's input
        self._prolog_root = ""
        self.root_tag: str | None = None
        self.records = 0

    def __iter__(self) -> Iterator[_ElementT | XmlFault]:
        first, stream_error = _read_guarded(self._read)
        self._window.add_unfed(first)
        self._note_prolog(first[:PIECE_BYTES])
        self._tags = self._record_tags(self._prolog_root)
        instance = _Instance(self._tags, base_offset=0, base_line=1, prolog=b"")
        if stream_error is not None:
            yield self._fault(instance, None, stream_error)
            return
        while True:
            fault = yield from self._parse(instance)
            if fault is None:
                return
            resumed = self._resume_after(instance, fault)
            if resumed is None:
                yield fault
                return
            instance, resumed_line = resumed
            yield replace(fault, resumed_line=resumed_line)

    def _parse(self, instance: _Instance) -> Generator[_ElementT, None, XmlFault | None]:
        """Feed one parser until the end or a fault; return the fault (None at a clean end).

        After a fault in what was fed, the records completed before it are still taken.
        A document that merely stops (a cut-off file) is ended without taking its events:
        ending it closes the cut-off record, which must not pass for a whole one.
        """
        window = self._window
        stream_error: str | None = None
        try:
            if instance.prolog:
                instance.parser.feed(instance.prolog)
            while True:
                piece = window.next_piece()
                if piece is None:
                    more, stream_error = _read_guarded(self._read)
                    if not more:
                        break
                    window.add_unfed(more)
                    continue
                instance.parser.feed(piece)
                yield from self._completed(instance)
        except etree.XMLSyntaxError as error:
            yield from self._completed(instance)
            return self._fault(instance, error, None)
        if stream_error is not None:
            instance.close_quietly()
            return self._fault(instance, None, stream_error)
        try:
            root = instance.close()
        except etree.XMLSyntaxError as error:
            return self._fault(instance, error, None)
        yield from self._completed(instance)
        if self.root_tag is None and root is not None:
            self.root_tag = str(root.tag)
        return None

    def _completed(self, instance: _Instance) -> Iterator[_ElementT]:
        """The top-level records that closed since the last look."""
        for event, element in instance.events():
            parent = element.getparent()
            if parent is None or parent.getparent() is not None:
                continue  # not the root's child (a MedlineCitation inside its PubmedArticle)
            if self.root_tag is None:
                self.root_tag = str(parent.tag)
            if event == "start":
                instance.in_record = True
                continue
            instance.in_record = False
            self.records += 1
            yield element

    def _note_prolog(self, piece: bytes) -> None:
        """Remember the prolog (everything up to the root's start tag) from the first piece."""
        for match in _ROOT_START.finditer(piece):
            self._prolog = b" ".join(piece[: match.end()].splitlines())
            self._prolog_root = match.group(1).decode("ascii", "replace")
            return
        self._prolog = b""  # the root start tag is not in the first piece: no resuming

    def _fault(
        self, instance: _Instance, error: etree.XMLSyntaxError | None, stream_error: str | None
    ) -> XmlFault:
        line = (error.lineno or 0) if error is not None else 0
        column = (error.offset or 0) + 1 if error is not None else 0
        file_line = instance.base_line + line - 1 if line else 0
        if file_line:
            if line == 1 and instance.prolog:  # the replayed prolog shares the first line
                found = self._window.line_start(file_line, resumed_at=instance.base_offset)
                column -= len(instance.prolog)
            else:
                found = self._window.line_start(file_line)
            if found is not None:
                instance.fault_offset = self._window.offset_in_line(found, column)
        return XmlFault(
            line=file_line,
            message=(error.msg if error is not None else stream_error) or "",
            records_before=self.records,
            in_record=instance.in_record,
            stream_error=stream_error,
        )

    def _resume_after(self, instance: _Instance, fault: XmlFault) -> tuple[_Instance, int] | None:
        """A fresh parser from the next record start tag after the fault, if there is one."""
        if fault.stream_error is not None or not self._prolog:
            return None
        if instance.fault_offset is None:  # a fault on a line longer than the window
            return None
        pattern = _start_tag_pattern(self._tags)
        after = max(instance.fault_offset, instance.base_offset + 1)  # always move on
        found = self._window.find_after(after, pattern, self._read)
        if found is None:
            return None
        offset, line = found
        resumed = _Instance(self._tags, base_offset=offset, base_line=line, prolog=self._prolog)
        return resumed, line


class _Instance:
    """One pull parser over the file from ``base_offset`` on, after a replayed ``prolog``."""

    def __init__(self, tags: tuple[str, ...], *, base_offset: int, base_line: int, prolog: bytes):
        self.base_offset = base_offset
        self.base_line = base_line
        self.prolog = prolog
        self.in_record = False  # a record's start tag was read, its end tag not yet
        self.fault_offset: int | None = None  # file offset of the fault, when known
        self.parser = etree.XMLPullParser(
            events=("start", "end"),
            tag=tags,
            huge_tree=True,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            recover=False,
            remove_blank_text=False,
        )

    def events(self) -> Iterator[tuple[str, _ElementT]]:
        """The start and end events of record elements since the last call."""
        return cast(Iterator[tuple[str, _ElementT]], self.parser.read_events())

    def close(self) -> _ElementT | None:
        """End the document; raises ``XMLSyntaxError`` if it is incomplete."""
        root: _ElementT | None = self.parser.close()
        return root

    def close_quietly(self) -> None:
        """End a parser whose bytes stopped early: its cut-off document is no news."""
        with contextlib.suppress(etree.XMLSyntaxError):
            self.parser.close()


class _Window:
    """The bytes around the parser's position: the last two pieces fed, and those read
    but not fed yet, with the file offset and line where they begin."""

    def __init__(self) -> None:
        self._fed: list[bytes] = []
        self._unfed = b""
        self._unfed_at = 0  # how much of ``_unfed`` has been handed out
        self._start = 0  # file offset of the first kept byte
        self._start_line = 1  # the file line that byte is on
        self._at_line_start = True  # whether that byte begins its line

    def add_unfed(self, data: bytes) -> None:
        """Bytes just read, to be handed out piece by piece."""
        self._unfed = self._unfed[self._unfed_at :] + data
        self._unfed_at = 0

    def next_piece(self) -> bytes | None:
        """The next piece to feed (kept as fed; the oldest of three is forgotten)."""
        if self._unfed_at >= len(self._unfed):
            return None
        piece = self._unfed[self._unfed_at : self._unfed_at + PIECE_BYTES]
        self._unfed_at += len(piece)
        self._fed.append(piece)
        if len(self._fed) > 2:
            dropped = self._fed.pop(0)
            self._start += len(dropped)
            self._start_line += dropped.count(b"\n")
            self._at_line_start = dropped.endswith(b"\n")
        return piece

    def _data(self) -> bytes:
        """Every byte the window holds, fed or not, from ``_start`` on."""
        return b"".join(self._fed) + self._unfed[self._unfed_at :]

    def _restart_at(self, size: int) -> None:
        """Forget the first ``size`` bytes held, counting their lines; nothing is fed now."""
        data = self._data()
        dropped = data[:size]
        self._start += size
        self._start_line += dropped.count(b"\n")
        if dropped:
            self._at_line_start = dropped.endswith(b"\n")
        self._fed, self._unfed, self._unfed_at = [], data[size:], 0

    def line_start(self, line: int, *, resumed_at: int | None = None) -> int | None:
        """The file offset where ``line`` begins, if the window holds it.

        ``resumed_at`` stands for the start of a resumed parser's first line, which begins
        with the replayed prolog rather than with the file's own bytes.
        """
        if resumed_at is not None:
            return resumed_at if resumed_at >= self._start else None
        data = self._data()
        if line < self._start_line or (line == self._start_line and not self._at_line_start):
            return None
        position = 0
        for _ in range(line - self._start_line):
            newline = data.find(b"\n", position)
            if newline < 0:
                return None
            position = newline + 1
        return self._start + position

    def offset_in_line(self, line_start: int, column: int) -> int:
        """The file offset of the 1-based character ``column`` of a line in the window."""
        data = self._data()
        begin = line_start - self._start
        end = data.find(b"\n", begin)
        text = data[begin : end if end >= 0 else len(data)].decode("utf-8", "surrogateescape")
        prefix = text[: max(column - 1, 0)].encode("utf-8", "surrogateescape")
        return line_start + len(prefix)

    def find_after(
        self, offset: int, pattern: re.Pattern[bytes], read: Callable[[int], bytes]
    ) -> tuple[int, int] | None:
        """The first match of ``pattern`` at or after ``offset``, reading on as needed.

        Returns its file offset and line; the window then starts there, with nothing fed,
        for the resumed parser. None when the stream ends (or fails) first.
        """
        while True:
            data = self._data()
            match = pattern.search(data, max(offset - self._start, 0))
            if match is not None:
                self._restart_at(match.start())
                return self._start, self._start_line
            more, error = _read_guarded(read)
            if not more or error is not None:
                return None
            self._restart_at(max(len(data) - 64, 0))  # a start tag may straddle the reads
            self.add_unfed(more)


def _read_guarded(read: Callable[[int], bytes]) -> tuple[bytes, str | None]:
    """The next bytes of a stream, or b"" and why when it failed (truncated gzip, I/O).

    A read error must not escape through the parser: the records already fed would be
    lost with it. The caller hands them over first, then reports the error.
    """
    try:
        return read(READ_BYTES), None
    except (EOFError, zlib.error, OSError) as error:
        return b"", f"{type(error).__name__}: {error}"


def _start_tag_pattern(tags: tuple[str, ...]) -> re.Pattern[bytes]:
    names = b"|".join(re.escape(tag.encode()) for tag in tags)
    return re.compile(rb"<(?:" + names + rb")[\s>]")
