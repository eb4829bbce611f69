"""Sentence roles: what each sentence of an abstract does (background, methods, results,
conclusions, … or a funding, registration, conflict, ethics, data or copyright line).

* ``sentence_roles(record, sentences) -> tuple[RoleEstimate, ...]``: a label's role where
  a label says it, an administrative kind where a pattern shows one, else the trained
  model's estimate with the probability of each rhetorical role;
* ``role_model_version()``: the shipped model's version, for an answer's provenance;
* ``training``: the algorithm that rebuilds the shipped model (``medcite train roles``).
"""

from medcite.evidence.roles.administrative import administrative_role
from medcite.evidence.roles.assign import decided_roles, sentence_roles
from medcite.evidence.roles.labels import label_role
from medcite.evidence.roles.model import (
    FeatureSet,
    RoleModel,
    abstract_features,
    read_role_model,
    shipped_role_model,
)
from medcite.evidence.roles.training import (
    LabelledAbstract,
    RoleFigures,
    RoleTraining,
    Split,
    compare_on_dev,
    encode_role_model,
    evaluate_role_model,
    labelled_abstract,
    split_of,
    train_role_model,
)


def role_model_version() -> str:
    """The version of the shipped role model ("roles-lr-<hash of its weights>")."""
    return shipped_role_model().version


__all__ = [
    "FeatureSet",
    "LabelledAbstract",
    "RoleFigures",
    "RoleModel",
    "RoleTraining",
    "Split",
    "abstract_features",
    "administrative_role",
    "compare_on_dev",
    "decided_roles",
    "encode_role_model",
    "evaluate_role_model",
    "label_role",
    "labelled_abstract",
    "read_role_model",
    "role_model_version",
    "sentence_roles",
    "shipped_role_model",
    "split_of",
    "train_role_model",
]
