"""Server-side sessions and failed sign-ins, in the shared database.

A session is a random id in the browser's cookie and only its SHA-256 in the database,
so a copy of the database signs nobody in. Sign-in failures are rows too, one per
failure and per scope (the account, the client address), so every worker and every
replica of a deployment counts the same failures.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from medcite.db import tables as t
from medcite.db.guard import Guard
from medcite.db.rows import StoredSession, session_from, utc


class SessionRecords:
    """The ``sessions`` and ``sign_in_failures`` tables of one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, id_hash: str, username: str, at: datetime) -> None:
        """Keep a new session of ``username``."""
        row = {"id_hash": id_hash, "username": username, "created_at": at, "last_seen_at": at}
        with Guard("starting a session", self.engine), self.engine.begin() as connection:
            connection.execute(t.sessions.insert().values(**row))

    def get(self, id_hash: str) -> StoredSession | None:
        """The session with this id hash, if it was not ended."""
        with Guard("reading a session", self.engine), self.engine.connect() as connection:
            row = connection.execute(
                sa.select(t.sessions).where(t.sessions.c.id_hash == id_hash)
            ).first()
        return None if row is None else session_from(row._mapping)

    def touch(self, id_hash: str, at: datetime) -> None:
        """Record that the session was used at ``at`` (its idle time starts again)."""
        with Guard("updating a session", self.engine), self.engine.begin() as connection:
            connection.execute(
                t.sessions.update().where(t.sessions.c.id_hash == id_hash).values(last_seen_at=at)
            )

    def end(self, id_hash: str) -> None:
        """End one session (sign-out, or found expired)."""
        with Guard("ending a session", self.engine), self.engine.begin() as connection:
            connection.execute(t.sessions.delete().where(t.sessions.c.id_hash == id_hash))

    def end_all_of(self, username: str) -> int:
        """End every session of ``username``; returns how many there were."""
        with Guard("ending sessions", self.engine), self.engine.begin() as connection:
            result = connection.execute(
                t.sessions.delete().where(t.sessions.c.username == username)
            )
        return int(result.rowcount)

    def of(self, username: str) -> list[StoredSession]:
        """The live sessions of ``username``, oldest first."""
        with Guard("listing sessions", self.engine), self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(t.sessions)
                .where(t.sessions.c.username == username)
                .order_by(t.sessions.c.created_at)
            )
            return [session_from(row._mapping) for row in rows]

    # -- failed sign-ins ---------------------------------------------------------------

    def failures_since(self, scope: str, key: str, since: datetime) -> list[datetime]:
        """When ``key`` (an account or address) failed to sign in after ``since``, oldest first."""
        failures = t.sign_in_failures
        with Guard("reading sign-in failures", self.engine), self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(failures.c.at)
                .where(failures.c.scope == scope, failures.c.key == key, failures.c.at > since)
                .order_by(failures.c.at)
            )
            return [utc(row.at) for row in rows]

    def add_failure(self, keys: dict[str, str], at: datetime, forget_before: datetime) -> None:
        """Count a failed sign-in under each ``scope: key``, and forget failures too old
        to count (so the table holds one window's worth at most)."""
        failures = t.sign_in_failures
        rows = [{"scope": scope, "key": key, "at": at} for scope, key in keys.items()]
        with Guard("counting a failed sign-in", self.engine), self.engine.begin() as connection:
            connection.execute(failures.delete().where(failures.c.at <= forget_before))
            connection.execute(failures.insert(), rows)

    def clear_failures(self, scope: str, key: str) -> None:
        """Forget the failures of ``key`` (an account that signed in)."""
        failures = t.sign_in_failures
        with Guard("clearing sign-in failures", self.engine), self.engine.begin() as connection:
            connection.execute(
                failures.delete().where(failures.c.scope == scope, failures.c.key == key)
            )
