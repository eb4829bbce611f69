"""The ``render`` stage: pure formatting of answers and records (text, Markdown, JSON, HTML),
and reference exports (RIS, BibTeX, CSL-JSON).

Answers are rendered through one registry, :func:`render` (``render.formats``). Names are
imported from their modules when first used, so a command that renders nothing (``medcite
--help``) imports no renderer (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from medcite.render.formats import AnswerFormat, render

if TYPE_CHECKING:
    from medcite.render.answer_html import PageControls, ReviewBanner, answer_to_html
    from medcite.render.answer_json import answer_to_json
    from medcite.render.answer_markdown import answer_to_markdown
    from medcite.render.bibtex import references_to_bibtex
    from medcite.render.citation import vancouver
    from medcite.render.csl_json import references_to_csl, references_to_csl_json
    from medcite.render.question import question_to_json, question_view
    from medcite.render.ris import references_to_ris
    from medcite.render.terminal import (
        answer_view,
        ingest_summary_view,
        record_view,
        search_view,
    )

_HOMES = {
    "PageControls": "answer_html",
    "ReviewBanner": "answer_html",
    "answer_to_html": "answer_html",
    "answer_to_json": "answer_json",
    "answer_to_markdown": "answer_markdown",
    "answer_view": "terminal",
    "ingest_summary_view": "terminal",
    "question_to_json": "question",
    "question_view": "question",
    "record_view": "terminal",
    "references_to_bibtex": "bibtex",
    "references_to_csl": "csl_json",
    "references_to_csl_json": "csl_json",
    "references_to_ris": "ris",
    "search_view": "terminal",
    "vancouver": "citation",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
