"""The parts of a record that describe its own study, where design and size are read.

A structured abstract's BACKGROUND tells what *other* studies found ("a meta-analysis
suggested…", "we once saw a patient…"), so cues there would misgrade the record; its
title, objective, methods, results and conclusions describe the study itself.
Unstructured abstracts cannot be split this way and are read whole.
"""

from __future__ import annotations

import re

from medcite.records import Record, Section

_BACKGROUND_CATEGORIES = frozenset({"BACKGROUND"})
_BACKGROUND_LABEL = re.compile(r"\s*(?:background|introduction|context|rationale)\b", re.I)


def is_background(section: Section) -> bool:
    """True for a section that reports prior work rather than the study itself.

    NLM's ``NlmCategory`` decides when present; otherwise the author's label.
    """
    if section.category:
        return section.category.upper() in _BACKGROUND_CATEGORIES
    return bool(_BACKGROUND_LABEL.match(section.label))


def study_passages(record: Record) -> tuple[str, ...]:
    """The title and every non-background section text, in order."""
    texts = [section.text for section in record.sections if not is_background(section)]
    return (record.title, *texts) if record.title else tuple(texts)
