"""The editorial workflow of the medical advisory board, as pure transition rules.

::

    (unreviewed) ──submit──▶ SUBMITTED ──start──▶ UNDER REVIEW ──approve──▶ APPROVED
                                 ▲                    │                      │
                                 │             request changes          flag (index rebuilt,
                                 │             (comment required)        evidence changed)
                                 │                    ▼                      ▼
                                 └──resubmit── CHANGES REQUESTED    RE-REVIEW NEEDED
                                 └──resubmit (a new version, re-asked) ──────┘

Every action is a row of :data:`RULES`: the states it starts from, the state it leads to,
the permission it needs, whether a comment (the "why") is required, and whether it opens a
new version. :func:`apply_action` checks a request against its rule and returns the next
review and the audit entry to append, or raises — it reads no clock and touches no storage,
so the rules are property-tested on their own (tests/unit/test_review_workflow.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from medcite.accounts import Actor, Permission, require
from medcite.errors import WorkflowError


class ReviewState(StrEnum):
    """Where an answer snapshot stands with the advisory board."""

    UNREVIEWED = "unreviewed"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    REREVIEW_NEEDED = "rereview_needed"

    @property
    def label(self) -> str:
        """The words the status banner shows."""
        return self.value.replace("_", " ").capitalize().replace("Rereview", "Re-review")


class ReviewAction(StrEnum):
    """What someone can do to a review."""

    SUBMIT = "submit"
    START_REVIEW = "start_review"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    RESUBMIT = "resubmit"
    FLAG_FOR_REREVIEW = "flag_for_rereview"


@dataclass(frozen=True, slots=True)
class Rule:
    """One allowed action: from which states, to which, needing what."""

    sources: frozenset[ReviewState]
    target: ReviewState
    permission: Permission
    needs_comment: bool = False
    new_version: bool = False


RULES: dict[ReviewAction, Rule] = {
    ReviewAction.SUBMIT: Rule(
        frozenset({ReviewState.UNREVIEWED}), ReviewState.SUBMITTED, Permission.SUBMIT
    ),
    ReviewAction.START_REVIEW: Rule(
        frozenset({ReviewState.SUBMITTED}), ReviewState.UNDER_REVIEW, Permission.REVIEW
    ),
    ReviewAction.APPROVE: Rule(
        frozenset({ReviewState.UNDER_REVIEW}), ReviewState.APPROVED, Permission.REVIEW
    ),
    ReviewAction.REQUEST_CHANGES: Rule(
        frozenset({ReviewState.UNDER_REVIEW}),
        ReviewState.CHANGES_REQUESTED,
        Permission.REVIEW,
        needs_comment=True,
    ),
    ReviewAction.RESUBMIT: Rule(
        frozenset({ReviewState.CHANGES_REQUESTED, ReviewState.REREVIEW_NEEDED}),
        ReviewState.SUBMITTED,
        Permission.SUBMIT,
        new_version=True,
    ),
    ReviewAction.FLAG_FOR_REREVIEW: Rule(
        frozenset({ReviewState.APPROVED}),
        ReviewState.REREVIEW_NEEDED,
        Permission.REVIEW,
        needs_comment=True,
    ),
}


@dataclass(frozen=True, slots=True)
class Review:
    """A review's current state: the version under review and who did what to it.

    ``submitted_by`` submitted the current version; ``approved_by``/``approved_at`` are set
    only while the review is approved (a flag or a new version clears them).
    """

    state: ReviewState = ReviewState.UNREVIEWED
    version: int = 0
    submitted_by: str = ""
    approved_by: str = ""
    approved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Transition:
    """One entry of the append-only audit log: who did what, when, why, from and to."""

    action: ReviewAction
    actor: Actor
    at: datetime
    source: ReviewState
    target: ReviewState
    version: int
    comment: str


def start_review() -> Review:
    """A review before anything happened to it."""
    return Review()


def apply_action(
    review: Review, action: ReviewAction, actor: Actor, at: datetime, comment: str = ""
) -> tuple[Review, Transition]:
    """The review after ``actor`` does ``action`` at ``at``, and the audit entry recording it.

    Raises :class:`~medcite.errors.RoleError` when the actor's role does not allow the action
    and :class:`~medcite.errors.WorkflowError` when the state does not, when a required
    comment is missing, or when a reviewer would approve a version they submitted themselves
    (the board's four-eyes rule).
    """
    rule = RULES[action]
    require(actor, rule.permission)
    if review.state not in rule.sources:
        allowed = ", ".join(sorted(state.label.lower() for state in rule.sources))
        raise WorkflowError(
            f"cannot {action.value.replace('_', ' ')} an answer that is "
            f"{review.state.label.lower()} (only when {allowed})"
        )
    comment = comment.strip()
    if rule.needs_comment and not comment:
        raise WorkflowError(f"{action.value.replace('_', ' ')} needs a comment saying why")
    if action is ReviewAction.APPROVE and actor.name == review.submitted_by:
        raise WorkflowError("a reviewer cannot approve a version they submitted themselves")
    version = review.version + 1 if rule.new_version or review.version == 0 else review.version
    after = replace(review, state=rule.target, version=version)
    if action in (ReviewAction.SUBMIT, ReviewAction.RESUBMIT):
        after = replace(after, submitted_by=actor.name)
    if rule.target is ReviewState.APPROVED:
        after = replace(after, approved_by=actor.name, approved_at=at)
    else:
        after = replace(after, approved_by="", approved_at=None)
    return after, Transition(action, actor, at, review.state, rule.target, version, comment)


def available_actions(review: Review, actor: Actor) -> tuple[ReviewAction, ...]:
    """The actions ``actor`` could take on ``review`` now (buttons a page may offer)."""
    return tuple(
        action
        for action, rule in RULES.items()
        if review.state in rule.sources
        and actor.may(rule.permission)
        and not (action is ReviewAction.APPROVE and actor.name == review.submitted_by)
    )
