"""The ``render`` stage: pure formatting of answers and records (text, Markdown, JSON, HTML)."""

from medcite.render.answer_html import PageControls, ReviewBanner, answer_to_html
from medcite.render.answer_json import answer_to_json
from medcite.render.answer_markdown import answer_to_markdown
from medcite.render.citation import vancouver
from medcite.render.terminal import answer_view, ingest_summary_view, record_view, search_view

__all__ = [
    "PageControls",
    "ReviewBanner",
    "answer_to_html",
    "answer_to_json",
    "answer_to_markdown",
    "answer_view",
    "ingest_summary_view",
    "record_view",
    "search_view",
    "vancouver",
]
