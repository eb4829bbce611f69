"""JSONL of records: medcite's own interchange format, documented in ``docs/records.md``.

One JSON object per line (JSON Lines, https://jsonlines.org): either a :class:`Record`
exactly as ``msgspec`` encodes the struct, or a deletion ``{"delete": "<record id>"}``.
The schema *is* ``medcite.records``: msgspec (de)serialises the frozen record structs
directly, so there is no second schema to drift, and ``msgspec.json.schema(Record)``
gives the JSON Schema.

Reading is strict where a silent loss would hurt: an unknown key (say ``"abstract"``
instead of ``"sections"``) rejects the line instead of being dropped (the records are
declared with ``forbid_unknown_fields``). A bad line becomes a :class:`Rejection` naming the
line and msgspec's message (which names the field, e.g. ``at `$.date.year```); the
other lines are kept. Files may be gzip-compressed (recognised by their magic bytes).
"""

from __future__ import annotations

import functools
import gzip
import io
import zlib
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

import msgspec

from medcite.errors import SourceError
from medcite.gzipfiles import open_maybe_gzip
from medcite.records import Deletion, Record, Rejection, SourceItem

DELETE_KEY = "delete"
"""The only key of a deletion line: ``{"delete": "pmid:123"}``."""


@functools.cache
def _encoder() -> msgspec.json.Encoder:
    return msgspec.json.Encoder()


@functools.cache
def _decoder() -> msgspec.json.Decoder[Record]:
    return msgspec.json.Decoder(Record)


def record_to_json(record: Record) -> bytes:
    """One record as compact JSON (no newline): the form the store keeps and JSONL writes."""
    return _encoder().encode(record)


def record_from_json(data: bytes | str) -> Record:
    """The record that :func:`record_to_json` wrote; raises ``SourceError`` if it is not one.

    This is the fast path for data medcite wrote itself (the store); it does not do the
    unknown-key check that :func:`read_jsonl` does for hand-made files.
    """
    try:
        return _decoder().decode(data)
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"not a medcite record: {exc}") from exc


def deletion_to_json(deletion: Deletion) -> bytes:
    """A deletion as its JSONL line (no newline)."""
    return _encoder().encode({DELETE_KEY: deletion.record_id})


def write_jsonl(records: Iterable[Record | Deletion], sink: Path | BinaryIO | TextIO) -> int:
    """Write one line per record (or deletion) and return how many lines were written.

    A path ending in ``.gz`` is written gzip-compressed; an open stream is written as
    given (bytes to a binary stream, text to a text stream) and left open.
    """
    if isinstance(sink, Path):
        opener = gzip.open if sink.suffix == ".gz" else Path.open
        with opener(sink, "wb") as handle:
            return _write_lines(records, cast(BinaryIO, handle))
    return _write_lines(records, sink)


def _write_lines(records: Iterable[Record | Deletion], sink: BinaryIO | TextIO) -> int:
    as_text = isinstance(sink, io.TextIOBase)
    count = 0
    for item in records:
        line = record_to_json(item) if isinstance(item, Record) else deletion_to_json(item)
        if as_text:
            cast(TextIO, sink).write(line.decode() + "\n")
        else:
            cast(BinaryIO, sink).write(line + b"\n")
        count += 1
    return count


def read_jsonl(
    source: Path | TextIO | BinaryIO, location: str | None = None
) -> Iterator[SourceItem]:
    """Yield a record or deletion per line, and a ``Rejection`` per line that is neither.

    Blank lines are skipped. ``location`` names the source in rejections (default: the
    path or the stream's name). A file that cannot be opened, or that ends mid-gzip,
    yields one file-level rejection after the lines read before the fault.
    """
    where = location or _name_of(source)
    number = 0
    try:
        with _open_lines(source) as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield parse_jsonl_line(line, where, number)
    except (OSError, EOFError, zlib.error) as exc:
        after = f" after line {number}" if number else ""
        yield Rejection(location=where, reason=f"cannot read the file{after}: {_describe(exc)}")


def parse_jsonl_line(line: bytes | str, location: str, number: int) -> SourceItem:
    """One JSONL line as a record, a deletion, or a rejection naming ``line <number>``."""
    try:
        value = msgspec.json.decode(line)
        if isinstance(value, dict) and DELETE_KEY in value:
            return _deletion(value)
        record = msgspec.convert(value, Record)  # records refuse unknown fields at any depth
    except (msgspec.DecodeError, ValueError) as exc:
        return Rejection(location=location, reason=str(exc), record=f"line {number}")
    problem = _invalid_id(record.id)
    if problem:
        return Rejection(location=location, reason=problem, record=f"line {number}")
    return record


def _deletion(value: dict[str, Any]) -> Deletion:
    record_id = value[DELETE_KEY]
    if set(value) != {DELETE_KEY}:
        raise ValueError(f"a deletion line has only the key `{DELETE_KEY}`, got {sorted(value)}")
    if not isinstance(record_id, str) or _invalid_id(record_id):
        raise ValueError(f'`{DELETE_KEY}` must be a record id such as "pmid:123"')
    return Deletion(record_id=record_id)


def _invalid_id(record_id: str) -> str:
    """Why ``record_id`` is not ``<prefix>:<name>`` (the form ``Record.id`` documents), or ""."""
    prefix, colon, name = record_id.partition(":")
    if colon and prefix.strip() and name.strip():
        return ""
    return f"id must look like <prefix>:<name> (e.g. pmid:123), got {record_id!r} - at `$.id`"


def _open_lines(
    source: Path | TextIO | BinaryIO,
) -> AbstractContextManager[Iterable[bytes | str]]:
    """The lines of ``source``: a path is opened, and gunzipped if it starts with gzip's magic.

    A caller's stream is read as given and left open: it is theirs to close.
    """
    if not isinstance(source, Path):
        return nullcontext(source)
    return open_maybe_gzip(source)


def _name_of(source: Path | TextIO | BinaryIO) -> str:
    if isinstance(source, Path):
        return str(source)
    return str(getattr(source, "name", "<stream>"))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the gzip stream is truncated"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
