"""The ``render`` stage: pure formatting of answers and records (text, Markdown, JSON, HTML),
and reference exports (RIS, BibTeX, CSL-JSON).

Answers are rendered through one registry, :func:`render` (``render.formats``). The names
are listed once, in ``__init__.pyi``, and each is imported from its module when first used
(lazy_loader, SPEC 1), so a command that renders nothing (``medcite --help``) imports no
renderer.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
