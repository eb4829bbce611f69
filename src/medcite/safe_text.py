"""Text as medcite keeps and shows it: NFC, no lone surrogates, no control characters.

Text arrives from places that do not guarantee any of this: the command line (invalid
UTF-8 in an argument becomes a lone surrogate under Python's ``surrogateescape``), JSON
(``"\\ud800"`` is legal syntax), MEDLINE text, JSONL and plain files. A lone surrogate
cannot be encoded, so it crashes whatever writes it (SQLite, tantivy, the terminal); a
control character reaching a terminal is an instruction to it (``ESC [ 2 J`` clears the
screen, ``ESC ] 0 ;`` retitles the window); the same letter in two Unicode forms (é as
one code point or as e + combining accent) would be two words to the index.

So text is cleaned once, where it comes in (:func:`clean_text` for a question,
:func:`clean_struct` for a whole record): lone surrogates become U+FFFD, control characters
other than tab, line feed and carriage return are dropped, and the result is NFC
(Unicode Standard Annex #15). :func:`printable` makes any string safe to print on a
terminal, for text that did not come through the front door (a stored record written by
an older medcite, a path, an id in an error message).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, TypeVar

import msgspec

_T = TypeVar("_T")

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""C0 controls except tab, LF and CR; DEL; and the C1 controls (U+0080-U+009F, whose
U+009B is a one-character CSI, as dangerous to a terminal as ESC [)."""
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""What :func:`printable` shows escaped: every control character but tab and line feed
(a carriage return could overwrite what was printed before it), and lone surrogates."""
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """``text`` with lone surrogates replaced, control characters dropped, in NFC."""
    if text.isascii():
        return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text
    text = _SURROGATES.sub(REPLACEMENT, text)
    text = _CONTROLS.sub("", text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


_ESCAPED_CONTROL = re.compile(rb"\\(?:u00[01][0-9a-f]|[bf])")
"""In msgspec's JSON: a control character msgspec escapes (C0 but tab, LF and CR).
``\\\\b`` (a backslash, then b) matches too, and only costs the walk."""
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")
"""In msgspec's JSON: a C1 control character, which it writes as itself (in UTF-8)."""


def clean_struct(value: _T) -> _T:
    """``value`` (a msgspec struct, tuple, list, dict or str) with every string cleaned.

    Returns ``value`` itself when nothing needed cleaning. Almost every record is clean,
    so that is first checked on the record as msgspec's JSON (a few microseconds, in C):
    a lone surrogate cannot be encoded, a control character shows in the bytes, and the
    whole document is NFC exactly when each of its strings is (JSON's quotes, which
    bound every string, compose with nothing). Only a record that fails the check is
    walked string by string, several times slower.
    """
    try:
        encoded = msgspec.json.encode(value)
    except (UnicodeEncodeError, TypeError):  # a lone surrogate; a type JSON cannot hold
        return _clean(value)  # type: ignore[no-any-return]
    if _has_control_character(encoded) or not _is_nfc(encoded):
        return _clean(value)  # type: ignore[no-any-return]
    return value


def _has_control_character(encoded: bytes) -> bool:
    """Whether msgspec's JSON holds a control character (or only seems to: ``\\\\b``).

    A byte search first (several times faster than a pattern's), then a pattern that
    begins with that byte, which the search skips ahead to. One pattern of every kind
    could not skip ahead, and most abstracts hold an escaped quote (``\\\\"``) or a
    "±" (``\\xc2\\xb1``): it cost twice as much as encoding the record.
    """
    return (
        b"\x7f" in encoded
        or (b"\\" in encoded and _ESCAPED_CONTROL.search(encoded) is not None)
        or (b"\xc2" in encoded and _C1_CONTROL.search(encoded) is not None)
    )


def _is_nfc(encoded: bytes) -> bool:
    return encoded.isascii() or unicodedata.is_normalized("NFC", encoded.decode())


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, msgspec.Struct):
        changes = {}
        for name in value.__struct_fields__:
            field = getattr(value, name)
            cleaned = _clean(field)
            if cleaned is not field:
                changes[name] = cleaned
        return msgspec.structs.replace(value, **changes) if changes else value
    if isinstance(value, tuple | list):
        items = [_clean(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        pairs = {_clean(key): _clean(item) for key, item in value.items()}
        unchanged = all(k in value and pairs[k] is value[k] for k in pairs)
        return value if unchanged and len(pairs) == len(value) else pairs
    return value


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters and surrogates shown as escapes.

    ``"\\x1b[31m"`` prints as the six characters ``\\x1b[31m``, inert and still visible.
    """
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode(), text)
