"""The grades guidelines give their recommendations, in the schemes they use.

* GRADE: "strong|weak|conditional recommendation … high|moderate|low|very low-quality
  evidence", and ACCP's "Grade 1A … 2C" (1 strong, 2 weak; A–C the quality);
* ACC/AHA: "Class I|IIa|IIb|III … Level of Evidence: A|B|C" ("COR", "LOE" too);
* USPSTF: "A|B|C|D recommendation", "I statement", "Grade: B";
* SIGN and the guidelines' own schemes, which each guideline defines: a labelled value
  ("Grade A", "Level II-2", "Strength of Recommendation: B", "Evidence Quality: I;
  Recommendation Strength: Strong", "Level of evidence: 2++"), a bracketed letter, alone or
  with a class ("[A]", "[I, D]").

Labels are matched as guidelines write them, capitalised ("Grade B", not the "grade 3" of
a tumour), and the grade is returned as written, so the page shows what the guideline says.

``find_grade`` and ``grade_alone`` keep their latest answers: reading a guideline asks
them of each sentence several times (whether it is a grade on its own line, then whether
it recommends and with what grade, then as the sentence before or after the next one),
each answer a dozen case-insensitive patterns run over the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medcite.records import GradingScheme, RecommendationStrength
from medcite.words import is_title_line

_QUALITY = r"(?:high|moderate|low|very[- ]low)"
_GRADE_GRADE = re.compile(
    rf"\b(?P<strength>strong|weak|conditional|discretionary)\s+recommendations?\b"
    rf"(?:[^.()\[\]]{{0,40}}?\b{_QUALITY}[- ](?:quality|certainty)"
    r"(?:\s+(?:of\s+)?(?:the\s+)?evidence)?)?"
    # short, in brackets: IDSA's "(strong, moderate)", VA/DoD's "(Weak For; …)"
    rf"|(?<=[\[(])(?P<short>strong|weak|conditional)(?:\s*[,;]\s*{_QUALITY}\b"
    r"|\s+(?:for|against)\b)",
    re.IGNORECASE,
)
_ACCP = re.compile(
    r"\bGrade\s+(?P<level>[12])\s*(?P<quality>[ABC])\b"
    # bracketed alone, as KDIGO and ACCP's heirs write it: "(1B)", "(2D)"; SCCM's sign
    # says for or against: "(+1B)", "(-2C)"; "[1-A]"
    r"|[\[(][+-]?(?P<bare>[12])\s*-?\s*[A-D][\])]"
    # with the quality in symbols, as the Endocrine Society and AACE write it: "(1|++OO)"
    r"|[\[(](?P<symbols>[12])\s*\|\s*[+O⊕○]{4}[\])]"
)
_ACC_AHA = re.compile(
    r"\b(?:Class|COR)\s*[:=]?\s*(?P<klass>III|IIa|IIb|II|I)\b(?:\s*:\s*(?:No\s+Benefit|Harm)\b)?"
    r"(?:[^.()\[\]]{0,60}?(?:Level of Evidence|LOE|LoE)\s*[:=]?\s*"
    r"(?P<level>[ABC](?:-R|-NR|-LD|-EO)?))?"
    # the level first: "Level of Evidence = C (Benefit/Effectiveness/Harm = Class I)"
    r"|\b(?:Level of Evidence|LOE|LoE)\s*[:=]?\s*[ABC](?:-R|-NR|-LD|-EO)?\b"
    r"[^.\[\]]{0,60}?\b(?:Class|COR)\s*[:=]?\s*(?P<klass_after>III|IIa|IIb|II|I)\b",
)
_USPSTF = re.compile(
    r"(?<!Grade )\b(?P<letter>[ABCD])\s+recommendation\b|\b(?P<i>I)\s+statement\b"
    r"|\bUSPSTF\b[^.]{0,40}?\bgrade\s*:?\s*(?P<graded>[ABCDI])\b",
)
_KEYWORD = (
    r"(?:(?i:strength\s+of\s+(?:the\s+)?(?:recommendations?|evidence)"
    r"|(?:recommendation|evidence)\s+(?:strength|grade|level|quality|rating)"
    r"|quality\s+of\s+(?:the\s+)?evidence"
    r"|levels?\s+of\s+(?:the\s+)?(?:evidence|recommendation)|grade\s+of\s+recommendation)"
    r"|Grade|Level|Category|Rating|SOR|LOE|QOE|LE|GR)"
)
_VALUE = (
    r"(?:[A-E](?![a-z])|[1-5](?:[abc]|\+\+|\+|-)?(?![\d.])"
    r"|(?:IV|V|I{1,3})(?:[a-dA-D]|-[1-3])?(?![a-z])"
    r"|(?i:very\s+low|strong|moderate|weak|conditional|low|high|insufficient|expert\s+opinion|consensus"
    r"|theoretical(?:/foundational)?|best\s+practice)\b)"
)
_CODE = (
    r"(?:(?:IV|I{1,3})[ab]?(?:-[1-3])?\s*[,;/-]?\s*)?[A-E]"
    r"(?:(?:\s*[,;/-]\s*|\s+)(?:IV|I{1,3})[ab]?)?"
)
"""A class and a letter: "[A]", "[I, D]", "(Ib, A)", "(A IV)", the Canadian Task Force's
"(II-2B)"."""
_LABELLED = (
    rf"\b{_KEYWORD}\b\s*(?:of\s+recommendation\s*)?(?:[:=]|-(?=\s))?\s*{_VALUE}"
    rf"(?:\s*&\s*{_VALUE})*"  # RNAO's "Levels of Evidence = Ia & V"
)
_LETTER_OR_LEVEL = re.compile(
    rf"{_LABELLED}(?:\s*[,;/]\s*{_LABELLED})*"
    rf"|[\[(](?P<bracket>{_CODE}(?:\s*[,;]\s*{_CODE})*)[\])]"
    r"|\bSIGN\s+grade\s+(?P<sign>[A-D])\b"
    # SIGN's letter or good practice point before the statement: "B - Offer …", "GCP - …",
    # "D: Measure …", "D (2007): …" (the year it was added)
    r"|^(?P<lead>[A-D]|GCP|GPP)(?=(?:\s+\(\d{4}\))?(?:\s+[-–—]\s+\w|:\s+[A-Z]))"
    r"|[\[(](?P<roman>IV|V|I{1,3})[\])]"  # a level alone: "(III)"
    # the Academy of Nutrition and Dietetics' rating, on a line of its own after its
    # statements: "Fair, Imperative", "Consensus, Conditional"
    r"|^(?:Strong|Fair|Weak|Consensus|Insufficient\s+Evidence),\s+(?:Imperative|Conditional)\.?$"
    r"|[\[(](?P<kind>(?i:expert\s+opinion|expert\s+consensus"
    r"|consensus(?:\s+statement|\s+recommendation)?"
    r"|clinical\s+principle|good\s+practice\s+point|GPP|best\s+practice"
    # WHO's kinds of recommendation: "(Recommended)", "(Context-specific recommendation)"
    r"|(?:not\s+)?recommended|context-specific\s+recommendation[^()\[\]]{0,20}"
    r"|recommended\s+only\s+in\s+the\s+context\s+of\s+(?:rigorous\s+)?research"
    # GRADE's quality alone, the strength left to the wording: ILADS's "(Recommendation,
    # very low-quality evidence)"
    rf"|recommendation\s*[,;]\s*{_QUALITY}[- ]quality\s+evidence))[\])]"
    # the quality alone at the end of a note: "(… low-income countries—low quality of evidence)"
    rf"|(?<![\w-])(?i:{_QUALITY})\s+quality\s+of\s+(?:the\s+)?evidence(?=[\])])",
)
_ACTION_STATEMENT = re.compile(
    r"(?P<kind>(?:(?P<strong>Strong)\s+)?[Rr]ecommendation(?:\s+against\s+[\w-]+)?|Option"
    r"|No\s+recommendation)\s+based\s+on\b"
)
"""The American Academy of Otolaryngology's grade line under an action statement: "Strong
recommendation based on randomized controlled trials …", "Option based on …"."""
_RATING_LINE = re.compile(
    r"Rating\s*:\s*[A-Za-z]+(?:\s+[A-Za-z]+)?(?:\s+Evidence\s*:\s*[A-Z](?:\s*,\s*[A-Z])*)?\.?"
)
"""A guideline's own rating on a line of its own, in words, with the kinds of evidence
behind it: the Council on Chiropractic Practice's "Rating: Established Evidence: E, L"."""
_CODE_ALONE = re.compile(r"[\[(](?P<code>[A-Z]{2,4})[\])]\.?")
_BRACKETS = {"(": ")", "[": "]"}
_LONGEST_NOTE = 160
"""A grade note in brackets is taken whole up to this many characters: "(Strong
Recommendation; Evidence Level: Grade A)" states both parts of one grade."""
_LABEL_WORDS = frozenset(
    {"recommendation", "recommendations", "level", "levels", "grade", "evidence", "quality",
     "strength", "aggregate", "of", "the", "rating", "class", "statement", "statements",
     "conclusion", "is", "are", "overall", "and",
     "strong", "weak", "conditional", "moderate", "high", "low", "very", "expert", "opinion",
     "consensus"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_GRADE_VALUE = re.compile(r"[A-E]|(?:IV|V|I{1,3})[ab]?")

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


@dataclass(frozen=True, slots=True)
class Grade:
    """A grade found in a text: the strength it implies, as written, its scheme, and where."""

    strength: RecommendationStrength
    text: str
    scheme: GradingScheme
    start: int = 0
    end: int = 0


_SENTENCES_KEPT = 4096
"""Answers kept: a guideline's sentences are asked about while it is read, and its next
sentences soon after."""


@lru_cache(maxsize=_SENTENCES_KEPT)
def find_grade(text: str) -> Grade | None:
    """The grade a text states, in the first scheme that matches."""
    if match := _GRADE_GRADE.search(text):
        word = match["strength"] or match["short"]
        strong = word.lower() == "strong"
        strength = RecommendationStrength.STRONG if strong else RecommendationStrength.CONDITIONAL
        return _found(match, strength, GradingScheme.GRADE)
    if match := _ACCP.search(text):
        strong = (match["level"] or match["bare"] or match["symbols"]) == "1"
        strength = RecommendationStrength.STRONG if strong else RecommendationStrength.CONDITIONAL
        return _found(match, strength, GradingScheme.GRADE)
    if match := _ACC_AHA.search(text):
        klass = match["klass"] or match["klass_after"]
        return _found(match, STRENGTH_BY_ACC_AHA[klass], GradingScheme.ACC_AHA)
    if match := _USPSTF.search(text):
        letter = match["letter"] or match["i"] or match["graded"]
        return _found(match, STRENGTH_BY_USPSTF[letter], GradingScheme.USPSTF)
    if match := _LETTER_OR_LEVEL.search(text):
        scheme = GradingScheme.SIGN if "SIGN" in text else GradingScheme.LEVEL
        return _found(match, RecommendationStrength.UNSTATED, scheme)
    return None


_EVIDENCE_LEVEL = re.compile(r"\b(?:(?i:level of evidence)|LOE|LoE)\b")


def with_class(carried: Grade, own: Grade) -> Grade | None:
    """An ACC/AHA class standing over a group ("Class I", "Class III: No Benefit") joined to
    the level each recommendation under it states ("(Level of Evidence: B)"): the grade is
    both, "Class I; Level of Evidence: B". None when they are not those two halves."""
    if carried.scheme is not GradingScheme.ACC_AHA or _EVIDENCE_LEVEL.search(carried.text):
        return None
    if not _EVIDENCE_LEVEL.match(own.text) or _ACC_AHA.search(own.text):
        return None
    return Grade(carried.strength, f"{carried.text}; {own.text}", GradingScheme.ACC_AHA)


def ends_with(text: str, grade: Grade) -> bool:
    """Whether the grade closes the text (only brackets and punctuation after it)."""
    return not text[grade.end :].strip(" \t\n.,;:)]")


@lru_cache(maxsize=_SENTENCES_KEPT)
def grade_alone(text: str) -> Grade | None:
    """The grade of a text that is nothing but a grade ("Level III.", "(B recommendation).",
    "Strong Recommendation – Grade A", "Strong recommendation based on randomized trials …")
    or a lead-in that grades what follows it ("The following recommendations are based on
    consistent evidence (Level A):"). A line that is only a grade is the grade whole, so
    both of its parts are kept."""
    if action := _ACTION_STATEMENT.match(text.strip()):
        strength = (
            RecommendationStrength.STRONG if action["strong"] else RecommendationStrength.UNSTATED
        )
        return _found(action, strength, GradingScheme.LEVEL, group="kind")
    grade = find_grade(text)
    if grade is None and (rated := _RATING_LINE.fullmatch(text.strip())):
        whole = rated.group(0)
        start = text.index(whole)
        return Grade(
            RecommendationStrength.UNSTATED, whole, GradingScheme.LEVEL, start, start + len(whole)
        )
    if grade is None:
        code = _CODE_ALONE.fullmatch(text.strip())
        if code is None:
            return None
        # a scheme's own code in brackets, on a line of its own: "[EO]" (expert opinion)
        return Grade(RecommendationStrength.UNSTATED, code["code"], GradingScheme.LEVEL)
    if text.rstrip().endswith(":"):
        return grade
    rest = text[: grade.start] + " " + text[grade.end :]
    words = [w for w in _WORD.findall(rest) if w.lower() not in _LABEL_WORDS]
    if len(words) > 1:
        heading = text[: grade.start].rstrip(" ([")
        # a graded heading: "Rapid Tests (IIb, B)" grades what follows it
        return grade if ends_with(text, grade) and is_title_line(heading) else None
    if any(not _GRADE_VALUE.fullmatch(word) for word in words):
        return grade  # a graded heading: "Cryotherapy (Strength of Recommendation B)"
    whole = text.strip().strip(" ([]);:,.")
    start = text.index(whole)
    return Grade(grade.strength, " ".join(whole.split()), grade.scheme, start, start + len(whole))


def _found(
    match: re.Match[str],
    strength: RecommendationStrength,
    scheme: GradingScheme,
    group: int | str = 0,
) -> Grade:
    text = match.string
    start, end = _within_brackets(text, *match.span(group))
    raw = text[start:end]
    stripped = raw.strip(" ([]);:,.")
    start += raw.index(stripped) if stripped else 0
    return Grade(strength, " ".join(stripped.split()), scheme, start, start + len(stripped))


def _within_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole bracketed note around characters ``start:end``, when they lie in a short one."""
    for opening, closing in _BRACKETS.items():
        left = text.rfind(opening, max(0, start - _LONGEST_NOTE), start + 1)
        if left < 0 or closing in text[left + 1 : start]:
            continue
        right = text.find(closing, max(end - 1, left + 1))
        if right >= 0 and right - left <= _LONGEST_NOTE and opening not in text[end:right]:
            return left, right + 1
    return start, end
