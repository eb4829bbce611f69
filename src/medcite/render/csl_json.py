"""References as CSL-JSON, the input of citeproc processors (Zotero, Pandoc, Mendeley).

Field names and types follow the CSL data schema (``csl-data.json`` of the
citation-style-language/schema repository): ``id`` and ``type`` required,
names as ``{"family", "given"}`` or ``{"literal"}``, dates as ``{"date-parts": [[y]]}``.
Values are plain text. CSL processors read a few HTML-like tags in text fields
(``<i>``, ``<b>``, ``<sup>``, ``<sub>``), and exports end up inside web pages, so
``<``, ``>`` and ``&`` are written as JSON escapes (``\\u003c``…): the values are
unchanged for any JSON reader, and the document is inert inside HTML.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from medcite.records import Reference
from medcite.render.reference_fields import (
    evidence_note,
    page_range,
    person_names,
    plain,
    record_url,
)

_HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def references_to_csl(references: Iterable[Reference]) -> list[dict[str, Any]]:
    """Every reference as one CSL-JSON item (JSON-ready data)."""
    return [_item(reference) for reference in references]


def references_to_csl_json(references: Iterable[Reference]) -> str:
    """The CSL-JSON document: an array of items, safe to embed in HTML."""
    text = json.dumps(references_to_csl(references), ensure_ascii=False, indent=2)
    for char, escape in _HTML_SAFE.items():
        text = text.replace(char, escape)
    return text + "\n"


def _item(reference: Reference) -> dict[str, Any]:
    first, last = page_range(reference.pages)
    authors = [
        {"literal": name.literal} if name.literal else {"family": name.family, "given": name.given}
        for name in person_names(reference)
    ]
    fields: dict[str, Any] = {
        "id": reference.record_id,
        "type": "paper-conference" if _is_congress(reference) else "article-journal",
        "title": plain(reference.title),
        "author": authors,
        "container-title": plain(reference.journal_title or reference.journal),
        "container-title-short": plain(reference.journal) if reference.journal_title else "",
        "issued": {"date-parts": [[reference.year]]} if reference.year else None,
        "volume": plain(reference.volume),
        "issue": plain(reference.issue),
        "page": f"{first}-{last}" if last else first,
        "page-first": first,
        "DOI": plain(reference.doi),
        "PMID": plain(reference.pmid),
        "PMCID": plain(reference.pmcid),
        "URL": record_url(reference),
        "note": evidence_note(reference),
    }
    return {name: value for name, value in fields.items() if value}


def _is_congress(reference: Reference) -> bool:
    return any(kind.casefold() == "congress" for kind in reference.publication_types)
