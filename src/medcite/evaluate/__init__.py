"""The evaluation harness: ``medcite eval`` measures medcite beside plain BM25 on public benchmarks.

It is a shell over the engine, like the CLI, and sits between them in the import
layers (``cli`` → ``evaluate`` → ``engine``): it reads benchmarks, builds their corpora
through ``Engine.ingest`` and asks questions through the same engine calls users make
(``retrieve``, ``snippets``, ``ask``, ``recognize``), so it measures exactly what ships.
No stage imports it. Metrics (``ranking``, ``overlap``, ``rouge``) are pure functions
with hand-computed oracle tests; dataset readers (``datasets``) turn each benchmark's
own files into the shared ``cases``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from medcite.evaluate.names import Dataset

if TYPE_CHECKING:
    from medcite.evaluate.harness import DATA_ENV, dataset_path, evaluate
    from medcite.evaluate.report import Report, report_view
    from medcite.evaluate.splits import Split

_HOMES = {
    "DATA_ENV": "harness",
    "dataset_path": "harness",
    "evaluate": "harness",
    "Report": "report",
    "report_view": "report",
    "Split": "splits",
}
__all__ = ["DATA_ENV", "Dataset", "Report", "Split", "dataset_path", "evaluate", "report_view"]


def __getattr__(name: str) -> Any:
    """The harness and the report are imported when first used (PEP 562): the CLI's help
    needs only the benchmarks' names."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
