"""The names ``medcite.compose`` exports, each imported from its module when first used."""

from .audience import POLICIES, AudiencePolicy
from .checks import check_question
from .page import compose_answer
from .verify import statement_matches_source, verify_answer

__all__ = [
    "POLICIES",
    "AudiencePolicy",
    "check_question",
    "compose_answer",
    "statement_matches_source",
    "verify_answer",
]
