"""The numbers a sentence reports: percentages, counts, rates, p-values, ratios with CIs,
means ± SD.

A bullet that keeps "24 of 41 (58.5%)", "one in five" or "OR 2.3, 95% CI 1.1–4.8" tells
a clinician more than one without, and a sentence that reports results is a better answer
than one that introduces them; ranking uses their presence. Each number is returned with its
character span in the sentence, so a renderer can highlight it and a test can check it.

Matching follows how journals print statistics (AMA Manual of Style §19–20; ICMJE):
decimal points or the Lancet's mid-dot ("0·75"), leading zeros dropped ("P = .02"), a
ratio named with what it is of or how it was found ("hazard ratio for death, 0.76; 95%
CI, 0.63 to 0.92", "hazard ratio for cardiovascular events of 0.69", "OR by
meta-analysis was 1.54", "The OR for overweight, moderately obese and morbidly obese women
were 1.97 …"), en dashes, "to" or commas between interval bounds, thousands
separators, Unicode minus signs. Patterns are tried from the most to the least specific
and a span once taken is not reused, so the "95%" of a confidence interval is not also a
percentage.
Nothing here raises on odd text: what does not parse is not reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

from medcite.records import (
    Comparator,
    EffectEstimate,
    EffectMeasure,
    MeanSD,
    Percentage,
    Proportion,
    PValue,
    Rate,
    ReportedNumber,
)

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:[.·]\d+)?|\d+(?:[.·]\d+)?|[.·]\d+)"
_SIGNED = rf"[-−–]?{_NUM}"
_START = r"(?<![\w.,·/%])"
"""No number starts inside another, nor at the dash of a range ("18%-58%" is 18% to 58%)."""
_DASH = r"\s*(?:[-–—−]|\bto\b|,)\s*"

_MEASURES = {
    EffectMeasure.ODDS_RATIO: r"(?i:odds ratios?)|ORs?",
    EffectMeasure.RISK_RATIO: r"(?i:relative risks?|risk ratios?)|RRs?",
    EffectMeasure.HAZARD_RATIO: r"(?i:hazard ratios?)|HRs?",
    EffectMeasure.INCIDENCE_RATE_RATIO: r"(?i:incidence rate ratios?)|IRRs?",
}
_MEASURE = "|".join(rf"(?P<m_{m.name}>{pattern})" for m, pattern in _MEASURES.items())
_CI_LABEL = (
    r"(?P<level>\d{2}(?:[.·]\d+)?)\s*%\s*(?:CI|C\.I\.|CrI|(?i:confidence|credible) intervals?)"
    r"(?:\s*[(\[]CI[)\]])?"
)
_EFFECT = re.compile(
    rf"(?<![A-Za-z])(?P<adj>(?i:adjusted)\s+|a(?=OR|HR|RR|IRR))?(?:{_MEASURE})(?![A-Za-z])"
    r"(?:\s*[(\[](?:a?(?:OR|RR|HR|IRR))[)\]])?"
    r"(?:\s+(?:for|by|in)\s+(?:[^\W\d_][\w-]*,?\s+){0,7}?[^\W\d_][\w-]*"
    r"(?=\s*(?:[,:=]|\bof\b|\bwas\b|\bwere\b)))?"
    rf"\s*(?:[,:=]|\bof\b|\bwas\b|\bwere\b)?\s*(?P<value>{_NUM})"
    rf"(?:\s*[,;]?\s*(?P<outer>[(\[])?\s*{_CI_LABEL}\s*[,:=]?\s*(?P<open>[(\[])?\s*"
    rf"(?P<low>{_SIGNED}){_DASH}(?P<high>{_SIGNED})(?(open)\s*[)\]])(?(outer)(?:\s*[)\]])?)"
    rf"|\s*[(\[]\s*(?P<low2>{_SIGNED}){_DASH}(?P<high2>{_SIGNED})\s*[)\]])?"
)
_P_VALUE = re.compile(
    r"(?<![\w])[pP](?:\s*-?\s*values?)?\s*"
    r"(?P<cmp><=|>=|=<|=>|≤|≥|⩽|⩾|<|>|=|\bof\b|\bwas\b)\s*"
    rf"(?P<value>(?P<mantissa>{_NUM})"
    r"(?:\s*[x×*]\s*10\s*\^?\s*(?P<exp>[-−–]?\d+)|[eE](?P<eexp>[-−–]?\d+))?)"
)
_MEAN_SD = re.compile(
    rf"{_START}(?P<mean>{_SIGNED})\s*(?:±|\+/-|\+-|\+/−)\s*(?P<sd>{_NUM})"
    rf"|{_START}(?P<mean2>{_SIGNED})\s*(?:[A-Za-z/%]+\s*)?\(\s*(?:SD|s\.d\.|standard deviation)"
    rf"\s*[,:=]?\s*(?P<sd2>{_NUM})\s*\)"
)
_PROPORTION = re.compile(
    rf"{_START}(?P<k>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:of|out of)\s+(?:the\s+|these\s+|all\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,·]\d|\s*%)"
    r"|\(\s*(?P<k2>\d+)\s*/\s*(?P<n2>\d+)\s*[),;]"
)
_SPELLED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_PARTS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
          "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_SPELLED_SHARE = re.compile(
    rf"(?<![\w-])(?i:(?:(?P<k>{'|'.join(_SPELLED)})[\s-]+|an?\s+(?=\w+\s+of\b))"
    rf"(?P<part>{'|'.join(_PARTS)})s?"
    rf"|(?P<k2>{'|'.join(_SPELLED)})\s+in\s+(?:every\s+)?(?P<n2>{'|'.join(_SPELLED)}))"
    r"(?![\w-])"
)
"""A share in words: "about one-third of patients", "two thirds", "one in five"; "a
third" only as a share of something ("a third of patients"), not "a third dose". "How
common is drooling in patients on clozapine?" was answered with no amount: "… about
one-third of patients …" held no number (review 17). Written in words only: a share in
numerals ("1 in 100 000") is printed as no other statistic is, and left as it was."""
_RATE = re.compile(
    rf"{_START}(?P<value>{_NUM})\s+per\s+(?P<per>1(?:[,\s]?000|00|0)*)(?![\d.,·]?\d)"
)
"""A rate per a power of ten ("38 per 1000 neonates", "5.2 per 100,000 person-years"):
"How often do premature babies in intensive care get skin damage from an IV drip leaking
into the tissue?" was led by another study's risk ratio, since the survey's "… a prevalence
of 38 per 1000 neonates who sustained an extravasation injury …" held no number (review
31)."""
_PERCENT = re.compile(
    rf"{_START}(?P<value>{_SIGNED})\s?(?:%|percent\b|per cent\b)"
    r"(?!\s*(?:CI\b|C\.I\.|CrI\b|confidence|credible))"
)

_COMPARATORS = {
    "<": Comparator.LESS,
    "<=": Comparator.LESS_OR_EQUAL,
    "=<": Comparator.LESS_OR_EQUAL,
    "≤": Comparator.LESS_OR_EQUAL,
    "⩽": Comparator.LESS_OR_EQUAL,
    "=": Comparator.EQUAL,
    "of": Comparator.EQUAL,
    "was": Comparator.EQUAL,
    ">=": Comparator.GREATER_OR_EQUAL,
    "=>": Comparator.GREATER_OR_EQUAL,
    "≥": Comparator.GREATER_OR_EQUAL,
    "⩾": Comparator.GREATER_OR_EQUAL,
    ">": Comparator.GREATER,
}


def to_number(text: str) -> float | None:
    """A printed number as a float: "1,203" → 1203, "·75" → 0.75, "−0.3" → -0.3."""
    cleaned = text.strip().replace(",", "").replace("·", ".").replace("−", "-").replace("–", "-")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _effect(found: re.Match[str]) -> EffectEstimate | None:
    measure = next(m for m in EffectMeasure if found.group(f"m_{m.name}"))
    value = to_number(found.group("value"))
    low = to_number(found.group("low") or found.group("low2") or "")
    high = to_number(found.group("high") or found.group("high2") or "")
    level = to_number(found.group("level") or "")
    if value is None or value < 0:
        return None
    if low is None or high is None or not low <= value <= high:
        low = high = level = None
        found_end = found.end("value")
    else:
        found_end = found.end()
        if level is None:
            level = 95.0  # an unlabelled interval beside a ratio is a 95% CI by convention
    prefix = found.group("adj") or ""
    adjusted = prefix.strip().casefold().startswith("a")
    text = found.string[found.start() : found_end]
    return EffectEstimate(
        found.start(), found_end, text, measure, value, adjusted, level, low, high
    )


def _p_value(found: re.Match[str]) -> PValue | None:
    mantissa = to_number(found.group("mantissa"))
    exponent = found.group("exp") or found.group("eexp")
    if mantissa is None:
        return None
    value = mantissa
    if exponent is not None:
        power = to_number(exponent)
        if power is None or abs(power) > 300:
            return None
        value = mantissa * 10.0**power
    if not 0.0 <= value <= 1.0:
        return None
    comparator = _COMPARATORS[found.group("cmp").casefold()]
    return PValue(found.start(), found.end(), found.group(0), comparator, value)


def _mean_sd(found: re.Match[str]) -> MeanSD | None:
    mean = to_number(found.group("mean") or found.group("mean2") or "")
    sd = to_number(found.group("sd") or found.group("sd2") or "")
    if mean is None or sd is None or sd < 0:
        return None
    return MeanSD(found.start(), found.end(), found.group(0), mean, sd)


def _proportion(found: re.Match[str]) -> Proportion | None:
    k_text, n_text = found.group("k") or found.group("k2"), found.group("n") or found.group("n2")
    k, n = int(k_text.replace(",", "")), int(n_text.replace(",", ""))
    if n == 0 or k > n:
        return None
    end = found.end() if found.group("k") else found.end("n2")
    start = found.start() if found.group("k") else found.start("k2")
    return Proportion(start, end, found.string[start:end], k, n)


def _spelled_share(found: re.Match[str]) -> Proportion | None:
    if found.group("part"):
        written = (found.group("k") or "a").lower()  # "a third of …": one
        k, n = _SPELLED.get(written, 1), _PARTS[found.group("part").lower()]
    else:
        k, n = _SPELLED[found.group("k2").lower()], _SPELLED[found.group("n2").lower()]
    if n == 0 or k >= n:
        return None
    return Proportion(found.start(), found.end(), found.group(0), k, n)


def _rate(found: re.Match[str]) -> Rate | None:
    value = to_number(found.group("value"))
    per = int(re.sub(r"[,\s]", "", found.group("per")))
    if value is None or per < 10 or value > per:
        return None
    return Rate(found.start(), found.end(), found.group(0), value, per)


def _percentage(found: re.Match[str]) -> Percentage | None:
    value = to_number(found.group("value"))
    if value is None:
        return None
    return Percentage(found.start(), found.end(), found.group(0), value)


_EXTRACTORS: tuple[
    tuple[re.Pattern[str], Callable[[re.Match[str]], ReportedNumber | None]], ...
] = (
    (_EFFECT, _effect),
    (_P_VALUE, _p_value),
    (_MEAN_SD, _mean_sd),
    (_PROPORTION, _proportion),
    (_RATE, _rate),
    (_PERCENT, _percentage),
    (_SPELLED_SHARE, _spelled_share),
)
"""Most specific first: a span taken by an earlier kind is not matched again."""


def find_numbers(sentence: str) -> tuple[ReportedNumber, ...]:
    """Every reported number in a sentence, in order, with non-overlapping spans."""
    taken: list[ReportedNumber] = []
    for pattern, build in _EXTRACTORS:
        for number in _matches(pattern, build, sentence):
            if not any(number.start < other.end and other.start < number.end for other in taken):
                taken.append(number)
    return tuple(sorted(taken, key=lambda number: number.start))


def _matches(
    pattern: re.Pattern[str],
    build: Callable[[re.Match[str]], ReportedNumber | None],
    sentence: str,
) -> Iterator[ReportedNumber]:
    for found in pattern.finditer(sentence):
        number = build(found)
        if number is not None:
            yield number
