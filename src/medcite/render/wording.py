"""The words the answer page says in its own voice, shared by every renderer.

Everything else on the page is quoted from records or vocabularies; these lines are
medcite's: the disclaimer when the engine composed none, what an answer state means, how a
gap is worded, the evidence levels' names. Keeping them in one place keeps the terminal,
Markdown and HTML pages saying the same thing.
"""

from __future__ import annotations

import re
from datetime import date

from medcite.records import (
    Answer,
    AnswerState,
    Audience,
    EvidenceGap,
    EvidenceLevel,
    GapKind,
    Reference,
)

DISCLAIMERS = {
    Audience.CLINICIAN: (
        "For healthcare professionals. Every statement above is a sentence of the cited "
        "record: check it against the source before relying on it. Clinical decisions rest "
        "on clinical judgment, current guidelines and the full texts."
    ),
    Audience.RESEARCHER: (
        "Statements are sentences quoted from the cited abstracts, selected automatically; "
        "read the full texts before citing them."
    ),
    Audience.PATIENT: (
        "This page is for education, not medical advice. The sentences come from research "
        "papers written for professionals: talk them over with your doctor or care team "
        "before changing any treatment."
    ),
}
"""The fallback disclaimers, for answers that carry none of their own (saved earlier)."""

AUDIENCE_LABELS = {
    Audience.CLINICIAN: "clinicians",
    Audience.RESEARCHER: "researchers",
    Audience.PATIENT: "patients and caregivers",
}

STATE_MESSAGES = {
    AnswerState.INSUFFICIENT_EVIDENCE: (
        "The evidence in the index is insufficient to answer this question, so nothing is "
        "cited rather than records on neighbouring topics."
    ),
    AnswerState.NO_RECORDS: "No record in the index addresses this question.",
}

LEVEL_LABELS = {
    EvidenceLevel.GUIDELINE: "guideline",
    EvidenceLevel.SYNTHESIS: "systematic review / meta-analysis",
    EvidenceLevel.RANDOMIZED: "randomized trial",
    EvidenceLevel.NONRANDOMIZED: "non-randomized study",
    EvidenceLevel.CASE: "case report / series",
    EvidenceLevel.OPINION: "expert opinion",
    EvidenceLevel.PRELIMINARY: "preliminary report",
    EvidenceLevel.PRECLINICAL: "preclinical study",
    EvidenceLevel.UNGRADED: "ungraded",
}

GAP_LABELS = {
    GapKind.NO_EVIDENCE: "No direct evidence in the index.",
    GapKind.INDIRECT_ONLY: "Only indirect evidence.",
}

EMPTY_SECTION = "No statement in the index addresses this part of the question."
"""Shown under a section without statements whose answer gives no note of its own."""

_SNAPSHOT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})T")


def audience_of(answer: Answer, audience: str | None = None) -> Audience:
    """The audience a page is shown for: the one asked for, else the answer's own."""
    if audience is not None and audience in set(Audience):
        return Audience(audience)
    return answer.audience


def disclaimer(answer: Answer, audience: Audience) -> str:
    """The engine's disclaimer for the answer, else the fallback worded for ``audience``."""
    return answer.disclaimer or DISCLAIMERS[audience]


def state_message(answer: Answer) -> str:
    """Why the page cites nothing, when it cannot answer ("" when it answers)."""
    return STATE_MESSAGES.get(answer.state, "")


def gap_line(gap: EvidenceGap) -> str:
    """A gap as a reader sees it after its facet: the engine's sentence, else its kind.

    Composition words the detail as a whole sentence ("Only indirect evidence: CT, …"),
    so it is shown as it is; the kind alone stands in when there is none.
    """
    return gap.detail or GAP_LABELS[gap.kind]


def reference_evidence(reference: Reference) -> tuple[str, ...]:
    """The graded evidence of a reference: design, size (the level is shown as a badge)."""
    found = []
    if reference.study_design is not None and reference.study_design.value != "unknown":
        found.append(reference.study_design.label)
    if reference.sample_size is not None:
        found.append(f"n = {reference.sample_size:,}")
    return tuple(found)


def shown_types(reference: Reference) -> tuple[str, ...]:
    """Publication types worth showing ("Journal Article" says nothing)."""
    return tuple(kind for kind in reference.publication_types if kind != "Journal Article")


def snapshot_date(snapshot_id: str) -> date | None:
    """The day an index snapshot was built, read from its id ("20261122T0912…")."""
    found = _SNAPSHOT_DATE.match(snapshot_id)
    if not found:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def answer_notes(answer: Answer) -> tuple[str, ...]:
    """The answer's notes not already shown with how the question was understood."""
    shown = set(answer.understanding.notes) if answer.understanding else set()
    return tuple(note for note in answer.notes if note not in shown)
