"""The repository over the database: every read and write the web app and CLI need.

One class for SQLite and PostgreSQL alike (SQLAlchemy 2 Core). Writes that must hold
together (a review, its version and its audit entry) run in one transaction. A review
transition is applied with a compare-and-set on the state and version it was decided
from, so two reviewers acting at once cannot both win: the second gets a
:class:`~medcite.errors.WorkflowError` and can reload.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from medcite.accounts import Role
from medcite.db import tables as t
from medcite.db.guard import Guard, location, redact
from medcite.db.rows import (
    AnswerSnapshot,
    AuditEntry,
    StoredReview,
    User,
    audit_from,
    review_from,
    snapshot_from,
    user_from,
)
from medcite.db.sessions import SessionRecords
from medcite.errors import ConfigError, NotFoundError, WorkflowError
from medcite.review import Review, ReviewState, Transition
from medcite.settings import Settings

SQLITE_FILE = "medcite.sqlite3"
MIGRATIONS = str(Path(__file__).parent / "migrations")

_encode_answer = msgspec.json.Encoder().encode


def database_url(settings: Settings) -> str:
    """The configured URL, else the SQLite file in the data directory."""
    return settings.database.url or f"sqlite:///{settings.data_dir / SQLITE_FILE}"


class Database:
    """Accounts, snapshots, reviews and the audit log, behind one SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = SessionRecords(engine)

    @classmethod
    def open(cls, url: str) -> Database:
        """Connect (lazily) to ``url``; SQLite gets WAL and a busy timeout for many workers."""
        try:
            if url.startswith("sqlite"):
                engine = sa.create_engine(url, connect_args={"timeout": 30})
                sa.event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = sa.create_engine(url, pool_pre_ping=True)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise ConfigError(f"database.url: cannot use {redact(url)}: {exc}") from exc
        return cls(engine)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    # -- schema ------------------------------------------------------------------------

    def upgrade(self) -> str:
        """Apply every migration not yet applied; returns the revision reached."""
        with self._guard("migrating"), self.engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", MIGRATIONS)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        return self.revision()

    def revision(self) -> str:
        """The migration revision the database is at ("" when none was applied)."""
        with self._guard("reading the schema version"), self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision() or ""

    def check_schema(self) -> None:
        """Raise :class:`ConfigError` unless the database is at the latest migration."""
        head = _head()
        current = self.revision()
        if current != head:
            raise ConfigError(
                f"the database is at schema revision {current or 'none'}, medcite needs "
                f"{head}: run `medcite db upgrade`",
                path=location(self.engine),
            )

    # -- accounts ----------------------------------------------------------------------

    def add_user(self, username: str, role: Role, password_hash: str, at: datetime) -> User:
        """Create an account; an existing name is an error, never overwritten."""
        row: dict[str, Any] = {"username": username, "role": role.value, "active": True}
        row |= {"password_hash": password_hash, "created_at": at}
        try:
            with self._guard("adding a user"), self.engine.begin() as connection:
                connection.execute(t.users.insert().values(**row))
        except IntegrityError as exc:
            raise WorkflowError(f"user {username!r} already exists") from exc
        return User(username, role, password_hash, True, at)

    def user(self, username: str) -> User | None:
        """The account named ``username``, if any."""
        with self._guard("reading a user"), self.engine.connect() as connection:
            row = connection.execute(
                sa.select(t.users).where(t.users.c.username == username)
            ).first()
        return None if row is None else user_from(row._mapping)

    def users(self) -> list[User]:
        """Every account, by name."""
        with self._guard("listing users"), self.engine.connect() as connection:
            rows = connection.execute(sa.select(t.users).order_by(t.users.c.username))
            return [user_from(row._mapping) for row in rows]

    def set_user_active(self, username: str, active: bool) -> None:
        """Enable or disable an account; disabling ends its sessions, in the same
        transaction, so enabling it again later revives none of them."""
        self._update_user(username, end_sessions=not active, active=active)

    def set_password_hash(self, username: str, password_hash: str, *, new: bool = True) -> None:
        """Replace an account's password hash. A ``new`` password ends every session of
        the account; a re-hash of the same password (``new=False``) ends none."""
        self._update_user(username, end_sessions=new, password_hash=password_hash)

    def _update_user(self, username: str, *, end_sessions: bool, **values: Any) -> None:
        with self._guard("updating a user"), self.engine.begin() as connection:
            result = connection.execute(
                t.users.update().where(t.users.c.username == username).values(**values)
            )
            if result.rowcount == 0:
                raise NotFoundError(f"no user named {username!r}")
            if end_sessions:
                connection.execute(t.sessions.delete().where(t.sessions.c.username == username))

    # -- answer snapshots --------------------------------------------------------------

    def keep_snapshot(self, snapshot: AnswerSnapshot) -> AnswerSnapshot:
        """Store ``snapshot`` unless one with its id exists; returns the stored one."""
        answer = snapshot.answer
        row = {
            "id": snapshot.id,
            "conversation_id": snapshot.conversation_id,
            "parent_id": snapshot.parent_id,
            "question": snapshot.question,
            "audience": snapshot.audience,
            "answer": _encode_answer(answer).decode(),
            "index_snapshot": answer.provenance.index_snapshot,
            "settings_hash": answer.provenance.settings_hash,
            "created_at": snapshot.created_at,
            "asked_by": snapshot.asked_by,
        }
        existing = self.snapshot(snapshot.id, missing_ok=True)
        if existing is not None:
            return existing
        try:
            with self._guard("storing an answer"), self.engine.begin() as connection:
                connection.execute(t.answer_snapshots.insert().values(**row))
        except IntegrityError:  # stored meanwhile by another request: the same answer
            pass
        stored = self.snapshot(snapshot.id, missing_ok=True)
        assert stored is not None
        return stored

    def snapshot(self, snapshot_id: str, *, missing_ok: bool = False) -> AnswerSnapshot | None:
        """The snapshot with ``snapshot_id``; raises :class:`NotFoundError` unless missing_ok."""
        with self._guard("reading an answer"), self.engine.connect() as connection:
            row = connection.execute(
                sa.select(t.answer_snapshots).where(t.answer_snapshots.c.id == snapshot_id)
            ).first()
        if row is None:
            if missing_ok:
                return None
            raise NotFoundError(f"no answer snapshot {snapshot_id!r}")
        return snapshot_from(row._mapping)

    # -- reviews -----------------------------------------------------------------------

    def create_review(self, snapshot: AnswerSnapshot, review: Review, entry: Transition) -> int:
        """Open a review of ``snapshot`` in the state ``review`` (after its first transition)."""
        with self._guard("submitting an answer"), self.engine.begin() as connection:
            taken = connection.execute(
                sa.select(t.review_versions.c.review_id).where(
                    t.review_versions.c.snapshot_id == snapshot.id
                )
            ).first()
            if taken is not None:
                raise WorkflowError(f"answer {snapshot.id} is already in review {taken.review_id}")
            values = _review_values(review, entry.at)
            values |= {"question": snapshot.question, "audience": snapshot.audience}
            inserted = connection.execute(
                t.reviews.insert().values(snapshot_id=snapshot.id, **values)
            ).inserted_primary_key
            assert inserted is not None
            review_id = int(inserted[0])
            self._add_version(connection, review_id, review.version, snapshot.id)
            self._append(connection, review_id, snapshot.id, entry)
        return int(review_id)

    def record_transition(
        self, stored: StoredReview, review: Review, entry: Transition, snapshot_id: str = ""
    ) -> None:
        """Apply a decided transition, if ``stored`` is still the review's current state.

        ``snapshot_id`` is the new version's snapshot when the transition opens a version.
        """
        snapshot_id = snapshot_id or stored.snapshot_id
        with self._guard("recording a review action"), self.engine.begin() as connection:
            result = connection.execute(
                t.reviews.update()
                .where(
                    t.reviews.c.id == stored.id,
                    t.reviews.c.state == stored.review.state.value,
                    t.reviews.c.version == stored.review.version,
                )
                .values(snapshot_id=snapshot_id, **_review_values(review, entry.at))
            )
            if result.rowcount != 1:
                raise WorkflowError(
                    f"review {stored.id} changed meanwhile; reload it and decide again"
                )
            if review.version != stored.review.version:
                self._add_version(connection, stored.id, review.version, snapshot_id)
            self._append(connection, stored.id, snapshot_id, entry)

    def review(self, review_id: int) -> StoredReview:
        """The review with ``review_id``."""
        found = self._reviews(t.reviews.c.id == review_id)
        if not found:
            raise NotFoundError(f"no review {review_id}")
        return found[0]

    def review_of_snapshot(self, snapshot_id: str) -> StoredReview | None:
        """The review one of whose versions is ``snapshot_id``, if it was ever submitted."""
        versions = sa.select(t.review_versions.c.review_id).where(
            t.review_versions.c.snapshot_id == snapshot_id
        )
        found = self._reviews(t.reviews.c.id.in_(versions.scalar_subquery()))
        return found[0] if found else None

    def reviews(
        self, states: Sequence[ReviewState] = (), text: str = "", limit: int = 100
    ) -> list[StoredReview]:
        """Reviews in ``states`` (all when empty) whose question contains ``text``, newest first."""
        clauses: list[Any] = []
        if states:
            clauses.append(t.reviews.c.state.in_([state.value for state in states]))
        if text.strip():
            clauses.append(t.reviews.c.question.ilike(f"%{_escape_like(text.strip())}%", "\\"))
        return self._reviews(*clauses, limit=limit)

    def audit_log(self, review_id: int) -> list[AuditEntry]:
        """Every transition of a review, oldest first."""
        with self._guard("reading the audit log"), self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(t.review_events)
                .where(t.review_events.c.review_id == review_id)
                .order_by(t.review_events.c.id)
            )
            return [audit_from(row._mapping) for row in rows]

    def _reviews(self, *clauses: Any, limit: int = 100) -> list[StoredReview]:
        query = sa.select(t.reviews).where(*clauses).order_by(t.reviews.c.updated_at.desc())
        with self._guard("reading reviews"), self.engine.connect() as connection:
            return [review_from(row._mapping) for row in connection.execute(query.limit(limit))]

    @staticmethod
    def _add_version(connection: Connection, review_id: int, version: int, snapshot: str) -> None:
        # A resubmission re-asked of an unchanged index gives the same snapshot again: one
        # snapshot may be several versions of its own review, never part of another review.
        connection.execute(
            t.review_versions.insert().values(
                review_id=review_id, version=version, snapshot_id=snapshot
            )
        )

    @staticmethod
    def _append(
        connection: Connection, review_id: int, snapshot_id: str, entry: Transition
    ) -> None:
        connection.execute(
            t.review_events.insert().values(
                review_id=review_id,
                version=entry.version,
                snapshot_id=snapshot_id,
                action=entry.action.value,
                actor=entry.actor.name,
                actor_role=entry.actor.role.value,
                source=entry.source.value,
                target=entry.target.value,
                comment=entry.comment,
                at=entry.at,
            )
        )

    def _guard(self, doing: str) -> Guard:
        return Guard(doing, self.engine)


def _head() -> str:
    head = ScriptDirectory(MIGRATIONS).get_current_head()
    assert head is not None
    return head


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _review_values(review: Review, at: datetime) -> dict[str, Any]:
    return {
        "state": review.state.value,
        "version": review.version,
        "submitted_by": review.submitted_by,
        "approved_by": review.approved_by,
        "approved_at": review.approved_at,
        "updated_at": at,
    }
