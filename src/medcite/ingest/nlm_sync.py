"""Which of NLM's files a data directory still needs, and which records a slice keeps.

Pure rules for ``medcite sync pubmed`` (the engine runs them with the mirror and the
store): files apply in NLM's order, each once; a file listed but never applied while a
later one was is refused, since applying it now would bring back what the later one
revised or deleted. A *slice* keeps a part of PubMed (years, MeSH descriptors with
their narrower terms, journals, publication types); deletions always apply, so a record
NLM withdraws leaves the slice too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import msgspec

from medcite.errors import SourceError
from medcite.ingest.nlm_mirror import NlmFile
from medcite.ingest.workers import PreparedItem
from medcite.records import PreparedRecord, Record


@dataclass(frozen=True, slots=True)
class RecordSlice:
    """The records a sync keeps; an empty criterion keeps everything.

    ``mesh_ids`` are descriptor ids (already widened to their narrower descriptors),
    ``journals`` journal titles or ISO abbreviations, ``publication_types`` NLM's names;
    text is compared case-insensitively.
    """

    from_year: int | None = None
    to_year: int | None = None
    mesh_ids: frozenset[str] = frozenset()
    journals: frozenset[str] = frozenset()
    publication_types: frozenset[str] = frozenset()

    @property
    def is_everything(self) -> bool:
        """Whether the slice keeps every record."""
        return self == RecordSlice()

    def describe(self) -> str:
        """A stable description, recorded with every file applied under this slice."""
        fields = {
            "from_year": self.from_year,
            "to_year": self.to_year,
            "mesh_ids": sorted(self.mesh_ids),
            "journals": sorted(j.casefold() for j in self.journals),
            "publication_types": sorted(t.casefold() for t in self.publication_types),
        }
        return "all of PubMed" if self.is_everything else msgspec.json.encode(fields).decode()

    def admits(self, record: Record) -> bool:
        """Whether the slice keeps ``record``; a record without a year fails a year range."""
        year = record.year
        if self.from_year is not None and (year is None or year < self.from_year):
            return False
        if self.to_year is not None and (year is None or year > self.to_year):
            return False
        if self.mesh_ids and not any(
            h.descriptor_id in self.mesh_ids for h in record.mesh_headings
        ):
            return False
        if self.journals:
            names = {record.journal.title.casefold(), record.journal.iso_abbreviation.casefold()}
            if not names & {j.casefold() for j in self.journals}:
                return False
        if self.publication_types:
            wanted = {t.casefold() for t in self.publication_types}
            if not any(t.casefold() in wanted for t in record.publication_types):
                return False
        return True

    def keep(self, items: Iterable[PreparedItem]) -> Iterator[PreparedItem]:
        """``items`` without the records the slice leaves out."""
        for item in items:
            if not isinstance(item, PreparedRecord) or self.admits(item.record):
                yield item


def pending_files(listed: Iterable[NlmFile], applied: Mapping[str, str]) -> list[NlmFile]:
    """The listed files not applied yet, in order; ``applied`` maps file names to MD5s.

    Raises ``SourceError`` naming the file when one not applied sorts before one that
    was (an update file out of order).
    """
    ordered = sorted(listed)
    done = [nlm_file for nlm_file in ordered if nlm_file.name in applied]
    todo = [nlm_file for nlm_file in ordered if nlm_file.name not in applied]
    if done and todo and todo[0] < done[-1]:
        raise SourceError(
            f"{todo[0].path}: listed but never applied, and the later {done[-1].path} was "
            "applied already; applying it now would undo newer revisions and deletions. "
            "Sync into a fresh data directory to rebuild in NLM's order."
        )
    return todo
