"""The base of every record: an immutable, slotted, strict msgspec struct."""

from __future__ import annotations

import msgspec


class Frozen(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    """Base of every record: immutable, slotted, hashable, strict about unknown fields.

    Untracked by Python's cycle collector (``gc=False``): a record holds only strings,
    numbers, enums, tuples and other records, built inner first and never changed, so
    it can never be part of a reference cycle. Tracked, the forty-odd records of each
    PubMed citation made every collection walk them: about a tenth of the ingesting
    process's time on the demo baseline file (timed with ``gc.callbacks``).
    ``tests/unit/test_record_types.py`` keeps every field of every record type
    immutable, which is what makes this safe.

    Subclasses restate ``frozen=True`` only so type checkers see it (msgspec inherits it).
    """
