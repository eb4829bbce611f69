"""Database failures as medcite errors, and URLs safe to show."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from medcite.errors import DiskFullError, StoreError

_DISK_FULL_WORDS = ("database or disk is full", "no space left", "could not extend file")


class Guard:
    """Turns database failures into :class:`StoreError` naming what was being done.

    A full disk (SQLite's "database or disk is full", PostgreSQL's "could not extend
    file ... No space left on device") becomes :class:`DiskFullError`. Integrity errors
    pass through: callers turn them into the domain's own error (a name already taken).
    """

    def __init__(self, doing: str, engine: Engine) -> None:
        self.doing = doing
        self.engine = engine

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any
    ) -> None:
        if isinstance(exc, SQLAlchemyError) and not isinstance(exc, IntegrityError):
            cause = str(getattr(exc, "orig", exc)).strip()
            full = any(words in cause.lower() for words in _DISK_FULL_WORDS)
            kind_of = DiskFullError if full else StoreError
            message = f"database: {self.doing} failed: {cause}"
            raise kind_of(message, path=location(self.engine)) from exc


def location(engine: Engine) -> str:
    """Where the database lives, for messages: the SQLite file, or the URL without password."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return redact(str(url))


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except (sa.exc.ArgumentError, ValueError):
        return "<unparseable database url>"
