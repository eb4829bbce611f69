"""The ``compose`` stage: retrieved, graded records → an extractive, verified answer page."""

from medcite.compose.audience import POLICIES, AudiencePolicy
from medcite.compose.checks import check_question
from medcite.compose.page import compose_answer
from medcite.compose.verify import statement_matches_source, verify_answer

__all__ = [
    "POLICIES",
    "AudiencePolicy",
    "check_question",
    "compose_answer",
    "statement_matches_source",
    "verify_answer",
]
