"""Names a question offers as alternatives ("Ritalin or Adderall"): ``understand.alternatives``."""

from __future__ import annotations

import re

import pytest

from medcite.records import ConceptRole, QuestionConcept
from medcite.understand.alternatives import alternatives


def concepts_named(text: str, *names: str) -> list[QuestionConcept]:
    """A concept for each of ``names`` where ``text`` writes it, its id the name."""
    found = []
    for name in names:
        match = re.search(re.escape(name), text)
        assert match, name
        found.append(
            QuestionConcept((name,), name, ConceptRole.OTHER, name, match.start(), match.end())
        )
    return found


@pytest.mark.parametrize(
    ("text", "names", "groups"),
    [
        (
            "Do ADHD meds like Ritalin or Adderall increase the risk of MI or stroke in adults?",
            ("ADHD", "Ritalin", "Adderall", "MI", "stroke", "adults"),
            (("Ritalin", "Adderall"), ("MI", "stroke")),
        ),
        (  # a list ending with "or", articles between
            "Does an ACE inhibitor, an ARB or aliskiren cause hyperkalemia?",
            ("ACE inhibitor", "ARB", "aliskiren", "hyperkalemia"),
            (("ACE inhibitor", "ARB", "aliskiren"),),
        ),
        (  # "and/or"
            "Does diet and/or exercise reduce weight?",
            ("diet", "exercise", "weight"),
            (("diet", "exercise"),),
        ),
        (  # names joined by "and" are all asked
            "Is the risk of stroke raised in diabetes, hypertension and CKD?",
            ("stroke", "diabetes", "hypertension", "CKD"),
            (),
        ),
        (  # a compound after "or" offers its head, which the name before only qualifies
            "Does vericiguat reduce death or heart failure hospitalisation in HFrEF?",
            ("vericiguat", "death", "heart failure", "hospitalisation", "HFrEF"),
            (("death", "hospitalisation"),),
        ),
        (  # other words between: no choice offered
            "Is MRI better than CT or is ultrasound enough?",
            ("MRI", "CT", "ultrasound"),
            (),
        ),
    ],
)
def test_names_joined_by_or_are_alternatives(
    text: str, names: tuple[str, ...], groups: tuple[tuple[str, ...], ...]
) -> None:
    """Review 13: the page cited nothing for "Ritalin or Adderall", every record failing to
    name Adderall, and read only MI of "MI or stroke" as the outcome asked."""
    assert alternatives(text, concepts_named(text, *names)) == groups
