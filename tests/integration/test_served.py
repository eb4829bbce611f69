"""The real ``medcite serve`` (uvicorn, several workers) as a client on loopback meets it:
whose address it believes, and how long it waits for a slow client."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from medcite.db import Database, database_url
from support.served import serving
from support.web import PASSWORD, add_accounts, build_index


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fixture index with accounts, in a data directory of its own."""
    data_dir = tmp_path_factory.mktemp("served")
    settings = build_index(data_dir)
    database = Database.open(database_url(settings))
    database.upgrade()
    add_accounts(database)
    database.close()
    yield data_dir


def wrong_passwords_until_refused(base: str, forwarded: bool, tries: int = 14) -> list[int]:
    """Statuses of ``tries`` wrong passwords for one account, each on a new connection,
    each claiming (when ``forwarded``) to come from another address."""
    statuses = []
    for attempt in range(tries):
        headers = {"x-forwarded-for": f"203.0.113.{attempt + 1}"} if forwarded else {}
        with httpx.Client(base_url=base, timeout=30) as client:
            response = client.post(
                "/api/v1/session",
                json={"username": "ann", "password": f"wrong {attempt}"},
                headers=headers,
            )
        statuses.append(response.status_code)
    return statuses


def test_a_forged_x_forwarded_for_does_not_escape_the_sign_in_throttle(deployment: Path) -> None:
    with serving(deployment, "--workers", "2") as base:
        statuses = wrong_passwords_until_refused(base, forwarded=True)
        assert statuses[:5] == [401] * 5
        assert set(statuses[5:]) == {429}, statuses  # across both workers, whatever the header
        with httpx.Client(base_url=base) as client:
            right = client.post("/api/v1/session", json={"username": "ann", "password": PASSWORD})
        assert right.status_code == 429  # the account stays locked for the window


def test_a_slow_request_head_is_cut_off_and_a_huge_one_refused(deployment: Path) -> None:
    timeout = 1.0
    environment = {"MEDCITE_WEB__HEADER_TIMEOUT_SECONDS": str(timeout)}
    with serving(deployment, env=environment) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port))) as slow:
            slow.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: medcite\r\n")
            slow.settimeout(0.25)
            started = time.monotonic()
            closed = False
            while time.monotonic() - started < timeout * 5 and not closed:
                try:
                    slow.sendall(b"X")  # a byte at a time, never the end of the head
                    closed = slow.recv(1024) == b""
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
            assert closed, "a request head trickling in kept its connection open"
            assert time.monotonic() - started < timeout * 3

        with socket.create_connection((host, int(port))) as huge:
            huge.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: medcite\r\nX-Big: ")
            huge.sendall(b"a" * 40_000 + b"\r\n\r\n")
            huge.settimeout(5)
            assert huge.recv(1024).startswith(b"HTTP/1.1 431")

        assert httpx.get(f"{base}/api/v1/health").status_code == 200  # and it still serves
