"""The database contract, run on SQLite and on PostgreSQL alike (fixture ``database``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from medcite.accounts import Actor, Role
from medcite.db import AnswerSnapshot, Database
from medcite.db.tables import metadata
from medcite.errors import ConfigError, NotFoundError, WorkflowError
from medcite.records import Answer, AnswerSection, Provenance, Reference, Statement
from medcite.review import ReviewAction, ReviewState, apply_action, start_review

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
EDITOR, REVIEWER = Actor("ed", Role.EDITOR), Actor("rev", Role.REVIEWER)


def answer(question: str = "Does <b>x</b> help?") -> Answer:
    statement = Statement("X helped in 30 of 40.", (1,), "pmid:1", 1, "RESULTS", 0, 21)
    return Answer(
        question=question,
        sections=(AnswerSection("Bottom line", (statement,)),),
        references=(Reference(1, "pmid:1", "A trial of x", pmid="1", year=2020),),
        provenance=Provenance("snap-1", "hash-1", 12.5),
        notes=("a note",),
    )


def snapshot(snapshot_id: str = "s1", question: str = "Does <b>x</b> help?") -> AnswerSnapshot:
    return AnswerSnapshot(
        snapshot_id, question, "clinician", snapshot_id, "", answer(question), T0, "anonymous"
    )


def test_migrations_build_exactly_the_declared_schema(database: Database) -> None:
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []
    database.check_schema()


def test_an_unmigrated_database_is_refused_with_the_command_that_fixes_it(
    database_url: str,
) -> None:
    db = Database.open(database_url)
    with pytest.raises(ConfigError, match="run `medcite db upgrade`"):
        db.check_schema()
    assert db.upgrade() == db.revision() != ""
    assert db.upgrade() == db.revision()  # idempotent
    db.close()


def test_users_are_added_once_listed_and_disabled(database: Database) -> None:
    database.add_user("ed", Role.EDITOR, "hash-a", T0)
    database.add_user("ann", Role.ADMIN, "hash-b", T0)
    with pytest.raises(WorkflowError, match="already exists"):
        database.add_user("ed", Role.ADMIN, "other", T0)
    assert [(u.username, u.role) for u in database.users()] == [
        ("ann", Role.ADMIN),
        ("ed", Role.EDITOR),
    ]
    database.set_user_active("ed", False)
    database.set_password_hash("ed", "hash-c")
    user = database.user("ed")
    assert user is not None and (user.active, user.password_hash, user.created_at) == (
        False,
        "hash-c",
        T0,
    )
    assert database.user("nobody") is None
    with pytest.raises(NotFoundError):
        database.set_user_active("nobody", True)


def test_snapshots_round_trip_and_are_kept_once(database: Database) -> None:
    kept = database.keep_snapshot(snapshot())
    again = database.keep_snapshot(replace(snapshot(), created_at=T0 + timedelta(days=1)))
    assert kept == again == snapshot()
    assert database.snapshot("s1") == snapshot()
    with pytest.raises(NotFoundError, match="no answer snapshot"):
        database.snapshot("nope")


def test_a_review_records_every_transition_in_an_append_only_log(database: Database) -> None:
    database.keep_snapshot(snapshot())
    review, entry = apply_action(start_review(), ReviewAction.SUBMIT, EDITOR, T0)
    review_id = database.create_review(snapshot(), review, entry)
    with pytest.raises(WorkflowError, match="already in review"):
        database.create_review(snapshot(), review, entry)
    steps = [
        (ReviewAction.START_REVIEW, ""),
        (ReviewAction.REQUEST_CHANGES, "cite the trial"),
        (ReviewAction.RESUBMIT, ""),
        (ReviewAction.START_REVIEW, ""),
        (ReviewAction.APPROVE, "fine"),
    ]
    for minutes, (action, comment) in enumerate(steps, start=1):
        stored = database.review(review_id)
        actor = EDITOR if action is ReviewAction.RESUBMIT else REVIEWER
        at = T0 + timedelta(minutes=minutes)
        after, entry = apply_action(stored.review, action, actor, at, comment)
        database.record_transition(stored, after, entry)
    stored = database.review(review_id)
    assert (stored.state, stored.review.version, stored.review.approved_by) == (
        ReviewState.APPROVED,
        2,
        "rev",
    )
    assert stored.review.approved_at == T0 + timedelta(minutes=5)
    log = database.audit_log(review_id)
    assert [(e.action, e.actor, e.version, e.comment) for e in log] == [
        (ReviewAction.SUBMIT, "ed", 1, ""),
        (ReviewAction.START_REVIEW, "rev", 1, ""),
        (ReviewAction.REQUEST_CHANGES, "rev", 1, "cite the trial"),
        (ReviewAction.RESUBMIT, "ed", 2, ""),
        (ReviewAction.START_REVIEW, "rev", 2, ""),
        (ReviewAction.APPROVE, "rev", 2, "fine"),
    ]
    assert database.review_of_snapshot("s1") == stored
    with database.engine.connect() as connection:
        for statement in ("UPDATE review_events SET actor = 'x'", "DELETE FROM review_events"):
            with pytest.raises(sa.exc.DBAPIError, match="append-only"):
                connection.execute(sa.text(statement))
            connection.rollback()
    assert len(database.audit_log(review_id)) == 6


def test_a_stale_decision_loses_to_the_one_recorded_first(database: Database) -> None:
    database.keep_snapshot(snapshot())
    review, entry = apply_action(start_review(), ReviewAction.SUBMIT, EDITOR, T0)
    stored = database.review(database.create_review(snapshot(), review, entry))
    first, first_entry = apply_action(stored.review, ReviewAction.START_REVIEW, REVIEWER, T0)
    database.record_transition(stored, first, first_entry)
    with pytest.raises(WorkflowError, match="changed meanwhile"):
        database.record_transition(stored, first, first_entry)
    assert len(database.audit_log(stored.id)) == 2


@pytest.mark.parametrize("text", ["'; DROP TABLE reviews; --", "100%", "a_b", "\\", '" OR 1=1 --'])
def test_searching_reviews_treats_sql_and_wildcards_as_plain_text(
    database: Database, text: str
) -> None:
    for n, question in enumerate(["plain question", f"about {text} exactly"]):
        database.keep_snapshot(snapshot(f"s{n}", question))
        review, entry = apply_action(start_review(), ReviewAction.SUBMIT, EDITOR, T0)
        database.create_review(snapshot(f"s{n}", question), review, entry)
    found = database.reviews(text=text)
    assert [r.question for r in found] == [f"about {text} exactly"]
    assert len(database.reviews([ReviewState.SUBMITTED])) == 2
    assert database.reviews([ReviewState.APPROVED]) == []
