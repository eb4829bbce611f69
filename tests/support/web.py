"""A web app over a small real index and a real database, and helpers to drive it.

The index holds the PubMed fixture records and one hostile record whose every text field
carries markup and script (``tests/data/jsonl/hostile.jsonl``): every page test is also an
XSS test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from medcite.accounts import Role, hash_password
from medcite.db import Database
from medcite.editorial import Editorial
from medcite.engine import Engine
from medcite.settings import Settings, load_settings
from medcite.web import create_app
from medcite.web.exports import Exporter
from medcite.web.templating import ENHANCE_URL

FIXTURES = Path(__file__).parents[1] / "data"
PASSWORD = "a long enough password"
ACCOUNTS = {
    "reader": Role.READER,
    "ed": Role.EDITOR,
    "rev": Role.REVIEWER,
    "rev2": Role.REVIEWER,
    "ann": Role.ADMIN,
}
HOSTILE_QUESTION = "spinal calcinosis in systemic sclerosis"
HOSTILE_MARKERS = ("alert('title')", "alert('abstract')", "alert('doi')", "alert('svg')")


@cache
def password_hash() -> str:
    """One Argon2 hash for every test account (hashing is deliberately slow)."""
    return hash_password(PASSWORD)


def build_index(data_dir: Path) -> Settings:
    """Ingest the fixture records (real PubMed XML and the hostile JSONL record)."""
    settings = load_settings(data_dir, environ={})
    with Engine.open(settings) as engine:
        summary = engine.ingest_paths(
            [FIXTURES / "pubmed" / "sample.xml", FIXTURES / "jsonl" / "hostile.jsonl"]
        )
    assert summary.rejected == 0 and summary.added > 5
    return settings


def add_accounts(database: Database) -> None:
    for name, role in ACCOUNTS.items():
        database.add_user(name, role, password_hash(), datetime.now(UTC))


def echo_exporter(extension: str) -> Exporter:
    """A stand-in exporter that writes the raw titles: what a real one must serve inertly."""
    return Exporter(
        "text/plain" if extension != "json" else "application/json",
        lambda references: "\n".join(f"TI  - {ref.title}" for ref in references),
    )


class MovableClock:
    """The web app's clock in tests: real time, plus however far a test moved it."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, by: timedelta) -> None:
        """Move time forward by ``by``."""
        self.offset += by


@dataclass
class Site:
    """The app under test, its client, and the pieces tests look into."""

    client: TestClient
    editorial: Editorial
    settings: Settings
    clock: MovableClock

    def sign_in(self, username: str, password: str = PASSWORD) -> str:
        """Sign in through the API, as a fresh browser; returns the token for X-CSRF-Token."""
        self.client.cookies.clear()
        response = self.client.post(
            "/api/v1/session", json={"username": username, "password": password}
        )
        assert response.status_code == 200, response.text
        token: str = response.json()["csrf_token"]
        self.csrf = token
        return token

    csrf = ""
    """The CSRF token of the signed-in session ("" before any sign-in)."""

    def csrf_headers(self) -> dict[str, str]:
        """The header changing API calls of a signed-in browser carry."""
        return {"x-csrf-token": self.csrf} if self.csrf else {}

    def form_token(self, path: str = "/") -> str:
        """The CSRF token a page's forms carry (as a browser would read it)."""
        page = self.client.get(path)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert found, f"no CSRF field on {path}"
        return found.group(1)

    def ask(self, question: str = HOSTILE_QUESTION, **params: str) -> str:
        """Ask through the API (by POST, which keeps the answer); returns the snapshot id."""
        response = self.client.post(
            "/api/v1/ask", json={"q": question, **params}, headers=self.csrf_headers()
        )
        assert response.status_code == 200, response.text
        snapshot: str = response.json()["snapshot"]["id"]
        return snapshot


@pytest.fixture(scope="session")
def indexed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the fixture index, built once per test session."""
    data_dir = tmp_path_factory.mktemp("web-data")
    build_index(data_dir)
    return data_dir


@pytest.fixture
def site(indexed_dir: Path, database: Database, tmp_path: Path) -> Iterator[Site]:
    """The app over the fixture index and a fresh database of each kind, with accounts."""
    add_accounts(database)
    settings = load_settings(
        indexed_dir, overrides={"web": {"secret_key": "test-secret-key"}}, environ={}
    )
    engine = Engine.open(settings)
    editorial = Editorial(engine, database)
    exporters = {extension: echo_exporter(extension) for extension in ("ris", "bib", "json")}
    clock = MovableClock()
    app = create_app(settings, editorial, exporters=exporters, clock=clock)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Site(client, editorial, settings, clock)
    engine.close()


def assert_inert(document: str, where: str) -> None:
    """No element, attribute or link in ``document`` can run script; hostile text is text.

    The one script allowed is the site's own file, linked by an empty element.
    """
    tree = lxml_html.fromstring(document)
    foreign_scripts = f"//script[not(@src='{ENHANCE_URL}') or string-length(.) > 0]"
    assert not tree.xpath(f"{foreign_scripts} | //svg | //iframe | //object | //embed"), where
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{where}: {element.tag} @{name}"
            if name in ("href", "src", "action", "formaction") and value != "data:,":
                # ("data:," is the empty favicon that spares browsers a request)
                assert not value.strip().lower().startswith(("javascript:", "data:")), where
