"""What every renderer shows with a statement: its evidence tags and the numbers it reports.

A bullet of the answer page is tagged with the study design, the number of people studied
and the year (DESIGN.md §1, "From the research"), and its numbers (%, p, OR/HR with CI)
stand out. The numbers come located by span inside the statement's text; a span that does
not fit the text (out of range, overlapping another, or naming other characters) is not
highlighted, so a renderer never shows a character the source did not have.
"""

from __future__ import annotations

from medcite.records import RecommendationStrength, ReportedNumber, Statement, StudyDesign

STRENGTH_LABELS = {
    RecommendationStrength.STRONG: "strong recommendation",
    RecommendationStrength.CONDITIONAL: "conditional recommendation",
    RecommendationStrength.UNSTATED: "recommendation",
}


def evidence_tags(statement: Statement) -> tuple[str, ...]:
    """Short labels for a statement: where it stands in a full text ("Results › Survival",
    "p. 12"), a recommendation's strength, grade and issuing body, what its source is for
    a patient, and the design, size and year of the cited study ("cohort study")."""
    tags = []
    if statement.location:
        tags.append(statement.location)
    if statement.recommendation is not None:
        grade = statement.recommendation.grade
        if "recommendation" not in grade.lower():  # GRADE's own words name the strength
            tags.append(STRENGTH_LABELS[statement.recommendation.strength])
        if grade:
            tags.append(grade)
        if statement.issuer:
            tags.append(statement.issuer)
    if statement.source_note:
        tags.append(statement.source_note)
    if statement.design is not None and statement.design is not StudyDesign.UNKNOWN:
        tags.append(statement.design.label)
    if statement.sample_size is not None:
        tags.append(f"n = {statement.sample_size:,}")
    if statement.year is not None:
        tags.append(str(statement.year))
    return tuple(tags)


def number_kind(number: ReportedNumber) -> str:
    """The kind of a reported number ("percentage", "p-value", "effect", …): its JSON tag."""
    return str(type(number).__struct_config__.tag)


def text_runs(statement: Statement) -> tuple[tuple[str, bool], ...]:
    """The statement's text cut into runs, each marked True when it is a reported number.

    Joining the runs gives ``statement.text`` exactly, whatever the spans say.
    """
    text = statement.text
    runs: list[tuple[str, bool]] = []
    cursor = 0
    for number in sorted(statement.numbers, key=lambda found: (found.start, found.end)):
        fits = cursor <= number.start < number.end <= len(text)
        if not fits or text[number.start : number.end] != number.text:
            continue
        if number.start > cursor:
            runs.append((text[cursor : number.start], False))
        runs.append((number.text, True))
        cursor = number.end
    if cursor < len(text) or not runs:
        runs.append((text[cursor:], False))
    return tuple(runs)
