"""One registry of answer renderers: ``render(answer, format)`` for every shell.

The CLI (``ask --format``), the HTTP API (JSON) and the web pages (HTML) all ask this
registry, so an answer looks the same wherever it is read, and a new format is one entry
here. Each renderer is imported when first used: ``medcite --help`` pays for none of them.

What comes back depends on the format: the rich renderable of the terminal view (text),
a document (Markdown, HTML: ``str``), or JSON-ready data (``dict``) that the caller
serialises its own way (indented for a terminal, validated against its model by the API).
HTML takes the page's options (``audience``, ``banner``, ``controls``).
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from medcite.records import Answer


class AnswerFormat(StrEnum):
    """The formats an answer is rendered in."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"


RENDERERS: dict[AnswerFormat, str] = {
    AnswerFormat.TEXT: "medcite.render.terminal:answer_view",
    AnswerFormat.MARKDOWN: "medcite.render.answer_markdown:answer_to_markdown",
    AnswerFormat.JSON: "medcite.render.answer_json:answer_to_json",
    AnswerFormat.HTML: "medcite.render.answer_html:answer_to_html",
}
"""Format → ``module:function`` of its renderer (imported on first use)."""


def render(answer: Answer, answer_format: AnswerFormat | str, **options: Any) -> Any:
    """``answer`` in ``answer_format``; ``options`` go to the renderer (HTML's page parts)."""
    module, _, function = RENDERERS[AnswerFormat(answer_format)].partition(":")
    return getattr(importlib.import_module(module), function)(answer, **options)
