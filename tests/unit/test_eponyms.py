"""Diseases named by their eponym alone ("Alzheimer's"): ``understand.eponyms``."""

from __future__ import annotations

import pytest

from medcite.records import Concept, Vocabulary
from medcite.understand import Lexicon, build_lexicon, find_mentions
from medcite.understand.eponyms import eponym_concepts

MESH = Vocabulary.MESH


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return build_lexicon(
        [
            Concept("D000544", MESH, "Alzheimer Disease", synonyms=("Alzheimer's Disease",)),
            Concept("D004314", MESH, "Down Syndrome"),
            Concept("D003424", MESH, "Crohn Disease"),
            Concept("D006259", MESH, "Craniocerebral Trauma", synonyms=("Head Injury",)),
        ]
    )


def eponyms(text: str, lexicon: Lexicon) -> list[tuple[str, tuple[str, ...]]]:
    found = eponym_concepts(text, find_mentions(text, lexicon), lexicon)
    return [(mention.text, mention.concept_ids) for mention in found]


def test_a_possessive_eponym_names_its_disease(lexicon: Lexicon) -> None:
    """Review 13: "Can a bad head injury … cause Alzheimer's decades later?" kept
    "Alzheimer" as a word of its own, and cited nothing."""
    text = "Can a head injury cause Alzheimer's? Is diet a help in Crohn’s or in Down's?"
    assert eponyms(text, lexicon) == [
        ("Alzheimer's", ("D000544",)),
        ("Crohn’s", ("D003424",)),
        ("Down's", ("D004314",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Does Alzheimer's disease run in families?",  # the full name is read already
        "Is Smith's method accurate?",  # no disease of that name
        "Does Down syndrome raise the risk?",  # no possessive
        "Is the patient's head injury severe?",  # not a capitalised name
    ],
)
def test_only_a_possessive_name_no_longer_name_covers_is_an_eponym(
    text: str, lexicon: Lexicon
) -> None:
    assert eponyms(text, lexicon) == []
