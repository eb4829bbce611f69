"""Fixtures shared by every kind of test: where the reference data lives, and tiny fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# PostgreSQL and Chromium fixtures (skip locally when absent, fail in CI), small disks.
pytest_plugins = ["support.disks", "support.services", "support.web"]

TESTS_DIR = Path(__file__).parent
FIXTURES_DIR = TESTS_DIR / "data"
SHARED_DATA_DIR = TESTS_DIR.parent.parent / "shared" / "data"
SHARED_SEEDS_DIR = TESTS_DIR.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Fixtures written for these tests, in real formats (``tests/data``)."""
    return FIXTURES_DIR


def _missing(message: str) -> None:
    """Skip with ``message`` locally; in CI (``CI=true``), where the data must be, fail."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}, and CI must provide it")
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` read in place; tests that need it skip clearly when it is absent."""
    if not SHARED_DATA_DIR.is_dir():
        _missing(f"reference data not found at {SHARED_DATA_DIR} (CI provides ../shared/data)")
    return SHARED_DATA_DIR


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    """``../shared/seeds`` (the seed question's page and abstract), read in place."""
    if not SHARED_SEEDS_DIR.is_dir():
        _missing(f"seed files not found at {SHARED_SEEDS_DIR} (CI provides ../shared/seeds)")
    return SHARED_SEEDS_DIR


@pytest.fixture(scope="session")
def dense_extra() -> None:
    """Skip, with the reason, where the optional ``medcite[dense]`` extra is not installed."""
    from medcite.dense import dense_extra_missing

    missing = dense_extra_missing()
    if missing:
        pytest.skip(f"the dense extra is not installed (missing: {', '.join(missing)})")


@pytest.fixture(scope="session")
def static_model_dir(dense_extra: None, request: pytest.FixtureRequest) -> Path:
    """A static model distilled from the bundled MiniLM (~40 s), kept in pytest's cache.

    Distilled once per machine: the cache folder is keyed by the source weights'
    fingerprint, so new weights distill again.
    """
    from medcite.dense.distill import distill_static_model
    from medcite.dense.encoders import bundled_model_path, weights_fingerprint

    source = bundled_model_path()
    folder = request.config.cache.mkdir(f"medcite-static-{weights_fingerprint(source)}")
    target = folder / "static"
    if not (target / "config.json").is_file():
        distill_static_model(source, target)
    return target
