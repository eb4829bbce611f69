"""Dask or Ray for the batch cluster: start-up and per-task cost of a local 2-worker cluster.

Usage::

    python bench/cluster_overhead.py dask|ray [--tasks 500] [--payload-mib 2]

Each engine starts a local cluster of two worker processes (one thread each), then
runs ``--tasks`` no-op tasks and ``--tasks // 10`` tasks that each take a
``--payload-mib`` byte string and return its length (the size of one part of an NLM
file that ``engine.cluster`` ships to a worker), all submitted at once and gathered in
order. The same machine and the same run make the comparison; each engine needs its
own install (``pip install 'dask[distributed]'`` or ``pip install ray``).
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any


def noop(value: int) -> int:
    return value


def size_of(payload: bytes) -> int:
    return len(payload)


def with_dask(tasks: int, payload: bytes) -> dict[str, float]:
    from distributed import Client, LocalCluster

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2)
        ready = time.perf_counter()
        executor = client.get_executor()
        assert [f.result() for f in [executor.submit(noop, i) for i in range(tasks)]] == list(
            range(tasks)
        )
        small = time.perf_counter()
        sizes = [
            f.result() for f in [executor.submit(size_of, payload) for _ in range(tasks // 10)]
        ]
        assert sizes == [len(payload)] * (tasks // 10)
        done = time.perf_counter()
    return _figures(started, ready, small, done, tasks)


def with_ray(tasks: int, payload: bytes) -> dict[str, float]:
    import ray

    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    remote_noop = ray.remote(num_cpus=1)(noop)
    remote_size = ray.remote(num_cpus=1)(size_of)
    ray.get([remote_noop.remote(0) for _ in range(2)])  # both workers up
    ready = time.perf_counter()
    assert ray.get([remote_noop.remote(i) for i in range(tasks)]) == list(range(tasks))
    small = time.perf_counter()
    assert ray.get([remote_size.remote(payload) for _ in range(tasks // 10)]) == [len(payload)] * (
        tasks // 10
    )
    done = time.perf_counter()
    ray.shutdown()
    return _figures(started, ready, small, done, tasks)


def _figures(
    started: float, ready: float, small: float, done: float, tasks: int
) -> dict[str, float]:
    return {
        "start_s": round(ready - started, 2),
        "noop_task_ms": round((small - ready) / tasks * 1000, 2),
        "payload_task_ms": round((done - small) / (tasks // 10) * 1000, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("engine", choices=["dask", "ray"])
    parser.add_argument("--tasks", type=int, default=500)
    parser.add_argument("--payload-mib", type=float, default=2.0)
    args = parser.parse_args()
    payload = bytes(int(args.payload_mib * 2**20))
    run = with_dask if args.engine == "dask" else with_ray
    result: dict[str, Any] = {"engine": args.engine, **run(args.tasks, payload)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
