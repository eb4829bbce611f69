"""Understand a question: its concepts and their roles, its kinds, and its facets.

Concepts are found by the dictionary matcher (words in any order, abbreviations the
question defines); an abbreviation it does not define gets the sense the corpus and the
other words support (``senses``). Each concept takes a role from its place in MeSH, and
brings the names retrieval will look for: synonyms, abbreviations (the vocabulary's and
those the corpus uses for it), narrower descriptors. The facets are the parts an answer
must cover: each body system, population, intervention or finding asked about, seen
through the test or imaging asked for ("CNS × MRI", "PNS × MRI"), and each kind of
question named on its own ("… and diagnosis").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from msgspec.structs import replace

from medcite.records import (
    TREATING_ROLES,
    AbbreviationSense,
    Concept,
    ConceptMention,
    ConceptRole,
    Facet,
    Question,
    QuestionConcept,
    QuestionType,
    conditions_taken_for,
)
from medcite.understand.abbreviations import (
    Definition,
    find_definitions,
    is_brand_shaped,
    looks_abbreviated,
    shortens,
)
from medcite.understand.adjectives import PEOPLE, described_concepts
from medcite.understand.alternatives import alternatives
from medcite.understand.eponyms import eponym_concepts
from medcite.understand.keywords import (
    Rarity,
    effect_measures,
    effect_verb_starts,
    is_everyday_english,
    keyword_concepts,
    outcome_spans,
)
from medcite.understand.kinds import (
    CUES,
    answer_cues,
    answer_kind,
    asked_status,
    asks_accuracy,
    asks_dose,
    asks_effect,
    asks_of_it,
    asks_what_drug_that_is,
    asks_what_it_does,
    asks_what_that_is,
    asks_written_out,
    diagnosis_as_a_time,
    facet_kinds,
    names_complications_only,
    question_types,
    refers_back,
    what_it_is,
    without_narrative,
)
from medcite.understand.lexicon import Lexicon, is_written_short_form, reading_order
from medcite.understand.matcher import concepts_of_phrase, find_mentions
from medcite.understand.roles import (
    GENERIC_CONCEPTS,
    QUESTION_TYPE_CONCEPTS,
    TREE_HEADINGS,
    concept_role,
    is_disease,
    is_within,
    own_trees,
    placing_trees,
)
from medcite.understand.senses import ContextFit, choose_sense
from medcite.understand.topics import disease_words
from medcite.understand.wording import named_as_research_writes
from medcite.words import is_content_word, looks_like_a_name, term_key, tokenize

MAX_SYNONYMS = 12
DYING = ("mortality", "death", "deaths", "died", "die", "dies", "dying", "fatal", "fatality")
"""How a study writes the deaths a question asks about: the vocabularies keep Death and
Mortality apart, and neither lists a verb. "Does repeated-dose activated charcoal reduce
deaths after pesticide self-poisoning?" cited nothing, though the trial's results say "97
(6.3%) of 1531 participants in the multiple-dose group died, compared with 105 (6.8%) …"
and its findings "Mortality did not differ between the groups." (review 13)."""
EVERYDAY_NAMES: dict[str, tuple[str, ...]] = {
    "D003643": DYING,  # Death
    "D009026": DYING,  # Mortality
    # urology's own terms for the enlarged gland and the obstruction it causes (the
    # International Continence Society's BPE and BPO beside BPH): a trial of laser
    # vaporesection against TURP "for men with … benign prostatic obstruction" never says
    # hyperplasia, and "Is laser surgery for an enlarged prostate as good as … TURP?"
    # refused (review 28)
    "D011470": ("benign prostatic obstruction", "benign prostatic enlargement"),
    # what causing birth defects is called: the records on how thalidomide does write
    # "thalidomide teratogenicity", and "How did thalidomide cause the birth defects …?"
    # refused (review 31)
    "D000013": ("teratogenicity", "teratogenic effects"),  # Congenital Abnormalities
}
"""Names a concept goes by in what records write that no vocabulary lists for it."""
MAX_NARROWER = 40
MAX_NARROWER_NAMES = 8
MAX_RELATED = 8
ASPECT_ROLES = (
    ConceptRole.ORGANISM,
    ConceptRole.BODY_SYSTEM,
    ConceptRole.POPULATION,
    ConceptRole.INTERVENTION,
    ConceptRole.FINDING,
    ConceptRole.KEYWORD,
)
LENS_ROLES = (ConceptRole.IMAGING, ConceptRole.TEST)
INHERITED_ROLES = (ConceptRole.CONDITION, ConceptRole.ORGANISM, ConceptRole.POPULATION)
NOT_CLINICAL_TREES = ("B01", "B02", "B05", "A13")
"""MeSH's animals, plants, fungi and archaea, and animal structures: senses only a
question about organisms can mean ("PSC" as a fruit fly's sex combs). Bacteria (B03)
and viruses (B04) are not among them: a clinician writes "HIV", "HPV" or "MRSA" for the
pathogen in a question about nothing else, and "Is HIV curable?" left the virus out."""


class ConceptSource(Protocol):
    """Concepts by id and what lies below them (the vocabulary store)."""

    def get_many(self, concept_ids: Iterable[str]) -> dict[str, Concept]: ...

    def narrower(self, concept: Concept, limit: int = 200) -> tuple[str, ...]: ...

    def concept_by_tree_number(self, tree_number: str) -> str | None: ...


class SenseSource(Protocol):
    """The corpus's table of abbreviation definitions (the document store)."""

    def abbreviation_senses(self, short_form: str) -> tuple[AbbreviationSense, ...]: ...

    def abbreviations_of(self, long_keys: Iterable[str]) -> tuple[AbbreviationSense, ...]: ...


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What understanding draws on: the lexicon, the concepts, the corpus's abbreviations,
    and how rare words are in the corpus."""

    lexicon: Lexicon
    concepts: ConceptSource
    senses: SenseSource | None = None
    context_fit: ContextFit | None = None
    rarity: Rarity | None = None


def understand_question(
    text: str, knowledge: Knowledge, previous: Question | None = None
) -> Question:
    """The question as medcite reads it; ``previous`` is the conversation's last question."""
    notes: list[str] = []
    senses: dict[str, tuple[str, ...]] = {}
    spelled_out: dict[str, str] = {}
    definitions = find_definitions(text)
    mentions = _mentions(text, definitions, knowledge, notes, senses, spelled_out)
    types = list(question_types(text))
    spans = outcome_spans(text)
    agents_at = _agent_ends(text)
    concepts = [
        replace(c, other_senses=senses.get(c.abbreviation, ()))
        for c in _question_concepts(text, mentions, knowledge, types, spans, agents_at)
    ]
    concepts = _without_headings_of_others(text, concepts)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    keywords = keyword_concepts(text, covered, knowledge.lexicon.words, knowledge.rarity)
    keywords = _defined_by_the_question(definitions, _not_short_forms_of(keywords, concepts))
    concepts += _spelled_out(keywords, spelled_out)
    concepts = _without_excluded(text, concepts, notes)
    concepts = _without_appositions(text, concepts)
    told = _told(text)
    concepts = _without_the_asker_s_people(text, concepts, told)
    concepts = _without_dosage_forms(text, concepts)
    concepts = _without_what_a_disease_resists(text, concepts)
    concepts = _without_the_answer_s_kind(text, concepts)
    concepts = named_as_research_writes(concepts, knowledge.rarity)
    pointed = _pointed_back_to(text, concepts, told)
    subject = _subject_told_of(text, concepts, told, types)
    condition = _condition_told_of(text, concepts, told, types)
    if pointed is not None:
        concepts = [pointed]
    elif subject is not None:
        concepts = _asked_of_the_subject(text, concepts, told, subject)
    elif condition is not None:
        concepts = [c for c in concepts if c is condition or c.start >= told]
    elif told:
        taken_for = _what_a_treatment_is_taken_for(text, concepts, told)
        concepts = [c for c in concepts if c not in taken_for or c.named_after(text, told)]
    asked_what = what_it_is(text)
    defining = bool(told and asked_what)
    if defining and not (pointed or subject or condition):
        concepts = _named_in_the_question_proper(text, concepts, told)
    if previous is not None:
        concepts = _inherit(concepts, previous, notes)
    if not concepts:
        notes.append("No medical concept was recognised; the words were searched as written.")
    kinds = tuple(dict.fromkeys(types))
    if _asks_complications_of_a_disease(text, concepts):
        kinds = tuple(
            dict.fromkeys(
                QuestionType.PRESENTATION if k is QuestionType.ADVERSE_EFFECTS else k for k in kinds
            )
        )
    offered = alternatives(text, concepts)
    return Question(
        text=text,
        concepts=tuple(concepts),
        types=kinds,
        facets=build_facets(text, tuple(concepts), kinds, spans),
        notes=tuple(notes),
        answer_kind=answer_kind(text),
        status_cues=asked_status(text),
        outcomes=_outcomes(concepts, spans, offered),
        effect_asked=asks_effect(text),
        accuracy_asked=asks_accuracy(text),
        dose_asked=asks_dose(text),
        defined=pointed.mention if pointed else asked_what,
        written_out=asks_written_out(text),
        alternatives=offered,
        told=told,
        told_terms=()
        if pointed or subject or condition or defining
        else _told_terms(text, concepts, told),
    )


def _outcomes(
    concepts: Sequence[QuestionConcept],
    spans: Sequence[tuple[int, int]],
    offered: Sequence[tuple[str, ...]],
) -> tuple[str, ...]:
    """The concept that heads each outcome's noun phrase: its last ("periprocedural *MI*",
    "post-tonsillectomy *bleeding*"). What comes before qualifies it, and may be a cause:
    "antibiotic-associated *diarrhea*" asks about diarrhea, not antibiotics. A concept
    named by its adjective (``by_adjective``) heads none: "improve *renal* outcomes" asks
    about outcomes, and a sentence on eGFR decline states one without the word "renal".
    The alternatives ``offered`` with a head are outcomes too: "… increase the risk of *MI
    or stroke*?" is settled by a finding on either."""
    heads = []
    for start, end in spans:
        inside = [c for c in concepts if start <= c.start < end and not c.by_adjective]
        if inside:
            heads.append(max(inside, key=lambda c: c.start).id)
    heads += [i for group in offered if set(group) & set(heads) for i in group]
    return tuple(dict.fromkeys(heads))


def _mentions(
    text: str,
    definitions: Sequence[Definition],
    knowledge: Knowledge,
    notes: list[str],
    senses: dict[str, tuple[str, ...]],
    spelled_out: dict[str, str],
) -> list[ConceptMention]:
    """Mentions of the question, adding the chosen senses of undefined abbreviations.

    An abbreviation whose sense stayed unsure gets a note, and its other senses are
    kept in ``senses`` (short form → long forms not chosen) for the answer to offer. A
    sense no vocabulary names is kept in ``spelled_out`` (short form → long form): the
    abbreviation stays a name of its own, searched also as the corpus spells it out.
    A short form the question defines itself ("an incidental durotomy (ID)") means what
    the question says, even where no vocabulary knows that long form: the corpus's
    senses (intellectual disability) are not asked.
    """
    shouted = _shouted(text)
    mentions = [
        m
        for m in find_mentions(text, knowledge.lexicon, word_order=True)
        if (shouted or not _acronym_read_as_a_word(m, knowledge.lexicon))
        and not _back_not_the_body_part(text, m)
        and not _a_function_coming_back(text, m)
    ]
    mentions += described_concepts(text, mentions, knowledge.lexicon)
    mentions += eponym_concepts(text, mentions, knowledge.lexicon)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    defined = {definition.short_form for definition in definitions}
    context = [t.text for t in tokenize(text) if is_content_word(t.key) and len(t.key) > 2]
    about_organisms = any(
        is_within(knowledge.lexicon.trees.get(i, ()), NOT_CLINICAL_TREES)
        for m in mentions
        for i in m.concept_ids
    )
    for token in tokenize(text):
        if (
            token.start in covered
            or token.text in defined
            or not (looks_abbreviated(token.text) or _looks_like_a_brand(token.text))
            or (shouted and is_everyday_english(token.text))
            or _numbered(text, token.start, token.end)
            or _inside_a_name(text, token.start, token.end)
        ):
            continue
        mention = _resolve_short_form(
            token.text,
            token.start,
            knowledge,
            context,
            notes,
            senses,
            spelled_out,
            about_organisms=about_organisms,
            issuer=_names_issuer(text, token.end),
        )
        if mention is not None:
            mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


_EXCLUDED_BEFORE = re.compile(
    rf"\b{PEOPLE}\s+(?:(?:who\s+are|who\s+have|with\s+no)\s+)?"
    r"(?:without|free of|excluding|with no history of|with no)\s+"
    r"(?:(?:a|an|any|the|known|established|prior|previous|pre-?existing|history of)\s+)*$",
    re.IGNORECASE,
)
"""People described by what they do not have ("HFrEF patients without diabetes", "adults
free of known cardiovascular disease"); not a disease's own subtype ("proliferative breast
disease without atypia"), and not "with and without", which excludes nothing."""


_WHICH_OPENING = re.compile(r"^\s*which\s+", re.IGNORECASE)
ANSWER_KIND_ROLES = (ConceptRole.INTERVENTION, ConceptRole.FINDING)
"""Roles of the generic nouns a "which" question opens with: "Which *gene* …", "Which
*protein* …", "Which *drugs* …" (MeSH's Genes, Proteins, Pharmaceutical Preparations)."""
DRUG_CLASS_TREES = ("D27",)
"""MeSH's drugs by what they do ("Pharmacologic Actions"): a class of drugs a "which"
question opens with ("Which *statin* …", "Which *NSAID* …") says which drugs it asks
about, and stays."""


def _not_short_forms_of(
    keywords: Sequence[QuestionConcept], concepts: Sequence[QuestionConcept]
) -> list[QuestionConcept]:
    """The keywords but those that are a short form of a concept the question names: in
    "What is the multisystem inflammatory syndrome in children (MIS-C) …?" the syndrome is
    named twice, and "MIS-C" kept as a name no vocabulary knows as well (BioASQ train) was a
    facet and a subject of its own that no sentence met, since a text's "MIS-C" counts for
    the syndrome, not for the keyword."""
    short_forms = {a for concept in concepts for a in concept.abbreviations}
    return [keyword for keyword in keywords if keyword.mention not in short_forms]


def _defined_by_the_question(
    definitions: Sequence[Definition], keywords: Sequence[QuestionConcept]
) -> list[QuestionConcept]:
    """The keywords, one the question defines as another's short form or brand folded into
    it: "Can a single shot of Beyfortus (nirsevimab) keep premature babies out of
    hospital with RSV?" asks about one drug, and kept as two names, the brand was a facet
    of its own that the trial, which never prints it, could not meet (review 17)."""
    by_mention = {keyword.mention: keyword for keyword in keywords}
    folded: dict[str, str] = {}  # short form → the long form's mention
    for definition in definitions:
        if definition.short_form in by_mention and definition.long_form in by_mention:
            folded[definition.short_form] = definition.long_form
    if not folded:
        return list(keywords)
    return [
        replace(
            keyword,
            synonyms=(
                *keyword.synonyms,
                *(short for short, long in folded.items() if long == keyword.mention),
            ),
        )
        for keyword in keywords
        if keyword.mention not in folded
    ]


def _spelled_out(
    keywords: Sequence[QuestionConcept], spelled_out: Mapping[str, str]
) -> list[QuestionConcept]:
    """The keywords, an abbreviation among them also named as the corpus spells it out.

    "Does HES increase bleeding after CPB compared with albumin?": the corpus defines HES
    as hydroxyethyl starch, which MeSH names only "Hydroxyethyl Starch Derivatives", so no
    concept took the sense and "HES" was searched and met as written. Records writing
    "hydroxyethyl starch" never met it, and the page said no record answered while its
    research quoted one (review 11).
    """
    return [
        replace(keyword, synonyms=(long_form, *keyword.synonyms))
        if (long_form := spelled_out.get(keyword.mention)) and long_form not in keyword.synonyms
        else keyword
        for keyword in keywords
    ]


def _without_the_answer_s_kind(text: str, concepts: list[QuestionConcept]) -> list[QuestionConcept]:
    """The concepts but the noun a "which" question opens with, when it says what kind of
    thing the answer is: "Which *gene* is mutated in Wilson's disease?" asks for a gene's
    name, and a sentence answering names ATP7B, seldom the word "gene". Kept as a facet,
    the answer was a gap that said no record spoke to "gene" (a hand review), and every
    sentence without the word weighed less. A disease, an organism, a body part, a test, a
    population, a class of drugs or a name no vocabulary knows there narrows the answer
    instead ("Which *cancer* can be treated with darolutamide?", "Which *NSAID* carries the
    highest risk …?"), and is kept.
    """
    opening = _WHICH_OPENING.match(text)
    if opening is None:
        return concepts
    return [
        c
        for c in concepts
        if c.start != opening.end()
        or c.role not in ANSWER_KIND_ROLES
        or is_within(c.tree_numbers, DRUG_CLASS_TREES)
    ]


def _without_excluded(
    text: str, concepts: list[QuestionConcept], notes: list[str]
) -> list[QuestionConcept]:
    """The concepts but those the question excludes ("HFrEF patients *without diabetes*").

    Such a concept says who is left out, not what the question is about: read as its
    condition or a facet, it would draw the answer to the very records the question sets
    aside.
    """
    kept: list[QuestionConcept] = []
    for concept in concepts:
        if _EXCLUDED_BEFORE.search(text, 0, concept.start):
            notes.append(
                f"{concept.mention} is what the question leaves out, so it was not searched "
                "for; the answer's studies may include such people."
            )
        elif negated := _NEGATING_PREFIX.search(text, 0, concept.start):
            notes.append(
                f"{concept.mention} is what the question leaves out "
                f'("{text[negated.start() : concept.end]}"), so it was not searched for.'
            )
        else:
            kept.append(concept)
    return kept


def _without_appositions(text: str, concepts: list[QuestionConcept]) -> list[QuestionConcept]:
    """The concepts but a class of drugs (MeSH's pharmacologic actions, ``DRUG_CLASS_TREES``)
    named right beside a treatment, nothing between, which it only says the kind of
    ("paraquat weed killer", "the antibiotic azithromycin"). "If someone drinks paraquat
    weed killer, …" read herbicides as a second treatment asked, a facet of its own, and
    the page was led by "Paraquat is an effective and widely used herbicide but is also a
    lethal poison." (review 27's question, asked again once "weed killer" named
    herbicides)."""
    treatments = sorted(
        (c for c in concepts if c.role is ConceptRole.INTERVENTION), key=lambda c: c.start
    )
    kinds: set[int] = set()
    for first, second in pairwise(treatments):
        if first.end < second.start and not text[first.end : second.start].strip():
            classes = [c for c in (first, second) if is_within(c.tree_numbers, DRUG_CLASS_TREES)]
            if len(classes) == 1:
                kinds.add(id(classes[0]))
    return [c for c in concepts if id(c) not in kinds]


FAMILY_TREES = ("F01.829.263",)
"""MeSH's Family: the son, daughter, husband or mother a person asks for."""
CARER_TREES = ("M01.526.485",)
"""MeSH's Health Personnel: the surgeon or doctor who advised the person asking."""
_POSSESSIVE_BEFORE = re.compile(
    r"\b(?:my|our|his|her|their|your)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
"""A possessive a few words before a mention: "my husband", "our 14-year-old son"."""


_FIRST_PERSON = re.compile(r"\b(?:(?i:I|I'[a-z]+|me|my|we|our)|us)\b")
"""How a person telling of themselves or their own writes: "I've had …", "My husband …";
"us" in small letters only, not the US."""


def _told(text: str) -> int:
    """How many characters of ``text`` the asker tells of themselves or their own before
    asking (``without_narrative``, with a word in the first person, ``_FIRST_PERSON``).
    A title's topic before its question ("Cholecystectomy in the elderly: is it safe?") is
    no story: scored by its concepts alone, PubMedQA's questions found their own abstract
    first less often (report split, recall@1 0.958 -> 0.942)."""
    story = text[: len(text) - len(without_narrative(text))]
    return len(story) if _FIRST_PERSON.search(story) else 0


def _pointed_back_to(
    text: str, concepts: Sequence[QuestionConcept], told: int
) -> QuestionConcept | None:
    """What a question asking "What is that?" of the asker's story (``asks_what_that_is``)
    asks about: the last concept the story names, what "that" points back to; None for
    another question. The question is then "What is X?" of that alone: "My sister keeps
    having attacks where her legs go weak … The neurologist says it's functional
    neurological disorder. What is that?" asked about her legs too, scored no sentence
    saying what the disorder is above 0.15, and refused (review 35). Not the last
    condition: "My granddaughter has cystic fibrosis and her specialist has just started
    her on Orkambi. What is that?" asks what the drug is (review 36). Asked what kind of
    drug it is, the last treatment: "… start him on Lonsurf tablets for his bowel cancer.
    What kind of drug is it?" asks of Lonsurf (review 37)."""
    if not told or not asks_what_that_is(text):
        return None
    named = [c for c in concepts if c.start < told]
    if asks_what_drug_that_is(text):
        named = [c for c in named if c.role in TREATING_ROLES]
    return max(named, key=lambda c: c.start, default=None)


TREATMENT_KINDS = (QuestionType.ADVERSE_EFFECTS, QuestionType.MECHANISM)
"""Kinds of question asked of what a treatment does ("What side effects might it give
me?", "How does it work?")."""
CONDITION_KINDS = (
    QuestionType.ETIOLOGY,
    QuestionType.EPIDEMIOLOGY,
    QuestionType.PROGNOSIS,
    QuestionType.DIAGNOSIS,
    QuestionType.PRESENTATION,
    QuestionType.TREATMENT,
)
"""Kinds of question asked of a condition ("What causes it?", "How is it treated?")."""


def _subject_told_of(
    text: str, concepts: Sequence[QuestionConcept], told: int, types: Sequence[QuestionType]
) -> QuestionConcept | None:
    """What a question asking what "it" does asks about, where "it" points back to the
    asker's story: a yes/no question whose subject it is (``asks_of_it``), or one asking
    a treatment's harms, workings (``TREATMENT_KINDS``) or dose. It is the last treatment
    the story names ("… one of the drugs is bleomycin. Can *it* damage his lungs?"); None
    where the question proper names a treatment itself ("Is it safe to take ibuprofen
    …?", "… Is that a known thing with Paxlovid?") or the story names none."""
    asks_what_it_does = refers_back(text) and (
        any(t in TREATMENT_KINDS for t in types) or asks_dose(text)
    )
    if not told or not (asks_of_it(text) or asks_what_it_does):
        return None
    treatments = [c for c in concepts if c.role in TREATING_ROLES]
    if any(c.named_after(text, told) for c in treatments):
        return None
    taken_for = _what_a_treatment_is_taken_for(text, treatments, told)
    return max((c for c in treatments if c not in taken_for), key=lambda c: c.start, default=None)


_TAKEN_FOR = re.compile(
    r"\bfor\s+(?:(?:his|her|my|their|your|its|the)\s+)?(?:(?:high|low|raised|elevated)\s+)?$",
    re.IGNORECASE,
)
"""What a treatment is taken for, written just before its name: "… for his *cholesterol*"."""


def _what_a_treatment_is_taken_for(
    text: str, concepts: Sequence[QuestionConcept], told: int
) -> list[QuestionConcept]:
    """The treating concepts (by role) the story names as what a treatment it named before
    is taken for: "My dad takes atorvastatin for his *cholesterol*. Can it cause muscle
    pain?" asks of atorvastatin, not of the cholesterol it lowers (a chemical, so read as
    a treatment; the page asked of cholesterol and refused), and "My dad takes a statin
    for his *cholesterol* and his doctor has now added gemfibrozil. Can the combination
    damage his muscles?" of the two drugs and muscle (review 40: cholesterol was a facet
    and a gap of its own)."""
    treatments = [c for c in concepts if c.role in TREATING_ROLES]
    first = min((c.start for c in treatments), default=told)
    return [
        c
        for c in treatments
        if first < c.start < told and _TAKEN_FOR.search(text, max(0, c.start - 40), c.start)
    ]


def _condition_told_of(
    text: str, concepts: Sequence[QuestionConcept], told: int, types: Sequence[QuestionType]
) -> QuestionConcept | None:
    """What a question asking of "it" the kinds asked of a condition (``CONDITION_KINDS``)
    asks about, where the question proper names no condition: the last condition the
    asker's story names, the question then asked of it alone. "My mum's eyelids have
    started drooping and she chokes on her food, and the neurologist says it is
    oculopharyngeal muscular dystrophy. What causes it?" asked of eyelids and food too,
    required a record to name food, and refused (review 37)."""
    if not told or not refers_back(text) or not any(t in CONDITION_KINDS for t in types):
        return None
    if any(c.role is ConceptRole.CONDITION and c.start >= told for c in concepts):
        return None
    conditions = [c for c in concepts if c.role is ConceptRole.CONDITION and c.start < told]
    return max(conditions, key=lambda c: c.start, default=None)


def _asked_of_the_subject(
    text: str, concepts: Sequence[QuestionConcept], told: int, subject: QuestionConcept
) -> list[QuestionConcept]:
    """The concepts of a question asked of one treatment of the asker's story (``subject``)
    but the story's other treatments and the conditions they are taken for
    (``conditions_taken_for``): the course it belongs to and what that treats say why it
    is given, not what is asked of it. Scored against "My son is having *chemo* for
    *testicular cancer* and one of the drugs is bleomycin. Can it damage his lungs?", the
    sentences on bleomycin's lung toxicity that answer it weighed 0.03 to 0.29, and the
    page refused (review 36); asked of bleomycin and the lungs alone, 0.88 to 0.91. What
    the asker has (a condition named first), and who it is for, stay."""
    taken_for = conditions_taken_for(text, concepts, told)
    return [
        c
        for c in concepts
        if c is subject or c.start >= told or not (c.role in TREATING_ROLES or c in taken_for)
    ]


def _named_in_the_question_proper(
    text: str, concepts: Sequence[QuestionConcept], told: int
) -> list[QuestionConcept]:
    """The concepts of a question asking what something is after the asker's story that
    the question proper names ("… started him on Lonsurf tablets for his bowel cancer.
    What is *Lonsurf*?"): the story says why it is asked, and scored against bowel cancer
    and tablets too, the line saying what Lonsurf is did not lead. All of them where the
    question proper names none."""
    named = [c for c in concepts if c.named_after(text, told)]
    return named or list(concepts)


MIN_TOLD_TERM = 3
"""A term of the asker's story is longer than this: not the "ve" of "I've"."""


def _told_terms(text: str, concepts: Sequence[QuestionConcept], told: int) -> tuple[str, ...]:
    """The content words of what the asker tells first (its first ``told`` characters,
    ``_told``) that are no everyday English and in no concept's mention: "My grandson has
    Down syndrome and his doctor mentioned atlantoaxial instability. How common is that
    …?" asks of "atlantoaxial instability", which no vocabulary read (review 34)."""
    named = [(c.start, c.end) for c in concepts if c.start < told]
    return tuple(
        token.text
        for token in tokenize(text[:told])
        if is_content_word(token.key)
        and len(token.text) > MIN_TOLD_TERM
        and not is_everyday_english(token.text)
        and not any(start <= token.start < end for start, end in named)
    )


def _without_the_asker_s_people(
    text: str, concepts: list[QuestionConcept], told: int
) -> list[QuestionConcept]:
    """The concepts but the people of the asker's own story: a relative named as theirs
    ("*my husband*", "*our son*") and the relatives or carers of what they tell before
    asking, its first ``told`` characters (``_told``: "… the *surgeon* is talking about
    keyhole surgery - can …?"). They say whom the question is for, not what it asks:
    read as concepts, each was a facet and a gap ("No record … answers the question on
    son"), and the relevance of every sentence not naming a son was lowered (review 32's
    triple A syndrome, Tarceva and shoulder impingement questions).
    """

    def the_asker_s(concept: QuestionConcept) -> bool:
        if is_within(concept.tree_numbers, FAMILY_TREES):
            return concept.start < told or bool(_POSSESSIVE_BEFORE.search(text[: concept.start]))
        return is_within(concept.tree_numbers, CARER_TREES) and concept.start < told

    return [c for c in concepts if not the_asker_s(c)]


DOSAGE_FORM_TREES = ("D26.255",)
"""MeSH's Dosage Forms: tablets, capsules, ointments."""


def _without_dosage_forms(text: str, concepts: list[QuestionConcept]) -> list[QuestionConcept]:
    """The concepts but a dosage form, where the question names another treatment, whose
    form it is: "Do *ginger tablets* help with motion sickness?", "Is that a side effect
    of *the tablets*?" (of Tarceva) ask about ginger and erlotinib. Kept, "tablets" was a
    second treatment asked, a facet and a gap of its own on three of review 32's pages.
    A name no vocabulary knows is a treatment where the form follows it: "… start him on
    *Lonsurf tablets* …" led its page by a line naming both (review 37)."""
    forms = [c for c in concepts if is_within(c.tree_numbers, DOSAGE_FORM_TREES)]
    treatments = [c for c in concepts if c.role is ConceptRole.INTERVENTION and c not in forms]
    named_before = {c.end for c in concepts if c.role is ConceptRole.KEYWORD}

    def a_treatment_s(form: QuestionConcept) -> bool:
        return bool(treatments) or any(
            not text[end : form.start].strip() for end in named_before if end <= form.start
        )

    return [c for c in concepts if c not in forms or not a_treatment_s(c)]


_RESISTING = re.compile(
    r"-(?:resistant|refractory|sensitive|naive|naïve|dependent|independent|responsive"
    r"|unresponsive)\b",
    re.IGNORECASE,
)
"""A hyphened word after a treatment that makes it say what kind of disease it is
("*castration*-resistant prostate cancer", "*steroid*-refractory", "*treatment*-naive")."""


def _without_what_a_disease_resists(
    text: str, concepts: list[QuestionConcept]
) -> list[QuestionConcept]:
    """The concepts but a treatment named as what the disease resists or has not had
    (``_RESISTING``): "In non-metastatic castration-resistant prostate cancer, which of
    apalutamide, enzalutamide and darolutamide is best tolerated?" asked of castration as
    a treatment of its own, a facet that no record on the three drugs met (review 37)."""
    return [
        c
        for c in concepts
        if not (c.role is ConceptRole.INTERVENTION and _RESISTING.match(text, c.end))
    ]


_NEGATING_PREFIX = re.compile(r"\bnon-$", re.IGNORECASE)
""" "non-" before a name no vocabulary lists with it ("a *non-hormone* pill", "*non-diabetic*
patients"): what follows is what the question excludes. Read as asked about, "Is there a
non-hormone pill that actually works for menopause hot flashes?" made hormones the
treatment, and the trial of a non-hormonal drug, the answer, was set aside for not naming
any (review 28). A name that holds it ("non-small cell lung cancer", "Non-Hodgkin
Lymphoma") is matched whole and starts at "non"."""


_LETTERED_WORD = re.compile(r"[^\W\d_]{2,}")


_PHRASAL_VERB_BEFORE = re.compile(
    r"\b(?:cut|cuts|cutting|come|comes|coming|came|go|goes|going|went|get|gets|getting|got"
    r"|bring|brings|bringing|brought|scale|scales|scaling|scaled|fight|fights|fighting"
    r"|hold|holds|holding|held|turn|turns|turning|turned|bounce|bounces|bouncing|bounced"
    r"|grow|grows|growing|grew|grown)"
    r"\s+$",
    re.IGNORECASE,
)


_BACK_IN_TIME = re.compile(
    r"\s+(?:then\b|when\b|in\s+(?:the\s+)?(?:\d{4}s?|'\d{2}s|day|days|past)\b)",
    re.IGNORECASE,
)
"""What follows "back" where it says when ("back in the 1960s", "back then")."""


_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def _back_not_the_body_part(text: str, mention: ConceptMention) -> bool:
    """Whether the mention is "back" after a verb it makes phrasal ("cutting *back* on
    salt", "bounce back"), saying when ("back in the 1960s", ``_BACK_IN_TIME``), or
    where on something else ("the *back of* the eye"): no question on MeSH's Back, the
    body part. "What's the best way to stop bacterial vaginosis coming back …?" had a
    facet "back" that no record spoke to (review 18), "How did thalidomide cause the birth
    defects in babies back in the 1960s?" one asking of the back (review 31), and "… the
    main artery at the back of the eye is blocked" quoted a study of a lumbar disc device
    (review 37); "Will it make my hair grow back?" asked of it too."""
    return mention.text.lower() == "back" and bool(
        _PHRASAL_VERB_BEFORE.search(text, 0, mention.start)
        or _BACK_IN_TIME.match(text, mention.end)
        or _OF_AFTER.match(text, mention.end)
    )


_COMING_BACK = re.compile(r"(?:come|comes|coming|came)\s+back", re.IGNORECASE)
_FUNCTION_BEFORE = re.compile(
    r"\b(?:sight|vision|eyesight|hearing|memory|smell|taste|voice|speech|feeling|sensation"
    r"|strength|movement|appetite|energy|periods?)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
"""A function of the body a few words before "come back": its return is recovery."""


def _a_function_coming_back(text: str, mention: ConceptMention) -> bool:
    """Whether the mention is "come back" said of a function of the body ("Will his
    *sight come back*?", ``_FUNCTION_BEFORE``): it asks about recovery, not a disease's
    recurrence, which "coming back" names otherwise (``lay_names``). Read as Recurrence,
    review 37's question on a blocked artery of the eye was scored against "Will his sight
    Recurrence?"."""
    return bool(_COMING_BACK.fullmatch(mention.text)) and bool(
        _FUNCTION_BEFORE.search(text, 0, mention.start)
    )


def _acronym_read_as_a_word(mention: ConceptMention, lexicon: Lexicon) -> bool:
    """Whether a word written in capitals matched a vocabulary's everyday word: "STING"
    (the protein) as "Bites and Stings", "MACE" (major adverse cardiac events) as the
    tear gas, "SILVER" (a cat's coat-colour gene) as the metal (BioASQ train). Capitals
    in a question not written in capitals mark a short form or a gene's symbol; where a
    vocabulary lists the short form itself ("AIDS", "MRI") it matches as that, and
    otherwise it is read as any other short form is, by the sense that fits the question
    or kept as written."""
    if mention.via_abbreviation or not is_written_short_form(mention.text):
        return False
    return not set(mention.concept_ids) & set(lexicon.short_forms.get(mention.text, ()))


def _shouted(text: str) -> bool:
    """Whether the question is written in capitals ("IS CULTURE A DETERMINANT FACTOR?"),
    most of its words upper case: its everyday words ("IS", "AS") are then not short forms."""
    words = _LETTERED_WORD.findall(text)
    return bool(words) and sum(word.isupper() for word in words) * 2 > len(words)


def _looks_like_a_brand(word: str) -> bool:
    """Whether a word is written as a drug's brand is ("Xofluza", "Cosentyx"): one capital,
    then small letters, and no word of everyday English. The corpus defines brands beside
    their drugs ("baloxavir marboxil (Xofluza)", ``abbreviations``), and a brand is read
    as its drug as an abbreviation is as its long form: kept as written, "How does Xofluza
    compare with Tamiflu …?" said no record spoke to Xofluza (review 17)."""
    return is_brand_shaped(word) and not is_everyday_english(word)


_NUMBER_AFTER = re.compile(r"-\d")
_NUMBER_BEFORE = re.compile(r"\d-$")


def _numbered(text: str, start: int, end: int) -> bool:
    """Whether capitals are joined by a hyphen to a number: part of a name no vocabulary
    matched ("MK-1602", a drug's development code; "PD-1" where no vocabulary has it).

    Read as an abbreviation, its letters would name something else (megakaryocytes,
    Parkinson disease); ``keyword_concepts`` keeps the whole name as written instead.
    """
    return bool(_NUMBER_AFTER.match(text, end) or _NUMBER_BEFORE.search(text, 0, start))


GUIDANCE_NOUNS = frozenset(
    {"guideline", "guidelines", "guidance", "recommendation", "recommendations", "consensus",
     "statement", "statements"}
)  # fmt: skip
"""Nouns of issued guidance: the short form before one names its issuer, or its topic.
Not "criteria": a test stands there as often ("EEG criteria", "ECG criteria for LVH")."""
_GUIDANCE_AFTER = re.compile(
    rf"(?:\s*/\s*[A-Z][\w-]*)*(?:\s+\d{{4}})?\s+(?:{'|'.join(sorted(GUIDANCE_NOUNS))})\b",
    re.IGNORECASE,
)


def _names_issuer(text: str, end: int) -> bool:
    """Whether the short form ending at ``end`` stands where guidance's issuer is named:
    before "guideline(s)", "recommendations", "consensus" …, over other short forms joined
    by a slash and a year ("ACC/AHA 2022 guidelines")."""
    return bool(_GUIDANCE_AFTER.match(text, end))


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Whether capitals stand in brackets glued to the letters or digits of a name
    ("25(OH)D", an analyte): part of that name, which ``keyword_concepts`` keeps whole."""
    glued_before = text[start - 1 : start] in ("(", "[") and text[start - 2 : start - 1].isalnum()
    glued_after = text[end : end + 1] in (")", "]") and text[end + 1 : end + 2].isalnum()
    return glued_before or glued_after


def _resolve_short_form(
    short: str,
    start: int,
    knowledge: Knowledge,
    context: list[str],
    notes: list[str],
    senses: dict[str, tuple[str, ...]],
    spelled_out: dict[str, str],
    *,
    about_organisms: bool,
    issuer: bool,
) -> ConceptMention | None:
    """The sense of an undefined short form that the corpus and the question support.

    A sense among organisms or animal structures (MeSH B, A13: "PSC" as a fruit fly's
    sex combs) does not fit a question about none of those, whatever its counts. Where
    the short form names guidance's ``issuer`` (a society, as a rule), a sense must fit
    the question's topic, its other words but the guidance nouns, better than chance
    (``SenseChoice.fits_as_issuer``); with no topic words, the usual test applies.
    """
    by_concept: dict[tuple[str, ...], AbbreviationSense] = {}
    corpus = knowledge.senses.abbreviation_senses(short) if knowledge.senses else ()
    for sense in corpus:
        ids = concepts_of_phrase(sense.long_form, knowledge.lexicon, whole=True) or (
            sense.long_form,
        )
        known = by_concept.get(ids)
        count = sense.count + (known.count if known else 0)
        by_concept[ids] = AbbreviationSense(short, (known or sense).long_form, count, ids[0])
    for concept_id in knowledge.lexicon.short_forms.get(short, ()):
        if not any(concept_id in ids for ids in by_concept):
            concept = knowledge.concepts.get_many([concept_id]).get(concept_id)
            name = reading_order(concept.name) if concept else concept_id
            by_concept[(concept_id,)] = AbbreviationSense(short, name, 0, concept_id)
    if (brand := _brand_sense(short, knowledge.lexicon)) is not None and not any(
        term_key(sense.long_form) == term_key(brand[1].long_form) for sense in by_concept.values()
    ):  # "Apixaban (Eliquis)" in the corpus and "apixaban" in the table: one meaning
        by_concept.setdefault(*brand)
    _merge_shortened_spellings(by_concept)
    if not about_organisms:
        by_concept = {
            ids: sense
            for ids, sense in by_concept.items()
            if not is_within(knowledge.lexicon.trees.get(ids[0], ()), NOT_CLINICAL_TREES)
        }
    others = [word for word in context if word != short]
    topic = [word for word in others if word.lower() not in GUIDANCE_NOUNS] if issuer else []
    choice = choose_sense(list(by_concept.values()), topic or others, knowledge.context_fit)
    if choice is None:
        return None
    meanings = ", ".join(sense.long_form for sense in by_concept.values())[:200]
    if not choice.fits:
        notes.append(
            f"{short} was kept as written: none of its known meanings ({meanings}) fits the "
            "question's other words."
        )
        return None
    if topic and not choice.fits_as_issuer:
        notes.append(
            f"{short} was kept as written: it names who issued the guidance, and none of "
            f"its known meanings ({meanings}) goes with the question's other words."
        )
        return None
    if choice.ambiguous:
        senses[short] = tuple(sense.long_form for sense in choice.others[:4])
        notes.append(
            f"{short} was read as {choice.chosen.long_form} "
            f"({choice.probability:.0%} likely); it can also mean {', '.join(senses[short])}."
        )
    ids = next(ids for ids, sense in by_concept.items() if sense is choice.chosen)
    if not choice.chosen.concept_id or ids == (choice.chosen.long_form,):
        spelled_out[short] = choice.chosen.long_form  # a sense the vocabularies do not know
        return None
    return ConceptMention(start, start + len(short), short, ids, choice.chosen.long_form)


def _brand_sense(short: str, lexicon: Lexicon) -> tuple[tuple[str, ...], AbbreviationSense] | None:
    """The drug a brand-shaped word stands for, by the lexicon's table of brands (``brands``),
    with the ids that name it (or the generic name itself, which no vocabulary may know:
    Singulair is montelukast, a MeSH supplementary concept). A sense like any other, so
    the corpus's own definitions and the question's words still weigh in."""
    generic = lexicon.brands.get(short.lower()) if _looks_like_a_brand(short) else None
    if generic is None:
        return None
    ids = concepts_of_phrase(generic, lexicon, whole=True) or (generic,)
    return ids, AbbreviationSense(short, generic, 0, ids[0])


def _merge_shortened_spellings(by_concept: dict[tuple[str, ...], AbbreviationSense]) -> None:
    """Count a sense the vocabularies do not know with the sense it merely shortens.

    "MRI (MR imaging)" is magnetic resonance imaging written with an abbreviation inside;
    offered as another meaning of MRI it would only confuse.
    """
    for ids in list(by_concept):
        sense = by_concept[ids]  # as merged so far
        if ids != (sense.long_form,):
            continue  # a concept of the vocabularies
        spelled_out = next(
            (
                key
                for key, other in by_concept.items()
                if shortens(sense.long_form, other.long_form)
            ),
            None,
        )
        if spelled_out is not None:
            kept = by_concept[spelled_out]
            by_concept[spelled_out] = AbbreviationSense(
                kept.short_form, kept.long_form, kept.count + sense.count, kept.concept_id
            )
            del by_concept[ids]


def _question_concepts(
    text: str,
    mentions: Sequence[ConceptMention],
    knowledge: Knowledge,
    types: list[QuestionType],
    outcomes: Sequence[tuple[int, int]],
    agents: frozenset[int],
) -> list[QuestionConcept]:
    """The concepts of the question's mentions, each with its role.

    A concept of no clinical role is left out ("Methods", "Time"), unless it opens or ends
    the outcome a verb of effect names ("improve *quality of life*", "prolong overall
    *survival*", "increased *cancer* risk"): that is the question, named by all its words
    ("overall survival", where progression-free survival is another). There a measure MeSH
    files among the methods is an outcome too ("reduce all-cause *mortality*"), not a test
    asked about.
    A microorganism is an organism, unless it is the agent of a verb of effect ("Does
    *Lactobacillus reuteri* reduce colic?"): then it is what the question asks may change
    the outcome, as a drug would be.
    """
    all_ids = {i for m in mentions for i in m.concept_ids}
    chosen_ids = [_chosen_id(m, all_ids, mentions) for m in mentions]
    concepts = knowledge.concepts.get_many({*all_ids})
    found: dict[str, QuestionConcept] = {}
    times = diagnosis_as_a_time(text)
    for mention, main_id in zip(mentions, chosen_ids, strict=True):
        if main_id in QUESTION_TYPE_CONCEPTS:
            if not any(a <= mention.start and mention.end <= b for a, b in times):
                types.append(QUESTION_TYPE_CONCEPTS[main_id])  # not "at diagnosis"
            continue
        concept = concepts.get(main_id)
        if main_id in found:  # named again, maybe by a short form the question defined
            found[main_id] = _also_abbreviated(found[main_id], mention)
            continue
        if concept is None or main_id in GENERIC_CONCEPTS:
            continue
        same = [
            concepts[i]
            for i in mention.concept_ids
            if i in concepts and _same(concepts[i], concept)
        ]
        role = concept_role(concept.vocabulary, placing_trees(concept, knowledge.concepts))
        if role is ConceptRole.ORGANISM and mention.end in agents:
            role = ConceptRole.INTERVENTION
        elif role in (ConceptRole.OTHER, ConceptRole.TEST) and (
            outcome := next(
                ((a, b) for a, b in outcomes if mention.start == a or mention.end == b), None
            )
        ):
            role = ConceptRole.FINDING
            if _qualifies(text, outcome[0], mention, mentions):  # "overall survival"
                mention = replace(mention, start=outcome[0], text=text[outcome[0] : mention.end])
        elif role is ConceptRole.OTHER:
            continue
        found[main_id] = _question_concept(mention, concept, same, role, knowledge)
    return list(found.values())


def _without_headings_of_others(
    text: str, concepts: list[QuestionConcept]
) -> list[QuestionConcept]:
    """The concepts but the heading of a tree of diseases (``TREE_HEADINGS``) where another
    concept of the question lies in that tree, or where it ends another condition's name.

    The other says which: "Is TIAM1 favoring *tumor* progression in colorectal cancer?"
    asks about colorectal cancer; read as a condition of its own, "tumor" drew the answer
    to tumours at large (BioASQ dev). "The DNET *tumors*" name one kind of tumour, which
    the Disease Ontology places in no MeSH tree. Where nothing narrower is named ("Does
    cancer increase the risk of venous thromboembolism?"), the heading is the condition.
    """
    return [
        concept
        for concept in concepts
        if not (
            any(i in TREE_HEADINGS for i in concept.ids)
            and any(
                other is not concept
                and (
                    is_within(other.tree_numbers, concept.tree_numbers)
                    or (other.role is ConceptRole.CONDITION and _ends_name_of(text, other, concept))
                )
                for other in concepts
            )
        )
    ]


def _ends_name_of(text: str, named: QuestionConcept, heading: QuestionConcept) -> bool:
    """Whether ``heading`` directly follows ``named``, as the noun of its name ("DNET tumors")."""
    return named.end < heading.start and not text[named.end : heading.start].strip()


def _qualifies(
    text: str, start: int, mention: ConceptMention, mentions: Sequence[ConceptMention]
) -> bool:
    """Whether the words from ``start`` to ``mention`` only qualify what it names ("overall"
    of "overall survival"): none is another concept's or written like a name of its own."""
    before = text[start : mention.start]
    return (
        start < mention.start
        and not any(start <= m.start < mention.start for m in mentions)
        and not any(looks_like_a_name(word.text) for word in tokenize(before))
    )


_AGENT_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,2}")
"""What may stand between an agent and its verb: a strain or a short qualifier ("GG")."""


def _agent_ends(text: str) -> frozenset[int]:
    """The positions where an agent of a verb of effect may end: a mention ending at one
    of them is followed by the verb, with at most two words between."""
    ends = set()
    for verb in effect_verb_starts(text):
        for end in range(max(0, verb - 40), verb):
            if _AGENT_GAP.fullmatch(text, end, verb):
                ends.add(end)
    return frozenset(ends)


def _also_abbreviated(concept: QuestionConcept, mention: ConceptMention) -> QuestionConcept:
    if not mention.via_abbreviation or mention.text in concept.abbreviations:
        return concept
    return replace(concept, abbreviations=(*concept.abbreviations, mention.text))


def _chosen_id(
    mention: ConceptMention, all_ids: set[str], mentions: Sequence[ConceptMention]
) -> str:
    """For a name of several concepts, the one another mention also names, else the first."""
    if len(mention.concept_ids) == 1:
        return mention.concept_ids[0]
    elsewhere = {i for m in mentions if m is not mention for i in m.concept_ids}
    return next((i for i in mention.concept_ids if i in elsewhere), mention.concept_ids[0])


def _names_it(name: str, ids: set[str], lexicon: Lexicon) -> bool:
    """Whether ``name`` names the concept of ``ids`` as the lexicon reads it: a name the
    lexicon gives only other concepts is no name of it, so the question does not search
    it. MeSH files "gestational hypertension" apart from pre-eclampsia, whose Disease
    Ontology term lists it as a synonym (``lexicon._mesh_names_otherwise``)."""
    named = lexicon.terms.get(term_key(name))
    return named is None or not ids.isdisjoint(named)


def _same(candidate: Concept, concept: Concept) -> bool:
    """Whether ``candidate`` is ``concept`` or a term cross-referenced to it."""
    return candidate.id == concept.id or f"MESH:{concept.id}" in candidate.xrefs


def _question_concept(
    mention: ConceptMention,
    concept: Concept,
    same: list[Concept],
    role: ConceptRole,
    knowledge: Knowledge,
) -> QuestionConcept:
    name = reading_order(concept.name)
    ids = {c.id for c in same} | {concept.id}
    names = [
        reading_order(n)
        for c in same
        for n in (c.name, *c.synonyms)
        if _names_it(reading_order(n), ids, knowledge.lexicon)
    ]
    described = [mention.text] if mention.by_adjective else []  # "cardiac" for Heart
    everyday = EVERYDAY_NAMES.get(concept.id, ())
    adjectives = _adjectives_of(concept, knowledge.lexicon)
    known = [*described, *everyday, *adjectives, *names]
    synonyms = _distinct(known, exclude=term_key(name))[:MAX_SYNONYMS]
    abbreviations = [a for c in same for a in c.abbreviations]
    if knowledge.senses is not None:
        keys = [term_key(n) for n in (name, *synonyms)]
        abbreviations += [
            s.short_form for s in knowledge.senses.abbreviations_of(keys)[:3] if s.count > 1
        ]
    if mention.via_abbreviation:
        abbreviations.append(mention.text)
    below = knowledge.concepts.narrower(concept, MAX_NARROWER)
    nearest = knowledge.concepts.get_many(below[:MAX_NARROWER_NAMES])
    # A supplementary record's mapped headings index the articles about it: weaker
    # evidence, like a narrower heading, and never names of it.
    narrower = (*below, *concept.mapped_to)
    condition = role is ConceptRole.CONDITION
    broader = _broader(mention, concept, ids, knowledge.lexicon) if condition else {}
    return QuestionConcept(
        ids=tuple(c.id for c in same) or (concept.id,),
        name=name,
        role=role,
        mention=mention.text,
        start=mention.start,
        end=mention.end,
        synonyms=tuple(synonyms),
        abbreviations=tuple(dict.fromkeys(abbreviations)),
        tree_numbers=own_trees(concept),
        narrower=narrower,
        narrower_names=tuple(reading_order(c.name) for c in nearest.values()),
        related=_siblings(concept, role, knowledge) if role in LENS_ROLES else (),
        broader=tuple(broader),
        broader_names=tuple(dict.fromkeys(broader.values())),
        abbreviation=mention.text if mention.via_abbreviation else "",
        by_adjective=mention.by_adjective,
    )


def _broader(
    mention: ConceptMention, concept: Concept, ids: set[str], lexicon: Lexicon
) -> dict[str, str]:
    """The diseases a condition's name contains as its head, id → the name contained.

    An English noun phrase ends in its head, and a modifier dropped from the front names
    a broader kind: "chronic renal insufficiency" is a renal insufficiency, "neovascular
    age-related macular degeneration" an age-related macular degeneration. Records often
    write the broader name ("Outcome of pregnancy in women with moderate or severe renal
    insufficiency" answers a question on chronic renal insufficiency, review 27), and the
    Disease Ontology's narrow terms have no MeSH tree to place them under the broader one
    (review 30). Only the longest such name counts, with at least two words that say which
    disease it is ("renal insufficiency", not "insufficiency" or "carcinoma"); a MeSH
    concept's must be an ancestor of it, and what follows "non-" is no kind of it
    ("small cell lung cancer" in "non-small cell lung cancer").
    """
    own = own_trees(concept)
    found: dict[str, str] = {}
    for key in dict.fromkeys((term_key(mention.text), term_key(reading_order(concept.name)))):
        words = key.split()
        for start in range(1, len(words)):
            head = words[start:]
            if words[start - 1] == "non" or len(disease_words(" ".join(head))) < 2:
                break
            for concept_id in lexicon.terms.get(" ".join(head), ()):
                trees = lexicon.trees.get(concept_id, ())
                if concept_id in ids or not is_disease(concept_id, trees):
                    continue
                if own and trees and not is_within(own, trees):
                    continue
                found.setdefault(concept_id, " ".join(head))
            if found:
                break
    return found


def _adjectives_of(concept: Concept, lexicon: Lexicon) -> list[str]:
    """The adjectives that name a body part (the lexicon's ``describing``: "renal" for the
    kidney): abstracts write "renal dysfunction" where a question says "kidney damage", and
    "How does cyclosporine cause kidney damage?" said no record spoke to the kidney while
    quoting a sentence on chronic renal dysfunction (review 9)."""
    return sorted(word for word, ids in lexicon.describing.items() if concept.id in ids)


def _siblings(concept: Concept, role: ConceptRole, knowledge: Knowledge) -> tuple[str, ...]:
    """Names of the concepts beside ``concept`` in its tree ("computed tomography" by MRI).

    Besides the siblings' names, the short forms the corpus defines for them or for the
    heads of their names ("X-Ray Computed Tomography" → "computed tomography" → "CT"),
    since abstracts mostly write a modality's short form.
    """
    concepts = knowledge.concepts
    siblings: list[Concept] = []
    for number in concept.tree_numbers:
        parent_id = concepts.concept_by_tree_number(number.rpartition(".")[0])
        parent = concepts.get_many([parent_id]).get(parent_id) if parent_id else None
        if parent is None:
            continue
        below = concepts.get_many(concepts.narrower(parent, 3 * MAX_RELATED))
        siblings += [
            c
            for c in below.values()
            if c.id != concept.id
            and concept_role(c.vocabulary, c.tree_numbers) is role
            and not any(n.startswith(t + ".") for n in c.tree_numbers for t in concept.tree_numbers)
        ]
    names = list(dict.fromkeys(reading_order(c.name) for c in siblings))[:MAX_RELATED]
    if knowledge.senses is not None:
        keys = {
            head
            for c in siblings[:MAX_RELATED]
            for name in (c.name, *c.synonyms)
            for head in _heads(term_key(reading_order(name)))
        }
        names += [s.short_form for s in knowledge.senses.abbreviations_of(keys)[:3] if s.count > 1]
    return tuple(dict.fromkeys(names))


def _heads(key: str) -> tuple[str, ...]:
    """A canonical name and its last two words: English noun phrases end in their head."""
    words = key.split()
    return (key, " ".join(words[-2:])) if len(words) > 2 else (key,)


def _distinct(names: Iterable[str], exclude: str) -> list[str]:
    seen = {exclude}
    kept = []
    for name in names:
        key = term_key(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def _inherit(
    concepts: list[QuestionConcept], previous: Question, notes: list[str]
) -> list[QuestionConcept]:
    """Carry the conversation's condition and population into a follow-up that names none."""
    carried = [
        concept
        for role in INHERITED_ROLES
        if not any(c.role is role for c in concepts)
        for concept in previous.with_role(role)
    ]
    if carried:
        names = ", ".join(concept.name for concept in carried)
        notes.append(f"Carried over from the conversation: {names}.")
    return [*carried, *concepts]


def build_facets(
    text: str,
    concepts: tuple[QuestionConcept, ...],
    kinds: tuple[QuestionType, ...],
    outcomes: Sequence[tuple[int, int]],
) -> tuple[Facet, ...]:
    """The parts of the question an answer must cover (see the module docstring);
    ``outcomes`` are where the outcomes of its verbs of effect stand (``outcome_spans``)."""
    if not concepts:
        return ()  # with no concept at all, composing takes the question's words as its facet
    aspects = [c for c in concepts if c.role in ASPECT_ROLES]
    lenses = [c for c in concepts if c.role in LENS_ROLES]
    facets: list[Facet] = []
    for aspect in aspects:
        label = " × ".join(_label(c) for c in (aspect, *lenses))
        facets.append(Facet(label, tuple(c.id for c in (aspect, *lenses))))
    if not aspects and lenses:
        facets.append(Facet(" × ".join(_label(c) for c in lenses), tuple(c.id for c in lenses)))
    named = [*((c.start, c.end) for c in concepts), *effect_measures(text)]
    for kind in facet_kinds(text, named, outcomes):
        if kind is QuestionType.ADVERSE_EFFECTS and _asks_complications_of_a_disease(
            text, concepts
        ):
            facets.append(Facet(COMPLICATIONS, cue_words=answer_cues(QuestionType.PRESENTATION)))
        else:
            facets.append(Facet(kind.value, cue_words=answer_cues(kind)))
    if not facets:
        conditions = [c for c in concepts if c.role is ConceptRole.CONDITION]
        asked = [k for k in kinds if k in CUES and k is not QuestionType.FINDINGS]
        if conditions:
            label = " × ".join(_label(c) for c in conditions)
            ids = tuple(c.id for c in conditions)
            if asked:  # "How is X treated?": the treatment of X
                facets.append(Facet(f"{asked[0].value} of {label}", ids, answer_cues(asked[0])))
            else:
                facets.append(Facet(label, ids))
        elif kinds:
            facets.append(Facet(kinds[0].value, cue_words=answer_cues(kinds[0])))
    return _answered_beside_the_others(facets, concepts, asks_what_it_does(text))


def _answered_beside_the_others(
    facets: Sequence[Facet], concepts: Sequence[QuestionConcept], does: bool
) -> tuple[Facet, ...]:
    """The facets, one of a single concept alone with the question's other concepts (but
    its people) that a sentence must name one of to answer through it (``answered_beside``).

    Each facet is also asked of the relevance model alone, beside the question's
    conditions. A facet with a condition beside it ("CNS involvement in systemic
    sclerosis") is a part of the question; one concept alone, of a question relating it
    to others, is not: "Does giving babies Calpol when they have their jabs make the
    vaccines work less well?" asked "vaccines" alone, and a programme of vaccine advisory
    committees, as relevant to that as can be, led the page (review 18). A facet that
    leaves out only the people ("verubecestat" of "Is verubecestat safe in older
    adults?") or names what no vocabulary knows ("NIPBL" of "What is the function of the
    NIPBL factor in genome conformation?") is the question's subject, of which a sentence
    speaks whole; but not where the question asks what that subject does to the others
    (``does``): "Can nrf2 activation lead to resistance to radiotherapy?", its gold gone,
    was answered by a review of glucoraphanin, "a precursor of the Nrf2 activator
    sulforaphane", on obesity and insulin resistance (BioASQ dev).
    """
    if len(facets) < 2:
        return tuple(facets)
    conditions = {c.id for c in concepts if c.role is ConceptRole.CONDITION}
    related = [c.id for c in concepts if c.role is not ConceptRole.POPULATION]
    names = {c.id for c in concepts if c.role is ConceptRole.KEYWORD}
    beside = []
    for facet in facets:
        asked = {*facet.concept_ids, *conditions}
        alone = len(asked) == 1 and bool(facet.concept_ids) and (does or not asked <= names)
        others = tuple(dict.fromkeys(i for i in related if i not in asked)) if alone else ()
        beside.append(replace(facet, answered_beside=others) if others else facet)
    return tuple(beside)


COMPLICATIONS = "complications"
"""The label of a disease's complications asked as its presentation."""


def _asks_complications_of_a_disease(text: str, concepts: Sequence[QuestionConcept]) -> bool:
    """Whether the question asks what a disease leads to: it names "complications" (and
    no other word of adverse effects), a condition, and nothing done to patients.

    A disease's complications are written as what it manifests with, seldom as
    "complications": read as a treatment's adverse effects, "What are the complications
    of hereditary hemochromatosis?" needed sentences saying "complication" or "adverse",
    and quoted only definitions, though the corpus says it may "manifest with various
    symptoms, including hepatic dysfunction, diabetes, and cardiomyopathy" (a hand
    review). Such a question is one on the disease's presentation, its facet labelled as
    asked.
    """
    return (
        names_complications_only(text)
        and any(c.role is ConceptRole.CONDITION for c in concepts)
        and not any(c.role in TREATING_ROLES for c in concepts)
    )


def _label(concept: QuestionConcept) -> str:
    """The concept as the question wrote it, unless that was an abbreviation."""
    return concept.name if concept.abbreviation or concept.mention.isupper() else concept.mention
