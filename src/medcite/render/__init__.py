"""The ``render`` stage: pure formatting of answers and records (text, Markdown, JSON, HTML),
and reference exports (RIS, BibTeX, CSL-JSON)."""

from medcite.render.answer_html import PageControls, ReviewBanner, answer_to_html
from medcite.render.answer_json import answer_to_json
from medcite.render.answer_markdown import answer_to_markdown
from medcite.render.bibtex import references_to_bibtex
from medcite.render.citation import vancouver
from medcite.render.csl_json import references_to_csl, references_to_csl_json
from medcite.render.question import question_to_json, question_view
from medcite.render.ris import references_to_ris
from medcite.render.terminal import answer_view, ingest_summary_view, record_view, search_view

__all__ = [
    "PageControls",
    "ReviewBanner",
    "answer_to_html",
    "answer_to_json",
    "answer_to_markdown",
    "answer_view",
    "ingest_summary_view",
    "question_to_json",
    "question_view",
    "record_view",
    "references_to_bibtex",
    "references_to_csl",
    "references_to_csl_json",
    "references_to_ris",
    "search_view",
    "vancouver",
]
