"""One record per work: a full text joined to the PubMed record of the same PMID.

A full text (JATS, or a PDF named by its PMID) and the PubMed citation describe one work,
under one id (``pmid:<n>``). PubMed's copy carries what NLM adds — MeSH headings,
publication types, the abstract as indexed — and the full text its body, captions,
tables and references. Whichever arrives second is joined to the stored one, so the
record keeps both and neither ingestion order nor a re-ingested PubMed update file
(which knows no full text) loses what is stored.
"""

from __future__ import annotations

from msgspec.structs import replace

from medcite.records import Record, SectionPart, Source

FULL_TEXT_SOURCES = frozenset({Source.PMC_JATS, Source.PDF})
"""Sources whose records are full texts rather than citations."""


def is_full_text(record: Record) -> bool:
    """Whether the record came from a full-text source (as read, before any join)."""
    return record.source in FULL_TEXT_SOURCES


def join_full_text(citation: Record, full_text: Record) -> Record:
    """The citation (PubMed's metadata and abstract) with the full text's other parts.

    The abstract is PubMed's when it has one, else the full text's; the body, captions,
    tables, bibliography and PMCID come from the full text.
    """
    abstract = [s for s in citation.sections if s.part is SectionPart.ABSTRACT]
    if not abstract:
        abstract = [s for s in full_text.sections if s.part is SectionPart.ABSTRACT]
    rest = [s for s in full_text.sections if s.part is not SectionPart.ABSTRACT]
    return replace(
        citation,
        sections=(*abstract, *rest),
        pmcid=citation.pmcid or full_text.pmcid,
        doi=citation.doi or full_text.doi,
        bibliography=full_text.bibliography,
        recommendations=full_text.recommendations or citation.recommendations,
        issuer=citation.issuer or full_text.issuer,
    )


def joined(incoming: Record, stored: Record | None) -> Record:
    """What to store for ``incoming`` given the record stored under its id (if any)."""
    if stored is None:
        return incoming
    if is_full_text(incoming):
        # a full text joins the stored citation; it replaces a stored full text alone
        return incoming if is_full_text(stored) else join_full_text(stored, incoming)
    return join_full_text(incoming, stored) if stored.has_full_text else incoming
