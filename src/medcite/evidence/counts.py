"""Whole numbers as abstracts write them: "41", "1,203", "Twenty-two", "ninety six",
"One hundred eighty-two".

Style guides (AMA, Vancouver) have authors spell out numbers that begin a sentence
and numbers below ten, so "Sixteen patients were enrolled" is as common as
"16 patients"; both must count, and so must the hundreds and thousands a sentence
begins with: read up to its "hundred", "One hundred eighty-two patients were included"
was one patient, and the page showed a trial of 182 as "n = 9" (the nine patients of a
subgroup, the largest count left).
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
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(_UNITS[1:10])})\b|(?:{_WORD})\b)"
_BELOW_1000 = rf"(?:(?:{_WORD})\s+hundred\b(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
COUNT_PATTERN = (
    rf"(?:{DIGITS_PATTERN}"
    rf"|(?:{_WORD})\s+thousand\b(?:,?\s+(?:and\s+)?{_BELOW_1000})?"
    rf"|{_BELOW_1000})"
)
"""A regex fragment matching one whole number in digits or in English words (< 100,000)."""
_MULTIPLIERS = frozenset({"hundred", "thousand"})

_DIGITS = re.compile(DIGITS_PATTERN)
_GROUP_SEPARATORS = re.compile(r"[,\s]")


def parse_count(text: str) -> int | None:
    """The value of a number matched by ``COUNT_PATTERN``; None when it is not one."""
    text = text.strip()
    if _DIGITS.fullmatch(text):
        return int(_GROUP_SEPARATORS.sub("", text))
    words = [word for word in re.split(r"[\s,-]+", text.casefold()) if word != "and"]
    if not words or words[0] not in WORD_VALUES:
        return None
    total = current = 0
    previous = ""
    for word in words:
        if word in _MULTIPLIERS:
            if previous not in WORD_VALUES:  # "one hundred thousand" is no count we read
                return None
            if word == "thousand":
                total, current = total + current * 1000, 0
            else:
                current *= 100
        elif word in WORD_VALUES and (
            previous in _MULTIPLIERS or previous in _TENS or not previous
        ):
            if previous in _TENS and WORD_VALUES[word] >= 10:
                return None  # "twenty twelve"
            current += WORD_VALUES[word]
        else:
            return None  # "one two three"
        previous = word
    return total + current
