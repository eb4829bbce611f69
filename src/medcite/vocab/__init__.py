"""The ``vocab`` stage: controlled vocabularies (MeSH descriptors and supplementary
concept records, Disease Ontology) read and stored.

The user supplies the files (NLM's MeSH download page, the Disease Ontology releases);
medcite bundles none. Readers turn each format into ``records.Concept``s; the store
keeps them, with tree numbers and parents for broader/narrower look-ups.

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1), so a command starts without the parts it does not use.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
