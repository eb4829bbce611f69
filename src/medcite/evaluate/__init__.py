"""The evaluation harness: ``medcite eval`` measures medcite beside plain BM25 on public benchmarks.

It is a shell over the engine, like the CLI, and sits between them in the import
layers (``cli`` → ``evaluate`` → ``engine``): it reads benchmarks, builds their corpora
through ``Engine.ingest`` and asks questions through the same engine calls users make
(``retrieve``, ``snippets``, ``ask``, ``recognize``), so it measures exactly what ships.
No stage imports it. Metrics (``ranking``, ``overlap``, ``rouge``) are pure functions
with hand-computed oracle tests; dataset readers (``datasets``) turn each benchmark's
own files into the shared ``cases``.
"""

from medcite.evaluate.harness import DATA_ENV, Dataset, dataset_path, evaluate
from medcite.evaluate.report import Report, report_view
from medcite.evaluate.splits import Split

__all__ = ["DATA_ENV", "Dataset", "Report", "Split", "dataset_path", "evaluate", "report_view"]
