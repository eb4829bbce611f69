"""The batch cluster: Ray workers that parse a baseline or embed the whole corpus.

``medcite ingest --cluster`` and ``medcite dense build --cluster`` send their heavy work
(parsing and preparing parts of files; embedding records) to a Ray cluster instead of
local processes; the writing (store, lexical index, vector index) stays in this process,
fed in order, so the output is the one a single process writes. ``local:N`` starts a
cluster of N workers on this machine; anything else is the address of a running
cluster (``ray://head:10001`` or ``auto``).

Ray rather than Dask, by measurement (``bench/cluster_overhead.py``, two local workers,
same run, 2-core machine shared with other jobs): a task carrying a 2 MiB part of an NLM
file cost 5.5–5.7 ms on Ray against 106–144 ms on Dask's ``Client.get_executor()``, and
an empty task 0.9 ms against 4–10 ms; Dask started its cluster faster (3.0–5.6 s against
8.5–9.8 s), a once-per-job cost. A baseline is ~85 parts per file, 1,274 files: the
per-task cost is what counts. A Ray task's ``ObjectRef.future()`` is a
``concurrent.futures`` future, so :class:`RayExecutor` plugs into the same in-order
loop as the local worker pool (``ingest.workers``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any

from medcite.errors import ConfigError, ExtraMissingError

LOCAL_PREFIX = "local:"


class RayExecutor(Executor):
    """``submit`` runs a function as a Ray task (one CPU each), its result as a future."""

    def __init__(self, ray: Any) -> None:
        self._ray = ray
        self._remote: dict[Callable[..., Any], Any] = {}  # each function exported once

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        remote = self._remote.get(fn)
        if remote is None:
            remote = self._remote[fn] = self._ray.remote(num_cpus=1)(fn)
        future: Future[Any] = remote.remote(*args, **kwargs).future()
        return future


@contextmanager
def cluster_executor(address: str) -> Iterator[Executor]:
    """An executor on the cluster at ``address`` (or a local one, ``local:N``)."""
    try:
        import ray
    except ImportError as exc:
        raise ExtraMissingError(
            "--cluster needs the 'cluster' extra: pip install 'medcite[cluster]'"
        ) from exc
    if address.startswith(LOCAL_PREFIX):
        count = address.removeprefix(LOCAL_PREFIX)
        if not count.isdigit() or int(count) < 1:
            raise ConfigError(f"--cluster {address}: expected local:N with N ≥ 1 workers")
        ray.init(num_cpus=int(count), include_dashboard=False, log_to_driver=False)
    else:
        ray.init(address=address, log_to_driver=False)
    try:
        yield RayExecutor(ray)
    finally:
        ray.shutdown()
