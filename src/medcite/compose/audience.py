"""How the answer changes with its reader ("which best describes you?").

The statements stay sentences of their sources whoever reads them; what changes is
which sentences are chosen and what surrounds them. Clinicians get results and
conclusions; researchers more statements, with methods and full statistics preferred;
patients plainer sentences (Flesch Reading Ease), none built on p-values, a glossary,
and the advice to talk it over with their care team.
"""

from __future__ import annotations

from dataclasses import dataclass

from medcite.records import Audience


@dataclass(frozen=True, slots=True)
class AudiencePolicy:
    """What one audience's answer prefers."""

    statements_per_facet: int
    numbers_weight: float
    """Bonus for a sentence that reports results (percentages, p, OR/HR with CI)."""
    methods_weight: float
    """Added to the section prior of methods sentences (design, population, measures)."""
    readability_weight: float
    """Bonus per point of Flesch Reading Ease above 30, scaled to 0..1."""
    avoid_p_values: bool
    glossary: bool
    disclaimer: str


POLICIES: dict[Audience, AudiencePolicy] = {
    Audience.CLINICIAN: AudiencePolicy(
        statements_per_facet=3,
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
        statements_per_facet=5,
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
        statements_per_facet=2,
        numbers_weight=0.0,
        methods_weight=-0.2,
        readability_weight=0.3,
        avoid_p_values=True,
        glossary=True,
        disclaimer=(
            "This page is for learning, not medical advice. The sentences come from research "
            "written for professionals: talk them over with your doctor or care team before "
            "changing anything about your care."
        ),
    ),
}
