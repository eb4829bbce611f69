"""How many people a study included, as its abstract states it.

Abstracts state their size in a few set ways: "41 patients", "1,203 pregnant women",
"a total of 96 participants", "(n = 2540)", "325 cases and 975 controls", "72 control
children … and 113 untreated patients". Counts of subgroups ("24 of 41 patients",
"(n=26)") are smaller than the total, so the largest count in the study's own passages
(not the background, which cites other studies' figures) is taken as its size. Only
people are counted: the n shown beside a finding must not be 40 rats or 120 samples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from medcite.evidence.counts import COUNT_PATTERN, DIGITS_PATTERN, parse_count

PEOPLE_NOUNS = (
    "patients participants subjects individuals persons people adults children infants "
    "neonates newborns adolescents youths women men girls boys females males volunteers "
    "donors students pupils nurses physicians doctors clinicians residents members "
    "survivors mothers fathers parents pregnancies cases controls respondents veterans "
    "smokers athletes workers employees users inpatients outpatients recipients births "
    "twins elderly teenagers toddlers"
).split()
"""Nouns that count people (and "cases"/"controls", which in clinical studies are people)."""

_SKIPPED_WORDS = frozenset(
    "of per to and or with in were was had from among than at on for by the all these those "
    "years year months days weeks hours".split()
)
_NOUN = "|".join(PEOPLE_NOUNS)
_PEOPLE_COUNT = re.compile(
    rf"(?<![\w.,·%/-])(?P<n>{COUNT_PATTERN})(?![\d.,·]\d|\s*%|[-\s](?:year|month|day|week))"
    rf"(?P<between>(?:\s+[A-Za-z][\w'-]*){{0,3}}?)\s+(?:{_NOUN})\b",
    re.IGNORECASE,
)
_STATED_N = re.compile(rf"(?<![\w])[nN]\s*=\s*(?P<n>{DIGITS_PATTERN})(?![\d.,]\d)")
_CASES_AND_CONTROLS = re.compile(
    rf"(?<![\w.,])(?P<cases>{COUNT_PATTERN})\s+(?:[\w-]+\s+){{0,3}}?(?:cases|patients)\b"
    rf"[^.;]{{0,80}}?\band\s+(?P<controls>{COUNT_PATTERN})\s+(?:[\w-]+\s+){{0,4}}?controls\b",
    re.IGNORECASE,
)
_JOINED_BY_AND = re.compile(r"[^\d.;:()]{0,80}\band\s+")
"""What lies between two groups enrolled side by side ("72 control children with a normal
small bowel mucosa *and* 113 untreated patients with CD"): no number, no sentence break."""
_NOT_ONE_ENROLMENT = frozenset(
    "were was is are be been had has have received underwent completed developed died "
    "who whom which that while whereas but then".split()
)
"""Words that make two joined counts two steps of a study, not two groups of it ("200
patients were screened and 120 patients randomised")."""
_PRECEDING_EXCLUSIONS = re.compile(
    r"(?:\bper|\baged?|\bover|\bunder|\bthan|\bto|\bphase|\bstage|\bgrade|\btype|\bclass|"
    r"\blevel|\bstep|\bcycle|\bday|\bweek|\bmonth|\byear|\bvisit|\bwave|\bgeneration)\s*$",
    re.I,
)
"""Words before a number that make it no count: a rate ("per 1000 patients"), an age, and a
number that names ("a phase 2 trial involving patients", "type 2 diabetic patients": a hand
review found a trial shown as n = 2)."""


def find_people_counts(text: str) -> Iterator[int]:
    """Every count of people stated in a text, in order of appearance, and the sums of
    groups enrolled side by side (``_joined``)."""
    for found in _STATED_N.finditer(text):
        value = parse_count(found.group("n"))
        if value is not None:
            yield value
    previous: tuple[int, int] | None = None  # the last count and where it ended
    for found in _PEOPLE_COUNT.finditer(text):
        if _no_count(text, found.start(), found.group("between")):
            continue
        value = parse_count(found.group("n"))
        if value is not None and value > 0:
            yield value
            if previous is not None and _joined(text[previous[1] : found.start()]):
                yield previous[0] + value
            previous = (value, found.end())
    for found in _CASES_AND_CONTROLS.finditer(text):
        cases, controls = parse_count(found.group("cases")), parse_count(found.group("controls"))
        if cases and controls:
            yield cases + controls


def _no_count(text: str, start: int, between: str) -> bool:
    """Whether the number at ``start`` counts no people: a word ``between`` it and its noun
    makes it a part or a span ("50 of the patients", "3 years in patients"), or a word
    before it a rate, an age or a name (``_PRECEDING_EXCLUSIONS``)."""
    if any(word.casefold() in _SKIPPED_WORDS for word in between.split()):
        return True
    return bool(_PRECEDING_EXCLUSIONS.search(text[max(0, start - 12) : start]))


def _joined(between: str) -> bool:
    """Whether the text between two counts of people joins two groups of one enrolment
    (``_JOINED_BY_AND``, none of ``_NOT_ONE_ENROLMENT``): a diagnostic study's patients
    and controls, whose size is both ("113 untreated patients" alone was shown as the
    size of a study of 185 children, review 12)."""
    return bool(_JOINED_BY_AND.fullmatch(between)) and not any(
        word.casefold() in _NOT_ONE_ENROLMENT for word in between.split()
    )


_RANDOMISED = r"(?:randomi[sz]ed|randomly\s+(?:assigned|allocated))"
_FEW_WORDS = r"(?:\s+[A-Za-z][\w'-]*){0,3}?"
_RANDOMISED_COUNT = re.compile(
    rf"(?<![\w.,·%/-])(?P<n>{COUNT_PATTERN})(?![\d.,·]\d|\s*%)(?:"
    rf"(?P<w1>{_FEW_WORDS})\s+(?:were|was|had\s+been|have\s+been)\s+"
    rf"(?:(?:then|subsequently|enrolled\s+and|included\s+and)\s+)?{_RANDOMISED}"
    rf"|(?P<w2>{_FEW_WORDS})\s+(?:{_NOUN})\s+{_RANDOMISED}"
    rf"|\s+{_RANDOMISED}\s+(?:{_NOUN}))\b"
    rf"|\b{_RANDOMISED}\s+(?P<m>{COUNT_PATTERN})(?P<w3>{_FEW_WORDS})\s+(?:{_NOUN})\b",
    re.IGNORECASE,
)
"""A count of people randomised: "100 were randomly allocated", "487 women randomized",
"the 632 randomized patients", "we randomly assigned 506 smokers"."""
ARMS_SHARE = 0.5
"""A randomised count below this share of the largest count is one arm's ("50 were
randomized to placebo"), not the trial's."""


def sample_size(passages: Iterable[str]) -> int | None:
    """The study's size: the number randomised where the study states it, else the largest
    count of people in its passages, None if none.

    A trial's size is the number it randomised (CONSORT); more were enrolled or screened:
    "Of 116 patients enrolled for diagnostic laparoscopy, 100 were randomly allocated …"
    was shown as n = 116 (review 14).
    """
    texts = list(passages)
    counts = [count for text in texts for count in find_people_counts(text)]
    largest = max(counts, default=None)
    randomised = [count for text in texts for count in _randomised_counts(text)]
    if randomised and largest is not None and max(randomised) >= ARMS_SHARE * largest:
        return min(max(randomised), largest)
    return largest


def _randomised_counts(text: str) -> Iterator[int]:
    for found in _RANDOMISED_COUNT.finditer(text):
        between = found.group("w1") or found.group("w2") or found.group("w3") or ""
        if _no_count(text, found.start(), between):
            continue  # "520 from randomized cohorts": a part, not those randomised
        value = parse_count(found.group("n") or found.group("m"))
        if value:
            yield value
