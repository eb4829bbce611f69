"""How the answer changes with its reader ("which best describes you?").

The statements stay sentences of their sources whoever reads them; what changes is
which sentences are chosen and what surrounds them. Clinicians get results and
conclusions; researchers more statements, with methods and full statistics preferred;
patients plainer sentences (Flesch Reading Ease), none built on p-values, a glossary,
and the advice to talk it over with their care team.
"""

from __future__ import annotations

from dataclasses import dataclass

from msgspec.structs import replace

from medcite.records import Answer, Audience


@dataclass(frozen=True, slots=True)
class AudiencePolicy:
    """What one audience's answer prefers."""

    research_share: float
    """Share of ``[answer] research_statements`` this audience is shown."""
    numbers_weight: float
    """Bonus for a sentence that reports results (percentages, p, OR/HR with CI)."""
    methods_weight: float
    """Added to the section prior of methods sentences (design, population, measures)."""
    readability_weight: float
    """Bonus per point of Flesch Reading Ease above 30, scaled to 0..1."""
    avoid_p_values: bool
    glossary: bool
    disclaimer: str
    plain_language_weight: float = 0.0
    """Bonus for a sentence of a source written for patients (MedQuAD's NIH pages)."""
    marks_research: bool = False
    """Whether statements from research (not written for patients) say so."""


POLICIES: dict[Audience, AudiencePolicy] = {
    Audience.CLINICIAN: AudiencePolicy(
        research_share=1.0,
        numbers_weight=0.15,
        methods_weight=0.0,
        readability_weight=0.0,
        avoid_p_values=False,
        glossary=False,
        disclaimer=(
            "For healthcare professionals. Every statement is a sentence of the record it "
            "cites: check it against the source before relying on it. Decisions rest on "
            "clinical judgment, current guidelines and the full texts."
        ),
    ),
    Audience.RESEARCHER: AudiencePolicy(
        research_share=5 / 3,
        numbers_weight=0.3,
        methods_weight=0.25,
        readability_weight=0.0,
        avoid_p_values=False,
        glossary=False,
        disclaimer=(
            "Statements are sentences quoted from the cited abstracts and chosen "
            "automatically; read the full texts, methods and statistics before citing them."
        ),
    ),
    Audience.PATIENT: AudiencePolicy(
        research_share=2 / 3,
        numbers_weight=0.0,
        methods_weight=-0.2,
        readability_weight=0.3,
        avoid_p_values=True,
        glossary=True,
        plain_language_weight=0.8,
        marks_research=True,
        disclaimer=(
            "This page is for learning, not medical advice. The sentences come from research "
            "written for professionals: talk them over with your doctor or care team before "
            "changing anything about your care."
        ),
    ),
}


RESEARCH_NOTE = "research written for professionals"
NO_PLAIN_LANGUAGE = (
    "Nothing in the index on this question is written in plain language: the sentences "
    "shown come from research written for professionals."
)


def mark_sources(answer: Answer, policy: AudiencePolicy) -> Answer:
    """For patients: research statements marked as such, and a plain line when the answer
    holds no sentence written for patients at all."""
    if not policy.marks_research or not answer.sections:
        return answer
    sections = tuple(
        replace(
            section,
            statements=tuple(
                s if s.plain_language else replace(s, source_note=RESEARCH_NOTE)
                for s in section.statements
            ),
        )
        for section in answer.sections
    )
    statements = [s for section in sections for s in section.statements]
    plain = any(s.plain_language for s in statements)
    notes = answer.notes if plain or not statements else (*answer.notes, NO_PLAIN_LANGUAGE)
    return replace(answer, sections=sections, notes=notes)
