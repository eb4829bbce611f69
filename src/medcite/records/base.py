"""The base of every record: an immutable, slotted, strict msgspec struct."""

from __future__ import annotations

import msgspec


class Frozen(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base of every record: immutable, slotted, hashable, strict about unknown fields.

    Subclasses restate ``frozen=True`` only so type checkers see it (msgspec inherits it).
    """
