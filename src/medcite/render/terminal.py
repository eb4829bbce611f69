"""Terminal renderings (rich) of answers, records, search results and summaries.

Each function returns a rich renderable; the CLI decides where to print it. On a
terminal it is styled, piped into a file it is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from medcite.records import Answer, IngestSummary, Record, Reference, SearchHit, Statement
from medcite.render.citation import vancouver
from medcite.render.layout import page_parts
from medcite.render.question import question_view
from medcite.render.statements import evidence_tags, text_runs
from medcite.render.wording import (
    AUDIENCE_LABELS,
    EMPTY_SECTION,
    LEVEL_LABELS,
    answer_notes,
    audience_of,
    disclaimer,
    gap_line,
    reference_evidence,
    shown_types,
    snapshot_date,
    state_message,
)


def answer_view(answer: Answer) -> RenderableType:
    """The answer page: how the question was read, the sections with cited bullets (numbers
    in bold, each tagged with design, n and year), gaps, references, follow-ups, disclaimer."""
    parts: list[RenderableType] = [Text(answer.question, style="bold"), Text("")]
    if answer.understanding is not None:
        parts += [question_view(answer.understanding), Text("")]
    shown_for = audience_of(answer)
    built = snapshot_date(answer.provenance.index_snapshot)
    parts.append(
        Text(
            f"Unreviewed · educational use only · for {AUDIENCE_LABELS[shown_for]} · evidence "
            f"snapshot {built.isoformat() if built else answer.provenance.index_snapshot}",
            style="dim",
        )
    )
    if state_message(answer):
        parts.append(Text(state_message(answer), style="bold yellow"))
    parts.append(Text(""))
    for part in page_parts(answer.sections):
        parts.append(Text(part.title, style="bold underline"))
        for heading, section in part.subsections:
            if heading:
                parts.append(Text(heading, style="bold"))
            parts += [_bullet(statement) for statement in section.statements]
            if section.note or not section.statements:
                parts.append(Text(f"  {section.note or EMPTY_SECTION}", style="italic"))
        parts.append(Text(""))
    if answer.gaps:
        parts.append(Text("Evidence gaps", style="bold underline"))
        parts += [Text(f"  • {gap.facet}: {gap_line(gap)}") for gap in answer.gaps]
        parts.append(Text(""))
    for note in answer_notes(answer):
        parts += [Text(note, style="italic yellow"), Text("")]
    if answer.glossary:
        parts.append(Text("Words used on this page", style="bold underline"))
        parts += [Text(f"  {entry.term}: {entry.definition}") for entry in answer.glossary]
        parts.append(Text(""))
    if answer.references:
        parts.append(Text("References", style="bold underline"))
        parts += [_reference(ref) for ref in answer.references]
    if answer.refused:
        parts.append(Text("\nNot cited (mainly about another disease)", style="bold"))
        parts += [Text(f"  {record}: {disease}", style="dim") for record, disease in answer.refused]
    if answer.follow_ups:
        parts.append(Text("\nFollow-up questions", style="bold underline"))
        parts += [Text(f"  • {question}") for question in answer.follow_ups]
    provenance = answer.provenance
    parts.append(Text(f"\n{disclaimer(answer, shown_for)}", style="italic"))
    parts.append(
        Text(
            f"index snapshot {provenance.index_snapshot} · settings "
            f"{provenance.settings_hash} · {provenance.elapsed_ms:.0f} ms",
            style="dim",
        )
    )
    return Group(*parts)


def _bullet(statement: Statement) -> Text:
    line = Text("  • ")
    for run, number in text_runs(statement):
        line.append(run, style="bold" if number else "")
    line.append(" " + "".join(f"[{n}]" for n in statement.citations))
    tags = evidence_tags(statement)
    if tags:
        line.append(f" ({' · '.join(tags)})", style="dim")
    if statement.indirect:
        line.append(f" indirect: {statement.indirect}", style="yellow")
    return line


def _reference(reference: Reference) -> Text:
    line = Text(f"{reference.n}. {vancouver(reference)}")
    about = [*shown_types(reference), *reference_evidence(reference)]
    if reference.evidence_level is not None:
        about.append(f"evidence: {LEVEL_LABELS[reference.evidence_level]}")
    if about:
        line.append(f" [{' · '.join(about)}]", style="dim")
    return line


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
