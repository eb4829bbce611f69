"""What every reference export needs from a ``Reference``: names, pages, plain text, a note.

RIS, BibTeX and CSL-JSON all split a person's name into family and given parts, want
first and last page apart, and must not let a stray newline or control character
break their line- or brace-based syntax; these helpers do it once for all three.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from medcite.records import Reference
from medcite.render.citation import links

_INITIALS = re.compile(r"[A-Z]{1,4}")
_PAGE_SPLIT = re.compile(r"\s*[-–—]\s*")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name as reference managers store it: family and given, or one literal (a group)."""

    family: str = ""
    given: str = ""
    literal: str = ""


def plain(text: str) -> str:
    """One line of text: whitespace runs become one space, control and format characters go.

    A newline inside an RIS value would start a forged tag line; zero-width and other
    format characters (Unicode category Cf) hide text from the reader.
    """
    kept = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char) not in {"Cc", "Cf"}
    )
    return " ".join(kept.split())


def person_names(reference: Reference) -> tuple[PersonName, ...]:
    """The authors as structured names: from ``author_names``, else from display names."""
    if reference.author_names:
        names = []
        for author in reference.author_names:
            if author.collective_name:
                names.append(PersonName(literal=plain(author.collective_name)))
            elif author.last_name:
                given = author.fore_name or _dotted(author.initials)
                names.append(PersonName(family=plain(author.last_name), given=plain(given)))
            elif author.fore_name:
                names.append(PersonName(literal=plain(author.fore_name)))
        return tuple(names)
    return tuple(_from_display(name) for name in reference.authors if plain(name))


def _from_display(name: str) -> PersonName:
    """ "Smith JA" (NLM's display form) → family Smith, given J. A.; else a literal."""
    parts = plain(name).split(" ")
    if len(parts) >= 2 and _INITIALS.fullmatch(parts[-1]):
        return PersonName(family=" ".join(parts[:-1]), given=_dotted(parts[-1]))
    return PersonName(literal=plain(name))


def _dotted(initials: str) -> str:
    return " ".join(f"{letter}." for letter in initials if letter.isalpha())


def page_range(pages: str) -> tuple[str, str]:
    """First and last page, with MEDLINE's shortened last page written out ("1234-45").

    MEDLINE prints "1234-45" for pages 1234 to 1245 (NLM ``MedlinePgn``); reference
    managers want the full number. Only the first range of a list ("12-9; 31") is kept.
    """
    first_range = plain(pages).split(";")[0].split(",")[0].strip()
    if not first_range:
        return "", ""
    bounds = _PAGE_SPLIT.split(first_range, maxsplit=1)
    if len(bounds) == 1:
        return bounds[0], ""
    first, last = bounds
    lead = re.match(r"([A-Za-z]*)(\d+)$", first)
    tail = re.match(r"([A-Za-z]*)(\d+)$", last)
    if lead and tail and len(tail.group(2)) < len(lead.group(2)):
        digits = lead.group(2)
        last = lead.group(1) + digits[: len(digits) - len(tail.group(2))] + tail.group(2)
    return first, last


def evidence_note(reference: Reference) -> str:
    """The evidence medcite graded, as a note a reference manager keeps ("" if ungraded)."""
    parts = []
    if reference.study_design is not None:
        parts.append(reference.study_design.label)
    if reference.evidence_level is not None:
        parts.append(f"evidence level: {reference.evidence_level.value}")
    if reference.sample_size is not None:
        parts.append(f"n = {reference.sample_size}")
    return f"medcite evidence: {'; '.join(parts)}" if parts else ""


def record_url(reference: Reference) -> str:
    """The PubMed page of the reference, else its DOI link, else ""."""
    found = links(reference)
    return found.get("pubmed") or found.get("doi") or ""
