"""Records of guideline texts: recommendation statements with their strength and grade.

A guideline states what to do in a few graded sentences among many of background. The
recognised ones are kept on the record (``Record.recommendations``) by the span of the
sentence that states them, so the page can put them first and show their grade; the
statement shown is still the guideline's own sentence.
"""

from __future__ import annotations

from enum import StrEnum

from medcite.records.base import Frozen


class RecommendationStrength(StrEnum):
    """How firmly a guideline recommends: GRADE's strong vs conditional (weak) recommendation.

    Other schemes map onto these two (ACC/AHA class I and III are strong, IIa and IIb
    conditional; USPSTF A and D strong, B and C conditional); "we recommend" reads as
    strong and "we suggest" as conditional (GRADE's own wording, Andrews et al. 2013).
    """

    STRONG = "strong"
    CONDITIONAL = "conditional"
    UNSTATED = "unstated"


class GradingScheme(StrEnum):
    """The system a grade belongs to, which says what the letters or numbers mean."""

    GRADE = "GRADE"
    ACC_AHA = "ACC/AHA"
    USPSTF = "USPSTF"
    SIGN = "SIGN"
    LEVEL = "level"
    """A plain letter or number grade or level ("Grade B", "Level II") of the guideline's own
    rating scheme, which the guideline defines."""
    WORDING = "wording"
    """No grade, only the wording ("we recommend", "we suggest")."""


class Recommendation(Frozen, frozen=True):
    """A recommendation of a guideline text: where its sentence lies, and how it is graded.

    ``section_index``/``start``/``end`` are the sentence's span in the record (as for a
    ``Sentence``). ``grade`` is the grade as the guideline writes it ("Class I, Level of
    Evidence: B", "strong recommendation, moderate-quality evidence", "Grade A"), found in
    the sentence or in the label or note next to it; "" when none is given.
    """

    section_index: int
    start: int
    end: int
    strength: RecommendationStrength = RecommendationStrength.UNSTATED
    grade: str = ""
    scheme: GradingScheme = GradingScheme.WORDING
