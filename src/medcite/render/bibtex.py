"""References as BibTeX, for LaTeX users and the reference managers that read it.

Entries are assembled and written by ``bibtexparser`` (v2); values are LaTeX-encoded
by ``pylatexenc``, so the characters TeX treats as syntax (``& % $ # _ { } ~ ^ \\``)
and the ones it prints wrongly in its default encoding (``< >``) come out as text
commands (``\\textless``, ``\\textgreater``: never a raw angle bracket),
and accented letters as TeX accents. A title, an author or a stray brace in a record
therefore can never close a field, open a new entry or run TeX code. Titles are
wrapped in one more pair of braces, so styles keep their capitals ("MRI", "COVID-19").
Citation keys are ``<family><year><first title word>``, made unique with a letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from medcite.records import Reference
from medcite.render.reference_fields import (
    PersonName,
    evidence_note,
    page_range,
    person_names,
    plain,
    record_url,
)

if TYPE_CHECKING:
    from bibtexparser.model import Field
    from pylatexenc.latexencode import UnicodeToLatexEncoder

# bibtexparser and pylatexenc are imported where used: together they take ~50 ms to
# import, which every CLI command would otherwise pay for an export few of them make.

_KEY_STOPWORDS = frozenset("a an the of in on and for with to from by at is are".split())


@cache
def _encoder() -> UnicodeToLatexEncoder:
    from pylatexenc.latexencode import (
        RULE_DICT,
        UnicodeToLatexConversionRule,
        UnicodeToLatexEncoder,
    )

    text_mode = {ord("<"): r"\textless", ord(">"): r"\textgreater"}
    return UnicodeToLatexEncoder(
        conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, text_mode), "defaults"],
        non_ascii_only=False,
        replacement_latex_protection="braces-all",
        unknown_char_policy="keep",
        unknown_char_warning=False,
    )


def latex(text: str) -> str:
    """Plain text as LaTeX that prints the same text, with every special character escaped."""
    encoded: str = _encoder().unicode_to_latex(plain(text))
    return encoded


def references_to_bibtex(references: Iterable[Reference]) -> str:
    """Every reference as one ``@article`` entry with a unique key; "" for none."""
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.model import Entry

    library = Library()
    used: set[str] = set()
    for reference in references:
        key = _unique(citation_key(reference), used)
        library.add(Entry("article", key, _fields(reference)))
    return str(write_string(library)) if used else ""


def citation_key(reference: Reference) -> str:
    """``smith2020calcinosis``: first author's family name, year, first title word."""
    names = person_names(reference)
    who = _ascii_word((names[0].family or names[0].literal) if names else "")
    words = [_ascii_word(word) for word in plain(reference.title).split()]
    what = next((w for w in words if len(w) > 2 and w not in _KEY_STOPWORDS), "")
    key = f"{who}{reference.year or ''}{what}"
    return key if who or what else f"ref{reference.n}"


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.casefold())


def _unique(key: str, used: set[str]) -> str:
    candidate, suffix = key, 0
    while candidate in used:
        suffix += 1
        candidate = f"{key}{_letters(suffix)}"
    used.add(candidate)
    return candidate


def _letters(number: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa": suffixes for keys that would repeat."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _person(name: PersonName) -> str:
    if name.literal:
        return f"{{{latex(name.literal)}}}"  # braced: a group name is not split into parts
    return f"{latex(name.family)}, {latex(name.given)}".rstrip(", ")


def _fields(reference: Reference) -> list[Field]:
    from bibtexparser.model import Field

    first, last = page_range(reference.pages)
    pages = f"{latex(first)}--{latex(last)}" if last else latex(first)
    values = [
        ("author", " and ".join(_person(name) for name in person_names(reference))),
        ("title", f"{{{latex(reference.title)}}}" if plain(reference.title) else ""),
        ("journal", latex(reference.journal_title or reference.journal)),
        ("year", str(reference.year) if reference.year else ""),
        ("volume", latex(reference.volume)),
        ("number", latex(reference.issue)),
        ("pages", pages),
        ("doi", latex(reference.doi)),
        ("pmid", latex(reference.pmid)),
        ("url", latex(record_url(reference))),
        ("keywords", latex(", ".join(reference.publication_types))),
        ("note", latex(evidence_note(reference))),
    ]
    return [Field(name, value) for name, value in values if value]
