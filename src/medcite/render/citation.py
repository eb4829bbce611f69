"""Reference formatting in the NLM/Vancouver style that clinicians and journals use.

Citing Medicine (NLM, 2nd ed.): up to six authors then "et al.", title, journal
abbreviation, year;volume(issue):pages, then PMID and DOI so a reader can follow it.
"""

from __future__ import annotations

from urllib.parse import quote

from medcite.records import Reference

MAX_AUTHORS = 6
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
DOI_URL = "https://doi.org/{doi}"
LINK_LABELS = {"pubmed": "PubMed", "doi": "DOI"}
"""How a reader sees the names of :func:`links`."""


def vancouver(reference: Reference) -> str:
    """One reference as a Vancouver-style citation string (without its number)."""
    parts = []
    authors = list(reference.authors)
    if authors:
        shown = ", ".join(authors[:MAX_AUTHORS])
        parts.append(f"{shown}, et al." if len(authors) > MAX_AUTHORS else f"{shown}.")
    if reference.title.strip():  # a record known only by its id (a benchmark's) has none
        parts.append(_sentence(reference.title))
    source = _source(reference)
    if source:
        parts.append(source)
    if reference.pmid:
        parts.append(f"PMID: {reference.pmid}.")
    if reference.doi:
        parts.append(f"doi: {reference.doi}.")
    return " ".join(parts)


def links(reference: Reference) -> dict[str, str]:
    """PubMed and DOI links of a reference, where it has the identifiers.

    Built from the identifiers alone, so they are safe in an ``href`` or a Markdown link:
    a PMID must be digits, and a DOI is percent-encoded (DOI handbook §2.5.2.4) except for
    the characters DOIs are made of, so no text of a record can end the URL or start
    another.
    """
    found = {}
    if reference.pmid.isdigit():
        found["pubmed"] = PUBMED_URL.format(pmid=reference.pmid)
    if reference.doi:
        found["doi"] = DOI_URL.format(doi=quote(reference.doi, safe="/()._-;:"))
    return found


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _source(reference: Reference) -> str:
    source = reference.journal.rstrip(".")  # ISO abbreviations may end in "." ("Neurol. Res.")
    if reference.year:
        source = f"{source}. {reference.year}" if source else str(reference.year)
    locator = reference.volume
    if reference.issue:
        locator += f"({reference.issue})"
    if reference.pages:
        locator += f":{reference.pages}"
    if locator:
        source += f";{locator}" if reference.year else f" {locator}"
    return f"{source}." if source else ""
