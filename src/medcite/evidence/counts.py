"""Whole numbers as abstracts write them: "41", "1,203", "Twenty-two", "ninety six".

Style guides (AMA, Vancouver) have authors spell out numbers that begin a sentence
and numbers below ten, so "Sixteen patients were enrolled" is as common as
"16 patients"; both must count.
"""

from __future__ import annotations

import re

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
WORD_VALUES.update({word: 20 + 10 * i for i, word in enumerate(_TENS)})

_WORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
DIGITS_PATTERN = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u2009\u202f\u00a0]\d{3})+|\d{2,3}(?: \d{3})+|\d+"
"""A regex fragment matching a whole number in digits, its thousands grouped by commas or,
as SI and The Lancet write them, by spaces ("70 388 people"); a space-grouped number starts
with two digits or three, so "in 3 100-patient trials" stays two numbers."""
COUNT_PATTERN = (
    rf"(?:{DIGITS_PATTERN}"
    rf"|(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(_UNITS[1:10])})\b|(?:{_WORD})\b)"
)
"""A regex fragment matching one whole number in digits or in English words (< 100)."""

_DIGITS = re.compile(DIGITS_PATTERN)
_GROUP_SEPARATORS = re.compile(r"[,\s]")


def parse_count(text: str) -> int | None:
    """The value of a number matched by ``COUNT_PATTERN``; None when it is not one."""
    text = text.strip()
    if _DIGITS.fullmatch(text):
        return int(_GROUP_SEPARATORS.sub("", text))
    words = re.split(r"[\s-]+", text.casefold())
    values = [WORD_VALUES.get(word) for word in words]
    if not values or None in values or len(values) > 2:
        return None
    return sum(value for value in values if value is not None)
