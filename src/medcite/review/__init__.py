"""The editorial review workflow as pure transitions (no storage, no clock, no web)."""

from medcite.review.evidence_changes import cited_evidence, evidence_changes
from medcite.review.workflow import (
    RULES,
    Review,
    ReviewAction,
    ReviewState,
    Rule,
    Transition,
    apply_action,
    available_actions,
    start_review,
)

__all__ = [
    "RULES",
    "Review",
    "ReviewAction",
    "ReviewState",
    "Rule",
    "Transition",
    "apply_action",
    "available_actions",
    "cited_evidence",
    "evidence_changes",
    "start_review",
]
