"""HTTP load on ``medcite serve`` over a large index, and a kill -9 in the middle of reviews.

Usage::

    python bench/web_load.py [--data-dir DIR] [--records 200000] [--users 20]
                             [--requests 3000] [--duration 90] [--workers 2] [--think 0]
                             [--json bench/results/web_load.json]

Loopback only, bounded in requests and in time. The index is built once with the helpers
of ``bench/query_latency.py`` (the demo corpus replicated to ``--records``) and reused when
``--data-dir`` already holds records. Each run uses a fresh SQLite database in a temporary
directory, so reruns start equal.

Phase 1, load: ``--users`` concurrent users (asyncio + httpx), each in a loop: ask a
question (``GET /api/v1/ask``), read that answer's page (``GET /answers/{id}``), search
records (``GET /api/v1/records``) and read the library (``GET /library``). By default
nobody pauses, so 20 users keep 20 requests in flight at all times: a stress test whose
latency is set by throughput alone (Little's law). ``--think S`` adds a pause after each
request (exponential, mean S seconds, seeded per user), closer to people reading what
they asked for. Reported per
kind and overall: throughput, p50/p95/p99 and errors (any status other than 2xx/3xx, or a
failed connection). Baselines measured in the same run: ``Engine.ask`` in-process on the
same questions (the work one answer costs) and ``GET /api/v1/health`` under the same
concurrency (the HTTP stack alone).

Phase 2, crash: reviewers submit, start and approve answers through the API while users
keep asking; midway the whole server (uvicorn and its workers) gets SIGKILL, is restarted,
and every review transition the server had acknowledged with a 2xx must be in the audit
log afterwards. Target (issue 5): zero errors, p95 < 1 s at 20 users on 2 cores, no lost
reviews.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from medcite.accounts import Role, hash_password  # noqa: E402
from medcite.db import Database  # noqa: E402
from medcite.engine import Engine  # noqa: E402
from medcite.settings import load_settings  # noqa: E402
from query_latency import percentiles, questions, replicated_records  # noqa: E402

PASSWORD = "benchmark password"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    """``medcite serve`` as a child process group that can be killed outright."""

    def __init__(self, data_dir: Path, database_url: str, workers: int, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.command = [
            sys.executable, "-m", "medcite", "--data-dir", str(data_dir), "serve",
            "--port", str(self.port), "--workers", str(workers),
        ]  # fmt: skip
        self.env = os.environ | {"MEDCITE_DATABASE__URL": database_url}
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> float:
        """Start and wait until healthy; returns the seconds it took."""
        started = time.perf_counter()
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                self.command, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/api/v1/health", timeout=2).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"server did not start; see {self.log}")

    def kill(self) -> None:
        """SIGKILL the whole process group: uvicorn's supervisor and every worker."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


class Recorder:
    """Latencies and errors per request kind."""

    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.error_examples: list[str] = []
        self.count = 0

    async def call(self, client: httpx.AsyncClient, kind: str, method: str, url: str,
                   **kwargs: Any) -> httpx.Response | None:  # fmt: skip
        self.count += 1
        started = time.perf_counter()
        try:
            response = await client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            self._error(kind, f"{kind}: {type(exc).__name__}")
            return None
        self.samples[kind].append((time.perf_counter() - started) * 1000)
        if response.status_code >= 400:
            self._error(kind, f"{kind}: {response.status_code} {response.text[:120]}")
        return response

    def _error(self, kind: str, example: str) -> None:
        self.errors[kind] += 1
        if len(self.error_examples) < 5:
            self.error_examples.append(example)

    def summary(self, seconds: float) -> dict[str, Any]:
        everything = [ms for samples in self.samples.values() for ms in samples]
        result: dict[str, Any] = {
            "requests": self.count,
            "seconds": round(seconds, 1),
            "throughput_rps": round(self.count / seconds, 1),
            "errors": sum(self.errors.values()),
            "all": percentiles(everything) if len(everything) > 1 else {},
        }
        for kind, samples in sorted(self.samples.items()):
            if len(samples) > 1:
                result[kind] = percentiles(samples) | {"count": len(samples)}
                result[kind]["errors"] = self.errors.get(kind, 0)
        if self.error_examples:
            result["error_examples"] = self.error_examples
        return result


async def user_loop(base: str, texts: list[str], offset: int, recorder: Recorder,
                    stop: asyncio.Event, budget: list[int], think: float) -> None:  # fmt: skip
    """One user's clicks; with ``think`` > 0 a pause (exponential, that mean) after each."""
    pauses = random.Random(offset)

    async def pause() -> None:
        if think > 0:
            await asyncio.sleep(pauses.expovariate(1 / think))

    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        turn = offset
        while not stop.is_set() and budget[0] > 0:
            budget[0] -= 4
            question = texts[turn % len(texts)]
            turn += 7
            asked = await recorder.call(client, "ask", "GET", "/api/v1/ask", params={"q": question})
            await pause()
            if asked is not None and asked.status_code == 200:
                snapshot = asked.json()["snapshot"]["id"]
                await recorder.call(client, "answer_page", "GET", f"/answers/{snapshot}")
                await pause()
            words = " ".join(question.split()[:4])
            await recorder.call(client, "search", "GET", "/api/v1/records", params={"q": words})
            await pause()
            await recorder.call(client, "library", "GET", "/library")
            await pause()


async def health_loop(base: str, recorder: Recorder, count: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for _ in range(count):
            await recorder.call(client, "health", "GET", "/api/v1/health")


async def load(base: str, texts: list[str], users: int, requests: int,
               duration: float, think: float = 0.0) -> dict[str, Any]:  # fmt: skip
    recorder = Recorder()
    stop = asyncio.Event()
    budget = [requests]
    started = time.perf_counter()
    tasks = [asyncio.create_task(user_loop(base, texts, i, recorder, stop, budget, think))
             for i in range(users)]  # fmt: skip
    await asyncio.wait(tasks, timeout=duration)
    stop.set()
    await asyncio.gather(*tasks)
    return recorder.summary(time.perf_counter() - started)


async def health_baseline(base: str, users: int, per_user: int) -> dict[str, Any]:
    recorder = Recorder()
    started = time.perf_counter()
    await asyncio.gather(*(health_loop(base, recorder, per_user) for _ in range(users)))
    return recorder.summary(time.perf_counter() - started)


async def reviewer_loop(server: Server, texts: list[str], acknowledged: list[dict[str, Any]],
                        failed: list[str], stop: asyncio.Event, offset: int) -> None:  # fmt: skip
    """Submit, start and approve answers; remember every transition the server confirmed."""
    turn = offset
    while not stop.is_set():
        try:
            async with httpx.AsyncClient(base_url=server.base, timeout=10) as editor, \
                    httpx.AsyncClient(base_url=server.base, timeout=10) as reviewer:  # fmt: skip
                tokens = {}
                for client, name in ((editor, "editor"), (reviewer, "reviewer")):
                    signed = await client.post(
                        "/api/v1/session", json={"username": name, "password": PASSWORD}
                    )
                    signed.raise_for_status()
                    tokens[name] = signed.json()["csrf_token"]
                while not stop.is_set():
                    question = f"{texts[turn % len(texts)]} (reviewed {offset}-{turn})"
                    turn += 1
                    asked = await editor.get("/api/v1/ask", params={"q": question})
                    asked.raise_for_status()
                    submitted = await editor.post(
                        "/api/v1/reviews",
                        json={"snapshot_id": asked.json()["snapshot"]["id"]},
                        headers={"x-csrf-token": tokens["editor"]},
                    )
                    submitted.raise_for_status()
                    review_id = submitted.json()["id"]
                    acknowledged.append({"review": review_id, "action": "submit"})
                    for action in ("start_review", "approve"):
                        done = await reviewer.post(
                            f"/api/v1/reviews/{review_id}/actions",
                            json={"action": action},
                            headers={"x-csrf-token": tokens["reviewer"]},
                        )
                        done.raise_for_status()
                        acknowledged.append({"review": review_id, "action": action})
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            failed.append(type(exc).__name__)  # expected while the server is down
            await asyncio.sleep(0.5)


async def crash_phase(server: Server, database_url: str, texts: list[str], users: int,
                      seconds: float) -> dict[str, Any]:  # fmt: skip
    acknowledged: list[dict[str, Any]] = []
    failed: list[str] = []
    stop = asyncio.Event()
    reviewers = [asyncio.create_task(reviewer_loop(server, texts, acknowledged, failed, stop, i))
                 for i in range(2)]  # fmt: skip
    background = asyncio.create_task(load(server.base, texts, users, 10**9, seconds))
    await asyncio.sleep(seconds / 2)
    before_kill = len(acknowledged)
    server.kill()
    killed_at = time.perf_counter()
    restart_seconds = await asyncio.to_thread(server.start)
    await asyncio.sleep(seconds / 2)
    stop.set()
    await asyncio.gather(*reviewers)
    background_summary = await background
    database = Database.open(database_url)
    try:
        logged = {(e.review_id, e.action.value) for r in database.reviews(limit=10**6)
                  for e in database.audit_log(r.id)}  # fmt: skip
    finally:
        database.close()
    lost = [a for a in acknowledged if (a["review"], a["action"]) not in logged]
    return {
        "acknowledged_transitions": len(acknowledged),
        "acknowledged_before_kill": before_kill,
        "lost_transitions": len(lost),
        "lost_examples": lost[:5],
        "restart_seconds": round(restart_seconds, 1),
        "seconds_down": round(time.perf_counter() - killed_at - seconds / 2, 1),
        "reviewer_requests_failed_while_down": len(failed),
        "requests_failed_while_down": background_summary["errors"],
    }


def prepare_data(data_dir: Path, records: int) -> int:
    settings = load_settings(data_dir, environ={})
    with Engine.open(settings) as engine:
        if engine.stats().store.records == 0:
            started = time.perf_counter()
            engine.ingest(replicated_records(records))
            print(f"built {records} records in {time.perf_counter() - started:.0f} s", flush=True)
        return engine.stats().store.records


def engine_baseline(data_dir: Path, texts: list[str]) -> dict[str, float]:
    settings = load_settings(data_dir, environ={})
    with Engine.open(settings) as engine:
        for text in texts[:10]:
            engine.ask(text)
        samples = []
        for text in texts:
            started = time.perf_counter()
            engine.ask(text)
            samples.append((time.perf_counter() - started) * 1000)
    return percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--duration", type=float, default=90.0)
    parser.add_argument("--crash-seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean pause in seconds after each request (0: none, a stress test)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "web_load.json")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="medcite-bench-"))
    scratch = Path(tempfile.mkdtemp(prefix="medcite-web-load-"))
    database_url = f"sqlite:///{scratch / 'bench.sqlite3'}"
    result: dict[str, Any] = {"data_dir": str(data_dir), "users": args.users,
                              "workers": args.workers, "think_seconds": args.think,
                              "cores": os.cpu_count(),
                              "load_average_before": os.getloadavg()[0]}  # fmt: skip
    result["records"] = prepare_data(data_dir, args.records)
    database = Database.open(database_url)
    database.upgrade()
    for name, role in (("editor", Role.EDITOR), ("reviewer", Role.REVIEWER)):
        database.add_user(name, role, hash_password(PASSWORD), datetime.now(UTC))
    database.close()

    texts = questions(400)
    result["engine_ask_in_process"] = engine_baseline(data_dir, texts[:100])
    server = Server(data_dir, database_url, args.workers, scratch / "serve.log")
    try:
        result["startup_seconds"] = round(server.start(), 1)
        result["health_baseline"] = asyncio.run(health_baseline(server.base, args.users, 25))
        result["load"] = asyncio.run(
            load(server.base, texts, args.users, args.requests, args.duration, args.think)
        )
        result["crash"] = asyncio.run(
            crash_phase(server, database_url, texts, args.users // 2, args.crash_seconds)
        )
    finally:
        server.stop()
    report(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")


def report(result: dict[str, Any]) -> None:
    load_figures, crash = result["load"], result["crash"]
    print(f"{result['records']} records, {result['users']} users"
          f" (think {result['think_seconds']} s), {result['workers']} workers,"
          f" {result['cores']} cores (load average before:"
          f" {result['load_average_before']:.1f})")  # fmt: skip
    engine = result["engine_ask_in_process"]
    print(f"engine.ask in process  p50 {engine['p50_ms']:.1f} ms  p95 {engine['p95_ms']:.1f} ms")
    health = result["health_baseline"]
    print(f"health (HTTP floor)    {health['throughput_rps']} req/s"
          f"  p95 {health['all']['p95_ms']:.1f} ms")  # fmt: skip
    print(f"load: {load_figures['requests']} requests in {load_figures['seconds']} s ="
          f" {load_figures['throughput_rps']} req/s, errors {load_figures['errors']}")  # fmt: skip
    for kind in ("all", "ask", "answer_page", "search", "library"):
        figures = load_figures.get(kind)
        if figures:
            print(f"  {kind:<12} p50 {figures['p50_ms']:>8.1f} ms  p95 {figures['p95_ms']:>8.1f} ms"
                  f"  p99 {figures['p99_ms']:>8.1f} ms")  # fmt: skip
    print(f"kill -9 mid-load: {crash['acknowledged_transitions']} review transitions"
          f" acknowledged, {crash['lost_transitions']} lost; restart took"
          f" {crash['restart_seconds']} s")  # fmt: skip


if __name__ == "__main__":
    main()
