"""Fixtures shared by every kind of test: where the reference data lives, and tiny fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

# PostgreSQL and Chromium fixtures (skip locally when absent, fail in CI).
pytest_plugins = ["support.services", "support.web"]

TESTS_DIR = Path(__file__).parent
FIXTURES_DIR = TESTS_DIR / "data"
SHARED_DATA_DIR = TESTS_DIR.parent.parent / "shared" / "data"
SHARED_SEEDS_DIR = TESTS_DIR.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Fixtures written for these tests, in real formats (``tests/data``)."""
    return FIXTURES_DIR


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` read in place; tests that need it skip clearly when it is absent."""
    if not SHARED_DATA_DIR.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA_DIR} (CI provides ../shared/data)")
    return SHARED_DATA_DIR


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    """``../shared/seeds`` (the seed question's page and abstract), read in place."""
    if not SHARED_SEEDS_DIR.is_dir():
        pytest.skip(f"seed files not found at {SHARED_SEEDS_DIR} (CI provides ../shared/seeds)")
    return SHARED_SEEDS_DIR
