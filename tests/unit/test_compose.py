"""Composing the answer page: grounded statements per facet, gaps, guidelines, audiences."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from medcite.compose import check_question, compose_answer, verify_answer
from medcite.compose.candidates import compared, on_topic, states_something, subject
from medcite.compose.checks import fold_lookalikes
from medcite.compose.labels import leading_label_length
from medcite.compose.page import CITED_RECORD_MARGIN
from medcite.errors import QuestionError
from medcite.records import (
    AnswerKind,
    AnswerState,
    Audience,
    Comparator,
    ConceptRole,
    EffectEstimate,
    EffectMeasure,
    EvidenceGrade,
    EvidenceLevel,
    Facet,
    GapKind,
    GradeSignal,
    GradingScheme,
    Proportion,
    Provenance,
    PValue,
    Question,
    QuestionConcept,
    QuestionType,
    Recommendation,
    RecommendationStrength,
    Record,
    RecordTopics,
    RetrievedRecord,
    Section,
    SectionKind,
    Sentence,
    SentenceNotes,
    SentenceRole,
    Source,
    StudyDesign,
)
from medcite.settings import AnswerSettings
from medcite.understand.kinds import answer_cues
from medcite.words import canonical_word, content_words

SETTINGS = AnswerSettings()
PROVENANCE = Provenance("snap", "hash", 0.0)
SSC, CNS, PNS, MRI = "D012595", "D002490", "D017933", "D008279"

QUESTION = Question(
    text="MRI findings for CNS and PNS involvement in systemic sclerosis",
    concepts=(
        QuestionConcept(
            (MRI,),
            "Magnetic Resonance Imaging",
            ConceptRole.IMAGING,
            "MRI",
            0,
            3,
            related=("X-Ray Computed Tomography", "CT"),
        ),
        QuestionConcept((CNS,), "Central Nervous System", ConceptRole.BODY_SYSTEM, "CNS", 17, 20),
        QuestionConcept(
            (PNS,), "Peripheral Nervous System", ConceptRole.BODY_SYSTEM, "PNS", 25, 28
        ),
        QuestionConcept(
            (SSC,),
            "Systemic Scleroderma",
            ConceptRole.CONDITION,
            "systemic sclerosis",
            44,
            62,
            abbreviations=("SSc",),
        ),
    ),
    facets=(
        Facet("CNS × MRI", (CNS, MRI)),
        Facet("PNS × MRI", (PNS, MRI)),
    ),
)


RELEVANT = 0.8
"""The relevance the evidence stage gives a sentence here unless a test says otherwise."""


def retrieved(
    record_id: str,
    rank: int,
    sections: list[tuple[str, list[tuple[str, tuple[str, ...]]]]],
    *,
    level: EvidenceLevel = EvidenceLevel.NONRANDOMIZED,
    design: StudyDesign = StudyDesign.CROSS_SECTIONAL,
    condition: float = 5.0,
    notes: dict[int, SentenceNotes] | None = None,
    relevance: dict[int, float] | None = None,
) -> RetrievedRecord:
    """A record of the given sentences, each with the question concepts it names, its role
    (from its section's label) and its relevance (``RELEVANT`` unless given)."""
    built_sections, sentences, sentence_notes = [], [], []
    for section_index, (label, parts) in enumerate(sections):
        text = " ".join(part for part, _ in parts)
        position = 0
        for part, concepts in parts:
            start = text.index(part, position)
            position = start + len(part)
            index = len(sentences)
            sentences.append(
                Sentence(record_id, section_index, index, start, position, part, label)
            )
            note = (notes or {}).get(index, SentenceNotes(concepts=concepts))
            sentence_notes.append(
                replace(
                    note,
                    role=note.role or SentenceRole(label.lower()),
                    relevance=(relevance or {}).get(index, RELEVANT),
                )
            )
        built_sections.append(Section(text, label, label))
    record = Record(record_id, Source.TEXT, f"Title of {record_id}", tuple(built_sections))
    grade = EvidenceGrade(level=level, design=design, signal=GradeSignal.PUBLICATION_TYPE, n=41)
    other = ("Systemic Lupus Erythematosus", 5.0) if condition < 1 else ("", 0.0)
    topics = RecordTopics(record_id, ((SSC, condition), (CNS, 1.0), (MRI, 0.0)), *other)
    return RetrievedRecord(
        record, tuple(sentences), rank, 10.0 / rank, grade, topics, tuple(sentence_notes)
    )


SPINE = retrieved(
    "text:spine",
    1,
    [
        (
            "RESULTS",
            [
                (
                    "CT showed intraspinal calcinosis compressing the spinal cord in SSc.",
                    (CNS, MRI + "~related", SSC),
                )
            ],
        ),
        (
            "CONCLUSIONS",
            [("Spinal calcinosis is associated with neurological manifestations in SSc.", (SSC,))],
        ),
    ],
)
BRAIN_MRI = retrieved(
    "pmid:2",
    2,
    [
        (
            "RESULTS",
            [
                (
                    "MRI of the brain showed white matter lesions in 12 of 30 patients with SSc.",
                    (MRI, CNS, SSC),
                )
            ],
        ),
        (
            "CONCLUSIONS",
            [
                (
                    "CONCLUSIONS: Brain MRI lesions are frequent in SSc patients without symptoms.",
                    (MRI, CNS, SSC),
                )
            ],
        ),
    ],
    level=EvidenceLevel.SYNTHESIS,
    design=StudyDesign.SYSTEMATIC_REVIEW,
)
LUPUS = retrieved(
    "pmid:3",
    3,
    [
        (
            "RESULTS",
            [
                (
                    "Brain MRI lesions were found in most lupus patients and in one with SSc.",
                    (MRI, CNS, SSC),
                )
            ],
        )
    ],
    condition=0.5,
)


def answer_of(
    *items: RetrievedRecord, audience: Audience = Audience.CLINICIAN, question: Question = QUESTION
):
    answer = compose_answer(question, items, SETTINGS, PROVENANCE, audience)
    return verify_answer(answer, {item.record.id: item.record for item in items})


def statements(answer):  # type: ignore[no-untyped-def]
    return [s for section in answer.sections for s in section.statements]


def test_every_statement_is_its_source_sentence_less_at_most_a_label() -> None:
    answer = answer_of(SPINE, BRAIN_MRI)
    found = statements(answer)
    assert found
    for statement in found:
        record = {SPINE.record.id: SPINE.record, BRAIN_MRI.record.id: BRAIN_MRI.record}[
            statement.record_id
        ]
        sentence = record.sections[statement.section_index].text[statement.start : statement.end]
        assert sentence[statement.offset :] == statement.text
    labelled = [s for s in found if s.offset]
    assert labelled and all(s.text.startswith("Brain MRI") for s in labelled)


def test_between_equally_relevant_findings_the_stronger_evidence_leads() -> None:
    answer = answer_of(SPINE, BRAIN_MRI)
    bottom = answer.sections[0]
    assert bottom.kind is SectionKind.BOTTOM_LINE
    assert bottom.statements[0].record_id == "pmid:2"  # systematic review, equally relevant
    assert bottom.statements[0].level is EvidenceLevel.SYNTHESIS


def test_relevance_comes_before_evidence_strength() -> None:
    """A graded trial sentence that answers less beats no on-topic sentence that answers."""
    trial = replace(
        BRAIN_MRI,
        notes=tuple(replace(n, relevance=0.55) for n in BRAIN_MRI.notes),
        grade=replace(BRAIN_MRI.grade, level=EvidenceLevel.RANDOMIZED),
    )
    spine = replace(SPINE, notes=tuple(replace(n, relevance=0.95) for n in SPINE.notes))
    bottom = answer_of(trial, spine).sections[0]
    assert bottom.statements[0].record_id == "text:spine"


def test_near_certainty_the_more_likely_answer_leads_over_a_number() -> None:
    """Review 11: of one abstract's sentences, all near-certain answers, its results with
    numbers led over its conclusion that answers, a clinician's preference for numbers
    added to the probability. Here 0.95 against 0.96: in odds the conclusion is 1.26
    times as likely, and the preference breaks ties, which this is not. In the middle of
    the scale, where a hundredth of probability is little, the number still leads."""
    results, conclusions = BRAIN_MRI.notes
    amount = Proportion(start=48, end=56, text="12 of 30", numerator=12, denominator=30)

    def lead(results_relevance: float, conclusions_relevance: float) -> str:
        item = replace(
            BRAIN_MRI,
            notes=(
                replace(results, numbers=(amount,), relevance=results_relevance),
                replace(conclusions, relevance=conclusions_relevance),
            ),
        )
        return answer_of(item).sections[0].statements[0].text

    assert lead(0.95, 0.96) == "Brain MRI lesions are frequent in SSc patients without symptoms."
    assert lead(0.55, 0.56) == BRAIN_MRI.sentences[0].text


def test_research_quotes_a_facets_findings_before_its_aims_and_methods() -> None:
    # Review 9: pages quoted the cited records' aims and methods ("To assess the
    # sensitivity …") under "From the research", and their results not at all.
    study = retrieved(
        "pmid:7",
        1,
        [
            ("OBJECTIVE", [("To assess brain MRI lesions in patients with SSc.", (MRI, CNS, SSC))]),
            ("METHODS", [("Brain MRI was done in 30 patients with SSc.", (MRI, CNS, SSC))]),
            ("RESULTS", [("Brain MRI showed lesions in 12 of 30 SSc patients.", (MRI, CNS, SSC))]),
            (
                "CONCLUSIONS",
                [("Brain MRI lesions are frequent in patients with SSc.", (MRI, CNS, SSC))],
            ),
        ],
        relevance={0: 0.99, 1: 0.98, 2: 0.9, 3: 0.95},
    )
    settings = AnswerSettings(bottom_line_statements=1, research_statements=1)
    question = replace(QUESTION, facets=(Facet("CNS × MRI", (CNS, MRI)),))
    answer = compose_answer(question, [study], settings, PROVENANCE)
    research = [s for s in answer.sections if s.kind is SectionKind.RESEARCH]
    assert [s.text for section in research for s in section.statements] == [
        "Brain MRI showed lesions in 12 of 30 SSc patients."
    ]


@pytest.mark.parametrize(
    "role",
    [
        SentenceRole.METHODS,
        SentenceRole.OBJECTIVE,
        SentenceRole.FUNDING,
        SentenceRole.REGISTRATION,
        SentenceRole.CONFLICT,
    ],
)
def test_the_bottom_line_is_never_a_line_that_states_no_finding(role: SentenceRole) -> None:
    lead = replace(
        BRAIN_MRI,
        notes=(replace(BRAIN_MRI.notes[0], role=role, relevance=0.99), *BRAIN_MRI.notes[1:]),
    )
    bottom = answer_of(lead).sections[0]
    assert [s.text for s in bottom.statements] == [
        "Brain MRI lesions are frequent in SSc patients without symptoms."
    ]


def test_a_yes_no_question_is_led_by_findings_before_background() -> None:
    lead = replace(
        BRAIN_MRI,
        notes=(
            replace(BRAIN_MRI.notes[0], role=SentenceRole.BACKGROUND, relevance=0.99),
            *BRAIN_MRI.notes[1:],
        ),
    )
    yes_no = replace(QUESTION, answer_kind=AnswerKind.YES_NO)
    bottom = answer_of(lead, question=yes_no).sections[0]
    assert [s.text for s in bottom.statements] == [
        "Brain MRI lesions are frequent in SSc patients without symptoms."
    ]
    summary = answer_of(lead).sections[0]  # "what is …": the background may answer
    assert summary.statements[0].text.startswith("MRI of the brain showed")
    alone = replace(lead, notes=(lead.notes[0], replace(lead.notes[1], relevance=0.1)))
    fallback = answer_of(alone, question=yes_no).sections[0]  # no finding answers
    assert [s.text for s in fallback.statements] == [lead.sentences[0].text]


def test_a_background_saying_what_was_not_known_yields_to_its_record_s_finding() -> None:
    """Review 27: "What are the maternal and fetal outcomes of pregnancy in women with …
    chronic renal insufficiency?" was led by the cohort's "… the risks … remain
    uncertain.", over its conclusion."""
    gap = "The course of CNS involvement in SSc on MRI remains uncertain."
    finding = "MRI showed CNS lesions in a third of SSc patients."
    record = retrieved(
        "pmid:7",
        1,
        [("BACKGROUND", [(gap, (MRI, CNS, SSC))]), ("CONCLUSIONS", [(finding, (MRI, CNS, SSC))])],
        relevance={0: 0.95, 1: 0.75},
    )
    assert statements(answer_of(record))[0].text == finding
    known = "MRI of the CNS is the standard test for SSc patients."
    stated = retrieved(
        "pmid:7",
        1,
        [("BACKGROUND", [(known, (MRI, CNS, SSC))]), ("CONCLUSIONS", [(finding, (MRI, CNS, SSC))])],
        relevance={0: 0.95, 1: 0.75},
    )
    assert statements(answer_of(stated))[0].text == known  # what is known may answer


def test_a_yes_no_question_on_a_standing_fact_may_be_led_by_the_background_stating_it() -> None:
    """ "Has X been approved?" is settled by "X is an FDA-approved …", a background line."""
    approval = "Brain MRI is an approved test for SSc patients."
    stated = retrieved(
        "pmid:9",
        1,
        [
            ("BACKGROUND", [(approval, (MRI, CNS, SSC))]),
            ("RESULTS", [("MRI lesions were seen in 12 of 30 patients with SSc.", (MRI, SSC))]),
        ],
        relevance={0: 0.95, 1: 0.8},
    )
    asked = replace(QUESTION, answer_kind=AnswerKind.YES_NO, status_cues=("approv",))
    assert answer_of(stated, question=asked).sections[0].statements[0].text == approval
    unasked = replace(asked, status_cues=())
    assert answer_of(stated, question=unasked).sections[0].statements[0].text != approval


LESIONS_SEEN = "White matter lesions of the CNS are seen on MRI in SSc."
"""A sentence a lead pointing back ("It is …") may point to."""

LESIONS = "D051437"
"""A finding the quantity question below asks an amount of (any id will do)."""

LESIONS_ASKED = QuestionConcept((LESIONS,), "Lesions", ConceptRole.FINDING, "lesions", 0, 7)
"""Lesions, named by a question beside ``QUESTION``'s concepts."""


def asking_of_lesions(kind: AnswerKind, text: str = QUESTION.text) -> Question:
    """``QUESTION`` (or ``text``) wanting ``kind`` of answer, with the lesions among its
    concepts."""
    return replace(
        QUESTION, text=text, answer_kind=kind, concepts=(*QUESTION.concepts, LESIONS_ASKED)
    )


def test_a_how_much_question_is_led_by_the_answering_sentence_giving_an_amount_of_it() -> None:
    """BRAIN_MRI's results count lesions (12 of 30); its conclusions give no number but
    rank higher. Asked how many have lesions, the count leads; a count of something else
    (when the question asks about another finding) does not."""
    results, conclusions = BRAIN_MRI.notes
    amount = Proportion(start=48, end=56, text="12 of 30", numerator=12, denominator=30)
    counted = replace(
        BRAIN_MRI,
        notes=(
            replace(
                results, numbers=(amount,), concepts=(*results.concepts, LESIONS), relevance=0.75
            ),
            replace(conclusions, relevance=0.95),
        ),
    )
    how_many = asking_of_lesions(AnswerKind.QUANTITY)
    lead = answer_of(counted, question=how_many).sections[0].statements
    assert [s.text for s in lead] == [counted.sentences[0].text]
    other = replace(LESIONS_ASKED, ids=("D000001",))
    elsewhere = replace(how_many, concepts=(*QUESTION.concepts, other))
    assert [s.text for s in answer_of(counted, question=elsewhere).sections[0].statements] == [
        "Brain MRI lesions are frequent in SSc patients without symptoms."
    ]


def test_a_how_much_question_is_led_by_background_only_where_it_gives_an_amount() -> None:
    """Review 16: "What is the risk of a fatal side effect when Avastin is added to chemo?"
    was led by "CONTEXT Fatal adverse events (FAEs) have been reported …", over the
    meta-analysis's finding. Asked an amount, a background line without a number leads
    only where no finding may; one giving an amount leads as a finding would."""
    context = "Brain MRI lesions have been reported in SSc patients."
    found = retrieved(
        "pmid:21",
        1,
        [
            ("BACKGROUND", [(context, (MRI, SSC))]),
            (
                "CONCLUSIONS",
                [("MRI lesions were more frequent in SSc than in controls.", (MRI, SSC))],
            ),
        ],
        relevance={0: 0.95, 1: 0.8},
    )
    how_much = replace(QUESTION, answer_kind=AnswerKind.QUANTITY)
    lead = answer_of(found, question=how_much).sections[0].statements
    assert [s.text for s in lead] == ["MRI lesions were more frequent in SSc than in controls."]
    share = Proportion(start=0, end=3, text="12%", numerator=12, denominator=100)
    counted = replace(found, notes=(replace(found.notes[0], numbers=(share,)), found.notes[1]))
    assert answer_of(counted, question=how_much).sections[0].statements[0].text == context
    alone = replace(found, notes=(found.notes[0], replace(found.notes[1], relevance=0.1)))
    assert answer_of(alone, question=how_much).sections[0].statements[0].text == context


def test_an_amount_of_what_is_measured_answers_below_the_threshold() -> None:
    """Review 16: "What percentage of weight loss surgery candidates have depression?" was
    led by improvements in depressive symptoms (0.74): "… the most common mental health
    conditions … were depression (19% …)" scored 0.58, its words the review's, not the
    question's. Asked an amount, a sentence giving an amount of what is measured answers
    from 0.5; one giving an amount of something else does not."""
    share = "Lesions were seen in 12 of 30 patients with SSc."
    amount = Proportion(start=21, end=29, text="12 of 30", numerator=12, denominator=30)
    found = retrieved(
        "pmid:22",
        1,
        [("RESULTS", [("MRI was done in all SSc patients.", (MRI, SSC)), (share, (LESIONS, SSC))])],
        relevance={0: 0.95, 1: 0.6},
        notes={1: SentenceNotes(concepts=(LESIONS, SSC), numbers=(amount,))},
    )
    how_many = asking_of_lesions(AnswerKind.QUANTITY)

    def quoted(question: Question) -> list[str]:
        answer = compose_answer(question, [found], SETTINGS, PROVENANCE, threshold=0.7)
        return [s.text for section in answer.sections for s in section.statements]

    assert quoted(how_many)[0] == share
    other = replace(LESIONS_ASKED, ids=("D000001",))
    assert share not in quoted(replace(how_many, concepts=(*QUESTION.concepts, other)))


def test_an_amount_of_something_else_yields_to_a_sentence_naming_what_is_measured() -> None:
    """ "How often does metformin cause lactic acidosis?" was led by "Thirty (64 percent)
    had preexisting cardiac disease …", the most relevant sentence of a letter (review
    12). Asked how many have lesions, a count not naming them does not lead where a
    sentence that may lead names them; where none may lead, the count still does."""
    elsewhere = "Thirty (64 percent) of the patients with SSc had an MRI."
    counted = retrieved(
        "pmid:14",
        1,
        [("RESULTS", [(elsewhere, (MRI, SSC))])],
        notes={
            0: SentenceNotes(
                concepts=(MRI, SSC),
                numbers=(
                    Proportion(start=7, end=17, text="64 percent", numerator=64, denominator=100),
                ),
            )
        },
        relevance={0: 0.95},
    )
    naming = "Lesions were the rule in patients with SSc."
    named = retrieved(
        "pmid:15",
        1,
        [("CONCLUSIONS", [(naming, (LESIONS, SSC))])],
        relevance={0: 0.8},
    )
    how_many = asking_of_lesions(AnswerKind.QUANTITY)
    lead = answer_of(counted, named, question=how_many).sections[0].statements
    assert [s.text for s in lead] == [naming]
    aim = replace(named, notes=(replace(named.notes[0], role=SentenceRole.OBJECTIVE),))
    lead = answer_of(counted, aim, question=how_many).sections[0].statements
    assert [s.text for s in lead] == [elsewhere]


def test_an_amount_asked_of_nothing_named_is_led_by_any_amount() -> None:
    """ "How effective is Vaxchora?" names nothing the amount is of: it was led by how
    the trials were chosen, not by the "90.3% protection" of the same record (a hand
    review). The count leads, though the conclusion without a number ranks higher."""
    results, conclusions = BRAIN_MRI.notes
    amount = Proportion(start=48, end=56, text="12 of 30", numerator=12, denominator=30)
    counted = replace(
        BRAIN_MRI,
        notes=(
            replace(results, numbers=(amount,), relevance=0.75),
            replace(conclusions, relevance=0.95),
        ),
    )
    how_effective = replace(QUESTION, answer_kind=AnswerKind.QUANTITY)
    lead = answer_of(counted, question=how_effective).sections[0].statements
    assert [s.text for s in lead] == [counted.sentences[0].text]


def how_much_mri_lowers_lesions() -> Question:
    """An amount asked of an effect: how much MRI (what may change) lowers overall lesions
    (the outcome) in systemic sclerosis."""
    lesions = QuestionConcept((LESIONS,), "Lesions", ConceptRole.FINDING, "overall lesions", 0, 15)
    mri = replace(QUESTION.concepts[0], role=ConceptRole.INTERVENTION)
    return replace(
        QUESTION,
        concepts=(mri, *QUESTION.concepts[1:], lesions),
        answer_kind=AnswerKind.QUANTITY,
        outcomes=(LESIONS,),
        effect_asked=True,
    )


ATROPHY = QuestionConcept((LESIONS,), "Atrophy", ConceptRole.FINDING, "atrophy", 30, 37)


def whether_mri_changes(outcome: QuestionConcept, role: ConceptRole) -> Question:
    """A yes/no question whether MRI, in ``role`` (what may change something, or the
    imaging it is), goes with ``outcome`` in systemic sclerosis."""
    mri = replace(QUESTION.concepts[0], role=role)
    return replace(
        QUESTION,
        concepts=(mri, *QUESTION.concepts[1:], outcome),
        answer_kind=AnswerKind.YES_NO,
        outcomes=(LESIONS,),
    )


def test_an_amount_asked_of_an_effect_is_led_by_the_amount_of_that_effect() -> None:
    """ "How much does folic acid … lower the risk of gestational hypertension?" was led by
    how many women had it ("204 (9.7%)"), and "How much does cabozantinib prolong overall
    survival …?" by the median progression-free survival of the same trial (a hand
    review). Asked how much MRI (what may change) lowers overall lesions (the outcome), an
    amount naming the lesions alone does not lead, nor one of lesions named otherwise; the
    amount of the effect does, though less relevant."""
    prevalence = "MRI lesions were counted in 12 of 30 patients with SSc (40%)."
    other_measure = "After MRI, focal lesions fell in 12 of 30 patients with SSc (40%)."
    effect = "After MRI, overall lesions fell in 12 of 30 patients with SSc (40%)."

    def record(record_id: str, text: str, concepts: tuple[str, ...], relevance: float):
        start = text.index("12 of 30")
        amount = Proportion(
            start=start, end=start + 8, text="12 of 30", numerator=12, denominator=30
        )
        item = retrieved(
            record_id,
            1,
            [("RESULTS", [(text, concepts)])],
            notes={0: SentenceNotes(concepts=concepts, numbers=(amount,))},
            relevance={0: relevance},
        )
        return replace(item, topics=RecordTopics(record_id, ((SSC, 5.0), (MRI, 1.0))))

    asked = how_much_mri_lowers_lesions()
    found = (
        record("pmid:11", prevalence, (LESIONS, SSC), 0.95),
        record("pmid:12", other_measure, (MRI, LESIONS, SSC), 0.9),
        record("pmid:13", effect, (MRI, LESIONS, SSC), 0.85),
    )
    lead = answer_of(*found, question=asked).sections[0].statements
    assert lead and lead[0].text == effect, [s.text for s in lead]


def test_an_effect_estimate_leads_an_amount_asked_of_an_effect_over_a_p_value() -> None:
    """Review 19: "How much does obstructive sleep apnoea raise the risk of stroke?" was led
    by "… a significant positive association … in men (P … = 0.016)", over "Men in the
    highest OAHI quartile (>19) had an adjusted hazard ratio of 2.86 …" of the same record,
    which names neither the apnoea nor stroke. A P value is no amount."""
    significant = "After MRI, overall lesions fell in SSc (P = 0.016)."
    estimate = "Patients in the top quartile had an adjusted hazard ratio of 2.86 (95% CI 1.1-7.4)."
    p_at = significant.index("P = ")
    p_value = PValue(
        start=p_at, end=p_at + 9, text="P = 0.016", comparator=Comparator.EQUAL, value=0.016
    )
    hr_at = estimate.index("hazard")
    hazard = EffectEstimate(
        start=hr_at,
        end=hr_at + 20,
        text="hazard ratio of 2.86",
        measure=EffectMeasure.HAZARD_RATIO,
        value=2.86,
    )
    item = retrieved(
        "pmid:51",
        1,
        [("RESULTS", [(significant, (MRI, LESIONS, SSC)), (estimate, ())])],
        notes={
            0: SentenceNotes(concepts=(MRI, LESIONS, SSC), numbers=(p_value,)),
            1: SentenceNotes(concepts=(), numbers=(hazard,)),
        },
        relevance={0: 0.95, 1: 0.8},
    )
    item = replace(item, topics=RecordTopics("pmid:51", ((SSC, 5.0), (MRI, 1.0))))
    asked = how_much_mri_lowers_lesions()
    lead = answer_of(item, question=asked).sections[0].statements
    assert lead and lead[0].text == estimate, [s.text for s in lead]


def test_a_number_kept_as_a_keyword_is_no_cause_and_no_topic_a_record_must_name() -> None:
    """Review 20: "Does starting yearly mammograms at 40 reduce breast cancer deaths?" kept
    "40" as a keyword, every record had to name it to be on topic and every sentence to
    settle the question, and the UK Age trial, retrieved first, was cited nowhere. A test
    or an imaging modality (here MRI) is what may change the outcome where nothing else is."""
    forty = QuestionConcept(("word:40",), "40", ConceptRole.KEYWORD, "40", 12, 14)
    lesions = QuestionConcept((LESIONS,), "Lesions", ConceptRole.FINDING, "lesions", 22, 29)
    ssc = replace(QUESTION.concepts[3], start=33, end=51)
    asked = Question(
        text="Does MRI at 40 reduce lesions in systemic sclerosis?",
        concepts=(QUESTION.concepts[0], forty, lesions, ssc),
        facets=(Facet("lesions × MRI", (LESIONS, MRI)),),
        answer_kind=AnswerKind.YES_NO,
        outcomes=(LESIONS,),
        effect_asked=True,
    )
    finding = "Yearly MRI reduced lesions in systemic sclerosis."
    unrelated = "Lesions were common in systemic sclerosis."  # the relation unstated
    found = retrieved(
        "pmid:61",
        1,
        [("RESULTS", [(unrelated, (LESIONS, SSC)), (finding, (MRI, LESIONS, SSC))])],
        relevance={0: 0.95, 1: 0.9},
    )
    found = replace(found, topics=RecordTopics("pmid:61", ((SSC, 5.0), (MRI, 1.0), (LESIONS, 1.0))))
    lead = answer_of(found, question=asked).sections
    assert lead and [s.text for s in lead[0].statements] == [finding]


def test_a_yes_no_question_on_an_outcome_quotes_no_research_of_records_silent_on_it() -> None:
    """Review 16: "Does giving dexamethasone during tonsillectomy in kids increase the risk
    of post-op bleeding?" quoted the antiemetic trials of the same operation under
    dexamethasone. A record naming no outcome asked gives the research no statement; a
    facet left without any says the outcome is what its records lacked."""
    asked = whether_mri_changes(ATROPHY, ConceptRole.IMAGING)
    on_it = retrieved(
        "pmid:41",
        1,
        [
            (
                "RESULTS",
                [
                    ("Vasculopathy on brain MRI was common in diffuse SSc.", (MRI, CNS, SSC)),
                    ("Brain MRI showed atrophy in 12 SSc patients.", (MRI, CNS, SSC, LESIONS)),
                    (
                        "Cortical atrophy on brain MRI grew with disease duration.",
                        (MRI, CNS, LESIONS),
                    ),
                ],
            )
        ],
        relevance={0: 0.95, 1: 0.8, 2: 0.75},
    )
    on_it = replace(on_it, topics=RecordTopics("pmid:41", ((SSC, 5.0), (CNS, 1.0), (LESIONS, 1.0))))
    silent = retrieved(
        "pmid:42",
        2,
        [("RESULTS", [("Brain MRI showed white matter lesions in SSc.", (MRI, CNS, SSC))])],
        relevance={0: 0.99},
    )
    answer = answer_of(on_it, silent, question=asked)
    research = [s for section in answer.sections[2:] for s in section.statements]
    assert research and {s.record_id for s in research} == {"pmid:41"}
    alone = answer_of(silent, question=asked)
    assert any("about systemic sclerosis and atrophy" in g.detail for g in alone.gaps), alone.gaps


def test_a_yes_no_question_on_an_outcome_is_settled_only_by_a_sentence_stating_the_relation() -> (
    None
):
    """ "Does metformin reduce cardiovascular events?" (a hand review): a trial sentence on
    metformin's other effects led it. Asked whether MRI (what may change) goes with atrophy
    (the outcome), a sentence naming both leads ahead of a more relevant one naming MRI
    alone, and with no sentence naming both the evidence cannot settle it: insufficient,
    nothing cited (the near misses of "Do probiotics prevent antibiotic-associated
    diarrhea?" were a rodent study and a case series of reptile-borne salmonella)."""
    asked = whether_mri_changes(ATROPHY, ConceptRole.FINDING)  # an exposure, say
    results, conclusions = BRAIN_MRI.notes
    both = replace(
        BRAIN_MRI,
        notes=(
            replace(results, relevance=0.95),  # names MRI, not the atrophy asked
            replace(conclusions, concepts=(*conclusions.concepts, LESIONS), relevance=0.75),
        ),
    )
    lead = answer_of(both, question=asked).sections[0].statements
    assert [s.text for s in lead] == [
        "Brain MRI lesions are frequent in SSc patients without symptoms."
    ]
    neither = replace(both, notes=(both.notes[0], replace(conclusions, relevance=0.75)))
    unsettled = answer_of(neither, question=asked)
    assert unsettled.state is AnswerState.INSUFFICIENT_EVIDENCE
    assert unsettled.sections == () and unsettled.references == ()
    unasked = replace(asked, outcomes=())  # no outcome read: the most relevant finding leads
    assert answer_of(neither, question=unasked).sections[0].statements


def test_a_trial_s_intervention_group_names_what_the_question_asks_may_change_the_outcome() -> None:
    """Review 29: "Does school-based group cognitive behavioural therapy reduce PTSD symptoms
    …?" refused, the trial naming its therapy once, in its methods, and its results "the
    early intervention group". In a record naming what may change the outcome, its
    "intervention" is that; in one never naming it, it is not."""
    asked = whether_mri_changes(ATROPHY, ConceptRole.INTERVENTION)
    finding = "Atrophy in SSc was rarer in the intervention group."
    trial = retrieved(
        "pmid:71",
        1,
        [("RESULTS", [(finding, (LESIONS, SSC))])],
        relevance={0: 0.95},
    )
    naming = replace(trial, topics=RecordTopics("pmid:71", ((SSC, 5.0), (MRI, 0.5))))
    lead = answer_of(naming, question=asked).sections[0].statements
    assert [s.text for s in lead] == [finding]
    silent = replace(trial, topics=RecordTopics("pmid:71", ((SSC, 5.0),)))
    assert answer_of(silent, question=asked).state is AnswerState.INSUFFICIENT_EVIDENCE


def test_a_yes_no_question_naming_no_outcome_is_led_by_a_sentence_naming_what_it_asks_of() -> None:
    """ "Do statins protect the kidneys after heart surgery?" (review 11) names no outcome,
    and was led by the statin study's predictors of kidney injury, not naming statins,
    over its equally relevant sentence on statins. Asked whether MRI (what may change
    something) does, the sentence naming MRI leads, though a little less relevant; one
    not naming it still answers where none does."""
    mri = replace(QUESTION.concepts[0], role=ConceptRole.INTERVENTION)
    asked = replace(QUESTION, concepts=(mri, *QUESTION.concepts[1:]), answer_kind=AnswerKind.YES_NO)
    results, conclusions = BRAIN_MRI.notes
    found = replace(
        BRAIN_MRI,
        notes=(
            replace(results, concepts=(CNS, SSC), relevance=0.96),  # MRI unnamed
            replace(conclusions, relevance=0.95),
        ),
        topics=RecordTopics(BRAIN_MRI.record.id, ((SSC, 5.0), (CNS, 1.0), (MRI, 1.0))),
    )
    lead = answer_of(found, question=asked).sections[0].statements
    assert [s.text for s in lead] == [
        "Brain MRI lesions are frequent in SSc patients without symptoms."
    ]
    other = replace(conclusions, concepts=(CNS, SSC), relevance=0.95, role=SentenceRole.RESULTS)
    unnamed = replace(found, notes=(found.notes[0], other))  # the record names MRI, no sentence
    assert answer_of(unnamed, question=asked).sections[0].statements[0].text == (
        BRAIN_MRI.sentences[0].text
    )


IBUPROFEN, INDOMETHACIN = "D007052", "D007213"


def comparing(text: str) -> Question:
    """A yes/no question naming ibuprofen and indomethacin, then systemic sclerosis."""
    named = [("ibuprofen", IBUPROFEN), ("indomethacin", INDOMETHACIN), ("systemic sclerosis", SSC)]
    concepts = tuple(
        QuestionConcept(
            (concept_id,),
            name,
            ConceptRole.CONDITION if concept_id == SSC else ConceptRole.INTERVENTION,
            name,
            text.index(name),
            text.index(name) + len(name),
        )
        for name, concept_id in named
    )
    return Question(
        text=text,
        concepts=concepts,
        facets=(Facet("systemic sclerosis", (SSC,)),),
        answer_kind=AnswerKind.YES_NO,
    )


def on_both_treatments(
    sections: list[tuple[str, list[tuple[str, tuple[str, ...]]]]], relevance: dict[int, float]
) -> RetrievedRecord:
    """A record about systemic sclerosis, ibuprofen and indomethacin (``comparing``)."""
    found = retrieved("pmid:8", 1, sections, relevance=relevance)
    topics = RecordTopics("pmid:8", ((SSC, 5.0), (IBUPROFEN, 2.0), (INDOMETHACIN, 1.0)))
    return replace(found, topics=topics)


def test_a_question_comparing_two_treatments_is_led_by_a_sentence_naming_both() -> None:
    """Review 23: "Is ibuprofen as effective as indomethacin for closing a PDA in preterm
    infants?" was led by "Ibuprofen reduces the risk of NEC and transient renal
    insufficiency.", over the same review's "Ibuprofen is as effective as indomethacin in
    closing a PDA …", a little less relevant. Asked no comparison, the more relevant leads."""
    one, both = (
        "Ibuprofen reduces renal insufficiency in systemic sclerosis.",
        "Ibuprofen is as effective as indomethacin in systemic sclerosis.",
    )
    found = on_both_treatments(
        [("CONCLUSIONS", [(one, (IBUPROFEN, SSC)), (both, (IBUPROFEN, INDOMETHACIN, SSC))])],
        relevance={0: 0.95, 1: 0.94},
    )
    for text, lead in [
        ("Is ibuprofen as effective as indomethacin in systemic sclerosis?", both),
        ("Is ibuprofen better than indomethacin in systemic sclerosis?", both),
        ("Does ibuprofen change how indomethacin works in systemic sclerosis?", one),
    ]:
        statements = answer_of(found, question=comparing(text)).sections[0].statements
        assert statements[0].text == lead, text


def test_a_summary_question_comparing_two_treatments_is_led_by_a_finding() -> None:
    """Review 32: "How does prasugrel compare with clopidogrel in diabetic patients?" was
    led by TRITON-TIMI 38's background, "Patients with diabetes mellitus (DM) are at high
    risk …", over its conclusion. Asked no comparison, the more relevant background
    leads."""
    background, finding = (
        "Systemic sclerosis carries a high risk of renal crisis.",
        "Ibuprofen was safer than indomethacin in systemic sclerosis.",
    )
    found = on_both_treatments(
        [
            ("BACKGROUND", [(background, (SSC,))]),
            ("CONCLUSIONS", [(finding, (IBUPROFEN, INDOMETHACIN, SSC))]),
        ],
        relevance={0: 0.95, 1: 0.9},
    )
    for text, lead in [
        ("How does ibuprofen compare with indomethacin in systemic sclerosis?", finding),
        ("How do ibuprofen and then indomethacin work in systemic sclerosis?", background),
    ]:
        asked = replace(comparing(text), answer_kind=AnswerKind.SUMMARY)
        statements = answer_of(found, question=asked).sections[0].statements
        assert statements[0].text == lead, text


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "How does ibuprofen with aspirin compare with indomethacin with aspirin?",
            [IBUPROFEN, INDOMETHACIN],
        ),
        ("Is ibuprofen better than indomethacin with aspirin?", [IBUPROFEN, INDOMETHACIN]),
    ],
)
def test_a_drug_given_with_both_arms_is_not_compared(text: str, pair: list[str]) -> None:
    """Review 35: "… intrathecal ropivacaine with fentanyl compare with bupivacaine with
    fentanyl …" compared fentanyl with bupivacaine. A drug given with one arm only is
    still read as that arm's."""
    concepts = tuple(
        QuestionConcept((concept_id,), name, ConceptRole.INTERVENTION, name, at, at + len(name))
        for name, concept_id in [
            ("ibuprofen", IBUPROFEN),
            ("aspirin", "aspirin"),
            ("indomethacin", INDOMETHACIN),
        ]
        for at in [text.index(name)]
    )
    assert compared(replace(QUESTION, text=text, concepts=concepts)) == pair


def test_a_question_asking_what_something_is_is_led_by_the_sentence_saying_it() -> None:
    """ "What is systemic sclerosis?": the sentence saying what it is leads, though less
    relevant than a finding on it; asked anything else, the finding leads."""
    found = retrieved(
        "pmid:8",
        1,
        [
            (
                "RESULTS",
                [("Brain MRI lesions were frequent in systemic sclerosis in this cohort.", (SSC,))],
            ),
            (
                "BACKGROUND",
                [("Systemic sclerosis (SSc) is a chronic autoimmune disease of the skin.", (SSC,))],
            ),
        ],
        relevance={0: 0.95, 1: 0.9},
    )
    ssc = replace(QUESTION.concepts[3], start=8, end=26)
    what_is = Question(
        text="What is systemic sclerosis?", concepts=(ssc,), facets=(Facet("SSc", (SSC,)),)
    )
    led = answer_of(found, question=what_is).sections[0].statements
    assert led[0].text.startswith("Brain MRI lesions were frequent")
    defined = replace(what_is, defined="systemic sclerosis")
    led = answer_of(found, question=defined).sections[0].statements
    assert led[0].text.startswith("Systemic sclerosis (SSc) is a chronic")


def test_a_sentence_saying_what_is_asked_answers_below_the_threshold() -> None:
    """ "What is CPX351?" (BioASQ dev) quoted one definition of 0.71 and not another of
    0.67 from a second record. Asked only what something is, a sentence saying it answers
    from 0.5; asked anything else, it does not."""
    found = retrieved(
        "pmid:8",
        1,
        [
            (
                "BACKGROUND",
                [("Systemic sclerosis (SSc) is a chronic autoimmune disease of the skin.", (SSC,))],
            ),
        ],
        relevance={0: 0.6},
    )
    ssc = replace(QUESTION.concepts[3], start=8, end=26)
    what_is = Question(
        text="What is systemic sclerosis?", concepts=(ssc,), facets=(Facet("SSc", (SSC,)),)
    )

    def quoted(question: Question) -> list[str]:
        answer = compose_answer(question, [found], SETTINGS, PROVENANCE, threshold=0.7)
        return [s.text for section in answer.sections for s in section.statements]

    assert quoted(replace(what_is, defined="systemic sclerosis")) == [found.sentences[0].text]
    assert quoted(what_is) == []


def test_a_question_asking_what_a_short_form_stands_for_is_led_by_the_sentence_writing_it_out() -> (
    None
):
    """ "What does PCAT6 stand for?" was led by "LncRNA PCAT6 was involved in the
    progression of multiple human cancers.", over the aim writing it out (a hand check of
    the shared corpus). Asked what a short form stands for, a sentence writing it out leads,
    whatever its relevance and role; asked what it is, it does not answer."""
    found = retrieved(
        "pmid:8",
        1,
        [
            (
                "OBJECTIVE",
                [("We studied the brain in systemic sclerosis (SSc) with MRI.", (SSC,))],
            ),
            ("RESULTS", [("Brain MRI lesions were frequent in SSc in this cohort.", (SSC,))]),
        ],
        relevance={0: 0.3, 1: 0.95},
    )
    ssc = replace(
        QUESTION.concepts[3], mention="SSc", start=10, end=13, synonyms=("Systemic Sclerosis",)
    )
    stands_for = Question(
        text="What does SSc stand for?",
        concepts=(ssc,),
        facets=(Facet("SSc", (SSC,)),),
        defined="SSc",
        written_out=True,
    )

    def led(question: Question) -> list[str]:
        answer = compose_answer(question, [found], SETTINGS, PROVENANCE, threshold=0.7)
        return [s.text for s in answer.sections[0].statements]

    assert led(stands_for)[0] == found.sentences[0].text
    assert led(replace(stands_for, written_out=False)) == [found.sentences[1].text]


def test_a_yes_no_question_is_settled_by_the_conclusion_of_the_study_that_answers() -> None:
    """Reviews 11 and 12: a study's results line (one estimate, one subgroup) led where its
    conclusion, the authors' answer, was less relevant but answering too. Asked yes or no,
    the conclusion leads; asked how many, the results' count does."""
    results, conclusions = BRAIN_MRI.notes
    amount = Proportion(start=48, end=56, text="12 of 30", numerator=12, denominator=30)
    found = replace(
        BRAIN_MRI,
        notes=(
            replace(results, numbers=(amount,), concepts=(*results.concepts, LESIONS)),
            replace(conclusions, concepts=(*conclusions.concepts, LESIONS), relevance=0.75),
        ),
    )
    yes_no = asking_of_lesions(AnswerKind.YES_NO)
    lead = answer_of(found, question=yes_no).sections[0].statements
    assert [s.text for s in lead] == [
        "Brain MRI lesions are frequent in SSc patients without symptoms."
    ]
    how_many = replace(yes_no, answer_kind=AnswerKind.QUANTITY)
    lead = answer_of(found, question=how_many).sections[0].statements
    assert [s.text for s in lead] == [BRAIN_MRI.sentences[0].text]


def test_a_conclusion_saying_less_of_the_question_leaves_the_finding_to_lead() -> None:
    """The demo question, "Does metabolic associated fatty liver disease increase
    COVID-19 severity?", was led by a conclusion on "disease progression" over the
    result naming the severity asked. A conclusion settles the question only where it
    names all that the finding it replaces names of it: the question's concepts, and its
    words outside them."""
    results, conclusions = BRAIN_MRI.notes
    yes_no = asking_of_lesions(AnswerKind.YES_NO, "Is brain MRI abnormal in SSc?")
    named_by_both = replace(
        BRAIN_MRI,
        notes=(
            replace(results, concepts=(*results.concepts, LESIONS)),
            replace(conclusions, concepts=(*conclusions.concepts, LESIONS), relevance=0.75),
        ),
    )
    conclusion = "Brain MRI lesions are frequent in SSc patients without symptoms."
    lead = answer_of(named_by_both, question=yes_no).sections[0].statements
    assert [s.text for s in lead] == [conclusion]

    unnamed_concept = replace(
        named_by_both, notes=(named_by_both.notes[0], replace(conclusions, relevance=0.75))
    )
    lead = answer_of(unnamed_concept, question=yes_no).sections[0].statements
    assert [s.text for s in lead] == [BRAIN_MRI.sentences[0].text]

    white_matter = replace(yes_no, text="Is white matter abnormal on brain MRI in SSc?")
    lead = answer_of(named_by_both, question=white_matter).sections[0].statements
    assert [s.text for s in lead] == [BRAIN_MRI.sentences[0].text]


def test_the_asker_s_own_words_do_not_keep_a_finding_from_its_conclusion() -> None:
    """Review 31: "Can taking Lipitor shrink a chronic subdural hematoma so my dad doesn't
    need brain surgery?" was led by a results line of the atorvastatin trial saying "who
    were taking atorvastatin", over its conclusion, which does not say "taking"."""
    yes_no = asking_of_lesions(
        AnswerKind.YES_NO, "Does my dad with SSc need a brain MRI to find lesions?"
    )
    result = "Patients who need MRI of the brain showed lesions in 12 of 30 with SSc."
    conclusion = "Brain MRI lesions are frequent in SSc patients without symptoms."
    found = retrieved(
        "pmid:5",
        1,
        [
            ("RESULTS", [(result, (MRI, CNS, SSC, LESIONS))]),
            ("CONCLUSIONS", [(conclusion, (MRI, CNS, SSC, LESIONS))]),
        ],
        relevance={0: 0.95, 1: 0.75},
    )
    lead = answer_of(found, question=yes_no).sections[0].statements
    assert [s.text for s in lead] == [conclusion]


@pytest.mark.parametrize(
    ("second", "follows"),
    [
        ("The lesions, however, were small and few in the CNS on MRI in SSc.", True),
        ("However, the lesions were small and few in the CNS on MRI in SSc.", True),
        ("The lesions were small and few in the CNS on MRI in SSc.", False),
    ],
)
def test_a_sentence_qualifying_the_lead_follows_it(second: str, follows: bool) -> None:
    """Review 31: "… how does a helmet compare with a facial mask …?" was led by "Helmet
    and facial mask were equally tolerated …" alone, where the next sentence of the same
    conclusion, "The helmet, however, was less efficient …", turns it."""
    first = "Brain MRI lesions are frequent in SSc patients without symptoms."
    found = retrieved(
        "pmid:6", 1, [("CONCLUSIONS", [(first, (MRI, CNS, SSC)), (second, (MRI, CNS, SSC))])]
    )
    lead = [s.text for s in answer_of(found).sections[0].statements]
    assert lead == ([first, second] if follows else [first])


def test_a_conclusion_naming_nothing_of_the_question_does_not_settle_it() -> None:
    """Review 25: "Is lap band surgery better than diet and exercise for getting rid of
    type 2 diabetes?" was led by "These results need to be confirmed in a larger, more
    diverse population …", which names nothing of the question, in place of the trial's
    finding on remission, which named nothing of it either."""
    found = retrieved(
        "pmid:8",
        1,
        [
            ("RESULTS", [("Relative risk of remission in the surgical group was 5.5.", ())]),
            ("CONCLUSIONS", [("These results need to be confirmed in a larger population.", ())]),
        ],
        relevance={0: 0.95, 1: 0.9},
    )
    yes_no = replace(QUESTION, text="Is brain MRI abnormal in SSc?", answer_kind=AnswerKind.YES_NO)
    lead = answer_of(found, question=yes_no).sections[0].statements
    assert [s.text for s in lead] == [found.sentences[0].text]


def counting(sentence: str, count: str, *concepts: str) -> SentenceNotes:
    """The notes of ``sentence``, naming ``concepts`` and reporting ``count`` ("12 of 30")."""
    numerator, denominator = (int(n) for n in count.split(" of "))
    start = sentence.index(count)
    proportion = Proportion(
        start=start,
        end=start + len(count),
        text=count,
        numerator=numerator,
        denominator=denominator,
    )
    return SentenceNotes(concepts=concepts, numbers=(proportion,))


def test_a_question_asking_accuracy_is_led_by_a_measure_of_accuracy() -> None:
    """Review 12: "How accurate is RT-QuIC on CSF for diagnosing CJD?" was led by the share
    of cases an older assay missed, not by the sensitivity and specificity of the one
    studied. A sentence with a measure of accuracy and its number leads, though less
    relevant than one with another amount."""
    found = retrieved(
        "pmid:8",
        1,
        [
            (
                "RESULTS",
                [
                    ("The MRI took 45 minutes in 12 of 30 patients with SSc.", (MRI, SSC)),
                    ("MRI had a sensitivity of 90% and a specificity of 80% in SSc.", (MRI, SSC)),
                ],
            )
        ],
        relevance={0: 0.95, 1: 0.9},
        notes={
            0: counting(
                "The MRI took 45 minutes in 12 of 30 patients with SSc.", "12 of 30", MRI, SSC
            ),
            1: SentenceNotes(
                concepts=(MRI, SSC),
                numbers=(Proportion(start=26, end=29, text="90%", numerator=90, denominator=100),),
            ),
        },
    )
    how_accurate = replace(QUESTION, answer_kind=AnswerKind.QUANTITY)
    lead = answer_of(found, question=how_accurate).sections[0].statements
    assert lead[0].text.startswith("The MRI took")
    lead = (
        answer_of(found, question=replace(how_accurate, accuracy_asked=True)).sections[0].statements
    )
    assert lead[0].text.startswith("MRI had a sensitivity")


def test_a_measure_of_the_accuracy_asked_answers_below_the_threshold() -> None:
    """Review 13: "How accurate is serum fructosamine for diagnosing diabetes?" was led by
    a hazard ratio and a context line; its "… (area under curve (AUC) 0.91-0.95) …"
    scored 0.65, below the threshold. A sentence giving a measure of accuracy of the test
    asked answers from 0.5, as one speaking to a kind the question names does."""
    accuracy = "MRI had a sensitivity of 90% and a specificity of 80% in SSc."
    found = retrieved(
        "pmid:8",
        1,
        [("RESULTS", [("MRI was done in all SSc patients.", (MRI, SSC)), (accuracy, (MRI, SSC))])],
        relevance={0: 0.95, 1: 0.6},
        notes={
            1: SentenceNotes(
                concepts=(MRI, SSC),
                numbers=(Proportion(start=26, end=29, text="90%", numerator=90, denominator=100),),
            )
        },
    )
    asked = replace(QUESTION, answer_kind=AnswerKind.QUANTITY, accuracy_asked=True)

    def quoted(question: Question) -> list[str]:
        answer = compose_answer(question, [found], SETTINGS, PROVENANCE, threshold=0.7)
        return [s.text for section in answer.sections for s in section.statements]

    assert quoted(asked)[0] == accuracy
    assert accuracy not in quoted(replace(asked, accuracy_asked=False))


def test_a_measure_of_accuracy_leads_over_a_sentence_on_the_kind_asked() -> None:
    """Review 32: "What is the diagnostic accuracy of urinary microRNA assays for detecting
    bladder cancer?" was led by "… showed high accuracies in diagnosing BCa.", which speaks
    to diagnosis, over the pooled "sensitivity and specificity were 0.75 (95% confidence
    interval [CI], 0.68-0.80) …", whose decimal fractions are no number it reports."""
    pooled = "The pooled sensitivity and specificity of MRI were 0.75 (95% CI, 0.68-0.80) and 0.75."
    found = retrieved(
        "pmid:8",
        1,
        [
            (
                "RESULTS",
                [
                    ("MRI showed high accuracies in diagnosing SSc.", (MRI, SSC)),
                    (pooled, (MRI,)),
                ],
            )
        ],
        relevance={0: 0.95, 1: 0.9},
    )
    diagnosis = Facet("diagnosis", cue_words=answer_cues(QuestionType.DIAGNOSIS))
    asked = replace(
        QUESTION, answer_kind=AnswerKind.QUANTITY, accuracy_asked=True, facets=(diagnosis,)
    )
    assert [s.text for s in answer_of(found, question=asked).sections[0].statements] == [pooled]


def test_a_condition_asked_to_change_an_outcome_must_be_named_with_it() -> None:
    """ "Does cancer increase the risk of venous thromboembolism?" (a hand review) was led
    by urology patients' risk of it. Asked whether SSc (a condition, named before the
    outcome and nothing else asked to change it) goes with atrophy, a sentence naming
    atrophy alone does not lead, though more relevant; one naming both does."""
    ssc = replace(QUESTION.concepts[3], start=5, end=23)
    asked = replace(
        QUESTION,
        concepts=(ssc, ATROPHY),
        answer_kind=AnswerKind.YES_NO,
        outcomes=(LESIONS,),
    )
    results, conclusions = BRAIN_MRI.notes
    found = replace(
        BRAIN_MRI,
        notes=(
            replace(results, concepts=(MRI, LESIONS), relevance=0.95),  # atrophy, no SSc
            replace(conclusions, concepts=(SSC, LESIONS), relevance=0.75),
        ),
    )
    lead = answer_of(found, question=asked).sections[0].statements
    assert [s.text for s in lead] == [
        "Brain MRI lesions are frequent in SSc patients without symptoms."
    ]


def test_an_outcome_is_stated_in_the_words_the_question_used_for_it() -> None:
    """ "Does paracetamol reduce the antibody response?" is answered by "antibody
    concentrations were lower" (a hand review), which names no concept of "antibody
    response": its words but the judging "response" are enough."""
    lesions = QuestionConcept((LESIONS,), "Lesions", ConceptRole.FINDING, "lesion response", 30, 45)
    asked = whether_mri_changes(lesions, ConceptRole.FINDING)
    lead = answer_of(BRAIN_MRI, question=asked).sections[0].statements
    assert lead and all("lesions" in s.text for s in lead)


def test_nothing_relevant_enough_means_insufficient_evidence() -> None:
    unsure = replace(BRAIN_MRI, notes=tuple(replace(n, relevance=0.2) for n in BRAIN_MRI.notes))
    answer = answer_of(unsure)
    assert answer.state is AnswerState.INSUFFICIENT_EVIDENCE and answer.references == ()


def test_no_guideline_is_said_in_one_honest_line() -> None:
    guidelines = answer_of(SPINE, BRAIN_MRI).sections[1]
    assert guidelines.kind is SectionKind.GUIDELINES
    assert guidelines.statements == ()
    assert "No guideline" in guidelines.note


def test_guideline_records_fill_their_section() -> None:
    guideline = replace(
        BRAIN_MRI,
        grade=replace(BRAIN_MRI.grade, level=EvidenceLevel.GUIDELINE, design=StudyDesign.GUIDELINE),
    )
    section = answer_of(guideline).sections[1]
    assert section.statements and section.statements[0].record_id == "pmid:2"


def test_indirect_evidence_is_labelled_and_gaps_are_listed() -> None:
    answer = answer_of(SPINE)  # CT only, where MRI was asked
    ct = next(s for s in statements(answer) if s.text.startswith("CT showed"))
    assert "Magnetic Resonance Imaging" in ct.indirect
    gaps = {gap.facet: gap.kind for gap in answer.gaps}
    assert gaps == {"CNS × MRI": GapKind.INDIRECT_ONLY, "PNS × MRI": GapKind.NO_EVIDENCE}
    missing = next(gap for gap in answer.gaps if gap.kind is GapKind.NO_EVIDENCE)
    assert (
        missing.detail
        == "No record in the index about systemic sclerosis answers the question on PNS × MRI."
    )


def what_causes_systemic_sclerosis() -> Question:
    """A question on a disease's etiology, its facet the kind asked."""
    ssc = replace(QUESTION.concepts[3], start=12, end=30)
    etiology = Facet("etiology", cue_words=answer_cues(QuestionType.ETIOLOGY))
    return Question(
        text="What causes systemic sclerosis?",
        concepts=(ssc,),
        facets=(etiology,),
        types=(QuestionType.ETIOLOGY,),
    )


@pytest.mark.parametrize(
    "cause",
    [
        "Vasculopathy can explain the skin fibrosis of systemic sclerosis.",
        "Vasculopathy contributes to the skin fibrosis of systemic sclerosis.",
        "Vasculopathy is responsible for the skin fibrosis of systemic sclerosis.",
        "Vasculopathy underlies the skin fibrosis of systemic sclerosis.",
        "Systemic sclerosis is a disease resulting from vasculopathy.",
        "Vasculopathy is the main cause of the skin fibrosis of systemic sclerosis.",
    ],
)
def test_a_sentence_saying_what_explains_a_disease_speaks_to_its_etiology(cause: str) -> None:
    """Review 12: "What causes the increased peripheral airway resistance in COPD?" was
    answered by "… narrowing and disappearance of small conducting airways … can explain
    the increased peripheral airway resistance reported in COPD", under a gap that no
    record spoke to etiology."""
    found = retrieved("pmid:8", 1, [("RESULTS", [(cause, (SSC,))])])
    asked = what_causes_systemic_sclerosis()
    answer = answer_of(found, question=asked)
    assert [s.text for s in answer.sections[0].statements] == [cause]
    assert answer.gaps == ()


@pytest.mark.parametrize(
    "unknown",
    [
        "How vasculopathy leads to skin fibrosis in systemic sclerosis remains to be explained.",
        "The skin fibrosis of systemic sclerosis is unexplained.",
        "The skin fibrosis of systemic sclerosis has not been fully explained.",
    ],
)
def test_a_sentence_saying_a_cause_is_unknown_does_not_speak_to_etiology(unknown: str) -> None:
    """Review 20: "How does Zyprexa cause weight gain?" was led by "… the olanzapine-related
    reduction in weight gain remains to be explained." ("explain" is a word of causes)
    over a sentence on the serotonin 2C receptor."""
    asked = what_causes_systemic_sclerosis()
    found = retrieved("pmid:9", 1, [("RESULTS", [(unknown, (SSC,))])])
    assert [gap.facet for gap in answer_of(found, question=asked).gaps] == ["etiology"]


@pytest.mark.parametrize(
    "effect",
    [
        "Systemic sclerosis is a frequent cause of pulmonary arterial hypertension.",
        # review 30: "Achondroplasia, the most common cause of chondrodysplasia in man …, is
        # a condition of unknown origin …" led "Mutations in which gene cause achondroplasia?"
        "Systemic sclerosis, a frequent cause of pulmonary arterial hypertension, is rare.",
    ],
)
def test_a_sentence_saying_the_disease_causes_another_does_not_speak_to_its_etiology(
    effect: str,
) -> None:
    """Review 23: "What causes Morton's neuroma?" was led by "Morton's neuroma is a frequent
    cause of metatarsalgia.", what the neuroma causes, over "… caused by the deep
    transverse metatarsal ligament …"."""
    asked = what_causes_systemic_sclerosis()
    found = retrieved("pmid:9", 1, [("RESULTS", [(effect, (SSC,))])])
    assert [gap.facet for gap in answer_of(found, question=asked).gaps] == ["etiology"]


def test_a_gap_names_no_condition_the_question_does_not_ask() -> None:
    """ "What is known about the effect of deworming on growth in children?" asks about no
    condition; its gaps said no record "about the question's condition" spoke to growth
    (a hand review)."""
    unasked = replace(
        QUESTION,
        concepts=tuple(c for c in QUESTION.concepts if c.role is not ConceptRole.CONDITION),
    )
    notes = [gap.detail for gap in answer_of(SPINE, question=unasked).gaps]
    assert notes and not any("condition" in note or " about " in note for note in notes), notes


def test_a_gap_does_not_name_again_the_condition_its_facet_is() -> None:
    """Review 13: "Does duct tape get rid of common warts in kids?", read as the warts
    alone, said "No record in the index about common warts speaks to common warts."."""
    ssc = QUESTION.concepts[3]
    alone = replace(QUESTION, concepts=(ssc,), facets=(Facet("systemic sclerosis", (SSC,)),))
    notes = [gap.detail for gap in answer_of(LUPUS, question=alone).gaps]
    assert notes == ["No record in the index answers the question on systemic sclerosis."]


def test_records_not_about_the_condition_are_never_cited() -> None:
    answer = answer_of(LUPUS, SPINE)
    assert "pmid:3" not in {s.record_id for s in statements(answer)}


def test_nothing_on_topic_means_insufficient_evidence_and_no_citations() -> None:
    answer = answer_of(LUPUS)
    assert answer.state is AnswerState.INSUFFICIENT_EVIDENCE
    assert answer.sections == ()
    assert answer.references == ()
    assert answer.notes


def test_references_number_in_order_and_carry_grades() -> None:
    answer = answer_of(SPINE, BRAIN_MRI)
    assert [ref.n for ref in answer.references] == list(range(1, len(answer.references) + 1))
    first = answer.references[0]
    assert first.record_id == "pmid:2"
    assert first.evidence_level is EvidenceLevel.SYNTHESIS
    assert first.sample_size == 41


def test_a_cited_record_gives_more_of_its_answering_sentences_where_the_budget_has_room() -> None:
    """A record the page cites gives its other sentences on a facet from
    ``CITED_RECORD_MARGIN`` below the threshold, where the research budget is not spent;
    an uncited record's do not answer below it."""
    cited = retrieved(
        "pmid:31",
        1,
        [
            (
                "RESULTS",
                [
                    ("Brain MRI lesions were seen in 12 of 30 SSc patients.", (MRI, CNS, SSC)),
                    ("Brain MRI lesions were larger in diffuse SSc.", (MRI, CNS, SSC)),
                ],
            )
        ],
        relevance={0: 0.9, 1: 0.7 - CITED_RECORD_MARGIN / 2},
    )
    uncited = retrieved(
        "pmid:32",
        2,
        [("RESULTS", [("Brain MRI lesions were rare in SSc.", (MRI, CNS, SSC))])],
        relevance={0: 0.7 - CITED_RECORD_MARGIN / 2},
    )

    def quoted(*found: RetrievedRecord) -> list[str]:
        answer = compose_answer(QUESTION, list(found), SETTINGS, PROVENANCE, threshold=0.7)
        return [s.text for section in answer.sections for s in section.statements]

    assert "Brain MRI lesions were larger in diffuse SSc." in quoted(cited, uncited)
    assert "Brain MRI lesions were rare in SSc." not in quoted(cited, uncited)
    below = replace(cited, notes=(cited.notes[0], replace(cited.notes[1], relevance=0.5)))
    assert "Brain MRI lesions were larger in diffuse SSc." not in quoted(below)


def test_statements_per_record_are_capped() -> None:
    settings = AnswerSettings(statements_per_record=1, bottom_line_statements=1)
    answer = compose_answer(QUESTION, [BRAIN_MRI], settings, PROVENANCE)
    assert len(statements(answer)) == 1


FINDINGS = (
    "white matter hyperintensities",
    "cerebral atrophy",
    "basal ganglia calcification",
    "small vessel infarcts",
    "cortical microbleeds",
    "meningeal enhancement",
    "nerve root thickening",
    "plexus swelling",
)


def _findings(place: str, concepts: tuple[str, ...], first_rank: int) -> list[RetrievedRecord]:
    """One record per finding, each a sentence on ``place`` naming ``concepts``."""
    return [
        retrieved(
            f"pmid:{place}{n}",
            first_rank + n,
            [("RESULTS", [(f"MRI of the {place} showed {finding} in SSc.", concepts)])],
        )
        for n, finding in enumerate(FINDINGS)
    ]


def research_sections(answer):  # type: ignore[no-untyped-def]
    return {
        section.facet: len(section.statements)
        for section in answer.sections
        if section.kind is SectionKind.RESEARCH
    }


def test_the_research_facets_share_one_budget_taking_turns() -> None:
    """``research_statements`` bounds the whole research section: two facets with eight
    answering records each show two statements each, not one facet's fill and the other's
    leftovers, nor a fixed number per facet whatever the budget."""
    settings = AnswerSettings(bottom_line_statements=1, research_statements=4)
    brain = _findings("brain", (MRI, CNS, SSC), 1)
    nerves = _findings("nerves", (MRI, PNS, SSC), 20)
    answer = compose_answer(QUESTION, [*brain, *nerves], settings, PROVENANCE)
    assert research_sections(answer) == {"CNS × MRI": 2, "PNS × MRI": 2}


def test_a_question_of_one_facet_shows_the_whole_research_budget() -> None:
    settings = AnswerSettings(bottom_line_statements=1, research_statements=6)
    one_facet = replace(QUESTION, facets=(Facet("CNS × MRI", (CNS, MRI)),))
    answer = compose_answer(one_facet, _findings("brain", (MRI, CNS, SSC), 1), settings, PROVENANCE)
    assert research_sections(answer) == {"CNS × MRI": 6}
    patient = compose_answer(
        one_facet, _findings("brain", (MRI, CNS, SSC), 1), settings, PROVENANCE, Audience.PATIENT
    )
    assert research_sections(patient) == {"CNS × MRI": 4}


def test_patients_get_no_p_value_sentences_a_glossary_and_their_disclaimer() -> None:
    with_p = retrieved(
        "pmid:4",
        1,
        [
            (
                "RESULTS",
                [
                    (
                        "Brain MRI lesions were more frequent in SSc (p = 0.01) than in controls.",
                        (MRI, CNS, SSC),
                    )
                ],
            )
        ],
        notes={0: SentenceNotes((MRI, CNS, SSC), (PValue(36, 44, "p = 0.01", "=", 0.01),), 60.0)},
    )
    patient = answer_of(with_p, audience=Audience.PATIENT)
    assert statements(patient) == []
    assert "care team" in patient.disclaimer
    assert any(entry.term == "SSc" for entry in patient.glossary)
    clinician = answer_of(with_p)
    assert statements(clinician)
    assert clinician.glossary == ()


def test_follow_ups_come_from_the_understood_concepts() -> None:
    """In the question's words: MeSH's and the Disease Ontology's names are not what a
    clinician types ("How is neoplasms treated?" for a question on cancer)."""
    answer = answer_of(SPINE)
    assert answer.follow_ups
    assert any("systemic sclerosis" in q for q in answer.follow_ups), answer.follow_ups
    assert not any("scleroderma" in q for q in answer.follow_ups), answer.follow_ups


def test_follow_ups_name_a_disease_asked_by_its_adjective_by_its_name() -> None:
    """ "Does exercise training reduce visceral fat in obese adolescents?" suggested "How
    common is obese?" (a hand review): an adjective names no disease in a question of its
    own."""
    obese = QuestionConcept(
        ("D009765",), "Obesity", ConceptRole.CONDITION, "obese", 44, 49, by_adjective=True
    )
    question = Question(text="Does exercise reduce visceral fat in obese adolescents?")
    question = replace(question, concepts=(obese,), facets=(Facet("obese", ("D009765",)),))
    answer = answer_of(SPINE, question=question)
    assert "How common is obesity?" in answer.follow_ups, answer.follow_ups
    assert not any("obese?" in q for q in answer.follow_ups), answer.follow_ups


def test_verification_drops_a_statement_that_does_not_match_its_source() -> None:
    answer = answer_of(BRAIN_MRI)
    first = answer.sections[0]
    forged = replace(first.statements[0], text=first.statements[0].text + " Always.")
    tampered = replace(answer, sections=(replace(first, statements=(forged,)),))
    verified = verify_answer(tampered, {BRAIN_MRI.record.id: BRAIN_MRI.record})
    assert verified.references == ()
    assert verified.state is AnswerState.INSUFFICIENT_EVIDENCE
    assert "failed verification" in verified.notes[-1]


def test_verification_refuses_an_offset_that_skips_more_than_a_label() -> None:
    answer = answer_of(BRAIN_MRI)
    statement = statements(answer)[0]
    shifted = replace(statement, offset=4, text=statement.text[4:])
    tampered = replace(answer, sections=(replace(answer.sections[0], statements=(shifted,)),))
    assert verify_answer(tampered, {BRAIN_MRI.record.id: BRAIN_MRI.record}).references == ()


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("CONCLUSIONS: Brain lesions.", 13),
        ("RESULTS:  Two.", 10),
        ("Note: lower case.", 0),
        ("No label here.", 0),
        ("<b>INTRODUCTION</b>: A phase 2 study.", 21),  # BioASQ's snippets keep the bold
        ("<b>Availability and implementation</b>: Free.", 0),
        ("OBJECTIVE To compare the risks.", 10),  # in capitals, without a colon
        ("DESIGN, SETTING, AND PARTICIPANTS Case-control study.", 34),
        ("RESULTS HIV-infected adults improved.", 8),
        ("HIV RNA fell in all patients.", 0),  # a name in capitals, not a label
        ("EVIDENCE FOR A ROLE OF TNF.", 0),  # a title in capitals
        # a label's optional plural (review 20: "MEASURE(S) Ovulation and pregnancy." led)
        ("MAIN OUTCOME MEASURE(S) Ovulation and pregnancy.", 24),
        ("PATIENT(S) Forty women.", 11),
        ("RESULT(S): Twelve women ovulated.", 11),
        # review 40: the section before's full stop, run into the label
        (".INTERPRETATION: Ticagrelor was not superior.", 17),
        (". Not a label: here.", 0),
    ],
)
def test_leading_labels(text: str, length: int) -> None:
    assert leading_label_length(text) == length


def test_content_words_drop_stop_words_and_fold_plurals() -> None:
    assert canonical_word("Studies") == "study"
    assert content_words("What are the MRI findings in the tumours?") == ("mri", "finding", "tumor")


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "x" * 1001,
        "¿Cuáles son los hallazgos de resonancia en la esclerosis sistémica?",
        "Какие изменения на МРТ при системной склеродермии?",
    ],
)
def test_questions_medcite_will_not_run_are_refused_with_a_reason(question: str) -> None:
    with pytest.raises(QuestionError):
        check_question(question, SETTINGS)


@pytest.mark.parametrize(
    "question", ["SSc MRI", "Is MS on MRI typical of lupus?", "IL-6 in COVID-19"]
)
def test_short_and_english_questions_pass(question: str) -> None:
    assert check_question(f"  {question} ", SETTINGS) == question


def _guideline(relevance: dict[int, float]) -> RetrievedRecord:
    """A guideline of two background sentences and one graded recommendation (the third)."""
    item = retrieved(
        "text:guideline",
        2,
        [
            (
                "RESULTS",
                [
                    (
                        "Brain MRI of SSc patients often shows white matter lesions.",
                        (CNS, MRI, SSC),
                    ),
                    ("MRI of the brain is widely available in SSc clinics.", (CNS, MRI, SSC)),
                    (
                        "We recommend brain MRI for SSc patients with new CNS signs.",
                        (CNS, MRI, SSC),
                    ),
                ],
            )
        ],
        level=EvidenceLevel.GUIDELINE,
        design=StudyDesign.GUIDELINE,
        relevance=relevance,
    )
    third = item.sentences[2]
    recommendation = Recommendation(
        0, third.start, third.end, RecommendationStrength.STRONG, "Grade A", GradingScheme.LEVEL
    )
    return replace(item, record=replace(item.record, recommendations=(recommendation,)))


def test_a_guidelines_recommendation_leads_its_section_ahead_of_its_background() -> None:
    # The bottom line takes the guideline's most relevant sentence and SPINE's; of the two
    # left, the recommendation (less relevant than the background) comes first.
    answer = answer_of(SPINE, _guideline({0: 0.95, 1: 0.9, 2: 0.6}))
    section = answer.sections[1]
    assert section.kind is SectionKind.GUIDELINES
    first = section.statements[0]
    assert first.text.startswith("We recommend brain MRI")
    assert first.recommendation is not None and first.recommendation.grade == "Grade A"


def test_a_guideline_quoted_by_the_bottom_line_is_not_said_to_be_missing() -> None:
    answer = answer_of(_guideline({0: 0.1, 1: 0.1, 2: 0.9}))
    bottom, guidelines = answer.sections[0], answer.sections[1]
    assert bottom.statements[0].recommendation is not None
    assert guidelines.statements == () and "bottom line above" in guidelines.note


@pytest.mark.parametrize(
    "line",
    [
        # Lines of a web page for patients that a splitter takes for sentences.
        "National Institute of Allergy and Infectious Diseases",
        "Flu Podcast: Antiviral Drugs for the Coming Influenza Season Oct 19",
        "- http://www.example.gov/health/trials/ - http://www.example.org/studies/index.htm",
        "For the trial on this topic, visit: http://www.example.gov/show/NCT00000001?order=1.",
        "The English content on this website is being archived for reference purposes only.",
        "What are the signs and symptoms of Parkinson disease?",
        "(Watch the video to learn more about how gout is treated.",
        "To enlarge the video, click the brackets in the corner of the player.",
        # Pointers to other pages, in place of what they would say.
        "See the following fact sheets for more information about gout: - Gout Diet - Gout Drugs",
        "More about the drugs used for this kind of seizure can be found at the following link.",
        "For details of the study on this disease, visit: http://www.example.gov/study/1.",
        "Visit our page on vitamin B12 deficiency.",
        "For more information on treatment options, see the section on surgery.",
    ],
)
def test_lines_of_the_page_around_a_text_state_nothing(line: str) -> None:
    assert not states_something(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "The flu viruses pass through the air and enter your body through your nose or mouth.",
        "Call 911 at once if you think someone is having a stroke (see www.example.gov).",
        "Aspirin Reduced Recurrence in the Trial.",  # title case, but it closes: a sentence
        "For infants, the first clinic visit should take place before 8 weeks of age.",
        "A small camera on the tube sends a video image of the bowel lining to a screen.",
    ],
)
def test_sentences_state_something(sentence: str) -> None:
    assert states_something(sentence)


def test_an_answer_never_quotes_a_line_of_the_page_around_its_source() -> None:
    page = retrieved(
        "pmid:5",
        1,
        [
            (
                "RESULTS",
                [
                    ("MRI Findings of the Brain in Systemic Sclerosis Patients", (MRI, CNS, SSC)),
                    (
                        "Brain MRI showed white matter lesions in 12 of 30 patients with SSc.",
                        (MRI, CNS, SSC),
                    ),
                ],
            )
        ],
        relevance={0: 0.95, 1: 0.8},
    )
    quoted = [s.text for s in statements(answer_of(page))]
    assert quoted == ["Brain MRI showed white matter lesions in 12 of 30 patients with SSc."]


def test_a_record_not_naming_the_organism_asked_about_is_a_near_miss() -> None:
    # "Is Candida auris resistant to fluconazole?": a fluconazole trial on other Candida
    # infections names the drug, not the organism, and is never cited.
    question = Question(
        "Is Candida auris resistant to fluconazole?",
        concepts=(
            QuestionConcept(
                ("D000088063",), "Candida auris", ConceptRole.ORGANISM, "Candida auris", 3, 16
            ),
            QuestionConcept(
                ("D015725",), "Fluconazole", ConceptRole.INTERVENTION, "fluconazole", 30, 41
            ),
        ),
    )
    record = Record(id="pmid:9", source=Source.PUBMED_XML, title="Fluconazole prophylaxis")

    def about(*concept_ids: str) -> RetrievedRecord:
        scores = tuple((concept_id, 3.0) for concept_id in concept_ids)
        return RetrievedRecord(record, (), 1, 1.0, topics=RecordTopics("pmid:9", scores))

    assert not on_topic(question, about("D015725"))
    assert on_topic(question, about("D015725", "D000088063"))


def test_a_record_naming_neither_treatment_compared_is_a_near_miss() -> None:
    """Review 25: "Is tenecteplase non-inferior to alteplase for thrombolysis in acute
    ischaemic stroke?" was led by a laboratory study of another thrombolytic, on topic
    because it named thrombolysis, a keyword of the question."""
    tenecteplase, alteplase, thrombolysis = "D000077785", "D010959", "word:thrombolysis"
    roles = {
        "tenecteplase": (tenecteplase, ConceptRole.INTERVENTION),
        "alteplase": (alteplase, ConceptRole.INTERVENTION),
        "thrombolysis": (thrombolysis, ConceptRole.KEYWORD),
    }

    def asking(text: str) -> Question:
        concepts = tuple(
            QuestionConcept((i,), name, role, name, text.index(name), text.index(name) + len(name))
            for name, (i, role) in roles.items()
        )
        return Question(text, concepts=concepts)

    record = Record(id="pmid:9", source=Source.PUBMED_XML, title="SMTP-7 in thrombolysis")

    def about(*concept_ids: str) -> RetrievedRecord:
        scores = tuple((concept_id, 3.0) for concept_id in concept_ids)
        return RetrievedRecord(record, (), 1, 1.0, topics=RecordTopics("pmid:9", scores))

    comparing = asking("Is tenecteplase non-inferior to alteplase for thrombolysis?")
    assert compared(comparing) == [tenecteplase, alteplase]
    assert not on_topic(comparing, about(thrombolysis))
    assert on_topic(comparing, about(alteplase, thrombolysis))
    besides = asking("Is tenecteplase given with alteplase for thrombolysis?")
    assert compared(besides) == []
    assert on_topic(besides, about(thrombolysis))


KIF5A = "word:kif5a"
"""A name no vocabulary knows (a gene), kept by understanding as a keyword concept."""


def _naming_kif5a(item: RetrievedRecord) -> RetrievedRecord:
    """The record as one that names KIF5A somewhere, so it is on the question's topic."""
    scores = (*item.topics.concept_scores, (KIF5A, 0.5)) if item.topics else ((KIF5A, 0.5),)
    return replace(item, topics=RecordTopics(item.record.id, scores))


def test_only_records_whose_answer_names_the_name_asked_about_lead() -> None:
    """ "Is AZD9668 a VEGF mRNA drug?" was led by AZD8601, another drug, from a record
    naming AZD9668 only in passing (BioASQ dev). A record leads such a question only where
    a sentence of it naming the name is more likely than not an answer; that sentence and
    the one after it lead, named or not. With no such record, nothing answers directly: no
    bottom line, what there is below it."""
    kif5a = QuestionConcept((KIF5A,), "KIF5A", ConceptRole.KEYWORD, "KIF5A", 0, 5)
    asked = replace(QUESTION, concepts=(*QUESTION.concepts, kif5a))
    near_miss = _naming_kif5a(BRAIN_MRI)  # its answering sentences do not name KIF5A
    alone = answer_of(near_miss, question=asked)
    assert alone.sections[0].statements == () and alone.sections[0].note
    naming = _naming_kif5a(
        retrieved(
            "pmid:7",
            4,
            [
                (
                    "RESULTS",
                    [
                        ("KIF5A variants went with white matter lesions in SSc.", (KIF5A, SSC)),
                        ("The lesions were seen on brain MRI in 12 of 30 patients.", (MRI, CNS)),
                    ],
                )
            ],
        )
    )
    answer = answer_of(near_miss, naming, question=asked)
    assert {s.record_id for s in answer.sections[0].statements} == {"pmid:7"}
    unasked = answer_of(near_miss, naming)  # no name asked: the most relevant leads
    assert {s.record_id for s in unasked.sections[0].statements} == {"pmid:2", "pmid:7"}


def test_a_sentence_on_an_alternative_the_question_offers_answers_on_the_subject() -> None:
    """ "Do ADHD meds like Ritalin or Adderall increase the risk of MI …?" asks about
    either drug: a study of methylphenidate answers it though no record names Adderall, a
    brand no vocabulary knows, which alone made the subject every leading sentence had to
    name (review 13). Here MRI stands for the alternative a vocabulary knows."""
    kif5a = QuestionConcept((KIF5A,), "KIF5A", ConceptRole.KEYWORD, "KIF5A", 0, 5)
    asked = replace(QUESTION, concepts=(*QUESTION.concepts, kif5a))
    offered = replace(asked, alternatives=((MRI, KIF5A),))
    near_miss = _naming_kif5a(BRAIN_MRI)  # names MRI, not KIF5A
    assert answer_of(near_miss, question=asked).sections[0].statements == ()
    lead = answer_of(near_miss, question=offered).sections[0].statements
    assert {s.record_id for s in lead} == {"pmid:2"}


def test_of_a_record_naming_the_name_only_the_sentence_naming_it_and_the_next_lead() -> None:
    """ "Is the CADM2 gene associated with … processing speed?" was led by a sentence on
    six loci of irritable bowel syndrome from a study naming CADM2 in another sentence
    (BioASQ dev). The sentence naming the name and the one after it may lead; a sentence
    further on, however relevant, speaks of something else."""
    kif5a = QuestionConcept((KIF5A,), "KIF5A", ConceptRole.KEYWORD, "KIF5A", 0, 5)
    asked = replace(QUESTION, concepts=(*QUESTION.concepts, kif5a))
    further = "Brain MRI showed white matter lesions in SSc."
    record = _naming_kif5a(
        retrieved(
            "pmid:7",
            4,
            [
                (
                    "RESULTS",
                    [
                        ("KIF5A variants went with white matter lesions in SSc.", (KIF5A, SSC)),
                        ("Carriers were few.", ()),
                        (further, (MRI, CNS, SSC)),
                    ],
                )
            ],
            relevance={0: 0.6, 1: 0.2, 2: 0.95},
        )
    )
    unasked = answer_of(record)
    assert [s.text for s in unasked.sections[0].statements] == [further]
    answer = answer_of(record, question=asked)
    lead = [s.text for s in answer.sections[0].statements]
    assert lead and further not in lead


def test_the_sentence_after_one_naming_the_name_leads_unless_it_opens_with_another() -> None:
    """ "Is durvalumab used for lung cancer treatment?" was led by "Olaparib, a poly
    (ADP-ribose) polymerase inhibitor, has demonstrated …", the sentence after a review's
    on durvalumab (BioASQ dev, its gold removed). A sentence after the one naming the
    name may speak of it without naming it; one opening with another drug's or gene's
    name speaks of that."""
    kif5a = QuestionConcept((KIF5A,), "KIF5A", ConceptRole.KEYWORD, "KIF5A", 0, 5)
    asked = replace(QUESTION, concepts=(*QUESTION.concepts, kif5a))

    def led_after(follower: str) -> list[str]:
        record = _naming_kif5a(
            retrieved(
                "pmid:7",
                4,
                [
                    (
                        "RESULTS",
                        [
                            (
                                "KIF5A variants were found in 12 of 30 patients with SSc.",
                                (KIF5A, SSC),
                            ),
                            (follower, (MRI, CNS, SSC)),
                        ],
                    )
                ],
                relevance={0: 0.6, 1: 0.95},
            )
        )
        return [s.text for s in answer_of(record, question=asked).sections[0].statements]

    referring = "Brain MRI showed white matter lesions in the carriers."
    assert referring in led_after(referring)
    for other in (
        "SPG11 variants went with white matter lesions in SSc.",
        "Nusinersen was tried in the patients with white matter lesions.",
    ):
        assert other not in led_after(other)


@pytest.mark.parametrize(
    ("mention", "named"),
    [
        ("KIF5A", True),
        ("2018", False),
        ("3D", False),
        ("unruptured", False),
        ("coinfected", False),
        ("vaso-occlusive", False),
        ("chlorotoxin", True),
        ("olaparib", True),
        ("SAF-A", True),
        ("CPX-351", True),
    ],
)
def test_a_number_or_a_word_ending_as_an_adjective_is_no_name_to_answer_on(
    mention: str, named: bool
) -> None:
    """ "Which two antibodies … were approved by the FDA in September 2018?" is answered by
    sentences on the antibodies; a year only narrows it, and "3D" qualifies "genome
    structure" (BioASQ dev). Nor is a word ending as an adjective a name: "How often do
    unruptured brain aneurysms rupture?" could not be led by "Spontaneous rupture
    occurred in four of 228 (1.8%) intradural aneurysms …" (review 13), nor "Does inhaled
    nitric oxide reduce pain in children with sickle cell vaso-occlusive crisis?" by the
    trial's hourly pain scores, which do not say "vaso-occlusive" (review 23)."""
    concept = QuestionConcept(
        (f"word:{mention.lower()}",), mention, ConceptRole.KEYWORD, mention, 0, len(mention)
    )
    assert bool(subject(replace(QUESTION, concepts=(concept,)))) is named


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Is olaparib compared with chelation safe in MRI?", ["word:olaparib"]),
        ("Is olaparib better than chelation in MRI?", ["word:olaparib"]),
        ("Is olaparib versus chelation safe in MRI?", ["word:olaparib"]),
        ("Do more than olaparib and chelation work in MRI?", ["word:olaparib", "word:chelation"]),
    ],
)
def test_what_a_treatment_is_compared_with_is_no_subject(text: str, subjects: list[str]) -> None:
    """Review 29: "… after haematopoietic stem cell transplantation compared with
    conventional transfusion and chelation?" took "chelation" for its subject, and the
    survival after either, which says "conventional treatment", could not lead."""
    concepts = tuple(
        QuestionConcept((f"word:{name}",), name, ConceptRole.KEYWORD, name, at, at + len(name))
        for name in ("olaparib", "chelation")
        for at in [text.index(name)]
    )
    assert subject(replace(QUESTION, text=text, concepts=concepts)) == subjects


def test_a_question_naming_what_it_asks_is_led_by_the_sentences_on_it() -> None:
    """ "What is the first-line treatment for Helicobacter pylori infection?" was led by
    what H. pylori is (a hand review of the shared corpus). Asked the treatment, the
    sentence on treatment leads ahead of a more relevant one that is not; with no sentence
    on treatment the others lead, and the gap says what is missing."""
    treated = "Methotrexate treatment reduced white matter lesions in SSc."
    record = retrieved(
        "pmid:8",
        1,
        [
            ("RESULTS", [("Brain MRI showed white matter lesions in SSc.", (MRI, CNS, SSC))]),
            ("CONCLUSIONS", [(treated, (CNS, SSC))]),
        ],
        relevance={0: 0.95, 1: 0.75},
    )
    treatment = Facet("treatment", cue_words=("treat", "therap"))
    asked = replace(QUESTION, facets=(*QUESTION.facets, treatment))
    assert answer_of(record, question=asked).sections[0].statements[0].text == treated
    untreated = replace(record, notes=(record.notes[0], replace(record.notes[1], relevance=0.1)))
    answer = answer_of(untreated, question=asked)
    assert answer.sections[0].statements[0].text.startswith("Brain MRI showed")
    assert "treatment" in {gap.facet for gap in answer.gaps}


MTX = "D008727"


def methotrexate_at(start: int) -> QuestionConcept:
    """Methotrexate, a treatment a question names from ``start``."""
    return QuestionConcept(
        (MTX,), "Methotrexate", ConceptRole.INTERVENTION, "methotrexate", start, start + 12
    )


def test_a_sentence_naming_the_treatment_asked_speaks_to_treatment() -> None:
    """ "Which works better for chronic tension-type headache: amitriptyline, stress
    management, or both?" was led by a closing remark saying "treatment" over the trial's
    finding on amitriptyline, which does not say it (review 14)."""
    mtx, methotrexate = MTX, methotrexate_at(0)
    finding = "Methotrexate reduced white matter lesions in SSc."
    remark = "Further trials of treatment in SSc are needed."
    record = retrieved(
        "pmid:8",
        1,
        [("RESULTS", [(finding, (mtx, SSC))]), ("CONCLUSIONS", [(remark, (SSC,))])],
        relevance={0: 0.95, 1: 0.9},
    )
    assert record.topics is not None
    record = replace(
        record, topics=RecordTopics("pmid:8", (*record.topics.concept_scores, (mtx, 2.0)))
    )
    treatment = Facet("treatment", cue_words=("treat", "therap"))
    asked = replace(QUESTION, concepts=(*QUESTION.concepts, methotrexate), facets=(treatment,))
    assert answer_of(record, question=asked).sections[0].statements[0].text == finding


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("\u0391re plants the source of curare?", "Are plants the source of curare?"),
        ("P\u0430tients with TNF-\u03b1", "Patients with TNF-\u03b1"),  # Greek alone stays
        ("\u0441\u043e\u0440", "\u0441\u043e\u0440"),  # a Cyrillic word stays Cyrillic
    ],
)
def test_a_look_alike_letter_of_another_script_is_read_as_latin(written: str, read: str) -> None:
    """ "Αre plants … the original source of curare?" (a Greek capital alpha, BioASQ dev)
    made "Αre" a name no vocabulary knows, a facet no record could meet."""
    assert fold_lookalikes(written) == read


def test_a_question_is_read_with_look_alike_letters_folded() -> None:
    asked = "\u0391re plants from the genus Strychnos the original source of curare?"
    assert check_question(asked, SETTINGS) == asked.replace("\u0391", "A")


def test_a_question_asking_a_dose_is_led_by_a_dose_of_its_treatment() -> None:
    """Review 36: "What dose of levobupivacaine … gives adequate analgesia …?" was led by
    the pain scores of the trial's arms, and its "Levobupivacaine at a dose of 1.25 mg/h
    … provides good quality analgesia" came last. A dose of another drug answers
    nothing asked."""
    mtx, methotrexate = MTX, methotrexate_at(13)
    text = "What dose of methotrexate is used in systemic sclerosis?"
    asked = replace(
        QUESTION,
        text=text,
        concepts=(methotrexate, replace(QUESTION.concepts[3], start=38, end=56)),
        facets=(),
        answer_kind=AnswerKind.QUANTITY,
    )
    scores = "Skin scores fell in 12 of 30 patients on methotrexate in SSc."
    morphine = "Morphine 10 mg was given for pain in 8 of 30 patients with SSc."
    dose = "Methotrexate 15 mg weekly was used in SSc."
    found = retrieved(
        "pmid:9",
        1,
        [("RESULTS", [(scores, (mtx, SSC)), (morphine, (SSC,)), (dose, (mtx, SSC))])],
        relevance={0: 0.95, 1: 0.92, 2: 0.9},
        notes={
            0: counting(scores, "12 of 30", mtx, SSC),
            1: counting(morphine, "8 of 30", SSC),
            2: SentenceNotes(concepts=(mtx, SSC)),
        },
    )
    found = replace(found, topics=RecordTopics("pmid:9", ((SSC, 5.0), (mtx, 3.0))))
    lead = answer_of(found, question=asked).sections[0].statements
    assert lead[0].text == scores
    lead = answer_of(found, question=replace(asked, dose_asked=True)).sections[0].statements
    assert lead[0].text == dose


def test_a_dose_asked_is_answered_by_a_background_line_giving_it() -> None:
    """Review 38: "… she's starting Keytruda. How much of it will she be given, and how
    often?" was led by a list of approvals with a "10%" in it; the FDA's "recommended dose
    of 2 mg/kg every 3 weeks" (0.52, background, no number a reader reads) was below the
    threshold and might not lead an amount."""
    mtx, methotrexate = MTX, methotrexate_at(13)
    asked = replace(
        QUESTION,
        text="How much methotrexate is given in systemic sclerosis?",
        concepts=(methotrexate, replace(QUESTION.concepts[3], start=35, end=53)),
        facets=(),
        answer_kind=AnswerKind.QUANTITY,
    )
    dose = "Methotrexate is given at 15 mg weekly in SSc."
    share = "Methotrexate was stopped in 12 of 30 patients with SSc."
    found = retrieved(
        "pmid:9",
        1,
        [("BACKGROUND", [(dose, (mtx, SSC))]), ("RESULTS", [(share, (mtx, SSC))])],
        relevance={0: 0.55, 1: 0.75},
        notes={0: SentenceNotes(concepts=(mtx, SSC)), 1: counting(share, "12 of 30", mtx, SSC)},
    )
    found = replace(found, topics=RecordTopics("pmid:9", ((SSC, 5.0), (mtx, 3.0))))
    lead = answer_of(found, question=asked).sections[0].statements
    assert [s.text for s in lead] == [share]
    lead = answer_of(found, question=replace(asked, dose_asked=True)).sections[0].statements
    assert lead[0].text == dose


def test_a_study_protocol_s_lines_do_not_lead() -> None:
    """Review 40: the ALPHEUS protocol's "… is especially designed to show a reduction in
    periprocedural events …", read as its conclusion, led a question on what the trial
    found: a protocol reports no results."""
    protocol = replace(BRAIN_MRI, grade=replace(BRAIN_MRI.grade, design=StudyDesign.PROTOCOL))
    assert statements(answer_of(BRAIN_MRI, SPINE))[0].record_id == "pmid:2"
    lead = answer_of(protocol, SPINE).sections[0].statements
    assert lead and all(s.record_id != "pmid:2" for s in lead)


def test_a_dose_asked_is_answered_by_the_dose_a_study_gave() -> None:
    """Review 40: "IV valproate loading dose for status epilepticus …?" refused, while a
    series' methods said "… received a loading dose of valproate of 25.1 +/- 5.0 mg/kg"."""
    mtx, methotrexate = MTX, methotrexate_at(0)
    asked = replace(
        QUESTION,
        text="Methotrexate dosing in systemic sclerosis?",
        concepts=(methotrexate, replace(QUESTION.concepts[3], start=23, end=41)),
        facets=(),
        dose_asked=True,
    )
    given = "Patients received a dose of methotrexate of 15 mg weekly."
    other = "Patients received a dose of prednisone of 10 mg daily."
    found = retrieved(
        "pmid:9",
        1,
        [("METHODS", [(given, (mtx, SSC)), (other, (SSC,))])],
        relevance={0: 0.8, 1: 0.9},
    )
    found = replace(found, topics=RecordTopics("pmid:9", ((SSC, 5.0), (mtx, 3.0))))
    lead = answer_of(found, question=asked).sections[0].statements
    assert [s.text for s in lead] == [given]
    unasked = answer_of(found, question=replace(asked, dose_asked=False))
    assert not unasked.sections[0].statements


def test_a_yes_no_question_may_be_led_by_a_background_line_naming_all_it_asks() -> None:
    """Review 40: "… a statin … and … gemfibrozil. Can the combination damage his
    muscles?" was led by "… the precise mechanism of statin-induced muscle toxicity remains
    unclear.", while a one-line record read as background stated the relation asked."""
    asked = replace(
        QUESTION,
        concepts=tuple(c for c in QUESTION.concepts if c.id != PNS),
        facets=(Facet("CNS × MRI", (CNS, MRI)),),
        answer_kind=AnswerKind.YES_NO,
    )
    stated = "Brain MRI shows CNS lesions in SSc more often than in controls."
    unclear = "Why MRI shows CNS lesions in SSc remains unclear."
    finding = "Lesions were seen in 12 of 30 patients with SSc."
    record = retrieved(
        "pmid:9",
        1,
        [
            ("BACKGROUND", [(stated, (MRI, CNS, SSC))]),
            ("CONCLUSIONS", [(unclear, (MRI, CNS, SSC)), (finding, (SSC,))]),
        ],
        relevance={0: 0.95, 1: 0.9, 2: 0.85},
    )
    assert statements(answer_of(record, question=asked))[0].text == stated
    partial = replace(
        record, notes=(replace(record.notes[0], concepts=(MRI, SSC)), *record.notes[1:])
    )  # names MRI, not the CNS: a finding leads, but not the one saying it is unclear
    assert statements(answer_of(partial, question=asked))[0].text == finding


@pytest.mark.parametrize(
    ("before", "lead", "with_antecedent"),
    [
        (LESIONS_SEEN, "It is most frequent in SSc patients with CNS symptoms on MRI.", True),
        (LESIONS_SEEN, "These are most frequent in SSc patients with CNS symptoms on MRI.", True),
        (LESIONS_SEEN, "These results show CNS lesions on MRI in most SSc patients.", False),
        # "it" stands for the condition asked of: the lead needs no introduction
        (
            "Systemic sclerosis is a disease seen in the CNS on MRI.",
            "It is most frequent in patients with CNS symptoms on MRI.",
            False,
        ),
    ],
)
def test_a_lead_pointing_back_is_preceded_by_the_sentence_it_points_to(
    before: str, lead: str, with_antecedent: bool
) -> None:
    """Review 40: "… his eyelashes have grown really long. Could it be the drug?" was led by
    "It is most frequently associated with cetuximab and erlotinib …", without the
    sentence before saying what "it" is."""
    record = retrieved(
        "pmid:9",
        1,
        [("RESULTS", [(before, (MRI, CNS, SSC)), (lead, (MRI, CNS, SSC))])],
        relevance={0: 0.8, 1: 0.95},
    )
    shown = [s.text for s in answer_of(record).sections[0].statements]
    assert shown == ([before, lead] if with_antecedent else [lead])


@pytest.mark.parametrize(
    ("background", "leads"),
    [
        ("Brain MRI lesions were fourfold more frequent in SSc than in controls.", True),
        ("Brain MRI lesions were 2.5-fold more frequent in SSc than in controls.", True),
        ("Brain MRI lesions were much more frequent in SSc than in controls.", False),
    ],
)
def test_a_fold_change_gives_an_amount(background: str, leads: bool) -> None:
    """Review 40: "… How likely is that?" of a vaccine's harm was not led by "… at least a
    fourfold increase over the expected number of intussusception cases …": no reported
    number reads a fold change."""
    found = retrieved(
        "pmid:21",
        1,
        [
            ("BACKGROUND", [(background, (MRI, SSC))]),
            ("CONCLUSIONS", [("MRI lesions were more frequent in SSc patients.", (MRI, SSC))]),
        ],
        relevance={0: 0.95, 1: 0.8},
    )
    how_much = replace(QUESTION, answer_kind=AnswerKind.QUANTITY)
    lead = answer_of(found, question=how_much).sections[0].statements[0].text
    assert (lead == background) is leads


def test_a_finding_on_the_relation_a_yes_no_question_asks_answers_below_the_threshold() -> None:
    """Review 41: "Lithium in ALS - does it slow progression or prolong survival?" was led
    by a trial's background, the claim it set out to test, while its finding of no
    difference (0.44) was below the threshold."""
    mtx, methotrexate = MTX, methotrexate_at(5)
    asked = replace(
        QUESTION,
        text="Does methotrexate help systemic sclerosis?",
        concepts=(methotrexate, replace(QUESTION.concepts[3], start=23, end=41)),
        facets=(Facet("methotrexate", (mtx,)),),
        answer_kind=AnswerKind.YES_NO,
    )
    claim = "Methotrexate is thought to help patients with systemic sclerosis."
    finding = "Methotrexate did not change skin scores in SSc patients over a year."
    trial = retrieved(
        "pmid:9",
        1,
        [("BACKGROUND", [(claim, (mtx, SSC))]), ("CONCLUSIONS", [(finding, (mtx, SSC))])],
        relevance={0: 0.8, 1: 0.45},
    )
    trial = replace(trial, topics=RecordTopics("pmid:9", ((SSC, 5.0), (mtx, 3.0))))
    assert statements(answer_of(trial, question=asked))[0].text == finding
    below = replace(trial, notes=(trial.notes[0], replace(trial.notes[1], relevance=0.35)))
    assert statements(answer_of(below, question=asked))[0].text == claim
    baseline = "Methotrexate users were older and had more severe SSc at baseline."
    cohort = retrieved(
        "pmid:9",
        1,
        [("BACKGROUND", [(claim, (mtx, SSC))]), ("RESULTS", [(baseline, (mtx, SSC))])],
        relevance={0: 0.8, 1: 0.45},
    )
    cohort = replace(cohort, topics=RecordTopics("pmid:9", ((SSC, 5.0), (mtx, 3.0))))
    assert statements(answer_of(cohort, question=asked))[0].text == claim  # no conclusion
