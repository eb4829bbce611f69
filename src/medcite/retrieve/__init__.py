"""The ``retrieve`` stage: concept-expanded search plans, re-ranking and the topic guard."""

from medcite.retrieve.passages import best_passage_scores
from medcite.retrieve.plan import concept_clauses, facet_plan, search_plan
from medcite.retrieve.rank import Candidate, Ranking, is_off_topic, rank_candidates

__all__ = [
    "Candidate",
    "Ranking",
    "best_passage_scores",
    "concept_clauses",
    "facet_plan",
    "is_off_topic",
    "rank_candidates",
    "search_plan",
]
