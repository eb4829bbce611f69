"""The ``compose`` stage: retrieved, graded records → an extractive, verified answer page.

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1), so a command that answers nothing starts without them.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
