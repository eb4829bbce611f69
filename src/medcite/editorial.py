"""The editorial desk: answers kept as snapshots, and the review workflow around them.

It wires the engine (answers), the database (snapshots, reviews, audit log) and the pure
review rules; the web app and the CLI are shells over it, and never reach past it into
the database (an import-linter contract keeps ``medcite.web`` away from ``medcite.db``).
Accounts, sign-in and sessions are its :attr:`Editorial.access`. Engine calls are
serialised by a lock: the engine's store connection and index searcher are one per
process, an answer takes tens of milliseconds, and a deployment scales by worker
processes (``--workers``).

Audience and conversation are recorded with each snapshot and go to the engine: a follow-up
is read against the understood question of the snapshot it follows (``previous``), so it
inherits that question's condition and population, whoever else follows up the same page.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from medcite.access import Access
from medcite.accounts import SYSTEM, Actor, Permission, require
from medcite.db import AnswerSnapshot, AuditEntry, Database, StoredReview, User, database_url
from medcite.engine import Engine, Stats
from medcite.errors import QuestionError, WorkflowError
from medcite.records import Answer, Audience, Record, SearchHit
from medcite.review import (
    ReviewAction,
    ReviewState,
    apply_action,
    evidence_changes,
    start_review,
)
from medcite.safe_text import clean_text
from medcite.settings import Settings

__all__ = [
    "AUDIENCES",
    "AnswerSnapshot",
    "AuditEntry",
    "Clock",
    "Editorial",
    "StoredReview",
    "User",
    "snapshot_id",
    "utc_now",
]

AUDIENCES = tuple(audience.value for audience in Audience)
"""Who the answer is for ("which best describes you?"); clinician is the default."""

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC (the desk's default clock)."""
    return datetime.now(UTC)


def snapshot_id(question: str, audience: str, parent_id: str, answer: Answer) -> str:
    """A stable id for what produced an answer: same inputs, same index → same permanent URL."""
    provenance = answer.provenance
    key = [question, audience, parent_id, provenance.index_snapshot, provenance.settings_hash]
    return hashlib.sha256(json.dumps(key).encode()).hexdigest()[:20]


class Editorial:
    """Asking, keeping, submitting and reviewing answers over one engine and database."""

    def __init__(self, engine: Engine, database: Database, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.database = database
        self.access = Access(database, engine.settings.web)
        self._clock = clock
        self._engine_lock = threading.Lock()

    @classmethod
    def open(cls, settings: Settings) -> Editorial:
        """The desk over the data directory and database of ``settings``; the database
        must be at the current schema (``medcite db upgrade``)."""
        database = Database.open(database_url(settings))
        try:
            database.check_schema()
            engine = Engine.open(settings)
        except BaseException:
            database.close()
            raise
        return cls(engine, database)

    def close(self) -> None:
        """Close the engine and the database connections."""
        self.engine.close()
        self.database.close()

    def ready(self) -> Stats:
        """What a readiness probe needs: the database at the current schema, and the
        engine's counts (raises :class:`ConfigError` or :class:`IndexStateError`)."""
        self.database.check_schema()
        with self._engine_lock:
            return self.engine.stats(check_files=False)

    # -- answers -----------------------------------------------------------------------

    def ask(
        self, question: str, audience: str = "clinician", conversation: str = "", asked_by: str = ""
    ) -> AnswerSnapshot:
        """Answer ``question`` and keep the answer as a snapshot with a permanent id.

        ``conversation`` is the id of the snapshot this question follows up ("" for a new
        conversation); the new snapshot joins that snapshot's conversation.
        """
        question = clean_text(question)
        if audience not in AUDIENCES:
            raise QuestionError(f"audience must be one of {', '.join(AUDIENCES)}, not {audience!r}")
        parent = self.database.snapshot(conversation) if conversation else None
        answer = self._answer(question, audience, parent)
        new_id = snapshot_id(answer.question, audience, conversation, answer)
        snapshot = AnswerSnapshot(
            id=new_id,
            question=answer.question,
            audience=audience,
            conversation_id=parent.conversation_id if parent else new_id,
            parent_id=parent.id if parent else "",
            answer=answer,
            created_at=self._clock(),
            asked_by=asked_by or "anonymous",
        )
        return self.database.keep_snapshot(snapshot)

    def preview(self, question: str, audience: str = "clinician", conversation: str = "") -> Answer:
        """An answer that is not kept (for a GET, which must change nothing)."""
        question = clean_text(question)
        if audience not in AUDIENCES:
            raise QuestionError(f"audience must be one of {', '.join(AUDIENCES)}, not {audience!r}")
        parent = self.database.snapshot(conversation) if conversation else None
        return self._answer(question, audience, parent)

    def _answer(self, question: str, audience: str, parent: AnswerSnapshot | None) -> Answer:
        """The engine's answer, read as a follow-up of the snapshot followed up, if any."""
        previous = parent.answer.understanding if parent is not None else None
        with self._engine_lock:
            return self.engine.ask(question, audience=Audience(audience), previous=previous)

    def snapshot(self, snapshot_id: str) -> AnswerSnapshot:
        """A kept answer by id (raises :class:`NotFoundError`)."""
        found = self.database.snapshot(snapshot_id)
        assert found is not None
        return found

    def search(self, text: str, limit: int) -> list[tuple[SearchHit, Record]]:
        """Records matching ``text`` (BM25), best first."""
        with self._engine_lock:
            return self.engine.search(text, limit)

    def show(self, record_id: str) -> Record:
        """One stored record."""
        with self._engine_lock:
            return self.engine.show(record_id)

    # -- reviews -----------------------------------------------------------------------

    def submit(self, snapshot_id: str, actor: Actor, comment: str = "") -> StoredReview:
        """Submit a kept answer for review (an editor's action)."""
        snapshot = self.snapshot(snapshot_id)
        review, entry = apply_action(
            start_review(), ReviewAction.SUBMIT, actor, self._clock(), clean_text(comment)
        )
        return self.database.review(self.database.create_review(snapshot, review, entry))

    def act(
        self, review_id: int, action: ReviewAction, actor: Actor, comment: str = ""
    ) -> StoredReview:
        """Take ``action`` on a review; a resubmission re-asks the question for a new version."""
        if action is ReviewAction.SUBMIT:
            raise WorkflowError(
                "a review is already submitted; submit takes an answer snapshot, not a review",
                code="not_a_review_action",
            )
        stored = self.database.review(review_id)
        review, entry = apply_action(
            stored.review, action, actor, self._clock(), clean_text(comment)
        )
        new_snapshot = ""
        if review.version != stored.review.version:
            current = self.snapshot(stored.snapshot_id)
            again = self.ask(
                current.question, current.audience, current.parent_id, asked_by=actor.name
            )
            new_snapshot = again.id
        self.database.record_transition(stored, review, entry, new_snapshot)
        return self.database.review(review_id)

    def approved(self, text: str = "", limit: int = 100) -> list[StoredReview]:
        """The library: approved answers whose question contains ``text``."""
        return self.database.reviews([ReviewState.APPROVED], clean_text(text), limit)

    def reviews(
        self, states: Sequence[ReviewState] = (), text: str = "", limit: int = 100
    ) -> list[StoredReview]:
        """Reviews in ``states`` (all when empty) whose question contains ``text``, newest first."""
        return self.database.reviews(states, clean_text(text), limit)

    def review(self, review_id: int) -> StoredReview:
        """One review (raises :class:`NotFoundError`)."""
        return self.database.review(review_id)

    def review_of_snapshot(self, snapshot_id: str) -> StoredReview | None:
        """The review one of whose versions is ``snapshot_id``, if it was ever submitted."""
        return self.database.review_of_snapshot(snapshot_id)

    def audit_log(self, review_id: int) -> list[AuditEntry]:
        """Every transition of a review, oldest first."""
        return self.database.audit_log(review_id)

    def recheck_approved(self, actor: Actor = SYSTEM) -> list[StoredReview]:
        """Re-ask every approved question; flag for re-review those whose evidence changed.

        Run after the index is rebuilt (``medcite index rebuild`` does it, and
        ``medcite review recheck`` on demand). Returns the reviews flagged.
        """
        require(actor, Permission.REVIEW)
        flagged = []
        for stored in self.approved(limit=100_000):
            approved = self.snapshot(stored.snapshot_id)
            parent = self.database.snapshot(approved.parent_id) if approved.parent_id else None
            current = self._answer(approved.question, approved.audience, parent)
            reason = evidence_changes(approved.answer, current)
            if reason:
                flagged.append(self._flag(stored, actor, reason))
        return flagged

    def _flag(self, stored: StoredReview, actor: Actor, reason: str) -> StoredReview:
        review, entry = apply_action(
            stored.review, ReviewAction.FLAG_FOR_REREVIEW, actor, self._clock(), reason
        )
        self.database.record_transition(stored, review, entry)
        return self.database.review(stored.id)
