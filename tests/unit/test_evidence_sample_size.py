"""Tests of ``medcite.evidence.sample_size`` and ``counts``: how many people a study had."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medcite.evidence.counts import parse_count
from medcite.evidence.sample_size import find_people_counts, sample_size


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("CT was performed in 41 patients with the disease.", 41),
        ("A total of 1,203 women were included.", 1203),
        ("Adults with bleeding (n = 2540) were enrolled.", 2540),
        ("(N=240)", 240),
        ("Twenty-two healthy volunteers received the drug.", 22),
        ("Ninety-six women took part.", 96),
        ("We identified 325 cases of fracture and 975 age- and sex-matched controls.", 1300),
        ("Among 642 consecutive patients, 24 of 41 patients (n=26) had it.", 642),
        # thousands grouped by spaces (SI, The Lancet), plain, thin or no-break
        ("10 trials enrolled a total of 70 388 people, of whom 23 681 were women.", 70388),
        ("A cohort of 1\u2009203\u2009455 adults was followed.", 1203455),
        ("Adults with bleeding (n = 12\u00a0540) were enrolled.", 12540),
        ("Across 3 100-patient trials, 300 patients were randomised.", 300),
        # groups enrolled side by side are one study (review 12: shown as n = 113)
        (
            "4 units enrolled 72 control children with a normal small bowel mucosa and 113 "
            "untreated patients with CD with Marsh type 3 lesions.",
            185,
        ),
        ("We studied 1,500 women and 1,200 men.", 2700),
        ("Of 300 patients, 120 men and 180 women took part.", 300),
        # two steps, not two groups (no sum): the trial is those randomised (it was 200,
        # the largest count, until a trial's size became the number it randomised)
        ("200 patients were screened and 120 patients were randomised.", 120),
        ("Of 41 patients, 12 had fever and 9 patients had rash.", 41),
    ],
)
def test_stated_sizes(text: str, n: int) -> None:
    assert sample_size([text]) == n


@pytest.mark.parametrize(
    "text",
    [
        "The incidence was 40.5/100,000 women per year.",
        "It affects 15% of patients.",
        "Patients aged 65 years or older were eligible.",
        "We gave 40 rats the drug and cultured 12 cell lines.",
        "Follow-up lasted 12 months in all patients.",
        "Rates were 3 per 1000 persons.",
        "It was studied in a phase 2 trial involving patients with pericarditis.",  # review
        "Most type 2 diabetic patients take metformin.",
        "Grade 3 adverse events were rare in treated patients.",
        "",
    ],
)
def test_what_is_not_a_count_of_people(text: str) -> None:
    assert sample_size([text]) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("41", 41),
        ("1,203", 1203),
        ("70 388", 70388),
        ("1\u2009203", 1203),
        ("Twenty-two", 22),
        ("ninety six", 96),
        ("seven", 7),
        ("One hundred eighty-two", 182),
        ("Two hundred and five", 205),
        ("One thousand, two hundred and thirty-one", 1231),
    ],
)
def test_parse_count(text: str, value: int) -> None:
    assert parse_count(text) == value


def test_parse_count_refuses_non_numbers() -> None:
    assert parse_count("several") is None
    assert parse_count("one two three") is None
    assert parse_count("twenty twelve") is None
    assert parse_count("hundred") is None


def test_a_spelled_out_hundred_that_begins_a_sentence_is_the_study_s_size() -> None:
    """A trial of 182 was shown as "n = 9": "One hundred eighty-two patients were included"
    was read as one patient, and nine patients of a subgroup were the largest count left
    (a page read by hand)."""
    passages = [
        "One hundred eighty-two patients were included in the trial.",
        "Creatinine doubled in nine patients (9.6%) of the ibuprofen group.",
    ]
    assert sample_size(passages) == 182


@given(st.text())
def test_any_text_is_read_without_error(text: str) -> None:
    assert all(count > 0 for count in find_people_counts(text))


@pytest.mark.parametrize(
    ("passages", "n"),
    [
        # review 14: shown as n = 116
        (["Of 116 patients enrolled for laparoscopy, 100 were randomly allocated."], 100),
        (["A total of 1113 men were registered, of whom 970 were randomly assigned, 483 to "
          "short-term suppression and 487 to long-term suppression."], 970),
        (["Of 1106 participants assessed, 632 were eligible.", "Of the 632 randomized "
          "patients (mean age, 57 years), 583 completed the trial."], 632),
        (["We randomly assigned 506 smokers to varenicline plus bupropion or varenicline; "
          "600 smokers were screened."], 506),
        # an arm randomised is not the trial: the largest count stays
        (["50 were randomized to placebo among 300 patients."], 300),
        # a part "from randomized cohorts" is not those randomised
        (["Data were pooled from 655 enrolled patients (135 from a nonrandomized cohort and "
          "520 from randomized cohorts)."], 655),
    ],
)  # fmt: skip
def test_a_trial_s_size_is_the_number_it_randomised(passages: list[str], n: int) -> None:
    """CONSORT counts a trial by those randomised; more were screened, assessed or enrolled."""
    assert sample_size(passages) == n
