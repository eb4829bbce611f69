"""The words of structured abstracts' section labels, and labels run into the text.

Two stages read labels: evidence gives a labelled sentence its role (``evidence.roles``),
and composition drops a label that opens a sentence from the statement quoting it, its
verifier checking that nothing else was dropped (``compose.labels``). If they disagreed
on what a label is, a sentence would be read as a finding while its statement lost a
word, so the words of labels (after NLM's list: ``evidence.roles.labels``) live here,
beside the roles they name.
"""

from __future__ import annotations

import re

from medcite.records.roles import SentenceRole

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

LABEL_CONNECTORS = frozenset({"AND", "OF", "THE", "STUDY", "MAIN", "KEY"})
"""Words that join the key words of a label ("MAIN OUTCOME MEASURES") and name no move."""

MOST_LABEL_WORDS = 5
"""The most words a label runs to ("RESEARCH DESIGN AND METHODS")."""

_LABEL_JOINS = re.compile(r"[\s/&-]+")
_TOKEN = re.compile(r"\S+")
_LABEL_TOKEN = re.compile(r"[A-Z]{2,}(?:\(S\))?(?:[/&-][A-Z]{2,}(?:\(S\))?)*,?")
_PLURAL_MARK = "(S)"
"""How some journals write a label's optional plural ("MAIN OUTCOME MEASURE(S)",
"CONCLUSION(S)", Fertility and Sterility's style): a word of labels still."""
_OPENS_A_SENTENCE = re.compile(r"[A-Z0-9(\[]")


def is_label(words: str) -> bool:
    """Whether ``words`` are a label's: at most ``MOST_LABEL_WORDS``, each (in capitals) a
    word of section labels, joined by spaces, "/", "&" or "-" ("PATIENTS AND METHODS",
    "BACKGROUND/AIMS")."""
    found = [word for word in _LABEL_JOINS.split(words.upper()) if word]
    return len(found) <= MOST_LABEL_WORDS and all(_is_label_word(word) for word in found)


def _is_label_word(word: str) -> bool:
    if word.endswith(_PLURAL_MARK):  # "PATIENT(S)": PATIENT or PATIENTS
        stem = word.removesuffix(_PLURAL_MARK)
        return _is_label_word(stem) or _is_label_word(stem + "S")
    return word in LABEL_WORDS or word in ADMINISTRATIVE_LABEL_WORDS or word in LABEL_CONNECTORS


def bare_label_length(text: str) -> int:
    """How many characters of ``text`` are a label that opens it in capitals with no colon,
    with the space after it ("OBJECTIVE To compare …", "MAIN OUTCOME MEASURES (a) …"); 0
    when none.

    Abstracts taken from publishers' pages run their labels into the text so (1,045 of the
    5,183 abstracts of SciFact's corpus), and "OBJECTIVE To compare the relative risks …"
    led an answer as a finding (a hand review). Without the colon only the words of labels
    count, whole words, so a sentence opening with a name in capitals ("HIV RNA fell …",
    "CASE-control …") keeps it and "RESULTS HIV-infected patients …" loses only
    "RESULTS". Its words may be joined by commas ("DESIGN, SETTING, AND PARTICIPANTS"),
    and end in a plural mark ("MAIN OUTCOME MEASURE(S) Ovulation and pregnancy." led "What
    is the first-line drug to induce ovulation in PCOS …?" as a result, review 20).
    The label must be followed by what opens a sentence, and a sentence all in
    capitals (a title) has none.
    """
    words: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text):
        if len(words) == MOST_LABEL_WORDS or not _LABEL_TOKEN.fullmatch(token[0]):
            break
        if not is_label(token[0].rstrip(",")):
            break
        words.append(token)
    while words and words[-1][0].rstrip(",") in LABEL_CONNECTORS:  # "MAIN Outcome …"
        words.pop()
    if not words:
        return 0
    end = words[-1].end()
    rest = text[end:].lstrip()
    if not rest or not _OPENS_A_SENTENCE.match(rest) or not any(c.islower() for c in rest):
        return 0
    return len(text) - len(rest)
