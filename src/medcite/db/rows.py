"""What the database hands back: typed, immutable rows (never SQLAlchemy objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import msgspec

from medcite.accounts import Actor, Role
from medcite.records import Answer
from medcite.review import Review, ReviewAction, ReviewState

_decode_answer = msgspec.json.Decoder(Answer).decode


@dataclass(frozen=True, slots=True)
class User:
    """An account. ``password_hash`` is Argon2id; disabled accounts cannot sign in."""

    username: str
    role: Role
    password_hash: str
    active: bool
    created_at: datetime

    @property
    def actor(self) -> Actor:
        """The account as the actor of what it does."""
        return Actor(self.username, self.role)


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A signed-in session as the database keeps it: the hash of its id, never the id."""

    id_hash: str
    username: str
    created_at: datetime
    last_seen_at: datetime


@dataclass(frozen=True, slots=True)
class AnswerSnapshot:
    """An answer frozen as it was given: question, audience, the answer and its provenance.

    ``id`` is derived from what produced the answer (question, audience, the conversation
    turn it follows, index snapshot and settings hash), so asking the same thing of the
    same index gives the same permanent URL. ``conversation_id`` is the id of the
    conversation's first snapshot; ``parent_id`` the snapshot this one follows up.
    """

    id: str
    question: str
    audience: str
    conversation_id: str
    parent_id: str
    answer: Answer
    created_at: datetime
    asked_by: str


@dataclass(frozen=True, slots=True)
class StoredReview:
    """A review of a question's answer: its current state and current version's snapshot."""

    id: int
    snapshot_id: str
    question: str
    audience: str
    review: Review
    updated_at: datetime

    @property
    def state(self) -> ReviewState:
        """The review's current state."""
        return self.review.state


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One row of the append-only audit log."""

    id: int
    review_id: int
    version: int
    snapshot_id: str
    action: ReviewAction
    actor: str
    actor_role: Role
    source: ReviewState
    target: ReviewState
    comment: str
    at: datetime


def utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def user_from(row: Any) -> User:
    """A ``users`` row as a :class:`User`."""
    return User(
        row["username"],
        Role(row["role"]),
        row["password_hash"],
        row["active"],
        utc(row["created_at"]),
    )


def session_from(row: Any) -> StoredSession:
    """A ``sessions`` row as a :class:`StoredSession`."""
    return StoredSession(
        row["id_hash"], row["username"], utc(row["created_at"]), utc(row["last_seen_at"])
    )


def snapshot_from(row: Any) -> AnswerSnapshot:
    """An ``answer_snapshots`` row as an :class:`AnswerSnapshot`."""
    return AnswerSnapshot(
        id=row["id"],
        question=row["question"],
        audience=row["audience"],
        conversation_id=row["conversation_id"],
        parent_id=row["parent_id"],
        answer=_decode_answer(row["answer"]),
        created_at=utc(row["created_at"]),
        asked_by=row["asked_by"],
    )


def review_from(row: Any) -> StoredReview:
    """A ``reviews`` row as a :class:`StoredReview`."""
    approved_at = row["approved_at"]
    review = Review(
        state=ReviewState(row["state"]),
        version=row["version"],
        submitted_by=row["submitted_by"],
        approved_by=row["approved_by"],
        approved_at=None if approved_at is None else utc(approved_at),
    )
    return StoredReview(
        row["id"],
        row["snapshot_id"],
        row["question"],
        row["audience"],
        review,
        utc(row["updated_at"]),
    )


def audit_from(row: Any) -> AuditEntry:
    """A ``review_events`` row as an :class:`AuditEntry`."""
    return AuditEntry(
        id=row["id"],
        review_id=row["review_id"],
        version=row["version"],
        snapshot_id=row["snapshot_id"],
        action=ReviewAction(row["action"]),
        actor=row["actor"],
        actor_role=Role(row["actor_role"]),
        source=ReviewState(row["source"]),
        target=ReviewState(row["target"]),
        comment=row["comment"],
        at=utc(row["at"]),
    )
