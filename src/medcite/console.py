"""The command line's output: rich consoles that never obey the text they print.

Whatever the CLI prints may hold user or record text: a question, a record id, a title, a
path. Printed naively, that text is an instruction: to rich (``[/bold]`` is markup, and an
unbalanced tag crashes the print), to rich's emoji codes (``:warning:``), or to the
terminal itself (``ESC [ 2 J``). So both consoles here interpret no markup, emoji or
highlighting, and a render hook passes every piece of text through
:func:`~medcite.safe_text.printable` on its way out, whatever renderable it came in
(styles and rich's own cursor controls for progress bars are kept). JSON and documents
(Markdown, HTML) written straight to standard output get the same treatment.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment
from rich.text import Text

from medcite.safe_text import printable

_NOT_JSON_SAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw although a terminal may obey it (DEL
and the C1 controls) or no encoder can write it (lone surrogates)."""


class _Inert:
    """A renderable printed with every text segment made printable."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control or not segment.text:
                yield segment
            else:
                yield Segment(printable(segment.text), segment.style)


class _InertHook(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Inert(renderable) for renderable in renderables]


def inert_console(*, stderr: bool = False) -> Console:
    """A console that prints text as text: no markup, emoji, highlighting or control codes.

    Messages on standard error are not wrapped, so a path in one stays whole.
    """
    console = Console(stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=stderr)
    console.push_render_hook(_InertHook())
    return console


out = inert_console()
err = inert_console(stderr=True)


def print_error(message: str) -> None:
    """``error: <message>`` on standard error, the label styled, the message inert."""
    err.print(Text.assemble(("error:", "red"), " ", message))


def print_json(data: Any) -> None:
    """``data`` as indented JSON on standard output, nothing in it a terminal would obey."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    write_document(_NOT_JSON_SAFE.sub(lambda c: f"\\u{ord(c.group()):04x}", text) + "\n")


def write_document(text: str) -> None:
    """A whole document (Markdown, HTML, JSON) to standard output as is, only made inert.

    Written past rich, which would wrap its lines.
    """
    sys.stdout.write(printable(text))


def lines(rows: Iterable[Sequence[str]]) -> Text:
    """Rows of cells as plain lines, separated by two spaces (for small listings)."""
    return Text("\n".join("  ".join(row) for row in rows))
