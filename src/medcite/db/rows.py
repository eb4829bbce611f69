"""What the database hands back: typed, immutable rows (never SQLAlchemy objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from medcite.accounts import Actor, Role
from medcite.records import Answer
from medcite.review import Review, ReviewAction, ReviewState


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
