"""The engine: one data directory's store, index and vocabularies, and what users run on them.

Every shell (CLI, HTTP API, web pages, evaluation harness) calls :class:`Engine`; only
this package knows all the stages.

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1): an ingest worker process imports only
``engine.prepare``, not the whole engine and its settings.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
"""The names ``medcite.engine`` exports, each imported from its module when first used."""
