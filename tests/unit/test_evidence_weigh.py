"""The evidence stage alone, with in-memory doubles for the index and the concept spotter."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

import pytest
from msgspec.structs import replace

from medcite.evidence import FEATURES, RelevanceModel, best_sentences, rank_by_evidence
from medcite.evidence.weigh import (
    PAGE_ASKS_THE_SAME,
    ConceptSpotter,
    read_evidence,
    relative_rarity,
    weigh_evidence,
    with_odds_times,
)
from medcite.records import (
    AnswerKind,
    Audience,
    ConceptRole,
    Facet,
    Question,
    QuestionConcept,
    Record,
    RecordTopics,
    RetrievedRecord,
    Section,
    Sentence,
    SentenceRole,
    Source,
)

SSC = "D012595"
QUESTION = Question(
    text="Does calcinosis compress the spinal cord in systemic sclerosis?",
    concepts=(
        QuestionConcept(
            (SSC,), "Systemic Scleroderma", ConceptRole.CONDITION, "systemic sclerosis", 44, 62
        ),
    ),
    facets=(Facet("systemic sclerosis", (SSC,)),),
    answer_kind=AnswerKind.YES_NO,
)


RARITY = {"calcinosis": 8.0, "compress": 6.0, "cord": 5.0, "spinal": 5.0}


class Corpus:
    """A stand-in for the index: every word is as rare as the table says (else common)."""

    def word_rarity(self, words: Iterable[str]) -> Mapping[str, float]:
        return {word: RARITY.get(word, 1.0) for word in words}

    def document_count(self) -> int:
        return 10_000


def spot_in(_: Record) -> ConceptSpotter:
    """The spotter of every record: systemic sclerosis, by its name or "SSc"."""

    def spot(text: str) -> tuple[str, ...]:
        return (SSC,) if "systemic sclerosis" in text.lower() or "SSc" in text else ()

    return spot


def record(record_id: str, *sentences: str, rank: int = 1, score: float = 1.0) -> RetrievedRecord:
    text = " ".join(sentences)
    spans, position = [], 0
    for index, sentence in enumerate(sentences):
        start = text.index(sentence, position)
        position = start + len(sentence)
        spans.append(Sentence(record_id, 0, index, start, position, sentence))
    built = Record(record_id, Source.TEXT, f"Title of {record_id}", (Section(text),))
    return RetrievedRecord(built, tuple(spans), rank, score)


ANSWER = record(
    "text:answer",
    "Calcinosis is common in systemic sclerosis.",
    "Intraspinal calcinosis compressed the spinal cord in 12 of 41 patients with SSc.",
    "This work was funded by the National Foundation, grant number 123.",
    rank=2,
    score=0.5,
)
OTHER = record("text:other", "Skin thickening is the hallmark of systemic sclerosis.", rank=1)


def model_of(weights: dict[str, float]) -> RelevanceModel:
    return RelevanceModel(
        version="double",
        features=FEATURES,
        means=(0.0,) * len(FEATURES),
        scales=(1.0,) * len(FEATURES),
        weights=tuple(weights.get(name, 0.0) for name in FEATURES),
        intercept=-3.0,
    )


COVERAGE = model_of({"cover_sentence": 6.0})


def test_every_sentence_gets_its_role_numbers_concepts_and_features() -> None:
    read, features = read_evidence(QUESTION, [ANSWER], spot_in, Corpus(), Audience.CLINICIAN)
    (item,) = read
    assert item.grade is not None
    roles = [note.role for note in item.notes]
    assert roles[2] is SentenceRole.FUNDING
    assert item.notes[1].concepts == (SSC,) and item.notes[1].numbers
    assert [len(rows) for rows in features[0]] == [1, 1, 1]  # the whole question, once
    assert all(len(rows[0]) == len(FEATURES) for rows in features[0])


def test_the_sentence_covering_the_rare_words_of_the_question_is_the_most_relevant() -> None:
    (item,) = weigh_evidence(QUESTION, [ANSWER], spot_in, Corpus(), Audience.CLINICIAN, COVERAGE)
    relevance = [note.relevance for note in item.notes]
    assert relevance[1] == max(relevance)
    ((best, chance),) = best_sentences([item], 1)
    assert best.text.startswith("Intraspinal calcinosis") and chance == max(relevance)


def test_snippets_after_the_best_stop_below_the_floor() -> None:
    (item,) = weigh_evidence(QUESTION, [ANSWER], spot_in, Corpus(), Audience.CLINICIAN, COVERAGE)
    chances = sorted((note.relevance or 0.0 for note in item.notes), reverse=True)
    floor = (chances[0] + chances[1]) / 2  # between the best sentence and the next

    assert len(best_sentences([item], 3)) == 3
    assert [chance for _, chance in best_sentences([item], 3, floor)] == chances[:1]
    assert len(best_sentences([item], 3, 1.0)) == 1  # the best is given, whatever its chance


def test_records_re_ranked_by_their_best_sentence() -> None:
    weighed = weigh_evidence(
        QUESTION, [OTHER, ANSWER], spot_in, Corpus(), Audience.CLINICIAN, COVERAGE
    )
    hits = rank_by_evidence(weighed, weight=1.0)
    assert [hit.record_id for hit in hits] == ["text:answer", "text:other"]
    assert [hit.rank for hit in hits] == [1, 2]
    by_retrieval = rank_by_evidence(weighed, weight=0.0)
    assert [hit.record_id for hit in by_retrieval] == ["text:other", "text:answer"]


def test_a_page_asking_what_the_question_asks_makes_its_sentences_answers() -> None:
    """The page's evidence multiplies a sentence's odds, up to the answer threshold and no
    further: a sentence the model already takes as an answer keeps its relevance (and so
    the model's order), one it leaves out is raised to the threshold, one far below stays
    below; a page asking something else gains nothing."""
    page = record("medquad:page", *(s.text for s in ANSWER.sentences))
    asking = replace(page, topics=RecordTopics(page.record.id, asks_the_same=True))
    other = replace(page, topics=RecordTopics(page.record.id, asks_the_same=False))
    model = dataclasses.replace(COVERAGE, answer_threshold=0.5)
    weighed = weigh_evidence(
        QUESTION, [asking, other], spot_in, Corpus(), Audience.CLINICIAN, model
    )
    lifted, alone = ([note.relevance or 0.0 for note in item.notes] for item in weighed)
    (plain,) = weigh_evidence(QUESTION, [page], spot_in, Corpus(), Audience.CLINICIAN, model)
    assert weighed[1].notes == plain.notes
    for with_page, by_itself in zip(lifted, alone, strict=True):
        raised = with_odds_times(by_itself, PAGE_ASKS_THE_SAME)
        assert with_page == pytest.approx(max(by_itself, min(raised, 0.5)))
    # the finding, an answer already; a background line, raised to the threshold; the
    # funding line, far below, raised but still below
    assert lifted[1] == alone[1] > 0.5
    assert alone[0] < 0.5 and lifted[0] == pytest.approx(0.5)
    assert alone[2] < lifted[2] < 0.5
    assert with_odds_times(0.5, 10.0) == pytest.approx(10 / 11)


def test_rarity_is_relative_to_an_unseen_word_in_a_corpus_of_that_size() -> None:
    small, large = relative_rarity({"w": 2.0}, 10), relative_rarity({"w": 2.0}, 1_000_000)
    assert 0 < large["w"] < small["w"] <= 1


def test_a_share_in_words_is_shown_but_not_fed_to_the_model() -> None:
    """The shipped model learned from numbers in numerals: fed "one-third" as a number, it
    scored differently sentences it had scored before. The share is among the sentence's
    numbers for the page, and no number to the model."""
    worded = record("text:worded", "Calcinosis affects one-third of patients with SSc.")
    numeral = record("text:numeral", "Calcinosis affects 12 of 41 patients with SSc.")
    read, features = read_evidence(
        QUESTION, [worded, numeral], spot_in, Corpus(), Audience.CLINICIAN
    )
    assert read[0].notes[0].numbers and read[1].notes[0].numbers
    has_number = FEATURES.index("has_number")
    assert features[0][0][0][has_number] == 0.0
    assert features[1][0][0][has_number] == 1.0


APAP, VACCINES = "D000082", "D014612"
RELATION = Question(
    text="Does paracetamol make vaccines work less well?",
    concepts=(
        QuestionConcept((APAP,), "Acetaminophen", ConceptRole.INTERVENTION, "paracetamol", 5, 16),
        QuestionConcept((VACCINES,), "Vaccines", ConceptRole.INTERVENTION, "vaccines", 22, 30),
    ),
    facets=(
        Facet("paracetamol", (APAP,), answered_beside=(VACCINES,)),
        Facet("vaccines", (VACCINES,), answered_beside=(APAP,)),
    ),
    answer_kind=AnswerKind.YES_NO,
)


def spot_relation(_: Record) -> ConceptSpotter:
    def spot(text: str) -> tuple[str, ...]:
        names = {APAP: "paracetamol", VACCINES: "vaccin"}
        return tuple(i for i, name in names.items() if name in text.lower())

    return spot


def test_a_facet_of_one_concept_alone_answers_only_beside_another_of_the_question() -> None:
    """Review 18: "Does giving babies Calpol when they have their jabs make the vaccines
    work less well?" asked "vaccines" alone, and a line on vaccine advisory committees, as
    relevant to that facet as can be, led the page. Relevance to such a facet is relevance
    to the question only in a sentence naming one of the concepts it is answered beside."""
    item = record(
        "text:vaccines",
        "Advisory committees make recommendations on vaccines.",
        "Prophylactic paracetamol at vaccination lowered antibody responses to vaccines.",
    )
    _, (rows,) = read_evidence(
        RELATION, [item], spot_relation, Corpus(), Audience.CLINICIAN, facets=True
    )
    (weighed,) = weigh_evidence(
        RELATION, [item], spot_relation, Corpus(), Audience.CLINICIAN, COVERAGE
    )
    (whole_0, *facets_0), (whole_1, *facets_1) = (
        [COVERAGE.probability(values) for values in asked] for asked in rows
    )
    advisory, finding = weighed.notes
    assert advisory.facet_relevance == pytest.approx(facets_0)
    assert advisory.relevance == pytest.approx(whole_0)
    assert whole_0 < max(facets_0)  # the facet "vaccines" asked alone
    assert finding.relevance == pytest.approx(max(whole_1, *facets_1))
