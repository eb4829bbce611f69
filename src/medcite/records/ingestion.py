"""Records of ingestion: a record made ready for the store, and what one store batch did."""

from __future__ import annotations

from dataclasses import dataclass

from medcite.records.base import Frozen
from medcite.records.concepts import AbbreviationDefinition
from medcite.records.literature import IngestSummary, Record

SentenceSpan = tuple[int, int, int]
"""A sentence as ``(section_index, start, end)``: its text is the section's slice."""


class PreparedRecord(Frozen, frozen=True):
    """A record with what ingestion derives from it: its sentences and abbreviations.

    Made where the record was parsed (a worker process), so the one process that writes
    the store and the index only writes: ``spans`` locate each sentence in its section,
    ``abbreviations`` are the short forms the record defines.
    """

    record: Record
    spans: tuple[SentenceSpan, ...] = ()
    abbreviations: tuple[AbbreviationDefinition, ...] = ()


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """The effect of one atomic store batch: counts, the new sequence, and what changed.

    ``changed`` and ``removed`` are exactly what the indexes must apply to stay in step.
    """

    added: int
    updated: int
    unchanged: int
    deleted: int
    sequence: int
    changed: tuple[Record, ...]
    removed: tuple[str, ...]


class SyncedFile(Frozen, frozen=True):
    """One NLM file a sync applied (or would apply, in a dry run), with its checksum."""

    path: str
    """Its place in NLM's layout, e.g. ``updatefiles/pubmed25n1275.xml.gz``."""
    md5: str = ""
    summary: IngestSummary | None = None
    downloaded: bool = False
    """Whether it was already verified in the mirror before this run."""


class SyncReport(Frozen, frozen=True):
    """What ``sync pubmed`` did: the files applied in order (or, dry, those it would)."""

    files: tuple[SyncedFile, ...] = ()
    dry_run: bool = False
    already_applied: int = 0
    slice: str = "all of PubMed"
