"""Training commands: models that medcite ships, rebuilt from the data they were made from.

Each trainer reads its corpus with medcite's own readers and splitter, so a model
learns from exactly what it will see, and hands the examples to the algorithm that the
stage owning the model defines (``medcite.evidence.roles.training`` for sentence roles).
Training needs the optional ``train`` extra (numpy, scikit-learn); using a shipped model
does not.
"""

from medcite.train.roles import (
    RoleTrainingRun,
    compare_role_settings,
    read_labelled_abstracts,
    train_roles,
)

__all__ = ["RoleTrainingRun", "compare_role_settings", "read_labelled_abstracts", "train_roles"]
