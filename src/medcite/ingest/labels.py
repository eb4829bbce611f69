"""Structured abstracts written as one paragraph, split back into labelled sections.

NLM's text format (and plain text pasted from PubMed) flattens a structured abstract
into one paragraph with inline labels: "BACKGROUND: ... METHODS: ... RESULTS: ...".
The XML keeps them apart as ``AbstractText Label=...``; this restores the same shape so
every reader yields the same ``Section`` records.

A label is recognised only when it is upper case, 2–60 characters of letters, spaces
and ``&/,-``, ends with a colon, and stands at the start of the text or of a sentence
(after ". ", "? " or "! "). That keeps "p < 0.05: ..." or "ratio: 3" from splitting.
NLM's own list of labels and their categories is at
https://structuredabstracts.nlm.nih.gov/; the common ones map to ``category`` here.
"""

from __future__ import annotations

import re

from medcite.records import Section

_LABEL = re.compile(
    r"(?:^|(?<=[.?!])\s+)"  # at the start, or after the end of a sentence
    r"(?P<label>[A-Z][A-Z&/,\- ]{1,58}[A-Z]):\s+"
)

CATEGORIES: dict[str, str] = {
    "BACKGROUND": "BACKGROUND",
    "INTRODUCTION": "BACKGROUND",
    "CONTEXT": "BACKGROUND",
    "RATIONALE": "BACKGROUND",
    "PURPOSE": "OBJECTIVE",
    "OBJECTIVE": "OBJECTIVE",
    "OBJECTIVES": "OBJECTIVE",
    "AIM": "OBJECTIVE",
    "AIMS": "OBJECTIVE",
    "METHODS": "METHODS",
    "METHOD": "METHODS",
    "DESIGN": "METHODS",
    "SETTING": "METHODS",
    "PATIENTS": "METHODS",
    "PARTICIPANTS": "METHODS",
    "MATERIALS AND METHODS": "METHODS",
    "PATIENTS AND METHODS": "METHODS",
    "RESULTS": "RESULTS",
    "FINDINGS": "RESULTS",
    "CONCLUSION": "CONCLUSIONS",
    "CONCLUSIONS": "CONCLUSIONS",
    "INTERPRETATION": "CONCLUSIONS",
}
"""Common labels → NLM ``NlmCategory``; other labels keep an empty category."""


def split_inline_labels(text: str) -> tuple[Section, ...]:
    """Split "BACKGROUND: ... RESULTS: ..." into labelled sections.

    Returns one unlabelled ``Section`` when the text has no inline labels (or only text
    would be lost: a label with nothing after it is kept as text). Text before the first
    label becomes an unlabelled section of its own.
    """
    text = " ".join(text.split())
    if not text:
        return ()
    matches = list(_LABEL.finditer(text))
    if not matches:
        return (Section(text=text),)
    sections: list[Section] = []
    head = text[: matches[0].start()].strip()
    if head:
        sections.append(Section(text=head))
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        body = text[match.end() : end].strip()
        label = match.group("label").strip()
        if not body:
            return (Section(text=text),)
        sections.append(Section(text=body, label=label, category=CATEGORIES.get(label, "")))
    return tuple(sections)
