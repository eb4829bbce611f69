"""The ``retrieve`` stage: concept-expanded search plans, re-ranking and the topic guard.

``retrieve(question, …)`` is the whole algorithm (``retriever``), given the index, the
store and a topic reader as small protocols; ``plan`` turns a question into what the
index is asked, ``best_passage`` scores each record's best passage, ``rank`` re-ranks and
refuses records mainly about another disease.
"""

from medcite.retrieve.best_passage import best_passage_scores
from medcite.retrieve.plan import concept_clauses, facet_plan, search_plan
from medcite.retrieve.rank import Candidate, Ranking, is_off_topic, rank_candidates
from medcite.retrieve.retriever import (
    RecordSource,
    Retrieval,
    Searcher,
    TopicReader,
    reordered,
    retrieve,
)

__all__ = [
    "Candidate",
    "Ranking",
    "RecordSource",
    "Retrieval",
    "Searcher",
    "TopicReader",
    "best_passage_scores",
    "concept_clauses",
    "facet_plan",
    "is_off_topic",
    "rank_candidates",
    "reordered",
    "retrieve",
    "search_plan",
]
