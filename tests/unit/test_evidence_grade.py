"""Tests of ``medcite.evidence.grade``: metadata first, then MeSH, then the text.

Real records from ``../shared/data`` carry NLM publication types, the ground truth of
the metadata path; the text path is measured on hand-written abstracts in
``tests/evaluation/test_evidence_grading.py``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from medcite.evidence import grade_record
from medcite.evidence.grade import LEVEL_OF_DESIGN, TEXT_REFINES
from medcite.evidence.metadata import PUBLICATION_TYPE_DESIGNS, design_from_publication_types
from medcite.ingest.sources import read_sources
from medcite.records import (
    EvidenceLevel,
    GradeSignal,
    MeshHeading,
    PublicationDate,
    Record,
    Section,
    Source,
    StudyDesign,
)


def record(
    title: str = "A study",
    *sections: tuple[str, str],
    types: tuple[str, ...] = (),
    mesh: tuple[str, ...] = (),
    year: int | None = 2020,
) -> Record:
    return Record(
        id="text:t",
        source=Source.TEXT,
        title=title,
        sections=tuple(Section(text=text, label=label) for label, text in sections),
        publication_types=types,
        mesh_headings=tuple(MeshHeading(f"D{i:06d}", name) for i, name in enumerate(mesh)),
        date=PublicationDate(year=year),
    )


def test_every_design_has_a_level() -> None:
    assert set(LEVEL_OF_DESIGN) == set(StudyDesign)


def test_levels_rank_strongest_first() -> None:
    assert EvidenceLevel.GUIDELINE.rank == 1
    assert EvidenceLevel.SYNTHESIS.rank < EvidenceLevel.RANDOMIZED.rank
    assert EvidenceLevel.RANDOMIZED.rank < EvidenceLevel.NONRANDOMIZED.rank
    assert EvidenceLevel.CASE.rank < EvidenceLevel.OPINION.rank < EvidenceLevel.UNGRADED.rank


@pytest.mark.parametrize(
    ("types", "design"),
    [
        (("Journal Article", "Randomized Controlled Trial"), StudyDesign.RANDOMIZED_TRIAL),
        (("Review", "Meta-Analysis"), StudyDesign.META_ANALYSIS),
        (("Case Reports", "Review"), StudyDesign.CASE_REPORT),
        (("Letter", "Case Reports"), StudyDesign.CASE_REPORT),
        (("Comment", "Letter"), StudyDesign.LETTER),
        (("Practice Guideline", "Review"), StudyDesign.GUIDELINE),
        (("Consensus Development Conference, NIH",), StudyDesign.CONSENSUS),
        (("Randomized Controlled Trial, Veterinary",), StudyDesign.ANIMAL),
        (("Congress",), StudyDesign.CONFERENCE_ABSTRACT),
        (("Clinical Trial Protocol", "Randomized Controlled Trial"), StudyDesign.PROTOCOL),
        (("CASE REPORTS", "JOURNAL ARTICLE"), StudyDesign.CASE_REPORT),
    ],
)
def test_publication_types_decide_in_order_of_precedence(
    types: tuple[str, ...], design: StudyDesign
) -> None:
    grade = grade_record(record("Something", ("", "We describe what we saw."), types=types))
    assert grade.design is design
    assert grade.signal is GradeSignal.PUBLICATION_TYPE
    assert grade.level is LEVEL_OF_DESIGN[design]


def test_silent_publication_types_leave_the_text_to_decide() -> None:
    text = ("METHODS", "In this cohort study we followed 812 adults for 10 years.")
    grade = grade_record(record("Diet and stroke", text, types=("Journal Article",)))
    assert (grade.design, grade.signal, grade.n) == (StudyDesign.COHORT, GradeSignal.TEXT, 812)


def test_text_refines_a_general_publication_type_within_its_family() -> None:
    trial = ("", "Patients were randomly assigned to drug or placebo.")
    graded = grade_record(record("A drug", trial, types=("Clinical Trial",)))
    assert (graded.design, graded.signal) == (StudyDesign.RANDOMIZED_TRIAL, GradeSignal.TEXT)
    review = ("", "We systematically searched MEDLINE and Embase for trials of the drug.")
    graded = grade_record(record("A drug", review, types=("Review",)))
    assert graded.design is StudyDesign.SYSTEMATIC_REVIEW
    assert graded.level is EvidenceLevel.SYNTHESIS


def test_text_never_overrides_a_specific_publication_type() -> None:
    text = ("", "A meta-analysis of 12 trials found no benefit; we randomly assigned 40 patients.")
    graded = grade_record(record("A case", text, types=("Case Reports",)))
    assert graded.design is StudyDesign.CASE_REPORT


def test_mesh_design_headings_decide_when_publication_types_are_silent() -> None:
    graded = grade_record(record("X", types=("Journal Article",), mesh=("Case-Control Studies",)))
    assert (graded.design, graded.signal) == (StudyDesign.CASE_CONTROL, GradeSignal.MESH_HEADING)
    animals = grade_record(record("X", mesh=("Animals", "Mice", "Disease Models, Animal")))
    assert animals.design is StudyDesign.ANIMAL
    both = grade_record(record("X", mesh=("Animals", "Humans")))
    assert both.design is StudyDesign.UNKNOWN


def test_nothing_known_is_ungraded_not_guessed() -> None:
    graded = grade_record(record("Notes on a disease", ("", "It is common and often mild.")))
    assert (graded.design, graded.level, graded.signal) == (
        StudyDesign.UNKNOWN,
        EvidenceLevel.UNGRADED,
        GradeSignal.NONE,
    )
    assert graded.cue == ""


def test_retracted_publication_is_flagged_whatever_the_design() -> None:
    types = ("Randomized Controlled Trial", "Retracted Publication")
    graded = grade_record(record("A trial", types=types))
    assert graded.retracted
    assert graded.design is StudyDesign.RANDOMIZED_TRIAL
    assert not grade_record(record("A trial", types=("Retraction of Publication",))).retracted


def test_case_report_counts_one_patient_and_animal_studies_count_no_people() -> None:
    case = grade_record(record("X", ("", "A 54-year-old woman presented with a rash.")))
    assert (case.design, case.n) == (StudyDesign.CASE_REPORT, 1)
    rats = grade_record(record("X", ("", "Forty rats received the drug.")))
    assert (rats.design, rats.n) == (StudyDesign.ANIMAL, None)


def test_background_is_not_read_for_the_design() -> None:
    sections = (
        ("BACKGROUND", "A meta-analysis of randomised trials suggested benefit."),
        ("METHODS", "We studied a cohort of 300 patients over 5 years."),
    )
    graded = grade_record(record("X", *sections))
    assert (graded.design, graded.n) == (StudyDesign.COHORT, 300)


def test_year_comes_from_the_record() -> None:
    assert grade_record(record(year=1998)).year == 1998
    assert grade_record(record(year=None)).year is None


def test_grading_is_total_over_odd_records() -> None:
    odd = Record(id="x", source=Source.TEXT, title="", sections=(Section(text="\x00 ⁂ "),))
    assert grade_record(odd).design is StudyDesign.UNKNOWN


# --- real records: NLM's publication types are the ground truth of the metadata path ---


@cache
def _shared_records(shared_data: Path) -> dict[str, Record]:
    paths = [shared_data / "pubmed_xml", shared_data / "pubmed_medline_txt"]
    return {item.id: item for item in read_sources(paths) if isinstance(item, Record)}


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("pmid", "design", "year"),
    [
        ("30158200", StudyDesign.META_ANALYSIS, 2018),
        ("20697127", StudyDesign.GUIDELINE, 2010),
        ("29634568", StudyDesign.CASE_REPORT, 2018),
        ("25172541", StudyDesign.CLINICAL_TRIAL, 2015),
        ("34460185", StudyDesign.NARRATIVE_REVIEW, 2021),
        ("26407462", StudyDesign.EDITORIAL, 2015),
        ("17179337", StudyDesign.LETTER, 2007),
        ("27930574", StudyDesign.OBSERVATIONAL, 2016),
    ],
)
def test_real_records_are_graded_by_their_publication_types(
    shared_data: Path, pmid: str, design: StudyDesign, year: int
) -> None:
    graded = grade_record(_shared_records(shared_data)[f"pmid:{pmid}"])
    assert (graded.design, graded.signal, graded.year) == (
        design,
        GradeSignal.PUBLICATION_TYPE,
        year,
    )


@pytest.mark.shared_data
def test_every_real_record_with_a_telling_type_keeps_that_types_design(
    shared_data: Path,
) -> None:
    """The decisive publication type, or a refinement of it by the text, for every record."""
    checked = 0
    for item in _shared_records(shared_data).values():
        stated = design_from_publication_types(item.publication_types)
        if stated is None:
            continue
        graded = grade_record(item)
        allowed = {stated[0], *TEXT_REFINES.get(stated[0], ())}
        assert graded.design in allowed, (item.id, item.publication_types, graded)
        checked += 1
    assert checked > 250  # 267 of the 1,303 shared records carry a telling type


@pytest.mark.shared_data
def test_real_rct_count_matches_the_publication_types(shared_data: Path) -> None:
    """Counts computed straight from the publication types, independently of the grader."""
    records = _shared_records(shared_data).values()
    higher = {name for name, _ in PUBLICATION_TYPE_DESIGNS[:8]}  # guideline … protocol
    expected_rct = sum(
        "Randomized Controlled Trial" in item.publication_types
        and not higher & set(item.publication_types)
        for item in records
    )
    graded_rct = sum(
        grade_record(item).design is StudyDesign.RANDOMIZED_TRIAL
        and grade_record(item).signal is GradeSignal.PUBLICATION_TYPE
        for item in records
    )
    assert expected_rct == graded_rct == 8


def test_seed_abstract_is_a_cross_sectional_study_of_41(shared_seeds: Path) -> None:
    """DESIGN.md §5: "we conducted CT in 41 patients" → cross-sectional, n=41."""
    seed = next(shared_seeds.glob("002_*.txt"))
    (item,) = [found for found in read_sources([seed]) if isinstance(found, Record)]
    graded = grade_record(item)
    assert (graded.design, graded.n, graded.year) == (StudyDesign.CROSS_SECTIONAL, 41, 2007)
    assert graded.signal is GradeSignal.TEXT


@pytest.mark.parametrize(
    ("title", "guideline"),
    [
        ("Guidelines for the management of atrial fibrillation.", True),
        ("Recommendations for the use of statins in older adults.", True),
        (
            "National study of physician awareness and adherence to cardiovascular disease "
            "prevention guidelines.",
            False,
        ),
        ("Impact of new guidelines on antibiotic prescribing in primary care.", False),
    ],
)
def test_a_title_that_studies_guidelines_is_not_a_guideline(title: str, guideline: bool) -> None:
    grade = grade_record(record(title, ("", "We report what we found.")))
    assert (grade.design is StudyDesign.GUIDELINE) is guideline
