"""Recommendation patterns, one scheme at a time, on short sentences written for these tests.

The sentences are made up in the style of each scheme (none is quoted from a guideline);
each case says what a reader of that scheme takes the sentence to mean.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcite.ingest import record_sentences
from medcite.ingest.recommendations import (
    _GUIDELINE_TITLE,
    has_guideline_title,
    is_guideline_text,
    recognise,
    with_recommendations,
)
from medcite.records import GradingScheme, RecommendationStrength, Record, Section, Source

STRONG = RecommendationStrength.STRONG
CONDITIONAL = RecommendationStrength.CONDITIONAL
UNSTATED = RecommendationStrength.UNSTATED


@pytest.mark.parametrize(
    ("sentence", "strength", "grade"),
    [
        (
            "We recommend that adults with pneumonia receive amoxicillin "
            "(strong recommendation, moderate-quality evidence).",
            STRONG,
            "strong recommendation, moderate-quality evidence",
        ),
        (
            "We suggest watchful waiting in children with mild otitis media "
            "(weak recommendation, low-quality evidence).",
            CONDITIONAL,
            "weak recommendation, low-quality evidence",
        ),
        (
            "After a first unprovoked clot we suggest extended anticoagulation "
            "(conditional recommendation, very low certainty of evidence).",
            CONDITIONAL,
            "conditional recommendation, very low certainty of evidence",
        ),
        # ACCP's numbers and letters: 1 strong, 2 weak; A-C the quality.
        (
            "In proximal vein thrombosis, we recommend anticoagulation (Grade 1A).",
            STRONG,
            "Grade 1A",
        ),
        (
            "In atrial fibrillation, we suggest apixaban over warfarin (Grade 2B).",
            CONDITIONAL,
            "Grade 2B",
        ),
    ],
)
def test_grade_wording_and_accp_grades(
    sentence: str, strength: RecommendationStrength, grade: str
) -> None:
    assert recognise(sentence) == (strength, grade, GradingScheme.GRADE)


@pytest.mark.parametrize(
    ("sentence", "strength", "grade"),
    [
        (
            "Beta blockers are recommended for patients with reduced ejection fraction "
            "(Class I, Level of Evidence: A).",
            STRONG,
            "Class I, Level of Evidence: A",
        ),
        (
            "Catheter ablation may be considered in selected patients "
            "(Class IIb; Level of Evidence: C).",
            CONDITIONAL,
            "Class IIb; Level of Evidence: C",
        ),
        (
            "In stable angina, revascularisation is reasonable for symptoms (COR IIa, LOE B-R).",
            CONDITIONAL,
            "COR IIa, LOE B-R",
        ),
        # Class III (no benefit, or harm) is a firm recommendation against.
        (
            "Digoxin is not recommended in patients without heart failure "
            "(Class III: No Benefit, Level of Evidence: B).",
            STRONG,
            "Class III: No Benefit, Level of Evidence: B",
        ),
    ],
)
def test_acc_aha_classes_and_levels(
    sentence: str, strength: RecommendationStrength, grade: str
) -> None:
    assert recognise(sentence) == (strength, grade, GradingScheme.ACC_AHA)


@pytest.mark.parametrize(
    ("sentence", "strength", "grade"),
    [
        (
            "The USPSTF recommends screening for colorectal cancer in adults aged 50 to 75 "
            "years (A recommendation).",
            STRONG,
            "A recommendation",
        ),
        (
            "The USPSTF recommends that clinicians selectively offer diet counselling to "
            "adults without risk factors (C recommendation).",
            CONDITIONAL,
            "C recommendation",
        ),
        (
            "The USPSTF recommends against screening for ovarian cancer in women without "
            "symptoms (D recommendation).",
            STRONG,
            "D recommendation",
        ),
        # An I statement recommends neither way: the evidence is insufficient.
        (
            "The USPSTF concludes that the current evidence is insufficient to weigh the "
            "benefits and harms of screening for vitamin D deficiency (I statement).",
            UNSTATED,
            "I statement",
        ),
    ],
)
def test_uspstf_letters_and_the_i_statement(
    sentence: str, strength: RecommendationStrength, grade: str
) -> None:
    assert recognise(sentence) == (strength, grade, GradingScheme.USPSTF)


def test_sign_grades_and_levels() -> None:
    assert recognise(
        "Patients with suspected stroke should have a scan within an hour (Grade B, SIGN)."
    ) == (
        STRONG,
        "Grade B, SIGN",  # the whole bracketed note, as the guideline writes it
        GradingScheme.SIGN,
    )
    assert recognise(
        "Give aspirin to patients with ischaemic stroke as soon as possible (SIGN grade A)."
    ) == (
        STRONG,
        "SIGN grade A",
        GradingScheme.SIGN,
    )
    # A guideline's own letter or level, with no scheme named: the guideline defines it.
    assert recognise("Compression stockings are not recommended after a stroke [A].") == (
        STRONG,
        "A",
        GradingScheme.LEVEL,
    )
    assert recognise(
        "Adults with asthma should be offered a written action plan (Level of evidence: 2++)."
    ) == (
        STRONG,
        "Level of evidence: 2++",
        GradingScheme.LEVEL,
    )


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        (
            "We recommend against routine antibiotics for acute bronchitis in healthy adults.",
            STRONG,
        ),
        (
            "We suggest offering a short course of oral steroids to adults with acute gout.",
            CONDITIONAL,
        ),
        ("Clinicians should offer exercise therapy to patients with knee osteoarthritis.", STRONG),
        ("Acupuncture may be considered for patients with chronic low back pain.", CONDITIONAL),
        ("Offer a statin to adults with a 10-year cardiovascular risk of 10% or more.", STRONG),
        ("Consider a referral to a specialist for children with persistent wheeze.", CONDITIONAL),
    ],
)
def test_wording_alone_gives_the_strength_and_no_grade(
    sentence: str, strength: RecommendationStrength
) -> None:
    assert recognise(sentence) == (strength, "", GradingScheme.WORDING)


def test_a_grade_in_the_note_after_or_the_heading_before_belongs_to_the_sentence() -> None:
    after = "(Strong recommendation; high-quality evidence.)"
    assert recognise(
        "We recommend early mobilisation after hip fracture surgery.", after=after
    ) == (
        STRONG,
        "Strong recommendation; high-quality evidence",
        GradingScheme.GRADE,
    )
    before = "Recommendation 3 (Grade B):"
    assert recognise("Patients with a suspected fracture should have an X-ray.", before=before) == (
        STRONG,
        "Grade B",
        GradingScheme.LEVEL,
    )
    assert recognise(before) is None  # the heading itself recommends nothing


@pytest.mark.parametrize(
    "sentence",
    [
        "Further studies are needed to clarify the role of vitamin D in older adults.",
        "What should clinicians do when the test result is uncertain?",
        "It should be noted that the trial enrolled only 40 patients.",
        "We recommend it.",  # too short to be a statement on its own
        "Patients with grade 3 tumours had shorter survival than the others.",
    ],
)
def test_sentences_that_do_not_recommend(sentence: str) -> None:
    assert recognise(sentence) is None


def _record(title: str, publication_types: tuple[str, ...] = ()) -> Record:
    text = (
        "Low back pain is common in adults. "
        "We recommend that clinicians advise patients to stay active (strong recommendation, "
        "moderate-quality evidence)."
    )
    return Record(
        id="text:1",
        source=Source.TEXT,
        title=title,
        sections=(Section(text),),
        publication_types=publication_types,
    )


def test_only_guideline_texts_get_recommendations_with_their_sentence_span() -> None:
    guideline = _record("Low back pain", ("Practice Guideline",))
    assert is_guideline_text(guideline)
    spans = [(s.section_index, s.start, s.end) for s in record_sentences(guideline)]
    (found,) = with_recommendations(guideline, spans).recommendations
    assert guideline.sections[0].text[found.start : found.end].startswith("We recommend that")
    assert (found.strength, found.scheme) == (STRONG, GradingScheme.GRADE)
    trial = _record("A randomised trial of staying active")
    assert not is_guideline_text(trial)
    assert with_recommendations(trial, spans).recommendations == ()
    assert is_guideline_text(_record("Consensus statement on low back pain"))


_TITLE_PIECES = st.sampled_from(
    ["guideline", "Guidelines", "RECOMMENDATIONS", "consensus", "Position Statement",
     "position  statement", "practice parameters", "statement from", "Task Force",
     "tas\u212a force", "\u017ftatement from", "GUIDEL\u0130NE", "non", "-", " ", "s"]
)  # fmt: skip
"""Pieces of titles: the pattern's words in any case, spaced or spelled just off, and
letters that Unicode's case folding matches to the pattern's (the Kelvin sign, long s)."""


@given(st.lists(st.one_of(_TITLE_PIECES, st.text(max_size=6)), max_size=8).map("".join))
@settings(max_examples=500, deadline=None, database=None)
def test_the_words_checked_first_find_what_the_title_pattern_finds(title: str) -> None:
    assert has_guideline_title(title) == (_GUIDELINE_TITLE.search(title) is not None)


@pytest.mark.parametrize(
    ("sentence", "after", "strength", "grade", "scheme"),
    [
        # KDIGO and ACCP's heirs write the grade alone in brackets, often on the next line.
        (
            "The Work Group recommends measuring albuminuria in adults with diabetes.",
            "(1B)",
            STRONG,
            "1B",
            GradingScheme.GRADE,
        ),
        # SCCM's sign says for (+) or against (-); 2 is the weaker grade.
        (
            "The task force suggests that sedation be kept light in ventilated adults (+2B).",
            "",
            CONDITIONAL,
            "+2B",
            GradingScheme.GRADE,
        ),
        # A class and a letter joined by a hyphen.
        ("For all women, perform a careful family history [I-D].", "", STRONG, "I-D",
         GradingScheme.LEVEL),
        # WHO's kinds of recommendation.
        (
            "In populations with low calcium intake, calcium supplementation is recommended "
            "for pregnant women (Context-specific recommendation).",
            "",
            STRONG,
            "Context-specific recommendation",
            GradingScheme.LEVEL,
        ),
        # IDSA's short GRADE note: strength, then quality.
        ("Inactivated vaccines should be given two weeks before immunosuppression "
         "(strong, moderate).", "", STRONG, "strong, moderate", GradingScheme.GRADE),
        # VA/DoD's strength and direction, on the next line.
        ("For adults with back pain, the Work Group suggests a structured education component.",
         "(Weak For; Reviewed, New-added)", CONDITIONAL, "Weak For; Reviewed, New-added",
         GradingScheme.GRADE),
        # ICSI writes the quality first.
        ("Palliative care should be discussed when a serious illness is diagnosed "
         "[Low Quality Evidence, Strong Recommendation].", "", STRONG,
         "Low Quality Evidence, Strong Recommendation", GradingScheme.GRADE),
        # The Canadian Task Force's class with its subdivision.
        ("In-patient care should be provided for women with severe pre-eclampsia.", "(II-2B).",
         STRONG, "II-2B", GradingScheme.LEVEL),
    ],
)  # fmt: skip
def test_grade_notes_of_grade_heirs_task_forces_and_who(
    sentence: str, after: str, strength: RecommendationStrength, grade: str,
    scheme: GradingScheme,
) -> None:  # fmt: skip
    assert recognise(sentence, after=after) == (strength, grade, scheme)


def test_a_long_grade_note_is_taken_whole() -> None:
    note = (
        "(Type: informal consensus, benefits outweigh harms; Quality of evidence: "
        "intermediate; Strength of recommendation: moderate)"
    )
    assert len(note) > 100
    found = recognise(
        f"Patients on radiotherapy to the brain should be offered rescue steroids {note}."
    )
    assert found is not None
    assert found[1] == note.strip("()")


@pytest.mark.parametrize(
    "sentence",
    [
        # Headings in title case name what follows; they do not say it.
        "Who Should Be Tested for Chronic Kidney Disease",
        "Interventions That Must (or Must Not) Be Used",
        "Treat Secondary Causes of Heart Failure and Comorbid Conditions",
        # A word in quotes is mentioned, not used: a rating scheme defining its wording.
        "The group uses 'must' or 'must not' only if there is a legal duty to apply it.",
        'Imperative statements use terms such as "must," and "should," without conditions.',
        # 'Should' of expectation, not of advice.
        "Effective pain treatment should result in a meaningful gain in daily function.",
        "Return to work should be expected during this period for most patients.",
        # A note about the summary, not advice.
        "Refer to Box 3 in the original document for the related recommendations.",
    ],
)
def test_headings_mentions_and_expectations_do_not_recommend(sentence: str) -> None:
    assert recognise(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("Clinicians may offer behavioural therapy to patients with anticipatory nausea.",
         CONDITIONAL),
        ("In adults with symptomatic colitis, the AGA suggests mesalamine over no treatment.",
         CONDITIONAL),
        ("Zinc supplementation in pregnancy is only recommended in the context of research.",
         STRONG),
    ],
)  # fmt: skip
def test_options_left_to_clinicians_and_restricted_recommendations(
    sentence: str, strength: RecommendationStrength
) -> None:
    assert recognise(sentence) == (strength, "", GradingScheme.WORDING)


def _guideline(text: str, issuer: str) -> tuple[str, ...]:
    record = Record(
        id="text:2",
        source=Source.TEXT,
        title="A guideline",
        sections=(Section(text),),
        publication_types=("Practice Guideline",),
        issuer=issuer,
    )
    spans = [(s.section_index, s.start, s.end) for s in record_sentences(record)]
    section = record.sections[0].text
    return tuple(
        section[r.start : r.end] for r in with_recommendations(record, spans).recommendations
    )


def test_another_bodys_recommendation_reported_as_evidence_is_not_the_guidelines() -> None:
    text = (
        "The CDC recommends that these regimens be used only if follow-up can be assured. "
        "The USPSTF recommends screening adults for depression. "
        "The Task Force recommends follow-up at six months."
    )
    uspstf = "U.S. Preventive Services Task Force - Independent Expert Panel"
    assert _guideline(text, uspstf) == (
        "The USPSTF recommends screening adults for depression.",
        "The Task Force recommends follow-up at six months.",
    )
    # Without a known issuer every speaker is taken to be the guideline.
    assert len(_guideline(text, "")) == 3


def test_grade_forms_of_other_schemes() -> None:
    # SIGN's letter before the statement.
    assert recognise("B - Offer aspirin to adults with a transient ischaemic attack.") == (
        STRONG,
        "B",
        GradingScheme.LEVEL,
    )
    # AHA's level written before its class: the class gives the strength.
    assert recognise(
        "Reposition patients at risk of pressure ulcers every two hours "
        "(Level of Evidence = C; Benefit = Class IIa)."
    ) == (CONDITIONAL, "Level of Evidence = C; Benefit = Class IIa", GradingScheme.ACC_AHA)
    # A level alone in brackets.
    assert recognise("The panel suggests that probiotics be used to prevent diarrhoea (III).") == (
        CONDITIONAL,
        "III",
        GradingScheme.LEVEL,
    )
    # A scheme's own code in brackets on the line after: "[EO]" for expert opinion.
    assert recognise(
        "Care teams should meet regularly to agree a treatment plan.", after="[EO]"
    ) == (
        STRONG,
        "EO",
        GradingScheme.LEVEL,
    )


def test_a_grade_line_after_ungraded_statements_grades_each_of_them() -> None:
    # The Academy of Nutrition and Dietetics rates the statements above the rating line.
    blocks = (
        "The dietitian should assess the energy needs of every adult with diabetes.",
        "Testing for diabetes risk should be considered in adults who are overweight.",
        "Fair, Imperative",
        "Feeding and Measurement",
        "The dietitian should wait four hours after a feed before measuring energy use.",
    )
    record = Record(
        id="text:3",
        source=Source.TEXT,
        title="A guideline",
        sections=tuple(Section(block) for block in blocks),
        publication_types=("Practice Guideline",),
    )
    spans = [(s.section_index, s.start, s.end) for s in record_sentences(record)]
    found = with_recommendations(record, spans).recommendations
    assert [(r.section_index, r.grade) for r in found] == [
        (0, "Fair, Imperative"),
        (1, "Fair, Imperative"),
        (4, ""),  # the rating closes what came before; it does not carry on
    ]


def _found(*blocks: str) -> list[tuple[int, str, str]]:
    """``(block, sentence, grade)`` of each recommendation of a guideline written in blocks."""
    record = Record(
        id="text:4",
        source=Source.TEXT,
        title="A guideline",
        sections=tuple(Section(block) for block in blocks),
        publication_types=("Practice Guideline",),
    )
    spans = [(s.section_index, s.start, s.end) for s in record_sentences(record)]
    return [
        (r.section_index, blocks[r.section_index][r.start : r.end], r.grade)
        for r in with_recommendations(record, spans).recommendations
    ]


def test_grade_codes_of_more_schemes() -> None:
    # A letter and a level in one bracket, with no comma: "(A IV)".
    assert recognise(
        "Needle exchange services should be funded in every region.", after="(A IV)"
    ) == (
        STRONG,
        "A IV",
        GradingScheme.LEVEL,
    )
    # SIGN's good practice point before the statement.
    assert recognise("GCP - Patients should carry a list of their medicines.") == (
        STRONG,
        "GCP",
        GradingScheme.LEVEL,
    )
    # GRADE's quality with the strength left to the wording.
    assert recognise(
        "Clinicians should not stop warfarin before a single tooth extraction "
        "(Recommendation, low-quality evidence)."
    ) == (STRONG, "Recommendation, low-quality evidence", GradingScheme.LEVEL)


def test_a_line_that_is_only_a_grade_is_the_grade_whole() -> None:
    assert _found(
        "In adults with gout, start allopurinol after the second flare in a year.",
        "Strong Recommendation – Grade A",
        "In adults with gout, aim for a urate level below 360.",
        "Expert Opinion – Grade E",
        "Staff should screen every adult for falls on admission.",
        "(Levels of Evidence = Ia & V)",
    ) == [
        (0, "In adults with gout, start allopurinol after the second flare in a year.",
            "Strong Recommendation – Grade A"),
        (2, "In adults with gout, aim for a urate level below 360.", "Expert Opinion – Grade E"),
        (4, "Staff should screen every adult for falls on admission.",
            "Levels of Evidence = Ia & V"),
    ]  # fmt: skip


def test_a_grade_written_over_two_lines_is_one_grade() -> None:
    found = _found(
        "Statement 1: Adults with a hip fracture should have surgery within a day.",
        "Recommendation strength: Strong",
        "Quality of evidence: High",
        "Statement 2: A nerve block may be delivered before surgery to relieve pain.",
        "Recommendation strength: Conditional",
        "Quality of evidence: Low",
    )
    assert [(block, grade) for block, _, grade in found] == [
        (0, "Recommendation strength: Strong; Quality of evidence: High"),
        (3, "Recommendation strength: Conditional; Quality of evidence: Low"),
    ]


def test_the_grade_opening_or_closing_a_paragraph_grades_each_of_its_recommendations() -> None:
    found = _found(
        "D - Home oxygen may be used in adults with severe breathlessness. "
        "It should only be ordered after a specialist assessment.",
        "Clinicians should offer a flu vaccine to every pregnant woman. "
        "A second dose may be appropriate in some seasons (Recommendation, low-quality evidence).",
        "We recommend walking after surgery. We suggest a brace for a week.",
    )
    assert [(block, grade) for block, _, grade in found] == [
        (0, "D"),
        (0, "D"),
        (1, "Recommendation, low-quality evidence"),
        (1, "Recommendation, low-quality evidence"),
        (2, ""),  # no grade in the paragraph: none is made up
        (2, ""),
    ]


def test_an_action_statements_grade_line_and_profile() -> None:
    # The grade line under an action statement, and the fields of its profile, which discuss
    # the statement and recommend nothing themselves.
    found = _found(
        "Clinicians should not order an X-ray for a simple ankle sprain.",
        "Recommendation against imaging based on observational studies with more benefit than "
        "harm.",
        "Benefit: Avoid needless radiation and waiting",
        "Value judgments: Spare the patient a second visit",
        "Exceptions: Adults who cannot bear weight should be imaged",
    )
    assert found == [
        (0, "Clinicians should not order an X-ray for a simple ankle sprain.",
            "Recommendation against imaging"),
    ]  # fmt: skip


def test_list_items_that_finish_an_open_lead_in_are_not_recommendations_of_their_own() -> None:
    found = _found(
        "Group programmes for parents should:",
        "Include written material",
        "Receive supervision from a named clinician",
        "Offer a follow-up visit at three months.",
        "Offer childcare to parents who attend.",
        "When a child has a fever:",
        "Measure the temperature with an electronic thermometer",
        "Give small amounts of fluid often",
    )
    assert [sentence for _, sentence, _ in found] == [
        "Group programmes for parents should:",
        "Offer childcare to parents who attend.",  # the full stop above closed the list
        # a lead-in that sets a condition leaves no verb open: each item instructs on its own
        "Measure the temperature with an electronic thermometer",
        "Give small amounts of fluid often",
    ]


def test_a_graded_heading_grades_the_recommendations_under_it_not_its_discussion() -> None:
    found = _found(
        "Splinting (Strength of Recommendation B; Level of Evidence 2+)",
        "A splint is cheap and easy to fit in a clinic.",
        "It should be worn at night for six weeks.",
        "The following recommendations are based on limited evidence (Level C):",
        "Bed rest for a week after a back strain.",
    )
    assert found == [
        (2, "It should be worn at night for six weeks.",
            "Strength of Recommendation B; Level of Evidence 2+"),
        (4, "Bed rest for a week after a back strain.", "Level C"),
    ]  # fmt: skip


def test_findings_of_studies_and_other_guidelines_are_reported_not_recommended() -> None:
    assert _guideline(
        "Two small trials found that adults should rest for a week after concussion. "
        "Earlier guidelines suggested that a headache after a fall should prompt a scan. "
        "Adults should return to light activity two days after concussion.",
        "",
    ) == ("Adults should return to light activity two days after concussion.",)


@pytest.mark.parametrize(
    ("sentence", "strength", "grade"),
    [
        # a label and its value joined by a dash
        ("The panel suggests compression after a leg ulcer heals. [Grade - 2; Level of "
         "Evidence - C]", CONDITIONAL, "Grade - 2; Level of Evidence - C"),
        # the Oxford levels' short labels
        ("Gout should be considered in any arthritis of unknown cause (LE 2b; GR B).",
         CONDITIONAL, "LE 2b; GR B"),
        # a letter before the statement with a colon, and with the year it was added
        ("B: Measuring blood pressure at every visit is recommended.", STRONG, "B"),
        ("D (2007): Repeat the measurement after five minutes of rest.", STRONG, "D"),
        # the strength with the quality in symbols
        ("The Task Force recommends an insulin pump for adults with frequent hypoglycaemia. "
         "(1|++OO)", STRONG, "1|++OO"),
        # the quality alone, closing a note
        ("Exercise should be offered to every adult after a heart attack. (In low-income "
         "settings—low quality of evidence)", STRONG,
         "In low-income settings—low quality of evidence"),
    ],
)  # fmt: skip
def test_grade_labels_letters_and_symbols_of_more_schemes(
    sentence: str, strength: RecommendationStrength, grade: str
) -> None:
    found = recognise(sentence)
    assert found is not None
    assert found[:2] == (strength, grade)


def test_a_category_closing_a_paragraph_grades_each_of_its_recommendations() -> None:
    found = _found(
        "Donors should be tested for hepatitis B. Results should be known before surgery. "
        "(Category IB)",
    )
    assert [(sentence, grade) for _, sentence, grade in found] == [
        ("Donors should be tested for hepatitis B.", "Category IB"),
        ("Results should be known before surgery.", "Category IB"),
    ]


def test_a_graded_title_is_a_heading_and_the_definitions_recommend_nothing() -> None:
    found = _found(
        "Rapid Antigen Tests (IIb, B)",
        "A rapid test may be used where a microscope is not available.",
        "GRADE Recommendations for Adults",
        "Refer to the NICE technology appraisal on home testing for details.",
        "Definitions:",
        "Clinicians: Most patients should receive the recommended course of action.",
        "A. There is good evidence to recommend the clinical action.",
    )
    assert found == [
        (1, "A rapid test may be used where a microscope is not available.", "IIb, B"),
    ]


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        # The American College of Radiology's ratings, written out in its narrative.
        ("MRI of the knee without IV contrast is usually appropriate.", CONDITIONAL),
        ("Bone scintigraphy is usually not appropriate for a simple ankle sprain.",
         CONDITIONAL),
        ("Ultrasound is the first study of choice in children with a limp.",
         CONDITIONAL),
        # Adverbs, and the passive of duty.
        ("Knee radiographs are most often recommended for older adults after a fall.", STRONG),
        ("Oral antibiotics are discouraged for uncomplicated acute otitis externa.", STRONG),
        ("The dose has to be adjusted to the kidney function of each patient.", STRONG),
        ("Fridge temperatures are to be recorded twice a day.", STRONG),
        # Options, passive and plural.
        ("Night splints may be employed when morning heel pain persists.",
         CONDITIONAL),
        ("A written plan can be provided to carers before discharge.", CONDITIONAL),
        ("Watchful waiting or a short course of steroids are options in mild cases.", CONDITIONAL),
        # Imperatives of NICE's wording.
        ("Undertake a falls review after any fall at home.", STRONG),
        ("Conduct a medication review at least once a year.", STRONG),
    ],
)  # fmt: skip
def test_appropriateness_adverbs_duties_and_options_in_more_words(
    sentence: str, strength: RecommendationStrength
) -> None:
    assert recognise(sentence) == (strength, "", GradingScheme.WORDING)


@pytest.mark.parametrize(
    "sentence",
    [
        "There is insufficient evidence to support or refute melatonin for jet lag in children.",
        "There is limited evidence to support massage for chronic neck pain.",
        "No firm recommendations can be made on the timing of surgery after a minor stroke.",
        "The panel did not make a recommendation regarding home oxygen in mild disease.",
        "Therefore, the group cannot make any formal recommendation on yearly skin checks.",
    ],
)
def test_conclusions_that_no_recommendation_can_be_made(sentence: str) -> None:
    assert recognise(sentence) == (UNSTATED, "", GradingScheme.WORDING)


@pytest.mark.parametrize(
    "sentence",
    [
        # A verb that is also a noun or an adjective recommends only before its object.
        "Conduct disorder is common among children with attention deficit disorder.",
        "Separate analyses showed no difference between women and men.",
        # The key to a rating scale defines ratings; it recommends nothing.
        "Rating Scale: 1 to 3 Not advised; 4 to 6 May be appropriate; 7 to 9 Advised",
    ],
)
def test_nouns_like_verbs_and_the_key_to_a_rating_scale_do_not_recommend(sentence: str) -> None:
    assert recognise(sentence) is None


def test_a_committee_of_the_issuer_speaks_for_the_guideline() -> None:
    text = "The Practice Committee recommends a repeat endoscopy after six weeks for large ulcers."
    assert _guideline(text, "Example Society for Endoscopy - Medical Specialty Society") == (text,)


def test_a_rating_line_in_words_grades_the_recommendations_above_it() -> None:
    # The Council on Chiropractic Practice rates each recommendation on the line after it.
    assert _found(
        "Each visit should start with a short review of symptoms.",
        "Rating: Established Evidence: E, L",
        "Reassessment",
        "Progress should be assessed at every visit.",
    ) == [
        (
            0,
            "Each visit should start with a short review of symptoms.",
            "Rating: Established Evidence: E, L",
        ),
        (3, "Progress should be assessed at every visit.", ""),
    ]


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("However, give oral iron only after the infection has cleared.", STRONG),
        ("Be aware of the signs of sepsis in older adults living alone.", STRONG),
        ("Ultrasound is usually the preferred first test for a painless neck lump.", CONDITIONAL),
        ("Surgical drainage is the standard treatment for a large neck abscess.",
         STRONG),
        ("The recommended dose of the vaccine is two injections a month apart.", STRONG),
        ("Variant 2: Observation or a repeat scan in six months is appropriate.", CONDITIONAL),
    ],
)  # fmt: skip
def test_opening_adverbs_standard_treatments_and_plain_appropriateness(
    sentence: str, strength: RecommendationStrength
) -> None:
    assert recognise(sentence) == (strength, "", GradingScheme.WORDING)


def test_a_class_over_a_group_and_the_level_after_each_are_one_grade() -> None:
    # ACC/AHA: the class heads a group, each recommendation states its own level after it.
    assert _found(
        "Class I",
        "Aspirin should be given to every patient with a suspected heart attack.",
        "(Level of evidence A)",
        "Class III: No Benefit",
        "Routine bed rest should not be advised after an uncomplicated heart attack.",
        "(Level of Evidence: B)",
    ) == [
        (
            1,
            "Aspirin should be given to every patient with a suspected heart attack.",
            "Class I; Level of evidence A",
        ),
        (
            4,
            "Routine bed rest should not be advised after an uncomplicated heart attack.",
            "Class III: No Benefit; Level of Evidence: B",
        ),
    ]


def test_a_line_naming_the_grade_of_the_statements_is_a_grade_line_not_a_statement() -> None:
    assert recognise("This conclusion statement is Grade II.") is None


def test_more_findings_and_other_bodies_reported_are_not_the_guidelines_own() -> None:
    assert _guideline(
        "The authors of one trial concluded that statins should be stopped before surgery. "
        "Another group of researchers followed 120 children and concluded that imaging "
        "should be kept for severe cases. "
        "They also recommended that a second test should be done within a week. "
        "Published data suggest that a plain film is not necessary after minor trauma. "
        "According to the guidelines of another society, an X-ray should be taken in every case. "
        "It should also be noted that the trial enrolled only men. "
        "A plain film should be taken after a fall onto an outstretched hand.",
        "",
    ) == ("A plain film should be taken after a fall onto an outstretched hand.",)
