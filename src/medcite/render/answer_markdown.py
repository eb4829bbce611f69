"""The answer as Markdown: the HTML page's parts, as headings, bullets and a numbered list.

Text from records and vocabularies is escaped (CommonMark backslash escapes, §2.4) and
kept on one line, so a title or sentence can never become markup, a link or a heading when
the Markdown is rendered: ``<script>`` stays text, ``[x](javascript:…)`` stays brackets.
Links are built from identifiers alone and written in angle brackets, which nothing in
a percent-encoded URL can close.
"""

from __future__ import annotations

import re

from medcite.records import Answer, Question, Reference, Statement
from medcite.render.citation import LINK_LABELS, links, vancouver
from medcite.render.layout import page_parts
from medcite.render.statements import evidence_tags
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

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_BLOCK_START = re.compile(r"^(?:(\d+)([.)])|([-+=]))")


def md(text: str) -> str:
    """Text as Markdown that renders as the same text, on one line."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    # What would open a list or a heading when it starts a line (or follows "- ").
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def answer_to_markdown(answer: Answer) -> str:
    """The whole answer page as a Markdown document."""
    lines = [f"# {md(answer.question)}", ""]
    if answer.understanding is not None:
        lines += _understanding(answer.understanding)
    shown_for = audience_of(answer)
    snapshot = answer.provenance.index_snapshot
    built = snapshot_date(snapshot)
    lines += [
        f"*Unreviewed · educational use only · written for {AUDIENCE_LABELS[shown_for]} · "
        f"evidence snapshot {built.isoformat() if built else md(snapshot)}*",
        "",
    ]
    if state_message(answer):
        lines += [f"> {state_message(answer)}", ""]
    for part in page_parts(answer.sections):
        lines += [f"## {md(part.title)}", ""]
        for heading, section in part.subsections:
            if heading:
                lines += [f"### {md(heading)}", ""]
            lines += [f"- {_cited(statement)}" for statement in section.statements]
            if section.note or not section.statements:
                lines.append(f"*{md(section.note or EMPTY_SECTION)}*")
            lines.append("")
    if answer.gaps:
        lines += ["## Evidence gaps", ""]
        lines += [f"- **{md(gap.facet)}**: {md(gap_line(gap))}" for gap in answer.gaps]
        lines.append("")
    for note in answer_notes(answer):
        lines += [f"> {md(note)}", ""]
    if answer.glossary:
        lines += ["## Words used on this page", ""]
        lines += [f"- **{md(e.term)}**: {md(e.definition)}" for e in answer.glossary]
        lines.append("")
    if answer.references:
        lines += ["## References", ""]
        lines += [_reference_line(ref) for ref in answer.references]
        lines.append("")
    if answer.refused:
        lines += [
            "## Not cited",
            "",
            "Found, but mainly about another disease than the question's:",
            "",
        ]
        lines += [
            f"- {md(record)}: mainly about {md(disease)}" for record, disease in answer.refused
        ]
        lines.append("")
    if answer.follow_ups:
        lines += ["## Follow-up questions", ""]
        lines += [f"- {md(question)}" for question in answer.follow_ups]
        lines.append("")
    provenance = answer.provenance
    lines += ["---", "", md(disclaimer(answer, shown_for)), ""]
    details = [f"Index snapshot {md(snapshot)}", f"settings {md(provenance.settings_hash)}"]
    if provenance.vocabularies:
        details.append(f"vocabularies {md(provenance.vocabularies)}")
    if answer.conversation:
        details.append(f"conversation {md(answer.conversation)}")
    details.append(f"{provenance.elapsed_ms:.0f} ms")
    lines.append(f"*{' · '.join(details)}*")
    return "\n".join(lines) + "\n"


def _understanding(question: Question) -> list[str]:
    lines = ["## How medcite understood the question", ""]
    for concept in question.concepts:
        names = list(dict.fromkeys([*concept.abbreviations, *concept.synonyms]))  # "MRSA" is both
        line = f"- **{md(concept.name)}** ({md(', '.join(concept.ids))}, {concept.role.value})"
        if names:
            more = f"; and {len(names) - 10} more" if len(names) > 10 else ""
            line += f"; also searched as: {md('; '.join(names[:10]))}{more}"
        lines.append(line)
    if question.types:
        lines.append(f"- Kind of question: {', '.join(kind.value for kind in question.types)}")
    lines += [f"- Facet: {md(facet.label)}" for facet in question.facets]
    lines.append("")
    for note in question.notes:
        lines += [f"> {md(note)}", ""]
    return lines


def _cited(statement: Statement) -> str:
    marks = "".join(f"[{n}]" for n in statement.citations)  # no link: nothing defines [n]
    line = f"{md(statement.text)} {marks}"
    tags = evidence_tags(statement)
    if tags:
        line += f" *({md(' · '.join(tags))})*"
    if statement.indirect:
        line += f" — *indirect evidence: {md(statement.indirect)}*"
    return line


def _reference_line(reference: Reference) -> str:
    found = " ".join(f"[{LINK_LABELS[name]}](<{url}>)" for name, url in links(reference).items())
    about = [*shown_types(reference), *reference_evidence(reference)]
    if reference.evidence_level is not None:
        about.append(f"evidence: {LEVEL_LABELS[reference.evidence_level]}")
    line = f"{reference.n}. {md(vancouver(reference))} {found}".rstrip()
    return f"{line} — *{md(' · '.join(about))}*" if about else line
