"""Recognise the recommendations of a guideline text, with their strength and grade.

Guidelines state what to do in graded sentences ("We recommend … (strong recommendation,
moderate-quality evidence)"), among many sentences of rationale. A sentence of a
guideline text is a recommendation when it recommends in the words guidelines use — "we
recommend / we suggest" (GRADE's wording, Andrews et al. 2013), "the USPSTF recommends",
"should", "is recommended", "is indicated", "may be considered", NICE's imperative
"Offer / Consider / Do not offer" — or carries a grade of a known scheme:

* GRADE: "strong|weak|conditional recommendation … high|moderate|low|very low-quality
  evidence", and ACCP's "Grade 1A … 2C";
* ACC/AHA: "Class I|IIa|IIb|III … Level of Evidence: A|B|C" ("COR", "LOE" too);
* USPSTF: "A|B|C|D recommendation", "I statement", "Grade: B";
* SIGN and guidelines' own schemes: "Grade A", "[A]", "Level II", "Strength of
  Recommendation: B", "(Level of evidence: 2++)".

A grade written just after the sentence, in its own brackets or on the next line
("(Strong recommendation; low-quality evidence.)"), or just before it ("Recommendation 3
(Grade B):") belongs to it. Strength follows the scheme (class I and III, USPSTF A and D,
GRADE strong, ACCP 1 are strong) or else the wording ("recommend", "should" strong;
"suggest", "may", "consider" conditional).

Only guideline texts are read this way (NLM publication types of guidelines and
consensus statements, or a title that says guideline, recommendation or consensus):
"we recommend further studies" in a trial report is not a recommendation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec.structs import replace

from medcite.records import (
    GradingScheme,
    Recommendation,
    RecommendationStrength,
    Record,
    SectionPart,
)

GUIDELINE_TYPES = frozenset(
    {"Practice Guideline", "Guideline", "Consensus Development Conference",
     "Consensus Development Conference, NIH"}
)  # fmt: skip
_GUIDELINE_TITLE = re.compile(
    r"\b(guidelines?|recommendations?|consensus|position statement|practice parameters?|"
    r"statement from|task force)\b",
    re.IGNORECASE,
)

_STRONG_WORDING = re.compile(
    r"\b(?:we|panel|committee|task force|USPSTF|group|guideline|authors?|society|ACIP|WHO)"
    r"\s+(?:strongly\s+)?(?:recommends?|advises?|endorses?)\b"
    r"|\b(?:is|are|be)\s+(?:not\s+)?(?:strongly\s+)?"
    r"(?:recommended|indicated|required|contraindicated)\b"
    r"|\b(?:should|must)\b(?!\s+be\s+noted)"
    r"|^(?:Offer|Do not offer|Do not use|Do not routinely|Give|Use|Refer|Ensure|Avoid|Perform)\b",
    re.IGNORECASE,
)
_CONDITIONAL_WORDING = re.compile(
    r"\b(?:we|panel|committee|task force|group|guideline|authors?)\s+(?:\w+\s+)?"
    r"(?:suggests?|proposes?)\b"
    r"|\b(?:is|are|be|seems?)\s+(?:reasonable|suggested|an option|acceptable)\b"
    r"|\bmay\s+be\s+(?:considered|used|offered|useful|beneficial|reasonable)\b"
    r"|\b(?:can|could)\s+be\s+(?:considered|used|offered)\b"
    r"|\bshould\s+be\s+considered\b"
    r"|^(?:Consider)\b",
    re.IGNORECASE,
)

_GRADE_GRADE = re.compile(
    r"\b(?P<strength>strong|weak|conditional|discretionary)\s+recommendations?\b"
    r"(?:[^.()\[\]]{0,40}?\b(?P<quality>high|moderate|low|very[- ]low)[- ](?:quality|certainty)"
    r"(?:\s+(?:of\s+)?(?:the\s+)?evidence)?)?",
    re.IGNORECASE,
)
_ACCP = re.compile(r"\bGrade\s+(?P<level>[12])\s*(?P<quality>[ABC])\b")
_ACC_AHA = re.compile(
    r"\b(?:Class|COR)\s*:?\s*(?P<klass>III|IIa|IIb|II|I)\b"
    r"(?:[^.()\[\]]{0,60}?(?:Level of Evidence|LOE|LoE)\s*:?\s*"
    r"(?P<level>[ABC](?:-R|-NR|-LD|-EO)?))?",
)
_USPSTF = re.compile(
    r"\b(?P<letter>[ABCD])\s+recommendation\b|\b(?P<i>I)\s+statement\b"
    r"|\bUSPSTF\b[^.]{0,40}?\bgrade\s*:?\s*(?P<graded>[ABCDI])\b",
)
_LETTER_OR_LEVEL = re.compile(
    r"(?:\b(?:Strength of (?:the )?Recommendation|Recommendation grade|Grade|Level|"
    r"Level of (?:the )?evidence|Quality of evidence|Evidence level|SOR|LOE)"
    r"\s*(?:of\s+recommendation)?\s*[:=]?\s*"
    r"(?P<value>[A-D](?![a-z])|[1-4](?:\+\+|\+|-)?(?![\d.])|I{1,3}V?|IV|V)"
    r"(?:\s*[,;]\s*(?:Level|Grade|Quality)[^.)\]]{0,25}?[:=]?\s*(?:[A-D]|[1-4][+-]{0,2}|I{1,3}V?|IV))?)"
    r"|[\[(](?P<bracket>[A-D])[\])]"
    r"|\bSIGN\s+grade\s+(?P<sign>[A-D])\b",
)
_HEADING_GRADE = re.compile(r"^[^.]{0,80}?\((?:Grade|Level|Class)\s+[^)]{1,30}\)\s*:?\s*$")

STRENGTH_BY_ACC_AHA = {
    "I": RecommendationStrength.STRONG,
    "III": RecommendationStrength.STRONG,
    "IIa": RecommendationStrength.CONDITIONAL,
    "IIb": RecommendationStrength.CONDITIONAL,
    "II": RecommendationStrength.CONDITIONAL,
}
STRENGTH_BY_USPSTF = {
    "A": RecommendationStrength.STRONG,
    "D": RecommendationStrength.STRONG,
    "B": RecommendationStrength.CONDITIONAL,
    "C": RecommendationStrength.CONDITIONAL,
    "I": RecommendationStrength.UNSTATED,
}


def is_guideline_text(record: Record) -> bool:
    """Whether a record is a guideline or consensus text, by its types or its title."""
    if GUIDELINE_TYPES.intersection(record.publication_types):
        return True
    return bool(_GUIDELINE_TITLE.search(record.title))


def with_recommendations(record: Record, sentences: Sequence[tuple[int, int, int]]) -> Record:
    """The record with its recommendations set, when it is a guideline text.

    ``sentences`` are the record's sentence spans ``(section_index, start, end)``.
    """
    if not is_guideline_text(record):
        return record
    found = find_recommendations(record, sentences)
    return replace(record, recommendations=found) if found else record


def find_recommendations(
    record: Record, sentences: Sequence[tuple[int, int, int]]
) -> tuple[Recommendation, ...]:
    """Every recommendation among ``sentences`` of a guideline text, in reading order."""
    found: list[Recommendation] = []
    texts = [record.sections[i].text[start:end] for i, start, end in sentences]
    for position, (section_index, start, end) in enumerate(sentences):
        if record.sections[section_index].part is SectionPart.TABLE:
            continue
        text = texts[position]
        before = texts[position - 1] if position else ""
        after = texts[position + 1] if position + 1 < len(texts) else ""
        recommendation = recognise(text, before, after)
        if recommendation is not None:
            strength, grade, scheme = recommendation
            found.append(Recommendation(section_index, start, end, strength, grade, scheme))
    return tuple(found)


def recognise(
    sentence: str, before: str = "", after: str = ""
) -> tuple[RecommendationStrength, str, GradingScheme] | None:
    """Strength, grade and scheme of a sentence that recommends; None for any other."""
    if len(sentence) < 25 or sentence.rstrip().endswith("?") or _HEADING_GRADE.match(sentence):
        return None
    strong, conditional = _STRONG_WORDING.search(sentence), _CONDITIONAL_WORDING.search(sentence)
    graded = _grade(sentence)
    if graded is None and after.lstrip().startswith(("(", "[")):
        graded = _grade(after)
    if graded is None and _HEADING_GRADE.match(before):
        graded = _grade(before)
    if graded is None and not (strong or conditional):
        return None
    if graded is None:
        strength = (
            RecommendationStrength.CONDITIONAL if conditional else RecommendationStrength.STRONG
        )
        return strength, "", GradingScheme.WORDING
    strength, grade, scheme = graded
    if strength is RecommendationStrength.UNSTATED and (strong or conditional):
        strength = (
            RecommendationStrength.CONDITIONAL if conditional else RecommendationStrength.STRONG
        )
    return strength, grade, scheme


def _grade(text: str) -> tuple[RecommendationStrength, str, GradingScheme] | None:
    """The grade a text states, in the first scheme that matches."""
    if match := _GRADE_GRADE.search(text):
        strong = match["strength"].lower() == "strong"
        strength = RecommendationStrength.STRONG if strong else RecommendationStrength.CONDITIONAL
        return strength, _clean(match.group()), GradingScheme.GRADE
    if match := _ACCP.search(text):
        strong = match["level"] == "1"
        strength = RecommendationStrength.STRONG if strong else RecommendationStrength.CONDITIONAL
        return strength, _clean(match.group()), GradingScheme.GRADE
    if match := _ACC_AHA.search(text):
        return STRENGTH_BY_ACC_AHA[match["klass"]], _clean(match.group()), GradingScheme.ACC_AHA
    if match := _USPSTF.search(text):
        letter = match["letter"] or match["i"] or match["graded"]
        return STRENGTH_BY_USPSTF[letter], _clean(match.group()), GradingScheme.USPSTF
    if match := _LETTER_OR_LEVEL.search(text):
        scheme = GradingScheme.SIGN if "SIGN" in text else GradingScheme.LEVEL
        return RecommendationStrength.UNSTATED, _clean(match.group()), scheme
    return None


def _clean(grade: str) -> str:
    return " ".join(grade.strip(" ([]);:,").split())
