"""Retrieval's pure parts: plans from an understood question, passages, re-ranking, the guard."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from medcite.records import (
    ConceptRole,
    Facet,
    Question,
    QuestionConcept,
    Record,
    RecordTopics,
    SearchHit,
    Source,
)
from medcite.retrieve import (
    Candidate,
    best_passage_scores,
    facet_plan,
    is_off_topic,
    rank_candidates,
    reordered,
    search_plan,
)
from medcite.retrieve.retriever import Retrieval
from medcite.settings import RetrieveSettings
from medcite.words import content_text

SSC = QuestionConcept(
    ("D012595", "DOID:418"),
    "Systemic Scleroderma",
    ConceptRole.CONDITION,
    "systemic sclerosis",
    0,
    18,
    synonyms=("Systemic Sclerosis",),
    abbreviations=("SSc",),
    narrower=("D045743",),
    narrower_names=("Diffuse Scleroderma",),
)
MRI = QuestionConcept(
    ("D008279",),
    "Magnetic Resonance Imaging",
    ConceptRole.IMAGING,
    "MRI",
    22,
    25,
    related=("X-Ray Computed Tomography", "CT"),
)
QUESTION = Question("systemic sclerosis on MRI", (SSC, MRI), facets=(Facet("MRI", ("D008279",)),))
SETTINGS = RetrieveSettings()


def test_plan_holds_words_and_one_clause_per_concept_and_sibling() -> None:
    plan = search_plan(QUESTION, SETTINGS)
    assert plan.text == "systemic sclerosis MRI"
    ssc, mri, siblings = plan.concepts
    assert ssc.names[:2] == ("Systemic Scleroderma", "Systemic Sclerosis")
    assert "SSc" in ssc.names and "Diffuse Scleroderma" in ssc.names
    assert ssc.mesh_ids == ("D012595",)  # DO ids are not MeSH headings
    assert ssc.narrower_ids == ("D045743",)
    assert ssc.weight > mri.weight  # the condition weighs most
    assert siblings.names == ("X-Ray Computed Tomography", "CT")
    assert siblings.weight < mri.weight  # indirect evidence counts less


def test_a_question_asking_what_something_is_searches_the_name_alone() -> None:
    """ "kind" and "medicine" of "What kind of medicine is Mounjaro?" found records on
    kinds of medicine, none on the drug (review 27)."""
    text = "What kind of medicine is Mounjaro?"
    assert search_plan(Question(text, (), defined="Mounjaro"), SETTINGS).text == "Mounjaro"
    assert search_plan(Question(text, ()), SETTINGS).text == "kind medicine Mounjaro"


def test_a_concept_is_searched_with_its_greek_letters_written_as_letters() -> None:
    """The index keeps "α" as a word: "alpha-Synuclein" alone misses "α-synuclein"."""
    synuclein = QuestionConcept(
        ("D051844",), "alpha-Synuclein", ConceptRole.INTERVENTION, "alpha-synuclein", 0, 15
    )
    (clause,) = search_plan(Question("alpha-synuclein", (synuclein,)), SETTINGS).concepts
    assert clause.names == ("alpha-Synuclein", "α-Synuclein")


def test_facet_plan_keeps_the_condition_and_the_facet() -> None:
    plan = facet_plan(QUESTION, QUESTION.facets[0], SETTINGS)
    assert plan.text == ""
    assert {c.names[0] for c in plan.concepts} >= {
        "Systemic Scleroderma",
        "Magnetic Resonance Imaging",
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [("What are the MRI findings in SSc?", "MRI findings SSc"), ("Is it?", "")],
)
def test_content_text_drops_function_words(text: str, words: str) -> None:
    assert content_text(text) == words


def test_best_passage_is_the_best_sentence_not_the_sum() -> None:
    idf = {"calcinosi": 2.0, "spine": 1.5, "lupus": 1.0}
    scores = best_passage_scores(
        ["calcinosi", "spine"],
        idf,
        {
            "one-good": [["calcinosi", "of", "the", "spine"], ["other", "word"]],
            "scattered": [["calcinosi", "here"], ["spine", "there"]],
        },
    )
    assert scores["one-good"] > scores["scattered"] > 0


def topics(ssc: float, other: float = 0.0, name: str = "") -> RecordTopics:
    return RecordTopics("r", (("D012595", ssc), ("D008279", 0.0)), name, other)


@pytest.mark.parametrize(
    ("record_topics", "refused"),
    [
        (topics(0.5, 6.0, "Multiple Sclerosis"), True),  # a passing mention beside a main topic
        (topics(3.0, 6.0, "Multiple Sclerosis"), False),  # both in the title: a comparison
        (topics(0.0, 1.0, "Multiple Sclerosis"), False),  # the neighbour is no main topic
        (topics(0.0, 0.0), False),  # about nothing in particular: ranked, not refused
    ],
)
def test_guard_refuses_only_records_mainly_about_a_neighbour(
    record_topics: RecordTopics, refused: bool
) -> None:
    assert is_off_topic(QUESTION, record_topics) is refused


OVERWEIGHT = QuestionConcept(("D050177",), "Overweight", ConceptRole.CONDITION, "overweight", 0, 10)
GDM = QuestionConcept(
    ("D016640",), "Gestational Diabetes", ConceptRole.CONDITION, "gestational diabetes", 29, 49
)
RISK_OF_GDM = Question(
    "overweight raise the risk of gestational diabetes", (OVERWEIGHT, GDM), outcomes=("D016640",)
)


def cohort(overweight: float, gdm: float) -> RecordTopics:
    """A record's topics beside a cohort's main disease, type 1 diabetes (3.0: its title)."""
    return RecordTopics("r", (("D050177", overweight), ("D016640", gdm)), "type 1 diabetes", 3.0)


@pytest.mark.parametrize(
    ("record_topics", "refused"),
    [
        (cohort(4.5, 0.5), True),  # about the exposure only: review 21's type 1 cohort
        (cohort(0.0, 3.0), False),  # about the outcome asked
    ],
)
def test_the_guard_asks_a_record_about_the_condition_whose_risk_is_asked(
    record_topics: RecordTopics, refused: bool
) -> None:
    """A condition that raises the risk asked of another is the exposure; a record mainly
    about a third disease is evidence only if it is about the outcome asked."""
    assert is_off_topic(RISK_OF_GDM, record_topics) is refused


def test_guard_needs_a_condition() -> None:
    no_condition = Question("MRI", (MRI,))
    assert not is_off_topic(no_condition, topics(0.0, 9.0, "Multiple Sclerosis"))


def candidate(
    record_id: str, score: float, rank: int, about: float, other: float = 0.0
) -> Candidate:
    return Candidate(
        SearchHit(record_id, score, rank),
        Record(record_id, Source.TEXT, record_id),
        RecordTopics(
            record_id,
            (("D012595", about), ("D008279", 0.0)),
            "Multiple Sclerosis" if other else "",
            other,
        ),
    )


def test_ranking_prefers_records_about_the_condition_and_reports_the_refused() -> None:
    ranking = rank_candidates(
        QUESTION,
        [
            candidate("words", 10.0, 1, 0.0),
            candidate("about", 9.0, 2, 8.0),
            candidate("ms", 9.5, 3, 0.5, 6.0),
        ],
        RetrieveSettings(topic_weight=1.0),
        2026,
    )
    assert [hit.record_id for hit in ranking.hits] == ["about", "words"]
    assert ranking.refused == (("ms", "Multiple Sclerosis"),)
    assert [hit.rank for hit in ranking.hits] == [1, 2]


def test_the_guard_can_be_turned_off() -> None:
    ranking = rank_candidates(
        QUESTION, [candidate("ms", 9.5, 1, 0.5, 6.0)], RetrieveSettings(topic_guard=False), 2026
    )
    assert [hit.record_id for hit in ranking.hits] == ["ms"]


class Store:
    """An in-memory record source: what ``reordered`` reads a record it had not held from."""

    def __init__(self, *record_ids: str) -> None:
        self.held = {
            record_id: Record(record_id, Source.TEXT, record_id) for record_id in record_ids
        }

    def get_many(self, record_ids: Iterable[str]) -> dict[str, Record]:
        return {k: self.held[k] for k in record_ids if k in self.held}

    def sentences(self, record: Record) -> tuple[()]:
        return ()


ABOUT_OF = {"lexical": 3.0, "near": 3.0, "words-only": 0.0, "ms": 0.5}


def read_topics(record: Record, question: Question) -> RecordTopics:
    other = 6.0 if record.id == "ms" else 0.0
    return RecordTopics(
        record.id,
        (("D012595", ABOUT_OF[record.id]), ("D008279", 0.0)),
        "Multiple Sclerosis" if other else "",
        other,
    )


def test_reordering_reads_and_guards_records_retrieval_had_not_held() -> None:
    store = Store("lexical", "near", "words-only", "ms")
    found = Retrieval(
        QUESTION,
        (SearchHit("lexical", 1.0, 1),),
        {"lexical": store.held["lexical"]},
        (),
        {"lexical": read_topics(store.held["lexical"], QUESTION)},
    )
    dense = [SearchHit(k, 1.0, n) for n, k in enumerate(["near", "ms", "lexical", "words-only"], 1)]

    kept = reordered(found, dense, SETTINGS, store, read_topics)
    assert [hit.record_id for hit in kept.hits] == ["near", "lexical", "words-only"]
    assert set(kept.records) == set(kept.topics) == {"near", "lexical", "words-only"}
    assert kept.refused == (("ms", "Multiple Sclerosis"),)  # the same guard as retrieval's

    citable = reordered(found, dense, SETTINGS, store, read_topics, citable=True)
    assert [hit.record_id for hit in citable.hits] == ["near", "lexical"]
