"""The role a section label gives its sentences: NLM's category, else the label folded.

NLM maps each of the ~2,000 labels authors use in structured abstracts to one of five
categories (``NlmCategory``: BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS;
"Structured Abstracts in MEDLINE", https://structuredabstracts.nlm.nih.gov/, label
list and category mappings; Ripple et al., J Med Libr Assoc 2011;99:160-3). Where the
XML gives the category, it decides. Publisher-supplied and in-process records, MEDLINE
text and plain files carry only the author's label (or UNASSIGNED, for labels NLM has
not mapped), so the label is folded the way NLM's list folds it: by its key words, and
for a combined label ("BACKGROUND AND AIMS", "METHODS AND RESULTS") by the last of
them, as NLM's list maps those to the later move.

Labels of administrative statements ("TRIAL REGISTRATION", "FUNDING") come first: NLM
files several of them under BACKGROUND, which is no place for a registry number.
Labels that name no move ("ABSTRACT", "UNLABELLED", "KEY WORDS") give no role; the
model decides for their sentences.
"""

from __future__ import annotations

import re

from medcite.records import RHETORICAL_ROLES, SentenceRole

R = SentenceRole

ADMINISTRATIVE_LABEL_WORDS: dict[str, SentenceRole] = {
    "REGISTRATION": R.REGISTRATION,
    "REGISTRY": R.REGISTRATION,
    "REGISTERED": R.REGISTRATION,
    "IDENTIFIER": R.REGISTRATION,
    "CLINICALTRIAL": R.REGISTRATION,
    "CLINICALTRIALS": R.REGISTRATION,
    "PROSPERO": R.REGISTRATION,
    "FUNDING": R.FUNDING,
    "SPONSORSHIP": R.FUNDING,
    "GRANT": R.FUNDING,
    "CONFLICT": R.CONFLICT,
    "CONFLICTS": R.CONFLICT,
    "COMPETING": R.CONFLICT,
    "DISCLOSURE": R.CONFLICT,
    "DISCLOSURES": R.CONFLICT,
    "ETHICS": R.ETHICS,
    "ETHICAL": R.ETHICS,
    "AVAILABILITY": R.DATA,
    "AVAILABILITYAND": R.DATA,
    "SUPPLEMENTARY": R.DATA,
    "COPYRIGHT": R.COPYRIGHT,
}
"""Words that make a label administrative; the first such word decides."""

LABEL_WORDS: dict[str, SentenceRole] = {
    **dict.fromkeys(
        "BACKGROUND BACKGROUNDS BACKGROUD INTRODUCTION CONTEXT RATIONALE IMPORTANCE "
        "MOTIVATION PREMISE THEORY CONTENT".split(),
        R.BACKGROUND,
    ),
    **dict.fromkeys(
        "OBJECTIVE OBJECTIVES AIM AIMS PURPOSE PURPOSES GOAL GOALS HYPOTHESIS HYPOTHESES "
        "QUESTION QUESTIONS OBJECT PROBLEM".split(),
        R.OBJECTIVE,
    ),
    **dict.fromkeys(
        "METHOD METHODS METHODOLOGY MATERIAL MATERIALS DESIGN SETTING SETTINGS PARTICIPANTS "
        "PATIENTS SUBJECTS POPULATION SAMPLE INTERVENTION INTERVENTIONS MEASUREMENT "
        "MEASUREMENTS MEASURE MEASURES EXPOSURE EXPOSURES ANALYSIS ANALYSES SOURCES CRITERIA "
        "SEARCH CASE CASES PRESENTATION DESCRIPTION PROCEDURE PROCEDURES APPROACH "
        "EXPERIMENT EXPERIMENTS ANIMALS DIAGNOSIS DIAGNOSES CONCERNS COVERED STUDY SELECTION "
        "EXTRACTION ACQUISITION LOCATION PROTOCOL ENDPOINTS SCOPE TECHNIQUE EVIDENCE".split(),
        R.METHODS,
    ),
    **dict.fromkeys(
        "RESULT RESULTS FINDINGS FINDING OUTCOME OUTCOMES OBSERVATIONS SYNTHESIS".split(),
        R.RESULTS,
    ),
    **dict.fromkeys(
        "CONCLUSION CONCLUSIONS INTERPRETATION DISCUSSION DISCUSSIONS IMPLICATION IMPLICATIONS "
        "SIGNIFICANCE LIMITATION LIMITATIONS SUMMARY LESSONS OPINION MESSAGE MESSAGES "
        "RELEVANCE IMPACT PERSPECTIVES OUTLOOK RECOMMENDATIONS".split(),
        R.CONCLUSIONS,
    ),
}
"""Key words of author labels and the move NLM's list maps them to."""

EXACT_LABELS: dict[str, SentenceRole | None] = {
    "ETHNOPHARMACOLOGICAL RELEVANCE": R.BACKGROUND,
    "MAIN OUTCOME MEASURES": R.METHODS,
    "MAIN OUTCOMES AND MEASURES": R.METHODS,
    "PRIMARY OUTCOME MEASURES": R.METHODS,
    "LEVEL OF EVIDENCE": R.METHODS,
    "RECENT FINDINGS": R.RESULTS,
    "CASE SUMMARY": R.METHODS,
    "CONCLUSIONS AND CLINICAL IMPORTANCE": R.CONCLUSIONS,
    "WHAT IS KNOWN ALREADY": R.BACKGROUND,
    "LEARNING POINTS": R.CONCLUSIONS,
    "CLINICAL TRIAL": R.REGISTRATION,
    "CLINICAL TRIAL NUMBER": R.REGISTRATION,
    "DATA ACCESS STATEMENT": R.DATA,
    "PURPOSE OF REVIEW": R.OBJECTIVE,
    "ABSTRACT": None,
    "UNLABELLED": None,
}
"""Labels whose key words would mislead, with the move NLM's list gives them (or none)."""

_CATEGORIES = {role.value.upper(): role for role in RHETORICAL_ROLES}
_NOT_LETTERS = re.compile(r"[^A-Z]+")


def label_role(label: str, category: str = "") -> SentenceRole | None:
    """The role a section's label gives its sentences; None when it names no move.

    ``category`` is NLM's ``NlmCategory`` when the source gives one.
    """
    words = _NOT_LETTERS.sub(" ", label.upper()).split()
    key = " ".join(words)
    exact = EXACT_LABELS.get(key)
    if exact is not None and not exact.rhetorical:
        return exact
    administrative = [
        ADMINISTRATIVE_LABEL_WORDS[w] for w in words if w in ADMINISTRATIVE_LABEL_WORDS
    ]
    if administrative:
        return administrative[0]
    if category.upper() in _CATEGORIES:
        return _CATEGORIES[category.upper()]
    if key in EXACT_LABELS:
        return exact
    moves = [LABEL_WORDS[w] for w in words if w in LABEL_WORDS]
    return moves[-1] if moves else None
