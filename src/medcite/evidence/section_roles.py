"""A sentence's role in its abstract from what the abstract says of itself (interim rules).

A labelled section keeps its label's role (NLM's ``NlmCategory``, else the author's label
folded: "AIMS" → objective, "FINDINGS" → results); administrative lines — funding,
registration, competing interests, ethics approval, data availability, copyright — are
recognised by their wording wherever they stand. An unlabelled sentence gets a prior from
its position alone: abstracts open with background and close with conclusions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from medcite.records import Record, Sentence, SentenceRole

_LABEL_ROLES: tuple[tuple[str, SentenceRole], ...] = (
    ("conclusion", SentenceRole.CONCLUSIONS),
    ("interpretation", SentenceRole.CONCLUSIONS),
    ("implication", SentenceRole.CONCLUSIONS),
    ("summary", SentenceRole.CONCLUSIONS),
    ("result", SentenceRole.RESULTS),
    ("finding", SentenceRole.RESULTS),
    ("method", SentenceRole.METHODS),
    ("design", SentenceRole.METHODS),
    ("setting", SentenceRole.METHODS),
    ("participant", SentenceRole.METHODS),
    ("patient", SentenceRole.METHODS),
    ("intervention", SentenceRole.METHODS),
    ("measure", SentenceRole.METHODS),
    ("material", SentenceRole.METHODS),
    ("procedure", SentenceRole.METHODS),
    ("objective", SentenceRole.OBJECTIVE),
    ("aim", SentenceRole.OBJECTIVE),
    ("purpose", SentenceRole.OBJECTIVE),
    ("goal", SentenceRole.OBJECTIVE),
    ("question", SentenceRole.OBJECTIVE),
    ("background", SentenceRole.BACKGROUND),
    ("introduction", SentenceRole.BACKGROUND),
    ("context", SentenceRole.BACKGROUND),
    ("rationale", SentenceRole.BACKGROUND),
    ("importance", SentenceRole.BACKGROUND),
)
"""Author labels by the word they start with, in the order they are tried."""

_ADMINISTRATIVE: tuple[tuple[re.Pattern[str], SentenceRole], ...] = (
    (
        re.compile(
            r"\b(?:funded|funding|supported by (?:a |the )?(?:grant|national|foundation)|"
            r"grant (?:no|number)|sponsor(?:ed)? by)\b",
            re.IGNORECASE,
        ),
        SentenceRole.FUNDING,
    ),
    (
        re.compile(
            r"\b(?:registered (?:at|with|in|on)|registration(?: number| no)?[:.]|"
            r"clinicaltrials\.gov|NCT\d{8}|ISRCTN\d+|PROSPERO|CRD\d{6,}|"
            r"trial registr)",
            re.IGNORECASE,
        ),
        SentenceRole.REGISTRATION,
    ),
    (
        re.compile(
            r"\b(?:conflicts? of interest|competing interests?|no (?:financial )?"
            r"(?:conflict|disclosure)|declare[sd]? (?:that )?(?:they have )?no)\b",
            re.IGNORECASE,
        ),
        SentenceRole.CONFLICT,
    ),
    (
        re.compile(
            r"\b(?:approved by the (?:\w+ ){0,4}(?:ethics|review board|committee)|"
            r"institutional review board approv|informed consent was obtained)\b",
            re.IGNORECASE,
        ),
        SentenceRole.ETHICS,
    ),
    (
        re.compile(r"\b(?:data (?:are|is) available|data availability)\b", re.IGNORECASE),
        SentenceRole.DATA,
    ),
    (re.compile(r"(?:^|\s)(?:©|\(c\)\s*\d{4}|copyright\b)", re.IGNORECASE), SentenceRole.COPYRIGHT),
)
"""Administrative lines (ICMJE's disclosure headings; CONSORT item 23, trial registration)."""

ADMINISTRATIVE = frozenset(role for role in SentenceRole if role.administrative)


def label_role(label: str, category: str = "") -> SentenceRole | None:
    """The role a section's NLM category or author label names, if it names one."""
    if category and category.upper() != "UNASSIGNED":
        try:
            return SentenceRole(category.lower())
        except ValueError:
            pass
    folded = label.lower().strip(" :")
    for start, role in _LABEL_ROLES:
        if folded.startswith(start):
            return role
    return None


def administrative_role(text: str) -> SentenceRole | None:
    """The administrative kind of a line (funding, registration …), if it is one."""
    for pattern, role in _ADMINISTRATIVE:
        if pattern.search(text):
            return role
    return None


def sentence_role(
    record: Record, sentence: Sentence, position: float
) -> tuple[SentenceRole, Mapping[SentenceRole, float]]:
    """The sentence's role and a probability for each rhetorical role.

    ``position`` is the sentence's place in the abstract, 0 (first) to 1 (last).
    """
    administrative = administrative_role(sentence.text)
    if administrative is not None:
        return administrative, {}
    section = record.sections[sentence.section_index]
    named = label_role(section.label, section.category)
    if named is None:
        named = _inline_label(sentence.text)
    if named is not None:
        return named, {named: 1.0}
    prior = _position_prior(position)
    return max(prior, key=prior.__getitem__), prior


_INLINE_LABEL = re.compile(
    r"^\s*(?:([A-Z][A-Za-z ]{2,30}):\s|([A-Z][A-Z ]{2,30}[A-Z])\s+(?=[A-Z]))"
)
"""A label opening the sentence: "Results: …", or in capitals without a colon, as some
publishers print them ("CONCLUSIONS In this study …")."""


def _inline_label(text: str) -> SentenceRole | None:
    match = _INLINE_LABEL.match(text)
    return label_role(match.group(1) or match.group(2)) if match else None


def _position_prior(position: float) -> dict[SentenceRole, float]:
    """Rough role shares by position in unstructured abstracts (opening: background)."""
    if position <= 0.15:
        return {
            SentenceRole.BACKGROUND: 0.6,
            SentenceRole.OBJECTIVE: 0.3,
            SentenceRole.METHODS: 0.1,
        }
    if position >= 0.85:
        return {SentenceRole.CONCLUSIONS: 0.6, SentenceRole.RESULTS: 0.4}
    return {SentenceRole.METHODS: 0.3, SentenceRole.RESULTS: 0.6, SentenceRole.OBJECTIVE: 0.1}
