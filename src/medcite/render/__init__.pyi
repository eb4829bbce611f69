"""The names ``medcite.render`` exports, each imported from its module when first used."""

from .answer_html import PageControls, ReviewBanner, answer_to_html
from .answer_json import answer_to_json
from .answer_markdown import answer_to_markdown
from .bibtex import references_to_bibtex
from .citation import vancouver
from .csl_json import references_to_csl, references_to_csl_json
from .formats import AnswerFormat, render
from .question import question_to_json, question_view
from .ris import references_to_ris
from .terminal import answer_view, ingest_summary_view, record_view, search_view

__all__ = [
    "AnswerFormat",
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
    "render",
    "search_view",
    "vancouver",
]
