"""Terminal renderings (rich) of answers, records, search results and summaries.

Each function returns a rich renderable; the CLI decides where to print it. On a
terminal it is styled, piped into a file it is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from medcite.records import Answer, IngestSummary, Record, SearchHit
from medcite.render.citation import vancouver


def answer_view(answer: Answer) -> RenderableType:
    """The answer page: question, sections with cited bullets, notes, references."""
    parts: list[RenderableType] = [Text(answer.question, style="bold"), Text("")]
    for section in answer.sections:
        parts.append(Text(section.title, style="bold underline"))
        for statement in section.statements:
            marks = "".join(f"[{n}]" for n in statement.citations)
            parts.append(Text(f"  • {statement.text} {marks}"))
        parts.append(Text(""))
    for note in answer.notes:
        parts.append(Text(note, style="italic yellow"))
    if answer.references:
        parts.append(Text("References", style="bold underline"))
        parts += [Text(f"{ref.n}. {vancouver(ref)}") for ref in answer.references]
    provenance = answer.provenance
    parts.append(
        Text(
            f"\nindex snapshot {provenance.index_snapshot} · settings "
            f"{provenance.settings_hash} · {provenance.elapsed_ms:.0f} ms",
            style="dim",
        )
    )
    return Group(*parts)


def record_view(record: Record) -> RenderableType:
    """One stored record: citation data, then its abstract section by section."""
    head = Table.grid(padding=(0, 2))
    head.add_row("id", record.id)
    head.add_row("title", record.title)
    rows = (
        ("journal", record.journal.title or record.journal.iso_abbreviation),
        ("year", str(record.year or "")),
        ("authors", ", ".join(a.display_name for a in record.authors)),
        ("doi", record.doi),
        ("pmcid", record.pmcid),
        ("types", "; ".join(record.publication_types)),
        ("mesh", "; ".join(h.name for h in record.mesh_headings)),
        ("keywords", "; ".join(record.keywords)),
    )
    for name, value in rows:
        if value:
            head.add_row(name, value)
    parts: list[RenderableType] = [head, Text("")]
    for section in record.sections:
        if section.label:
            parts.append(Text(section.label, style="bold"))
        parts.append(Text(section.text))
    return Group(*parts)


def search_view(results: Sequence[tuple[SearchHit, Record]]) -> RenderableType:
    """Ranked search results as a table."""
    table = Table("#", "id", "year", "title", "score")
    for hit, record in results:
        table.add_row(
            str(hit.rank), record.id, str(record.year or ""), record.title, f"{hit.score:.2f}"
        )
    return table if results else Text("No records match.")


def ingest_summary_view(summary: IngestSummary) -> RenderableType:
    """Counts of an ingest run, then each rejection with its reason."""
    table = Table("read", "added", "updated", "unchanged", "deleted", "rejected")
    table.add_row(
        *(
            str(n)
            for n in (
                summary.read,
                summary.added,
                summary.updated,
                summary.unchanged,
                summary.deleted,
                summary.rejected,
            )
        )
    )
    parts: list[RenderableType] = [table]
    parts += [Text(f"rejected: {rejection}", style="red") for rejection in summary.rejections]
    return Group(*parts)
