"""The review workflow's rules, checked on every sequence of actions hypothesis can find."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcite.accounts import Actor, Role
from medcite.errors import RoleError, WorkflowError
from medcite.review import (
    RULES,
    Review,
    ReviewAction,
    ReviewState,
    apply_action,
    available_actions,
    start_review,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)
ACTORS = [Actor(f"{role}-{n}", role) for role in Role for n in (1, 2)]
# No deadline: the rules are pure and fast, but CI shares two cores with other jobs.
thorough = settings(deadline=None, max_examples=300)
steps = st.lists(
    st.tuples(st.sampled_from(ReviewAction), st.sampled_from(ACTORS), st.sampled_from(["", "why"])),
    max_size=30,
)


def run(sequence: list[tuple[ReviewAction, Actor, str]]):  # type: ignore[no-untyped-def]
    """Apply every step that the rules accept; yield (before, step, after or error)."""
    review = start_review()
    for i, (action, actor, comment) in enumerate(sequence):
        at = T0 + timedelta(minutes=i)
        try:
            after, entry = apply_action(review, action, actor, at, comment)
        except (RoleError, WorkflowError) as exc:
            yield review, (action, actor, comment), exc
            continue
        yield review, (action, actor, comment), (after, entry)
        review = after


@thorough
@given(steps)
def test_accepted_steps_follow_the_rule_table_and_refused_ones_change_nothing(sequence) -> None:  # type: ignore[no-untyped-def]
    for before, (action, actor, comment), outcome in run(sequence):
        rule = RULES[action]
        allowed = (
            before.state in rule.sources
            and actor.may(rule.permission)
            and (comment or not rule.needs_comment)
            and not (action is ReviewAction.APPROVE and actor.name == before.submitted_by)
        )
        if isinstance(outcome, Exception):
            assert not allowed, (before, action, actor, outcome)
            if not actor.may(rule.permission):
                assert isinstance(outcome, RoleError)
        else:
            after, entry = outcome
            assert allowed
            assert after.state is rule.target is entry.target
            assert entry.source is before.state and entry.actor == actor
            assert entry.comment == comment.strip()


@thorough
@given(steps)
def test_versions_only_grow_and_only_a_resubmission_opens_a_new_one(sequence) -> None:  # type: ignore[no-untyped-def]
    for before, (action, _actor, _comment), outcome in run(sequence):
        if isinstance(outcome, Exception):
            continue
        after, entry = outcome
        if action is ReviewAction.RESUBMIT or before.version == 0:
            assert after.version == before.version + 1
        else:
            assert after.version == before.version
        assert entry.version == after.version


@thorough
@given(steps)
def test_only_reviewers_and_admins_approve_and_never_their_own_submission(sequence) -> None:  # type: ignore[no-untyped-def]
    for before, _step, outcome in run(sequence):
        if isinstance(outcome, Exception):
            continue
        after, entry = outcome
        if after.state is ReviewState.APPROVED:
            assert entry.action is ReviewAction.APPROVE
            assert before.state is ReviewState.UNDER_REVIEW
            assert entry.actor.role in (Role.REVIEWER, Role.ADMIN)
            assert after.approved_by == entry.actor.name != after.submitted_by
            assert after.approved_at == entry.at
        else:
            assert after.approved_by == "" and after.approved_at is None


@thorough
@given(steps)
def test_offered_actions_are_exactly_the_ones_accepted_with_a_comment(sequence) -> None:  # type: ignore[no-untyped-def]
    for before, (_action, actor, _comment), _outcome in run(sequence):
        for action in ReviewAction:
            try:
                apply_action(before, action, actor, T0, "a reason")
            except (RoleError, WorkflowError):
                assert action not in available_actions(before, actor)
            else:
                assert action in available_actions(before, actor)


def test_a_full_round_with_changes_requested() -> None:
    editor, reviewer = Actor("ed", Role.EDITOR), Actor("rev", Role.REVIEWER)
    review = Review()
    review, _ = apply_action(review, ReviewAction.SUBMIT, editor, T0)
    review, _ = apply_action(review, ReviewAction.START_REVIEW, reviewer, T0)
    with pytest.raises(WorkflowError, match="needs a comment"):
        apply_action(review, ReviewAction.REQUEST_CHANGES, reviewer, T0, "  ")
    with pytest.raises(RoleError, match="may not review"):
        apply_action(review, ReviewAction.APPROVE, editor, T0)
    review, entry = apply_action(review, ReviewAction.REQUEST_CHANGES, reviewer, T0, "cite [2]")
    assert (review.state, review.version, entry.comment) == (
        ReviewState.CHANGES_REQUESTED,
        1,
        "cite [2]",
    )
    review, _ = apply_action(review, ReviewAction.RESUBMIT, editor, T0)
    assert (review.state, review.version) == (ReviewState.SUBMITTED, 2)
    review, _ = apply_action(review, ReviewAction.START_REVIEW, reviewer, T0)
    review, _ = apply_action(review, ReviewAction.APPROVE, reviewer, T0)
    assert (review.state, review.approved_by) == (ReviewState.APPROVED, "rev")
    with pytest.raises(WorkflowError, match=r"that is approved \(only when submitted\)"):
        apply_action(review, ReviewAction.START_REVIEW, reviewer, T0)
