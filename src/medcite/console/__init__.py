"""The command line's output: rich consoles that never obey the text they print.

Whatever the CLI prints may hold user or record text: a question, a record id, a title, a
path. Printed naively, that text is an instruction: to rich (``[/bold]`` is markup, and an
unbalanced tag crashes the print), to rich's emoji codes (``:warning:``), or to the
terminal itself (``ESC [ 2 J``). So both consoles here interpret no markup, emoji or
highlighting, and a render hook passes every piece of text through
:func:`~medcite.safe_text.printable` on its way out, whatever renderable it came in
(styles and rich's own cursor controls for progress bars are kept). JSON and documents
(Markdown, HTML) written straight to standard output get the same treatment.

The consoles are made on first use (``out()``, ``err()``; rich is imported then): a command
that writes only JSON or a document, such as ``show`` or ``stats --format json``, starts
without rich (``bench/cli_startup.py``).
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

from medcite.safe_text import printable

if TYPE_CHECKING:
    from rich.console import Console

_NOT_JSON_SAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw although a terminal may obey it (DEL
and the C1 controls) or no encoder can write it (lone surrogates)."""


@cache
def out() -> Console:
    """Standard output's inert console."""
    from medcite.console.inert import inert_console

    return inert_console()


@cache
def err() -> Console:
    """Standard error's inert console (messages not wrapped, so a path in one stays whole)."""
    from medcite.console.inert import inert_console

    return inert_console(stderr=True)


def print_error(message: str) -> None:
    """``error: <message>`` on standard error, the label styled, the message inert."""
    from rich.text import Text

    err().print(Text.assemble(("error:", "red"), " ", message))


def print_json(data: Any) -> None:
    """``data`` as indented JSON on standard output, nothing in it a terminal would obey."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    write_document(_NOT_JSON_SAFE.sub(lambda c: f"\\u{ord(c.group()):04x}", text) + "\n")


def write_document(text: str) -> None:
    """A whole document (Markdown, HTML, JSON) to standard output as is, only made inert.

    Written past rich, which would wrap its lines.
    """
    sys.stdout.write(printable(text))
