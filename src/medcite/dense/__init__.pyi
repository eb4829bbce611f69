"""The names ``medcite.dense`` exports, each imported from its module when first used."""

from .extra import dense_extra_missing, require_dense_extra
from .fusion import FUSERS, Fuser, fuse, linear_fusion, reciprocal_rank_fusion

__all__ = [
    "FUSERS",
    "Fuser",
    "dense_extra_missing",
    "fuse",
    "linear_fusion",
    "reciprocal_rank_fusion",
    "require_dense_extra",
]
