"""Reading and preparing records in worker processes, handed back in the order read.

Parsing PubMed XML, splitting sentences and finding abbreviations is pure Python work
that holds the GIL, and it is most of what ingestion costs; worker *processes* spread it
over the cores. Sources are cut into pieces of work (``parts.read_tasks``); each worker
reads a piece and prepares its records with the ``prepare`` function it is given (the
engine's: it knows the stages that split sentences and find abbreviations), and the
results come back in the order of the pieces, whatever order the workers finish in, so
the store and index are fed exactly as a single process would feed them.

At most ``AHEAD_PER_WORKER`` pieces per worker are in flight, so memory stays bounded
on a baseline of any size. Results cross as one msgpack message per piece (msgspec
rebuilds the typed records on arrival, several times faster than pickle). Workers are
spawned, never forked: forking beside tantivy's threads is unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from pathlib import Path

import msgspec

from medcite.errors import SourceError
from medcite.ingest.parts import PART_BYTES, ReadTask, read_task, read_tasks
from medcite.records import Deletion, PreparedRecord, Record, Rejection, SourceItem

Prepare = Callable[[Record], PreparedRecord]
"""Derives what the store needs from a record; a module-level function, so workers can
import it by name."""

PreparedItem = PreparedRecord | Deletion | Rejection
"""What the store-and-index loop takes: prepared records, deletions and rejections."""

PARENT_CHECK_SECONDS = 0.2
"""How often a worker checks that the process it works for is still alive."""

AHEAD_PER_WORKER = 8
"""Pieces queued per worker: enough to keep it busy while the writer catches up.

The writer stops taking results for a while, with the GIL released, when the store trains
its dictionary (~0.5 s, once) and at each index commit (~0.3-0.5 s, every 20,000 records);
a piece takes a worker 50-80 ms, so 8 cover such a pause where 3 left both readers without
work for 5-9% of a demo file's ingest. Each piece in flight holds ~2.5 MB (its XML and
its result)."""

_RECORD, _DELETION, _REJECTION = ord("r"), ord("d"), ord("x")
_Packed = tuple[bytes, list[PreparedRecord], list[Deletion], list[Rejection]]
_decode = msgspec.msgpack.Decoder(_Packed).decode


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS says)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def prepare_items(items: Iterable[SourceItem], prepare: Prepare) -> Iterator[PreparedItem]:
    """``items`` with each record prepared, in this process."""
    for item in items:
        yield prepare(item) if isinstance(item, Record) else item


def read_prepared(
    paths: Sequence[Path],
    prepare: Prepare,
    workers: int,
    part_bytes: int = PART_BYTES,
    executor: Executor | None = None,
) -> Iterator[PreparedItem]:
    """The items of ``read_sources(paths)``, prepared, in order; ``workers`` processes
    read and prepare them (0: this process does), or the workers of ``executor`` (a
    cluster's, ``workers`` pieces ahead each)."""
    tasks = iter(read_tasks(paths, part_bytes))
    if executor is not None:
        yield from _in_order(tasks, prepare, executor, max(workers, 1) * AHEAD_PER_WORKER)
        return
    first = list(islice(tasks, 2))
    if workers <= 0 or len(first) < 2:  # one piece: starting processes would cost more
        for task in chain(first, tasks):
            yield from prepare_items(read_task(task), prepare)
        return
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_end_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        # chained, never unpacked: the tasks hold the files' bytes, read as they are needed
        yield from _in_order(chain(first, tasks), prepare, pool, workers * AHEAD_PER_WORKER)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    tasks: Iterable[ReadTask], prepare: Prepare, executor: Executor, ahead: int
) -> Iterator[PreparedItem]:
    """Run ``tasks`` on ``executor``, ``ahead`` at a time, and hand results over in order."""
    pending: deque[Future[bytes]] = deque()
    queued = iter(tasks)
    try:
        for task in islice(queued, ahead):
            pending.append(executor.submit(prepare_task, task, prepare))
        while pending:
            message = _result(pending.popleft())
            for task in islice(queued, 1):
                pending.append(executor.submit(prepare_task, task, prepare))
            yield from _unpack(_decode(message))
    finally:
        for future in pending:
            future.cancel()


def _end_with_parent(parent: int) -> None:
    """Worker: exit as soon as the ingesting process is gone (even killed with SIGKILL).

    A pool's workers wait on a queue whose writing end they hold themselves, so they would
    never see it close; a watchdog thread notices the parent's death by the worker being
    handed to another parent.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="medcite-parent-watch", daemon=True).start()


def _result(future: Future[bytes]) -> bytes:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise SourceError(f"a reader process died ({exc}); run the ingest again") from exc


def prepare_task(task: ReadTask, prepare: Prepare) -> bytes:
    """Worker: read one piece of work and prepare its records, packed as one message."""
    return msgspec.msgpack.encode(_pack(prepare_items(read_task(task), prepare)))


def _pack(items: Iterable[PreparedItem]) -> _Packed:
    """Items split by kind, with a byte string that remembers their order."""
    order = bytearray()
    records: list[PreparedRecord] = []
    deletions: list[Deletion] = []
    rejections: list[Rejection] = []
    for item in items:
        if isinstance(item, PreparedRecord):
            order.append(_RECORD)
            records.append(item)
        elif isinstance(item, Deletion):
            order.append(_DELETION)
            deletions.append(item)
        else:
            order.append(_REJECTION)
            rejections.append(item)
    return bytes(order), records, deletions, rejections


def _unpack(packed: _Packed) -> Iterator[PreparedItem]:
    """The items of a message, in their original order."""
    order, records, deletions, rejections = packed
    by_kind: dict[int, Iterator[PreparedItem]] = {
        _RECORD: iter(records),
        _DELETION: iter(deletions),
        _REJECTION: iter(rejections),
    }
    for kind in order:
        yield next(by_kind[kind])
