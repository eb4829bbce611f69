"""Read sources in a child process, so parsing runs on one core while storing and
indexing run on the other.

Parsing PubMed XML into typed records is the costliest step of ingestion, and it is
pure Python work that holds the GIL; a second *process* is the only way to overlap it
with the store and index writes. Items cross in chunks encoded with msgpack (msgspec
rebuilds the typed records on arrival, several times faster than pickle), through a
pipe: the pipe's buffer gives back-pressure, and a parent killed mid-run breaks the
pipe, so the child ends instead of lingering.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import traceback
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

import msgspec

from medcite.errors import SourceError
from medcite.ingest.sources import read_sources
from medcite.records import Deletion, Record, Rejection, SourceItem

CHUNK_ITEMS = 256
"""Items per message: large enough to amortise a message, small enough to start fast."""

QUEUED_CHUNKS = 32
"""Chunks parsed ahead of the caller (about 8,000 records, some tens of MB at most)."""

_RECORD, _DELETION, _REJECTION = ord("r"), ord("d"), ord("x")
_Chunk = tuple[bytes, list[Record], list[Deletion], list[Rejection]]
_FAILED = b"failed:"


def read_sources_in_background(paths: Sequence[Path]) -> Iterator[SourceItem]:
    """The items of ``read_sources(paths)``, in the same order, parsed in a child process."""
    context = multiprocessing.get_context("spawn")  # fork is unsafe beside tantivy's threads
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_produce, args=([str(path) for path in paths], sender), daemon=True
    )
    child.start()
    sender.close()
    # A thread drains the pipe into a queue, so the child keeps parsing while the caller
    # works through a whole store batch instead of waiting for each chunk to be taken.
    messages: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUED_CHUNKS)
    drain = threading.Thread(target=_drain, args=(receiver, messages), daemon=True)
    drain.start()
    decode = msgspec.msgpack.Decoder(_Chunk).decode
    try:
        while (message := messages.get()) is not None:
            if message.startswith(_FAILED):
                raise SourceError(message[len(_FAILED) :].decode(errors="replace"))
            yield from _unpack(decode(message))
        child.join()
        if child.exitcode != 0:
            raise SourceError(f"the reader process failed (exit code {child.exitcode})")
    finally:
        receiver.close()  # the child's next send fails, so it stops
        if child.is_alive():
            child.terminate()
        child.join()


def _drain(receiver: Connection, messages: queue.Queue[bytes | None]) -> None:
    """Thread: move messages from the pipe to the queue; None marks the end."""
    try:
        while True:
            messages.put(receiver.recv_bytes())
    except (EOFError, OSError):
        messages.put(None)


def _produce(paths: list[str], sender: Connection) -> None:
    """Child process: read every source and send its items in chunks."""
    encode = msgspec.msgpack.Encoder().encode
    try:
        chunk: list[SourceItem] = []
        for item in read_sources(Path(path) for path in paths):
            chunk.append(item)
            if len(chunk) == CHUNK_ITEMS:
                sender.send_bytes(encode(_pack(chunk)))
                chunk = []
        if chunk:
            sender.send_bytes(encode(_pack(chunk)))
    except BrokenPipeError:
        return  # the parent stopped reading (it failed or was killed): nothing to do
    except Exception:  # report anything unexpected to the parent, which raises it
        sender.send_bytes(_FAILED + traceback.format_exc().encode())
    finally:
        sender.close()


def _pack(items: Sequence[SourceItem]) -> _Chunk:
    """Items split by kind, with a byte string that remembers their order."""
    order = bytearray()
    records: list[Record] = []
    deletions: list[Deletion] = []
    rejections: list[Rejection] = []
    for item in items:
        if isinstance(item, Record):
            order.append(_RECORD)
            records.append(item)
        elif isinstance(item, Deletion):
            order.append(_DELETION)
            deletions.append(item)
        else:
            order.append(_REJECTION)
            rejections.append(item)
    return bytes(order), records, deletions, rejections


def _unpack(chunk: _Chunk) -> Iterator[SourceItem]:
    """The items of a chunk, in their original order."""
    order, records, deletions, rejections = chunk
    by_kind: dict[int, Iterator[SourceItem]] = {
        _RECORD: iter(records),
        _DELETION: iter(deletions),
        _REJECTION: iter(rejections),
    }
    for kind in order:
        yield next(by_kind[kind])
