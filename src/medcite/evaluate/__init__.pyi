"""The names ``medcite.evaluate`` exports, each imported from its module when first used."""

from .harness import DATA_ENV, dataset_path, evaluate
from .names import Dataset
from .report import Report, report_view
from .splits import Split

__all__ = ["DATA_ENV", "Dataset", "Report", "Split", "dataset_path", "evaluate", "report_view"]
