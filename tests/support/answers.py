"""Answers built by hand with every field of the answer model filled, some with hostile text.

Renderer tests format these instead of asking the engine, so each part of the page is
checked whatever the composition stage selects. Record text carries markup and script
(``<script>``, ``onerror=``, ``javascript:`` links, Markdown link syntax): every renderer
must show it as text.
"""

from __future__ import annotations

from msgspec.structs import replace

from medcite.records import (
    Answer,
    AnswerSection,
    Audience,
    Comparator,
    ConceptRole,
    EffectEstimate,
    EffectMeasure,
    EvidenceGap,
    EvidenceLevel,
    Facet,
    GapKind,
    GlossaryEntry,
    GradingScheme,
    Percentage,
    Proportion,
    Provenance,
    PValue,
    Question,
    QuestionConcept,
    QuestionType,
    Recommendation,
    RecommendationStrength,
    Reference,
    ReportedNumber,
    SectionKind,
    Statement,
    StudyDesign,
)

SCRIPT = "<script>alert('statement')</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[click](javascript:alert(1))"
DISCLAIMER = "Talk these findings over with your care team before deciding anything."


def located(text: str, found: str) -> tuple[int, int]:
    """Where ``found`` is in ``text`` (start, end)."""
    start = text.index(found)
    return start, start + len(found)


def numbers_in(text: str) -> tuple[ReportedNumber, ...]:
    """The numbers of the statements below, located by span as ``find_numbers`` would."""
    made: list[ReportedNumber] = []
    if "24 of 41" in text:
        made.append(Proportion(*located(text, "24 of 41"), "24 of 41", 24, 41))
    if "58.5%" in text:
        made.append(Percentage(*located(text, "58.5%"), "58.5%", 58.5))
    if "p<0.001" in text:
        made.append(PValue(*located(text, "p<0.001"), "p<0.001", Comparator.LESS, 0.001))
    if "OR 2.3 (95% CI 1.1-4.8)" in text:
        found = "OR 2.3 (95% CI 1.1-4.8)"
        made.append(
            EffectEstimate(
                *located(text, found), found, EffectMeasure.ODDS_RATIO, 2.3, False, 95, 1.1, 4.8
            )
        )
    return tuple(made)


def statement(text: str, n: int, **evidence: object) -> Statement:
    """A statement citing reference ``n`` (record ``pmid:<n>``), with its numbers."""
    return Statement(
        text,
        (n,),
        f"pmid:{n}",
        1,
        "RESULTS",
        12,
        12 + len(text),
        numbers=numbers_in(text),
        **evidence,  # type: ignore[arg-type]  # (level, design, sample_size, year, indirect)
    )


BOTTOM = statement(
    "Calcinosis was seen in 24 of 41 patients (58.5%), p<0.001.",
    1,
    level=EvidenceLevel.NONRANDOMIZED,
    design=StudyDesign.CROSS_SECTIONAL,
    sample_size=41,
    year=2007,
)
HOSTILE = statement(
    f"Spinal lesions {SCRIPT} were seen & reported, OR 2.3 (95% CI 1.1-4.8).",
    2,
    level=EvidenceLevel.CASE,
    design=StudyDesign.CASE_SERIES,
    sample_size=12,
    year=2019,
    indirect="CT, where MRI was asked",
)
LINKS = statement(
    f"# Not a heading: see {JS_LINK} and {IMG} | *bold* `code` 1. [3]",
    3,
    design=StudyDesign.UNKNOWN,
    year=2021,
)
GUIDELINE = replace(
    statement(
        "Screening is recommended at diagnosis.",
        3,
        level=EvidenceLevel.GUIDELINE,
        design=StudyDesign.GUIDELINE,
        year=2023,
    ),
    recommendation=Recommendation(
        1,
        12,
        50,
        RecommendationStrength.STRONG,
        "Class I, Level of Evidence: B",
        GradingScheme.ACC_AHA,
    ),
    issuer=f"Society {SCRIPT}",
    location="Recommendations › Screening, p. 4",
    page=4,
    anchor="sec-2",
    plain_language=False,
    source_note="research written for professionals",
)

UNDERSTANDING = Question(
    text="MRI findings of CNS involvement in SSc?",
    concepts=(
        QuestionConcept(
            ids=("D012595", "DOID:418"),
            name="Scleroderma, Systemic",
            role=ConceptRole.CONDITION,
            mention="SSc",
            start=35,
            end=38,
            synonyms=("systemic sclerosis", "Systemic Scleroderma"),
            abbreviations=("SSc",),
            abbreviation="SSc",
            other_senses=("somatostatin",),
        ),
        QuestionConcept(
            ids=("D008279",),
            name="Magnetic Resonance Imaging",
            role=ConceptRole.IMAGING,
            mention="MRI",
            start=0,
            end=3,
            abbreviations=("MRI",),
            narrower_names=("diffusion MRI",),
        ),
        QuestionConcept(
            ids=(f"x{IMG}",),
            name=f"Odd concept {SCRIPT}",
            role=ConceptRole.OTHER,
            mention="CNS",
            start=16,
            end=19,
        ),
    ),
    types=(QuestionType.FINDINGS, QuestionType.DIAGNOSIS),
    facets=(
        Facet("CNS involvement × MRI", ("D002490", "D008279")),
        Facet("PNS involvement", ("D010524",)),
        Facet("diagnosis", cue_words=("diagnosis",)),
    ),
    notes=("“SSc” read as systemic sclerosis.",),
)


def references() -> tuple[Reference, ...]:
    """Three references: a graded study, a hostile one, a guideline without a PMID."""
    return (
        Reference(
            1,
            "pmid:1",
            "Spinal calcinosis in systemic sclerosis",
            pmid="1",
            doi="10.1000/calc.1",
            journal="J Rheumatol",
            year=2007,
            authors=("Doe J", "Roe R"),
            publication_types=("Journal Article", "Observational Study"),
            evidence_level=EvidenceLevel.NONRANDOMIZED,
            study_design=StudyDesign.CROSS_SECTIONAL,
            sample_size=41,
        ),
        Reference(
            2,
            "pmid:2",
            f"A title {SCRIPT} {IMG} {JS_LINK}",
            pmid="javascript:alert(1)",
            doi='10.1/x"><script>alert(2)</script>) [y](javascript:alert(3)',
            journal="Evil J",
            year=2019,
            publication_types=("Case Reports",),
            evidence_level=EvidenceLevel.CASE,
            study_design=StudyDesign.CASE_SERIES,
            sample_size=12,
        ),
        Reference(
            3,
            "text:guideline",
            "Screening guideline",
            year=2023,
            url="https://example.org/guideline.pdf",
            issuer=f"Society {SCRIPT}",
            publication_types=("Practice Guideline",),
            evidence_level=EvidenceLevel.GUIDELINE,
            study_design=StudyDesign.GUIDELINE,
        ),
    )


def full_answer(audience: Audience = Audience.PATIENT, disclaimer: str = DISCLAIMER) -> Answer:
    """An answer with every field of the model set."""
    return Answer(
        question=f"MRI findings of CNS involvement in SSc {SCRIPT}?",
        sections=(
            AnswerSection("Bottom line", (BOTTOM,), kind=SectionKind.BOTTOM_LINE),
            AnswerSection("From the guidelines", (GUIDELINE,), kind=SectionKind.GUIDELINES),
            AnswerSection(
                "From the research", (HOSTILE, LINKS), SectionKind.RESEARCH, "CNS involvement × MRI"
            ),
            AnswerSection(
                "From the research",
                (),
                SectionKind.RESEARCH,
                "PNS involvement",
                note="No record in the index addresses this facet.",
            ),
        ),
        references=references(),
        provenance=Provenance("20261122T091212938891Z-1334", "165402e21a03da08", 9.8, "mesh:ab12"),
        notes=("“SSc” read as systemic sclerosis.", f"One record was dropped {IMG}."),
        understanding=UNDERSTANDING,
        audience=audience,
        gaps=(
            EvidenceGap("PNS involvement", GapKind.NO_EVIDENCE, f"No record covers it {IMG}."),
            EvidenceGap(
                "CNS involvement × MRI",
                GapKind.INDIRECT_ONLY,
                "Only indirect evidence: CT, where MRI was asked.",
            ),
            EvidenceGap("diagnosis", GapKind.NO_EVIDENCE, ""),
        ),
        follow_ups=("And in children?", f"How is it treated {IMG}?"),
        disclaimer=disclaimer,
        glossary=(
            GlossaryEntry("calcinosis", f"Calcium deposits in tissue {SCRIPT}.", "D002114"),
            GlossaryEntry("lesion", "An area of damaged tissue.", "javascript:alert(1)"),
        ),
        refused=(("pmid:555", "Multiple Sclerosis"), ("text:odd", f"lupus {IMG}")),
        conversation="conv-42",
    )


def statements_of(answer: Answer) -> list[Statement]:
    """Every statement of an answer, in page order."""
    return [s for section in answer.sections for s in section.statements]
