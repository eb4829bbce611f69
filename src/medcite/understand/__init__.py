"""The ``understand`` stage: concepts in questions and records, through the vocabularies.

A dictionary matcher over every name of every loaded concept (``lexicon``,
``matcher``), abbreviations defined in text (``abbreviations``) or chosen by context
(``senses``), and from those the reading of a question — concepts with roles, kinds,
facets (``question``) — and of a retrieved record's topics (``topics``).

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1), so a command starts without the parts it does not use.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
