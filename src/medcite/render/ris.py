"""References as RIS, the tagged format every reference manager imports.

Each line is a two-character tag, two spaces, a hyphen, a space and the value
("TY  - JOUR"); a record opens with TY and closes with "ER  - ", and lines end with
CR LF (RIS specification, Research Information Systems / Clarivate). Values are one
line each (``plain``), so no text in a record can forge a tag of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from medcite.records import Reference
from medcite.render.reference_fields import (
    evidence_note,
    page_range,
    person_names,
    plain,
    record_url,
)

LINE_END = "\r\n"
CONFERENCE_TYPES = frozenset({"congress"})


def references_to_ris(references: Iterable[Reference]) -> str:
    """Every reference as one RIS record, in order; "" for no references."""
    return "".join(_record(reference) for reference in references)


def _record(reference: Reference) -> str:
    kinds = {name.casefold() for name in reference.publication_types}
    lines = [("TY", "ABST" if kinds & CONFERENCE_TYPES else "JOUR")]
    for name in person_names(reference):
        lines.append(("AU", name.literal or f"{name.family}, {name.given}".rstrip(", ")))
    lines.append(("TI", reference.title))
    if reference.journal_title:
        lines.append(("T2", reference.journal_title))
    lines.append(("JO", reference.journal or reference.journal_title))
    lines.append(("PY", str(reference.year) if reference.year else ""))
    lines += [("VL", reference.volume), ("IS", reference.issue)]
    first, last = page_range(reference.pages)
    lines += [("SP", first), ("EP", last), ("DO", reference.doi)]
    if reference.pmid:
        lines += [("AN", reference.pmid), ("DB", "PubMed")]
    lines.append(("UR", record_url(reference)))
    lines += [("KW", kind) for kind in reference.publication_types]
    lines.append(("N1", evidence_note(reference)))
    body = "".join(f"{tag}  - {plain(value)}{LINE_END}" for tag, value in lines if plain(value))
    return f"{body}ER  - {LINE_END}{LINE_END}"
