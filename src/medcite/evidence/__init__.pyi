"""The names ``medcite.evidence`` exports, each imported from its module when first used."""

from .features import FEATURES
from .grade import LEVEL_OF_DESIGN, grade_record
from .numbers import find_numbers
from .ranking import best_sentences, rank_by_evidence
from .readability import readability
from .relevance import RelevanceModel, Tree, load_model, relevance_model, shipped_model
from .roles import (
    LabelledAbstract,
    RoleTraining,
    compare_on_dev,
    encode_role_model,
    labelled_abstract,
    role_model_version,
    sentence_roles,
    train_role_model,
)
from .sample_size import sample_size
from .weigh import ConceptSpotter, RecordSpotter, WordStatistics, read_evidence, weigh_evidence

__all__ = [
    "FEATURES",
    "LEVEL_OF_DESIGN",
    "ConceptSpotter",
    "LabelledAbstract",
    "RecordSpotter",
    "RelevanceModel",
    "RoleTraining",
    "Tree",
    "WordStatistics",
    "best_sentences",
    "compare_on_dev",
    "encode_role_model",
    "find_numbers",
    "grade_record",
    "labelled_abstract",
    "load_model",
    "rank_by_evidence",
    "read_evidence",
    "readability",
    "relevance_model",
    "role_model_version",
    "sample_size",
    "sentence_roles",
    "shipped_model",
    "train_role_model",
    "weigh_evidence",
]
