"""Words no vocabulary knows are kept as keyword concepts, never dropped or mis-mapped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest

from medcite.records import ConceptRole
from medcite.understand.keywords import (
    SALIENT_IDF,
    is_everyday_english,
    keyword_concepts,
    other_cases,
    other_spellings,
    outcome_spans,
    spellings,
)

RARITY = {
    "concizumab": 9.0,
    "used": 2.2,
    "diseases": 2.1,
    "CPX351": 10.0,
    "ohnologs": 7.6,
    "safest": 8.2,
    "cohesin": 3.0,
    "biallelic": 6.5,
    "KARS1": 9.0,
    "novo": 5.0,
    "trichomegaly": 8.0,
    "Panitumumab": 8.0,
    "ve": 7.0,
    "fildena": 9.0,
    "hasn": 9.0,
    "doesn": 9.0,
}


def rarity(words: Iterable[str]) -> Mapping[str, float]:
    return {word: RARITY.get(word, RARITY.get(word.lower(), 1.0)) for word in words}


def names(
    text: str, covered: set[int] | None = None, known: frozenset[str] = frozenset()
) -> list[str]:
    return [c.name for c in keyword_concepts(text, covered or set(), known, rarity)]


def test_a_name_written_twice_is_one_keyword() -> None:
    """Review 33: "I took Paxlovid for COVID … Is that a known thing with Paxlovid?" had two
    facets "Paxlovid" and two headings under research."""
    text = "I took concizumab and felt better. Is rebound a known thing with concizumab?"
    (concept,) = keyword_concepts(text, set(), frozenset(), rarity)
    assert (concept.mention, concept.start) == ("concizumab", text.index("concizumab"))


def test_a_drug_no_vocabulary_knows_is_kept_as_a_keyword_concept() -> None:
    (concept,) = keyword_concepts(
        "Concizumab is used for which diseases?", set(), frozenset(), rarity
    )
    assert concept.role is ConceptRole.KEYWORD
    assert concept.id == "word:concizumab" and concept.name == "Concizumab"
    assert concept.vocabulary_ids == ()


def test_words_that_only_ask_are_not_keywords() -> None:
    assert names("What is the role and function of it in diseases?") == []


def test_a_rare_name_a_vocabulary_uses_only_in_longer_names_is_kept() -> None:
    """MeSH has "Nanog Homeobox Protein", not "Nanog": unmatched, the word was lost."""
    assert names("What are ohnologs?", known=frozenset({"ohnolog"})) == ["ohnologs"]


def test_a_describing_word_a_vocabulary_uses_is_left_to_it() -> None:
    """ "biallelic" only narrows a longer name; kept alone, it let a sentence on biallelic
    variants of another gene lead (BioASQ dev, gold removed)."""
    question = "List signs of patients with biallelic variants in KARS1"
    assert names(question, known=frozenset({"biallelic"})) == ["KARS1"]


def test_the_tail_of_a_contraction_is_no_keyword() -> None:
    """ "I've" is cut into "I" and "ve", rare and no English word: a LiveQA message kept it."""
    assert names("About all I've found is that fildena is not approved") == ["fildena"]


@pytest.mark.parametrize("negated", ["hasn't", "doesn’t"])
def test_the_head_of_a_negative_contraction_is_no_keyword(negated: str) -> None:
    """ "hasn't" is cut into "hasn" and "t": "… epilepsy that hasn't responded to meds"
    kept "hasn" as a keyword, a facet no record could meet (review 16)."""
    assert names(f"Does fildena help men who {negated} responded to sildenafil?") == ["fildena"]


def test_the_words_of_a_latin_phrase_are_no_keywords() -> None:
    assert names("Which disorders are caused by de novo mutations in KARS1?") == ["KARS1"]


def test_an_outcome_a_vocabulary_word_names_stays_the_outcome() -> None:
    (outcome,) = [
        c
        for c in keyword_concepts(
            "Can Panitumumab cause trichomegaly?", set(), frozenset({"trichomegaly"}), rarity
        )
        if c.name == "trichomegaly"
    ]
    assert outcome.role is ConceptRole.FINDING


def test_a_word_covered_by_a_concept_is_not_repeated() -> None:
    text = "Concizumab in hemophilia"
    assert names(text, covered=set(range(len("Concizumab")))) == []


def test_name_shaped_words_count_whatever_their_rarity() -> None:
    assert names("Which genes does ATM1 regulate?") == ["ATM1"]


def test_hyphen_joined_words_are_one_name() -> None:
    assert names("Describe SLIC-CAGE") == ["SLIC-CAGE"]


def test_rare_words_not_of_everyday_english_count() -> None:
    assert RARITY["ohnologs"] >= SALIENT_IDF > RARITY["cohesin"]
    assert names("What are ohnologs?") == ["ohnologs"]
    assert names("What does cohesin do?") == []  # not salient: common in this corpus


def test_everyday_words_are_no_keywords_however_rare_in_abstracts() -> None:
    assert RARITY["safest"] >= SALIENT_IDF
    assert names("Which antiemetic is safest?") == []


@pytest.mark.parametrize(
    ("written", "others"),
    [
        ("CPX351", ("CPX-351", "CPX 351")),
        ("CPX-351", ("CPX351",)),
        ("IL6", ("IL-6", "IL 6")),
        ("pembrolizumab", ()),
        ("SLIC-CAGE", ()),
    ],
)
def test_letter_digit_names_are_searched_in_their_other_spellings(
    written: str, others: tuple[str, ...]
) -> None:
    assert spellings(written) == others


def test_a_name_is_kept_even_where_a_vocabulary_uses_it_in_a_longer_term() -> None:
    assert names("What does SAMHD1 do?", known=frozenset({"samhd1"})) == ["SAMHD1"]


def test_a_hyphenated_name_is_kept_whole_where_a_concept_covers_a_part() -> None:
    text = "What is GLS-5700?"
    assert names(text, covered=set(range(text.index("GLS"), text.index("GLS") + 3))) == ["GLS-5700"]


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("Which gene is mutated in Fanconi anemia subtype FA-N?", ["FA-N"]),
        ("Which gene causes FA-D1?", ["FA-D1"]),
        ("Is the FA-pathway involved?", []),  # a word, not a code
    ],
)
def test_a_subtype_s_code_is_kept_though_its_first_part_abbreviates_the_disease(
    question: str, kept: list[str]
) -> None:
    """Review 13: "Which gene is mutated in Fanconi anemia subtype FA-N?" lost "FA-N", its
    "FA" read as Fanconi anemia and "N" no name, and was led by the gene of FA-D1."""
    fa = question.find("FA")
    assert names(question, covered=set(range(fa, fa + 2))) == kept


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("How much vitamin D keeps 25(OH)D above 50 nmol/L?", ["25(OH)D"]),
        ("By how much does concizumab lower Lp(a)?", ["concizumab", "Lp(a)"]),
        ("Is 10 mg of CPX351 enough?", ["CPX351"]),
        ("Do 20 CPX351 doses suffice?", ["20", "CPX351"]),  # a name, not a unit
        ("Does EGFR exon 19 deletion respond to erlotinib?", ["EGFR", "19", "erlotinib"]),
        ("What did the phase 3 trial of CPX351 show?", ["CPX351"]),
        ("Which were the first 2 PD-1 inhibitors?", ["PD-1"]),  # an acronym is no unit
        ("Is Ki-67 a prognostic biomarker?", ["Ki-67"]),  # nor is a function word
        ("Has CPX351 use changed from 2002 to 2007?", ["CPX351", "2002", "2007"]),
        ("Please summarize spongiform encephalopathy(FSE", ["FSE"]),  # a missing space
    ],
)
def test_a_name_written_with_brackets_is_one_keyword_and_a_quantity_none(
    question: str, kept: list[str]
) -> None:
    """An analyte written with brackets is one name; a number with its unit ("50 nmol",
    "10 mg") names nothing a question is about (a hand review found "25", "OH", "50" and
    "nmol" made facets of their own, each reported as a gap); a number that names stays."""
    assert names(question) == kept


def test_a_name_written_with_brackets_is_not_kept_where_a_concept_covers_it() -> None:
    text = "Does Lp(a) predict stroke?"
    assert names(text, covered=set(range(text.index("Lp"), text.index("Lp") + 5))) == []


VOCABULARY_WORDS = frozenset(
    {"cardiovascular", "event", "fracture", "clinical", "fungal", "post", "spasticity"}
)


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        (
            "Does metformin reduce cardiovascular events in type 2 diabetes?",
            "cardiovascular events",
        ),
        ("Does vitamin D prevent fractures in older adults?", "fractures"),
        ("Does vitamin D reduce the risk of fractures?", "fractures"),  # the measure skipped
        ("Do statins improve clinical outcome after stroke?", None),  # judged, not named
        ("Does terbinafine prevent fungal pneumonia?", None),  # only qualifies a concept
        ("Do antibiotics decrease post-tonsillectomy pain?", None),  # part of a hyphenated word
        ("Does reducing spasticity translate into function?", None),  # runs into a verb
        ("Is 5-alpha reductase raised in fractures?", None),  # no verb of effect
    ],
)
def test_the_outcome_a_verb_of_effect_names_is_kept_even_in_everyday_words(
    question: str, outcome: str | None
) -> None:
    """ "Does metformin reduce cardiovascular events …?" (a hand review): everyday words,
    so no keyword, and the question became "metformin in type 2 diabetes"."""
    pneumonia = question.find("pneumonia")
    covered = set(range(pneumonia, pneumonia + 9)) if pneumonia >= 0 else set()
    found = [
        c.name
        for c in keyword_concepts(question, covered, VOCABULARY_WORDS, rarity)
        if c.role is ConceptRole.FINDING
    ]
    assert found == ([outcome] if outcome else [])


@pytest.mark.parametrize(
    ("question", "known", "agent"),
    [
        ("Does prone positioning reduce mortality in ARDS?", "", "prone positioning"),
        ("Does daily aspirin prevent adenomas?", "aspirin", None),  # the vocabulary knew it
        ("Does prone positioning in ARDS reduce mortality?", "", None),  # not only the agent
        ("Is prone positioning safe in ARDS?", "", None),  # no verb of effect
    ],
)
def test_what_a_question_asks_may_have_an_effect_is_kept_in_its_words(
    question: str, known: str, agent: str | None
) -> None:
    """ "Does prone positioning reduce mortality in ARDS?" (a hand review): MeSH has "Prone
    Position", so the question lost what it asks about and became "mortality in ARDS"."""
    covered = {
        i
        for word in (known, "ARDS")
        if word and (at := question.find(word)) >= 0
        for i in range(at, at + len(word))
    }
    words = frozenset({"prone", "positioning", "daily", "mortality"})
    found = [
        c.name
        for c in keyword_concepts(question, covered, words, rarity)
        if c.role is ConceptRole.KEYWORD
    ]
    assert found == ([agent] if agent else [])


@pytest.mark.parametrize(
    "question",
    [
        "Does TXA improve 90-day functional outcome?",
        "Should aspirin start at 12 weeks in pregnancy?",
        "Does surgery within 48 h of a hip fracture help?",
    ],
)
def test_a_span_of_time_is_a_quantity_not_a_keyword(question: str) -> None:
    """A hand review found "90-day", "12" and "48" made facets no record could meet."""
    assert not any(any(c.isdigit() for c in name) for name in names(question))


@pytest.mark.parametrize(
    "question",
    [
        "How did thalidomide cause birth defects back in the 1960s?",
        "Were statins prescribed less in the 90s?",
    ],
)
def test_a_decade_is_no_keyword(question: str) -> None:
    """Review 31: "… birth defects in babies back in the 1960s?" had a gap saying no
    record answered on "1960s"."""
    assert not any(any(c.isdigit() for c in name) for name in names(question))


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("My mum is 70 and her GP offered her the shingles jab. Is it safe?", False),
        ("My dad turned 82 this year. Should he still take aspirin?", False),
        ("Is 70 too old for a knee replacement?", True),  # what it asks of
    ],
)
def test_an_age_the_asker_tells_is_no_keyword(question: str, kept: bool) -> None:
    """Review 40: "My mum is 70 and her GP offered her the shingles jab. …" had "70" as a
    facet, and a gap saying no record answered on it."""
    assert any(any(c.isdigit() for c in name) for name in names(question)) is kept


@pytest.mark.parametrize(
    ("question", "spans"),
    [
        ("Does ticagrelor reduce periprocedural MI in PCI?", ["periprocedural MI"]),
        (
            "Does dexamethasone increase post-tonsillectomy bleeding?",
            ["post-tonsillectomy bleeding"],
        ),
        ("Does sun exposure increase the risk of melanoma?", ["melanoma"]),
        ("Is dexamethasone safe in children?", []),
        # whose risk it is, and which, belong to the measure (a hand reading)
        ("Does pre-eclampsia increase the mother's later risk of cancer?", ["cancer"]),
        ("Does HRT raise the lifetime risk of breast cancer?", ["breast cancer"]),
        # verbs of relief name what they change too (review 15: the baclofen page quoted
        # reviews of cramps under "Does baclofen stop persistent hiccups?")
        ("Does baclofen stop persistent hiccups?", ["persistent hiccups"]),
        ("Does honey relieve cough in children?", ["cough"]),
        ("Does nitroglycerin heal chronic anal fissures?", ["chronic anal fissures"]),
        # a phrasal verb's adverb is no outcome (review 19: "cuts down" asked about "down")
        ("If a heavy smoker cuts down by half, does their risk go down?", []),
        ("Does cutting back salt reduce stroke?", ["stroke"]),
        # the need for a treatment is a measure of it (review 20: "need" was the outcome)
        ("Does BiPAP reduce the need for intubation in pneumonia?", ["intubation"]),
        # an outcome joined by "and" or "or" is one too (review 25), a verb of effect not
        (
            "Is BiPAP better than CPAP for reducing mortality or intubation?",
            ["mortality", "intubation"],
        ),
        ("Does exercise reduce depression and anxiety in older adults?", ["depression", "anxiety"]),
        ("Does yoga reduce pain and improve function?", ["pain", "function"]),
        ("Does aspirin reduce mortality in men and women?", ["mortality"]),
        # a verb that is the outcome itself, as people ask it (review 27)
        ("Does filtering the blood help people who drink paraquat survive?", ["survive"]),
        ("Does exercise help people with heart failure live longer?", ["live longer"]),
        ("Do more people survive cardiac arrest when given adrenaline?", ["survive"]),
        # what something makes people have (review 29)
        ("Can a strep infection make my child suddenly start having OCD or tics?", ["OCD", "tics"]),
        ("Does coffee make you get headaches?", ["headaches"]),
        ("Does coffee make you tired?", []),
    ],
)
def test_the_outcome_stands_from_the_verb_to_the_end_of_its_noun_phrase(
    question: str, spans: list[str]
) -> None:
    """Every concept there names the outcome: read as "periprocedural" alone (a hand review),
    "… reduce periprocedural MI?" was settled only by sentences with that very word."""
    assert [question[a:b] for a, b in outcome_spans(question)] == spans


@pytest.mark.parametrize("word", ["visualising", "analysing", "organisation"])
def test_a_british_spelling_of_an_everyday_word_is_everyday(word: str) -> None:
    """The word list is American: "visualising" and "analysing" were kept as names no
    vocabulary knows (BioASQ dev), and made facets no record could meet."""
    assert is_everyday_english(word)
    assert names(f"Which tools exist for {word} promoters?") == []


def test_a_name_is_searched_in_british_and_american_spelling() -> None:
    assert other_spellings("metabolisers") == ("metabolizers",)
    assert other_spellings("metabolizers") == ("metabolisers",)
    assert other_spellings("chlorotoxin") == ()
    assert other_spellings("CYP2C19") == ()
    assert other_spellings("programmes") == ("programs",)


def test_a_british_programme_is_everyday() -> None:
    """ "a proper exercise programme" (review 32): kept as a name no vocabulary knows, it
    was the question's subject, and only the methods lines naming it might lead."""
    assert is_everyday_english("programme")
    assert names("Can a proper exercise programme help me avoid the operation?") == []


def test_a_gene_in_capitals_is_searched_in_other_species_case_too() -> None:
    """ "HYDIN" in a question, "hydin" in the abstract that answers it (BioASQ dev)."""
    assert other_cases("HYDIN") == ("Hydin",)
    assert other_cases("SIRT1") == ("Sirt1",)
    assert other_cases("MAX") == ()  # too short: the word "max"
    assert other_cases("CLOCK") == ()  # a word of English
    (concept,) = keyword_concepts("Is HYDIN an axonemal protein?", set(), frozenset(), rarity)
    assert "Hydin" in concept.synonyms


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("List Mcl-1 inhibitors.", ["Mcl-1"]),
        ("Is Bcl-2 overexpressed?", ["Bcl-2"]),
        ("What did the phase-3 trial show?", []),  # an English word numbered
        ("Was the 90-day mortality lower?", []),  # a quantity
    ],
)
def test_a_word_numbered_after_a_hyphen_is_a_name(question: str, kept: list[str]) -> None:
    """ "List Mcl-1 inhibitors." had no concept at all (BioASQ dev): neither "Mcl" nor "1"
    looks like a name alone."""
    assert names(question) == kept
