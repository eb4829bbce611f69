"""The names research writes a question's concepts by (``understand.wording``)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pytest
from msgspec.structs import replace

from medcite.records import ConceptRole, Question, QuestionConcept
from medcite.understand.keywords import Rarity
from medcite.understand.wording import named_as_research_writes

DOCUMENTS = 10_000


def rarity_of(counts: Mapping[str, int]) -> Rarity:
    """A corpus's idf (BM25's, as the index gives it) from how many records hold each word."""

    def rarity(words: Iterable[str]) -> dict[str, float]:
        return {
            word: math.log(1 + (DOCUMENTS - n + 0.5) / (n + 0.5))
            for word in words
            for n in [counts.get(word.lower(), 0)]
        }

    return rarity


def concept(
    mention: str,
    name: str,
    role: ConceptRole = ConceptRole.INTERVENTION,
    abbreviation: str = "",
) -> QuestionConcept:
    ids = (f"D-{name}",)
    return QuestionConcept(ids, name, role, mention, 0, len(mention), abbreviation=abbreviation)


@pytest.mark.parametrize(
    ("found", "counts", "named"),
    [
        # review 21: a brand no abstract writes, its drug in a few
        (concept("Lyrica", "Pregabalin"), {"pregabalin": 3}, "Pregabalin"),
        (
            concept("itching", "Pruritus", ConceptRole.CONDITION),
            {"itching": 40, "pruritus": 400},
            "Pruritus",
        ),
        # a near tie keeps the question's word
        (concept("herceptin", "Trastuzumab"), {"herceptin": 300, "trastuzumab": 500}, ""),
        # a name of several words: each is commoner than the name is
        (
            concept("influenza", "Human Influenza", ConceptRole.CONDITION),
            {"influenza": 50, "human": 5000},
            "",
        ),
        # an abbreviation, and a word written in capitals, stay as written
        (concept("MI", "Myocardial Infarction", abbreviation="MI"), {"myocardial": 900}, ""),
        (concept("TNF", "Tumor Necrosis Factor", ConceptRole.INTERVENTION), {"tumor": 900}, ""),
        # a name abstracts write mostly in another sense ("aged 40 to 65")
        (
            QuestionConcept(("D000368",), "Aged", ConceptRole.POPULATION, "elderly", 0, 7),
            {"elderly": 300, "aged": 3000},
            "",
        ),
    ],
)
def test_a_concept_is_named_as_research_writes_it_where_the_corpus_says_so(
    found: QuestionConcept, counts: dict[str, int], named: str
) -> None:
    (read,) = named_as_research_writes([found], rarity_of(counts))
    assert read.research_name == named
    assert read.worded == (named or found.mention)


def test_a_word_no_vocabulary_knows_is_worded_by_the_name_it_was_spelled_out_as() -> None:
    """A brand only the table of brands knows ("Mounjaro", review 27) is a keyword with its
    generic name as its first other name: research writes that."""
    mounjaro = QuestionConcept(
        ("word:mounjaro",),
        "Mounjaro",
        ConceptRole.KEYWORD,
        "Mounjaro",
        0,
        8,
        synonyms=("tirzepatide",),
    )
    (read,) = named_as_research_writes([mounjaro], rarity_of({"tirzepatide": 20}))
    assert read.worded == "tirzepatide"
    (alone,) = named_as_research_writes([replace(mounjaro, synonyms=())], rarity_of({}))
    assert alone.worded == "Mounjaro"


def test_without_word_counts_nothing_is_renamed() -> None:
    found = concept("Lyrica", "Pregabalin")
    assert named_as_research_writes([found], None) == [found]


def test_the_question_is_worded_as_research_writes_it() -> None:
    text = "What are the side effects of Lyrica for itching in dialysis patients?"
    lyrica = QuestionConcept(
        ("D1",),
        "Pregabalin",
        ConceptRole.INTERVENTION,
        "Lyrica",
        29,
        35,
        research_name="Pregabalin",
    )
    itching = QuestionConcept(
        ("D2",), "Pruritus", ConceptRole.CONDITION, "itching", 40, 47, research_name="Pruritus"
    )
    dialysis = QuestionConcept(("D3",), "Dialysis", ConceptRole.TEST, "dialysis", 51, 59)
    question = Question(text, (lyrica, itching, dialysis))
    assert question.as_research_writes() == (
        "What are the side effects of Pregabalin for Pruritus in dialysis patients?"
    )


def test_a_phrase_is_named_as_research_writes_it_where_its_rarest_word_is_rarer() -> None:
    """Review 30: "How common is lazy eye in kids?" scored the sentence giving amblyopia's
    prevalence in children at 0.15; asked in those words, at 0.79."""
    lazy_eye = concept("lazy eye", "Amblyopia", ConceptRole.CONDITION)
    (read,) = named_as_research_writes(
        [lazy_eye], rarity_of({"lazy": 20, "eye": 3000, "amblyopia": 200})
    )
    assert read.worded == "Amblyopia"
    # a phrase whose every word is common may be common itself: it stays as written
    (kept,) = named_as_research_writes(
        [lazy_eye], rarity_of({"lazy": 400, "eye": 3000, "amblyopia": 200})
    )
    assert kept.worded == "lazy eye"


def test_the_commonest_of_a_concept_s_names_is_the_one_research_writes() -> None:
    kids = replace(
        concept("kids", "Child", ConceptRole.POPULATION), synonyms=("Children", "Schoolchild")
    )
    counts = {"kids": 10, "child": 300, "children": 2000}
    (read,) = named_as_research_writes([kids], rarity_of(counts))
    assert read.worded == "Children"


def test_a_concept_is_not_renamed_by_an_entry_term_that_is_not_a_spelling_of_its_name() -> None:
    """MeSH's entry terms include broader and related names: "tumour" as "Cancer" asked of
    something else (BioASQ dev)."""
    tumour = replace(
        concept("tumour", "Neoplasms", ConceptRole.CONDITION), synonyms=("Cancer", "Tumor")
    )
    (read,) = named_as_research_writes([tumour], rarity_of({"tumour": 30, "cancer": 3000}))
    assert read.worded == "tumour"


def test_an_organism_keeps_the_question_s_name_for_it() -> None:
    bee = concept("Apis mellifera", "Bees", ConceptRole.ORGANISM)
    (read,) = named_as_research_writes([bee], rarity_of({"apis": 5, "bees": 500}))
    assert read.worded == "Apis mellifera"


def test_a_body_part_is_not_renamed_by_the_adjective_naming_it() -> None:
    pancreas = replace(
        concept("pancreas", "Pancreas", ConceptRole.BODY_SYSTEM), synonyms=("pancreatic",)
    )
    (read,) = named_as_research_writes([pancreas], rarity_of({"pancreatic": 900, "pancreas": 90}))
    assert read.worded == "pancreas"
