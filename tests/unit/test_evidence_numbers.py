"""Tests of ``medcite.evidence.numbers``: statistics as journals print them, with spans."""

from __future__ import annotations

import math

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcite.evidence import find_numbers
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


def test_a_results_sentence() -> None:
    sentence = (
        "The finding was present in 24 of 41 patients (58.5%), and 12 of these 24 patients "
        "had both (p<0.0005 for group A vs. B, and P = .02 for C vs. B)."
    )
    found = find_numbers(sentence)
    assert [type(number) for number in found] == [
        Proportion,
        Percentage,
        Proportion,
        PValue,
        PValue,
    ]
    first, percent, second, p_small, p_equal = found
    assert (first.numerator, first.denominator) == (24, 41)
    assert isinstance(percent, Percentage) and percent.value == 58.5
    assert (second.text, second.numerator, second.denominator) == ("12 of these 24", 12, 24)
    assert isinstance(p_small, PValue) and p_small.comparator is Comparator.LESS
    assert p_small.value == 0.0005
    assert isinstance(p_equal, PValue) and (p_equal.text, p_equal.value) == ("P = .02", 0.02)


@pytest.mark.parametrize(
    ("text", "measure", "value", "adjusted", "interval"),
    [
        ("OR 2.3, 95% CI 1.1–4.8", EffectMeasure.ODDS_RATIO, 2.3, False, (95.0, 1.1, 4.8)),
        ("(OR 1.44, 95% CI 1.09-1.90)", EffectMeasure.ODDS_RATIO, 1.44, False, (95.0, 1.09, 1.9)),
        (
            "hazard ratio [HR], 0.75; 95% confidence interval [CI], 0.61 to 0.92",
            EffectMeasure.HAZARD_RATIO,
            0.75,
            False,
            (95.0, 0.61, 0.92),
        ),
        ("aOR 1.8 (1.2–2.6)", EffectMeasure.ODDS_RATIO, 1.8, True, (95.0, 1.2, 2.6)),
        (
            "adjusted HR 0·62 [0·41, 0·93]",
            EffectMeasure.HAZARD_RATIO,
            0.62,
            True,
            (95.0, 0.41, 0.93),
        ),
        ("RR = 0.98; 99% CI 0.77-1.26", EffectMeasure.RISK_RATIO, 0.98, False, (99.0, 0.77, 1.26)),
        (
            "Odds ratio was 2.3 (95% CI: 1.1–4.8)",
            EffectMeasure.ODDS_RATIO,
            2.3,
            False,
            (95.0, 1.1, 4.8),
        ),
        (
            "relative risk 0.79; 95% CI, 0.60 to 1.04",
            EffectMeasure.RISK_RATIO,
            0.79,
            False,
            (95.0, 0.60, 1.04),
        ),
        ("IRR 1.5", EffectMeasure.INCIDENCE_RATE_RATIO, 1.5, False, None),
        # named with what it is of, as NEJM prints it (a hand review: the overall survival
        # of a cabozantinib trial went unread, and its progression-free survival led)
        (
            "(hazard ratio for death, 0.76; 95% confidence interval [CI], 0.63 to 0.92)",
            EffectMeasure.HAZARD_RATIO,
            0.76,
            False,
            (95.0, 0.63, 0.92),
        ),
        (
            "(hazard ratio for disease progression or death, 0.44; 95% CI, 0.36 to 0.52)",
            EffectMeasure.HAZARD_RATIO,
            0.44,
            False,
            (95.0, 0.36, 0.52),
        ),
        # and as other journals do (a second hand review: a meta-analysis's pooled ratio
        # went unread, and a sentence with no number led "By how much …?")
        (
            "a combined hazard ratio for cardiovascular events of 0.69 (95% CI: 0.56 to 0.84)",
            EffectMeasure.HAZARD_RATIO,
            0.69,
            False,
            (95.0, 0.56, 0.84),
        ),
        (
            "Crude OR for HCC incidence was 0.59 (95% CI: 0.47-0.74)",
            EffectMeasure.ODDS_RATIO,
            0.59,
            False,
            (95.0, 0.47, 0.74),
        ),
        (
            "The OR by meta-analysis was 1.54 (95% CI 1.06-2.23)",
            EffectMeasure.ODDS_RATIO,
            1.54,
            False,
            (95.0, 1.06, 2.23),
        ),
        (  # review 21: the ratio of a list of groups, commas between them
            "The OR for overweight, moderately obese and morbidly obese women were 1.97 "
            "(95% CI 1.77 to 2.19), 3.01 (95% CI 2.34 to 3.87)",
            EffectMeasure.ODDS_RATIO,
            1.97,
            False,
            (95.0, 1.77, 2.19),
        ),
    ],
)
def test_ratio_measures_with_their_intervals(
    text: str,
    measure: EffectMeasure,
    value: float,
    adjusted: bool,
    interval: tuple[float, float, float] | None,
) -> None:
    (found,) = [n for n in find_numbers(text) if isinstance(n, EffectEstimate)]
    assert (found.measure, found.value, found.adjusted) == (measure, value, adjusted)
    if interval is not None:
        assert (found.ci_level, found.ci_low, found.ci_high) == interval
        assert not any(isinstance(n, Percentage) for n in find_numbers(text))


def test_an_interval_that_excludes_its_estimate_is_not_reported_as_one() -> None:
    (found,) = find_numbers("OR 2.3 (95% CI 3.1–4.8)")
    assert isinstance(found, EffectEstimate)
    assert (found.text, found.ci_low) == ("OR 2.3", None)


@pytest.mark.parametrize(
    ("text", "mean", "sd"),
    [
        ("mean age 60.3 ± 13.3 years", 60.3, 13.3),
        ("3.1 +/- 2.0", 3.1, 2.0),
        ("45 years (SD 12.1)", 45.0, 12.1),
        ("a change of −0.4 ± 1.1", -0.4, 1.1),
    ],
)
def test_means_with_standard_deviations(text: str, mean: float, sd: float) -> None:
    (found,) = find_numbers(text)
    assert isinstance(found, MeanSD)
    assert (found.mean, found.sd) == (mean, sd)


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("p<0.0005", Comparator.LESS, 0.0005),
        ("P = .02", Comparator.EQUAL, 0.02),
        ("P ≤ 0.05", Comparator.LESS_OR_EQUAL, 0.05),
        ("p>0.05", Comparator.GREATER, 0.05),
        ("p-value of 0.03", Comparator.EQUAL, 0.03),
        ("P = 3.2×10−5", Comparator.EQUAL, 3.2e-5),
        ("P=2e-8", Comparator.EQUAL, 2e-8),
    ],
)
def test_p_values(text: str, comparator: Comparator, value: float) -> None:
    (found,) = find_numbers(text)
    assert isinstance(found, PValue)
    assert found.comparator is comparator
    assert math.isclose(found.value, value)


@pytest.mark.parametrize(
    "text",
    [
        "p = 7",  # not a probability
        "3 of 0 patients",  # no total
        "12 of 5",  # more than the total
        "the 95% CI was wide",  # the level of an interval is not a finding
        "HIV-1 and COVID-19 in 2020",
        "type 2 diabetes, stage 3 disease",
        "OR",
        "the hazard ratio for 12 patients, 0.5",  # a count names no ratio's outcome
        "",
    ],
)
def test_what_is_not_a_reported_number(text: str) -> None:
    assert find_numbers(text) == ()


@pytest.mark.parametrize("text", ["(22.6%-29.1%)", "(95% CI, 18%–58%)"])
def test_a_range_of_percentages_has_no_negative_end(text: str) -> None:
    """A second hand review saw "higher mortality rates (22.6%-29.1%)" read as 22.6% and
    −29.1%: the dash of a range is no minus sign."""
    values = [n.value for n in find_numbers(text) if isinstance(n, Percentage)]
    assert values and all(value > 0 for value in values), values


def test_percent_in_words_and_signs() -> None:
    found = find_numbers("fell by 12 percent, then −3.5% and 0·5 per cent")
    assert [n.value for n in found if isinstance(n, Percentage)] == [12.0, -3.5, 0.5]


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("Sialorrhea affects about one-third of patients on clozapine.", [(1, 3)]),
        ("Two thirds of children and a quarter of adults", [(2, 3), (1, 4)]),
        ("one in five women, one in every ten men", [(1, 5), (1, 10)]),
        ("reduced by one-fifth", [(1, 5)]),
        # not a share: an ordinal, a count, a share in numerals (printed as no statistic is)
        ("A third dose was given.", []),
        ("One of the two groups", []),
        ("about 1 in 100 000 transfusions", []),
    ],
)
def test_shares_in_words(text: str, shares: list[tuple[int, int]]) -> None:
    """Review 17: "… about one-third of patients …" held no number, and "How common is
    drooling in patients on clozapine?" was answered by a sentence on its treatment."""
    found = [(n.numerator, n.denominator) for n in find_numbers(text) if isinstance(n, Proportion)]
    assert found == shares


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        # review 31: a survey's prevalence held no number, and another study's led
        ("a prevalence of 38 per 1000 neonates", [(38.0, 1000)]),
        (
            "5.2 per 100,000 person-years and 12 per 100 000 population",
            [(5.2, 100_000), (12.0, 100_000)],
        ),
        ("1.3 per 100 patient-years", [(1.3, 100)]),
        # not a rate: per something not a power of ten, or more than the whole
        ("three doses per week", []),
        ("3 per 1001 visits", []),
        ("200 per 100 patients", []),
    ],
)
def test_rates_per_a_power_of_ten(text: str, rates: list[tuple[float, int]]) -> None:
    found = [(n.value, n.per) for n in find_numbers(text) if isinstance(n, Rate)]
    assert found == [(value, per) for value, per in rates]


def test_numbers_serialise_as_a_tagged_union() -> None:
    found = find_numbers(
        "24 of 41 (58.5%), OR 2.3 (1.1-4.8), p = .01, 5.0 ± 1.0, 3 per 1000 births"
    )
    encoded = msgspec.json.encode(found)
    assert msgspec.json.decode(encoded, type=tuple[ReportedNumber, ...]) == found
    kinds = [item["type"] for item in msgspec.json.decode(encoded)]
    assert kinds == ["proportion", "percentage", "effect", "p-value", "mean-sd", "rate"]


# --- properties: any text, no traceback; spans always true to the sentence ---


def _check_spans(sentence: str, found: tuple[ReportedNumber, ...]) -> None:
    previous_end = 0
    for number in found:
        assert 0 <= number.start < number.end <= len(sentence)
        assert sentence[number.start : number.end] == number.text
        assert number.start >= previous_end  # ordered, never overlapping
        previous_end = number.end


_STATS_ALPHABET = st.sampled_from(list("0123456789.,·%±<>=≤≥-–−/()[]; pPORHCIofto x×e"))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_yields_true_spans(sentence: str) -> None:
    _check_spans(sentence, find_numbers(sentence))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_STATS_ALPHABET, st.sampled_from(["OR ", "95% CI ", " of ", "SD"]))))
def test_statistics_like_text_yields_true_spans(parts: list[str]) -> None:
    sentence = "".join(parts)
    _check_spans(sentence, find_numbers(sentence))


@given(st.integers(0, 5000), st.integers(1, 5000))
def test_proportions_round_trip(numerator: int, denominator: int) -> None:
    sentence = f"It occurred in {numerator:,} of {denominator:,} patients."
    found = find_numbers(sentence)
    if numerator <= denominator:
        (number,) = found
        assert isinstance(number, Proportion)
        assert (number.numerator, number.denominator) == (numerator, denominator)
    else:
        assert found == ()


@given(
    st.decimals(min_value="0.01", max_value="50", places=2),
    st.decimals(min_value="0.01", max_value="10", places=2),
    st.decimals(min_value="0", max_value="10", places=2),
    st.sampled_from(["–", "-", " to ", ", "]),
)
def test_effect_estimates_round_trip(value, below, above, dash) -> None:  # type: ignore[no-untyped-def]
    low, high = max(value - below, 0), value + above
    sentence = f"The odds were higher (OR {value}, 95% CI {low}{dash}{high}) in smokers."
    (number,) = find_numbers(sentence)
    assert isinstance(number, EffectEstimate)
    assert (number.value, number.ci_low, number.ci_high) == (float(value), float(low), float(high))


@given(st.floats(min_value=0, max_value=1, allow_nan=False).map(lambda v: round(v, 4)))
def test_p_values_round_trip(value: float) -> None:
    (number,) = find_numbers(f"(P = {value})")
    assert isinstance(number, PValue) and number.value == value
