"""Abbreviations defined in text: "systemic sclerosis (SSc)" → SSc = systemic sclerosis.

The algorithm of Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text" (PSB 2003): a parenthesis after some words
holds a candidate short form (or, when the parenthesis holds several words, the word
before it is the short form and the parenthesis the long form); the long form is the
shortest run of preceding words in which the short form's characters appear in order,
its first character starting a word. It needs no training and finds most definitions
in abstracts with high precision, which is what a table of senses needs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_PARENTHESIS = re.compile(r"\(([^()]{1,120})\)")
_CLAUSE_BREAK = re.compile(r"[.;:!?\[\]()](?:\s|$)")
"""A sentence end, semicolon, colon or bracket before a space or the text's end. Written with
the character class first, so the regular expression engine skips ahead to those characters
(twice as fast on abstracts as an alternation of two classes); a bracket at the very end
starts no clause a parenthesis could lie in."""
_FIRST_ITEM_END = re.compile(r"[;,]\s")
_BRAND = re.compile(r"([A-Z][a-z]{3,14})\s?([®™])?")
"""A brand name as printed: one capitalised word, perhaps marked ® or ™ ("Xofluza",
"Cosentyx®"); not a maker's name in two capitals ("AstraZeneca")."""
_GENERIC = re.compile(
    r"[A-Za-z][a-z]+(?:mab|cept|nib|vir|tide|gliflozin|gliptin|sartan|pril|olol|dipine|statin|"
    r"azole|mycin|micin|cillin|cycline|floxacin|parin|xaban|gatran|lukast|setron|prazole|"
    r"tidine|osin|afil|triptan|dronate|profen|coxib|platin|taxel|rubicin|imus|ciclib|"
    r"parib|zomib|tecan)(?:\s[a-z]{2,}(?:il|ate|ide|ium))?"
)
"""An international nonproprietary name, by the stems WHO gives drug classes ("-mab",
"-vir", "-gliflozin" …), perhaps with a salt or ester after it ("baloxavir marboxil")."""


_WORDS = re.compile(r"[^\W_]+")
_NEGATIONS = frozenset({"non", "not", "no", "without"})


def looks_abbreviated(word: str) -> bool:
    """Whether a word is written as a short form is: 2–10 characters, two capitals at least."""
    capitals = sum(char.isupper() for char in word)
    return 2 <= len(word) <= 10 and capitals >= 2 and not word.isdigit()


def shortens(written: str, full: str) -> bool:
    """Whether ``written`` is ``full`` with some of its words cut to their initials, or one
    word after its first left out.

    "MR imaging" shortens "magnetic resonance imaging", and "facioscapulohumeral
    dystrophy" Facioscapulohumeral Muscular Dystrophy (records define FSHD so, review 39);
    "mass spectrometry" does not shorten "multiple sclerosis", nor "muscular dystrophy"
    the facioscapulohumeral one (its first word names which), nor "non-small cell lung
    cancer" the small-cell one (a negation left out is another disease).
    """
    full_words = _WORDS.findall(full.lower())
    written_words = _WORDS.findall(written)
    position, left_out = 0, False
    for word in written_words:
        rest = full_words[position:]
        if rest and word.lower() == rest[0]:
            position += 1
        elif looks_abbreviated(word) and "".join(w[0] for w in rest[: len(word)]) == word.lower():
            position += len(word)
        elif (
            not left_out
            and position > 0
            and len(rest) >= 2
            and word.lower() == rest[1]
            and rest[0] not in _NEGATIONS
        ):
            position, left_out = position + 2, True
        else:
            return False
    return position == len(full_words) and written.lower() != full.lower()


@dataclass(frozen=True, slots=True)
class Definition:
    """A short form defined in a text, its long form, and where the short form stands."""

    short_form: str
    long_form: str
    start: int
    end: int


def is_short_form_candidate(text: str) -> bool:
    """Schwartz & Hearst's test: 2–10 characters, ≤ 2 words, a letter, an alphanumeric start."""
    return (
        2 <= len(text) <= 10
        and len(text.split()) <= 2
        and any(c.isalpha() for c in text)
        and text[0].isalnum()
    )


def find_definitions(text: str) -> list[Definition]:
    """Every "long form (SF)" and "SF (long form)" definition in ``text``, in order."""
    found: list[Definition] = []
    if "(" not in text:
        return found
    clause_starts = [end.end() for end in _CLAUSE_BREAK.finditer(text)]
    for match in _PARENTHESIS.finditer(text):
        inside = _FIRST_ITEM_END.split(match.group(1), maxsplit=1)[0].strip()
        before = _clause_before(text, match.start(), clause_starts)
        start = match.start(1) + match.group(1).index(inside)
        long_form = ""
        short_inside = is_short_form_candidate(inside)
        if short_inside:
            long_form = best_long_form(inside, _last_words(before, _max_words(inside)))
            if long_form:
                found.append(Definition(inside, long_form, start, start + len(inside)))
        named = None if long_form else _brand_beside_generic(before, inside, start)
        if named:
            found.append(named)
        if long_form or named or short_inside:
            continue
        words = before.rsplit(None, 1)  # the last word is all that is needed of them
        if words and is_short_form_candidate(words[-1].strip(",")):
            short = words[-1].strip(",")
            long_form = best_long_form(short, inside)
            if long_form and len(inside.split()) <= _max_words(short):
                end = len(before.rstrip().rstrip(","))
                found.append(Definition(short, long_form, end - len(short), end))
    return found


_GENERIC_BEFORE = re.compile(rf"(?:^|\s)({_GENERIC.pattern})\s*$")
_BRAND_BEFORE = re.compile(rf"(?:^|\s){_BRAND.pattern}\s*$")
"""The drug's name, or the brand, that ends the words before a parenthesis."""


def _brand_beside_generic(before: str, inside: str, start: int) -> Definition | None:
    """A brand defined beside its drug, the other in the parenthesis ("nirsevimab
    (Beyfortus)", "Xofluza (baloxavir marboxil)"), or None; ``start`` is where the
    parenthesis's text begins. A definition as an abbreviation's is, of a name no
    vocabulary knows, which the corpus spells out as its drug (review 17: "Xofluza",
    "Cosentyx", "Beyfortus" were names every answer had to print)."""
    brand = _BRAND.fullmatch(inside)
    if brand and (generic := _GENERIC_BEFORE.search(before)):
        return Definition(brand.group(1), generic.group(1), start, start + len(brand.group(1)))
    named = _BRAND_BEFORE.search(before) if _GENERIC.fullmatch(inside) else None
    if named is None:
        return None
    return Definition(named.group(1), inside, named.start(1), named.end(1))


def is_brand_shaped(word: str) -> bool:
    """Whether ``word`` is printed as a brand is (``_BRAND``, without its mark)."""
    return _BRAND.fullmatch(word) is not None and word.isalpha()


def best_long_form(short_form: str, candidate: str) -> str:
    """The shortest end of ``candidate`` holding ``short_form``'s characters in order, or "".

    Characters are matched from the end; the short form's first character must begin a
    word of the long form. Non-alphanumeric characters of the short form are skipped.
    """
    lowered: str | list[str] = candidate.lower()
    if len(lowered) != len(candidate):  # a letter that lowers to two ("İ"): one by one
        lowered = [character.lower() for character in candidate]
    s_index, l_index = len(short_form) - 1, len(candidate) - 1
    while s_index >= 0:
        char = short_form[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            lowered[l_index] != char
            or (s_index == 0 and l_index > 0 and candidate[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return ""
        l_index -= 1
        s_index -= 1
    start = candidate.rfind(" ", 0, l_index + 1) + 1
    long_form = candidate[start:].strip()
    if len(long_form) <= len(short_form) or short_form.lower() in long_form.lower().split():
        return ""
    return long_form


def _clause_before(text: str, position: int, clause_starts: list[int]) -> str:
    """The text before ``position`` back to the last clause break (sentence end, bracket).

    ``clause_starts`` are the ends of the clause breaks of the whole text, found once:
    searching the text before each parenthesis again made a long abstract's cost grow
    with the square of its parentheses. A sentence end right before ``position`` is a
    break only there (``[.;:!?]$``), where the text is cut.
    """
    if text[position - 1 : position] in (".", ";", ":", "!", "?"):
        return ""
    start = clause_starts[index - 1] if (index := bisect_right(clause_starts, position)) else 0
    return text[start:position]


def _max_words(short_form: str) -> int:
    """At most min(|SF| + 5, 2·|SF|) words of long form (Schwartz & Hearst, section 2.2)."""
    return min(len(short_form) + 5, 2 * len(short_form))


def _last_words(text: str, count: int) -> str:
    """The last ``count`` words of ``text`` (all of it when it has fewer), from the first
    of them to the last one's end.

    Split from the right at most ``count`` times: a clause before a parenthesis may run
    to hundreds of words, and finding each of them cost a tenth of finding definitions.
    ``str.split`` and ``str.strip`` know the whitespace ``\\S`` does not match (both are
    ``str.isspace``), so the words are the same.
    """
    words = text.rsplit(None, count)
    if len(words) <= count:
        return text.strip()
    return text[len(words[0]) :].strip()
