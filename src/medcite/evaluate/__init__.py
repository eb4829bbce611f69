"""The evaluation harness: ``medcite eval`` measures medcite beside plain BM25 on public benchmarks.

It is a shell over the engine, like the CLI, and sits between them in the import
layers (``cli`` → ``evaluate`` → ``engine``): it reads benchmarks, builds their corpora
through ``Engine.ingest`` and asks questions through the same engine calls users make
(``retrieve``, ``snippets``, ``ask``, ``recognize``), so it measures exactly what ships.
No stage imports it. Metrics (``ranking``, ``overlap``, ``rouge``) are pure functions
with hand-computed oracle tests; dataset readers (``datasets``) turn each benchmark's
own files into the shared ``cases``.

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1): the CLI's help needs only the benchmarks' names.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
