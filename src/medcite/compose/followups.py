"""Suggested follow-up questions: the neighbouring questions a reader is likely to ask next.

Built from templates over the concepts already understood, never generated: the kinds
of question not yet asked about the condition, and the indirect evidence found (a
question on what the other test shows). At most ``LIMIT``. The condition is named in the
question's own words: MeSH's names are plural ("How is breast neoplasms diagnosed?",
"How is neoplasms treated?" for a question on cancer) and not what a clinician types,
unless the question named it by an adjective ("*obese* children": "How common is obesity?").
"""

from __future__ import annotations

from medcite.records import ConceptRole, EvidenceGap, GapKind, Question, QuestionType

LIMIT = 4

TEMPLATES: dict[QuestionType, str] = {
    QuestionType.DIAGNOSIS: "How is {condition} diagnosed?",
    QuestionType.TREATMENT: "How is {condition} treated?",
    QuestionType.PROGNOSIS: "What is the prognosis of {condition}?",
    QuestionType.EPIDEMIOLOGY: "How common is {condition}?",
    QuestionType.ETIOLOGY: "What causes {condition}?",
}


def follow_up_questions(question: Question, gaps: tuple[EvidenceGap, ...]) -> tuple[str, ...]:
    """Up to ``LIMIT`` follow-up questions for a question and its evidence gaps."""
    conditions = question.with_role(ConceptRole.CONDITION)
    if not conditions:
        return ()
    first = conditions[0]
    condition = first.name.lower() if first.by_adjective else _as_written(first.mention)
    found = [
        template.format(condition=condition)
        for kind, template in TEMPLATES.items()
        if kind not in question.types
    ]
    if any(gap.kind is GapKind.INDIRECT_ONLY for gap in gaps):
        for lens in question.with_role(ConceptRole.IMAGING, ConceptRole.TEST):
            if lens.related:
                found.insert(0, f"What does {lens.related[0]} show in {condition}?")
    if not question.with_role(ConceptRole.POPULATION):
        found.append(f"How does {condition} differ in children?")
    return tuple(dict.fromkeys(found))[:LIMIT]


def _as_written(mention: str) -> str:
    """A condition as the question wrote it, in lower case unless it is a short form
    ("SSc", "COPD"), whose capitals are part of it."""
    return mention if sum(char.isupper() for char in mention) >= 2 else mention.lower()
