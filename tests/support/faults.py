"""Run the ``medcite`` command line with one fault injected at a named point.

    python tests/support/faults.py POINT ACTION CALL -- ARGS...

runs ``medcite ARGS...`` in this process after wrapping the function named by ``POINT``
so that on its ``CALL``-th call (1 for the first) it fails as ``ACTION`` says, before doing
its work:

- ``full``: the error a full disk gives there (SQLite's ``SQLITE_FULL``, tantivy's
  "No space left on device (os error 28)", the OS's ``ENOSPC``), raised as the real
  library would raise it;
- ``kill``: ``SIGKILL`` to this very process (``kill -9`` at exactly that moment).

The points cover ingest, vocabulary import, index rebuild and review transitions; each
names the function where that step's writes happen. A child process per run keeps the
test process clean (locks, open files) and makes ``kill`` real.
"""

from __future__ import annotations

import errno
import functools
import importlib
import inspect
import os
import signal
import sqlite3
import sys
from collections.abc import Callable
from typing import Any


def sqlite_full() -> Exception:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]  # as sqlite3 sets it
    error.sqlite_errorcode = 13  # type: ignore[attr-defined]
    return error


def tantivy_full() -> Exception:
    return ValueError("An IO error occurred: 'No space left on device (os error 28)'")


def os_full() -> Exception:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def database_full() -> Exception:
    import sqlalchemy.exc

    return sqlalchemy.exc.OperationalError("INSERT", {}, sqlite_full())


POINTS: dict[str, tuple[str, str, str, Callable[[], Exception]]] = {
    # point: (module, function, the method of its result that fails ("" for the function
    # itself), the error). Each fails inside the code that turns it into medcite's error.
    # ingest
    "ingest.store-batch": ("medcite.store.sqlite", "SqliteStore._write_prepared", "", sqlite_full),
    "ingest.index-commit": (
        "medcite.index.lexical",
        "LexicalIndex._writer",
        "commit",
        tantivy_full,
    ),
    # (the manifest's fsync: Python's only fsync on this path, so wrapping os.fsync is exact)
    "ingest.manifest": ("medcite.index.manifest", "os.fsync", "", os_full),
    # vocabulary import
    "vocab.store": ("medcite.vocab.store", "VocabularyStore._replace", "", sqlite_full),
    "vocab.lexicon": ("medcite.understand.lexicon", "Lexicon.to_bytes", "", os_full),
    # index rebuild
    "rebuild.upsert": (
        "medcite.index.lexical",
        "LexicalIndex._writer",
        "add_document",
        tantivy_full,
    ),
    "rebuild.abbreviations": (
        "medcite.store.sqlite",
        "SqliteStore._set_abbreviations",
        "",
        sqlite_full,
    ),
    # (the second rename of the publish: the old index moved aside, the new one not in)
    "rebuild.publish": ("pathlib", "Path.rename", "", os_full),
    # review transitions (inside the database transaction: it must roll back whole)
    "review.create": ("medcite.db.database", "Database._add_version", "", database_full),
    "review.transition": ("medcite.db.database", "Database._append", "", database_full),
}


class _Failing:
    """A proxy of ``target`` whose ``method`` runs ``fail`` before its own work."""

    def __init__(self, target: Any, method: str, fail: Callable[[], None]) -> None:
        self._target, self._method, self._fail = target, method, fail

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._target, name)
        if name != self._method:
            return found

        def failing(*args: Any, **kwargs: Any) -> Any:
            self._fail()
            return found(*args, **kwargs)

        return failing


def inject(point: str, action: str, call: int) -> Callable[[], None]:
    """Wrap the function of ``point`` to fail on its ``call``-th call; returns the undo."""
    module_name, attribute, method, error = POINTS[point]
    module = importlib.import_module(module_name)
    owner: Any = module
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = getattr(owner, name)
    declared = inspect.getattr_static(owner, name)
    calls = 0

    def maybe_fail() -> None:
        nonlocal calls
        calls += 1
        if calls == call:
            if action == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise error()

    @functools.wraps(original)
    def faulty(*args: Any, **kwargs: Any) -> Any:
        if method:
            return _Failing(original(*args, **kwargs), method, maybe_fail)
        maybe_fail()
        return original(*args, **kwargs)

    setattr(owner, name, staticmethod(faulty) if isinstance(declared, staticmethod) else faulty)
    return lambda: setattr(owner, name, declared)


def main(argv: list[str]) -> int:
    point, action, call, separator, *arguments = argv
    assert separator == "--" and action in ("full", "kill"), argv
    inject(point, action, int(call))
    from medcite.cli import run

    return run(arguments)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
