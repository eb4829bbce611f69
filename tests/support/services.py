"""Fixtures for tests that need a real service: PostgreSQL, and Debian's Chromium.

Locally they skip with a message naming the command that provides the service; in CI
(``CI=true``, where ``.ci/run`` installs and starts them) a missing service fails the test
instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from medcite.db import Database

POSTGRES_URL_ENV = "MEDCITE_TEST_DATABASE_URL"
CHROMIUM = "/usr/bin/chromium"


def missing_service(message: str) -> None:
    """Skip, or fail in CI, because a service the test needs is not there."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{message} (CI must provide it: .ci/run runs scripts/test-services)")
    pytest.skip(f'{message}; provide it with: eval "$(scripts/test-services)"')


def postgres_url() -> str:
    """The URL of the test PostgreSQL database, its public schema emptied."""
    url = os.environ.get(POSTGRES_URL_ENV, "")
    if not url:
        missing_service(f"PostgreSQL not configured (${POSTGRES_URL_ENV} is not set)")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    except sa.exc.OperationalError as exc:
        missing_service(f"PostgreSQL at ${POSTGRES_URL_ENV} is not reachable: {exc.orig}")
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind medcite supports, one test each."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'medcite.sqlite3'}"
    return postgres_url()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated, empty database of each kind."""
    db = Database.open(database_url)
    db.upgrade()
    yield db
    db.close()


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium binary (never a downloaded browser)."""
    if not (Path(CHROMIUM).is_file() and shutil.which(CHROMIUM)):
        missing_service(f"Chromium not found at {CHROMIUM}")
    return CHROMIUM
