"""The ``compose`` stage: retrieved records → an extractive, verified answer as data."""

from medcite.compose.extractive import check_question, compose_answer
from medcite.compose.passages import best_sentences
from medcite.compose.verify import statement_matches_source, verify_answer

__all__ = [
    "best_sentences",
    "check_question",
    "compose_answer",
    "statement_matches_source",
    "verify_answer",
]
