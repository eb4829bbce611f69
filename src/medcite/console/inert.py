"""The rich console that prints text as text (see ``medcite.console``); imported on the
first print, so a command that writes only JSON or a document never imports rich."""

from __future__ import annotations

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment

from medcite.safe_text import printable


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
