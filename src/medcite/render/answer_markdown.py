"""The answer as Markdown: headings per section, bullets with [n], numbered references."""

from __future__ import annotations

from medcite.records import Answer, Statement
from medcite.render.citation import links, vancouver


def answer_to_markdown(answer: Answer) -> str:
    """The whole answer page as a Markdown document."""
    lines = [f"# {answer.question}", ""]
    for section in answer.sections:
        lines += [f"## {section.title}", ""]
        lines += [f"- {_cited(statement)}" for statement in section.statements]
        lines.append("")
    lines += [f"> {note}" for note in answer.notes]
    if answer.notes:
        lines.append("")
    if answer.references:
        lines += ["## References", ""]
        for ref in answer.references:
            link_text = " ".join(f"[{name}]({url})" for name, url in links(ref).items())
            lines.append(f"{ref.n}. {vancouver(ref)} {link_text}".rstrip())
        lines.append("")
    lines.append(
        f"*Index snapshot {answer.provenance.index_snapshot} · settings "
        f"{answer.provenance.settings_hash} · {answer.provenance.elapsed_ms:.0f} ms*"
    )
    return "\n".join(lines) + "\n"


def _cited(statement: Statement) -> str:
    marks = "".join(f"[{n}]" for n in statement.citations)
    return f"{statement.text} {marks}"
