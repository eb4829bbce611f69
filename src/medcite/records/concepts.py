"""Records of meaning: vocabulary concepts, mentions, abbreviations, understood questions,
search plans and what a retrieved record is about."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from enum import StrEnum
from typing import ClassVar

from medcite.records.base import Frozen


class Vocabulary(StrEnum):
    """A controlled vocabulary medcite can load."""

    MESH = "MeSH"
    DISEASE_ONTOLOGY = "DOID"
    ANNOTATED_CORPUS = "annotated"
    """Names learned from a corpus whose mentions are annotated with concept ids."""
    MESH_SUPPLEMENTARY = "MeSH-SCR"
    """MeSH Supplementary Concept Records (``C…``): chemicals, drugs, protocols and rare
    diseases that have no descriptor of their own, each mapped to the descriptors that
    index it."""


class Concept(Frozen, frozen=True):
    """A concept of a controlled vocabulary, with every name it goes by.

    ``id`` is the vocabulary's own identifier: a MeSH descriptor UI ("D012595") or a
    Disease Ontology id ("DOID:418"). ``synonyms`` are the other names (MeSH entry
    terms, OBO EXACT/RELATED synonyms) and ``abbreviations`` the short forms the
    vocabulary itself lists (MeSH lexical tags ABB and ACR). Broader and narrower
    concepts come from ``tree_numbers`` (MeSH: "C17.300.799") and ``parents``
    (OBO ``is_a``); ``xrefs`` link to other vocabularies ("MESH:D012595", "OMIM:181750").
    ``mapped_to`` holds, for a MeSH Supplementary Concept Record, the descriptor ids of
    the headings it is mapped to ("D061067" for a humanized monoclonal antibody): it has
    no tree numbers of its own, so it takes its place in MeSH from them.
    """

    id: str
    vocabulary: Vocabulary
    name: str
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    tree_numbers: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    definition: str = ""
    mapped_to: tuple[str, ...] = ()


class ConceptMention(Frozen, frozen=True):
    """Where a text names a concept: ``text[start:end]``, and the concept(s) meant.

    More than one id means the words name several concepts equally well (a MeSH
    descriptor and the Disease Ontology term it cross-references are one concept;
    "cold" is a temperature or an infection). ``via_abbreviation`` holds the long form
    when the text used a short one ("SSc" → "systemic sclerosis"); ``by_adjective`` says
    the text named it by an adjective no vocabulary lists ("cardiac" for the heart,
    "diabetic patients" for diabetes), which is then one of its names for this text.
    """

    start: int
    end: int
    text: str
    concept_ids: tuple[str, ...]
    via_abbreviation: str = ""
    by_adjective: bool = False


class AbbreviationSense(Frozen, frozen=True):
    """One meaning of a short form, as defined in the corpus or a vocabulary.

    ``count`` is how many records define the short form with this long form
    ("systemic sclerosis (SSc)", Schwartz & Hearst 2003); ``concept_id`` is the
    concept the long form names, when the vocabularies know it.
    """

    short_form: str
    long_form: str
    count: int
    concept_id: str = ""


class AbbreviationDefinition(Frozen, frozen=True):
    """A short form a record defines ("systemic sclerosis (SSc)"), with its long form.

    ``key`` is the long form in canonical form (case, spelling and plural folded), so
    "Systemic Sclerosis" and "systemic scleroses" count as one sense.
    """

    short_form: str
    long_form: str
    key: str


class ConceptRole(StrEnum):
    """What part a concept plays in a question (a PICO-like reading)."""

    CONDITION = "condition"
    POPULATION = "population"
    INTERVENTION = "intervention"
    TEST = "test"
    IMAGING = "imaging modality"
    FINDING = "outcome/finding"
    BODY_SYSTEM = "body system"
    ORGANISM = "organism"
    """A microorganism or parasite, the agent of the infection a question is about ("first-line
    treatment for *Helicobacter pylori*"): an aspect with a facet of its own, which a cited
    record must name. Unlike a condition it does not decide which other diseases are
    neighbours, and retrieval weighs it a little below one."""
    KEYWORD = "keyword"
    """A salient word of the question that no vocabulary knows (a new drug, a gene): kept
    as the word itself rather than dropped or mapped to a concept it is not."""
    OTHER = "other"


TREATING_ROLES = (
    ConceptRole.INTERVENTION,
    ConceptRole.KEYWORD,
    ConceptRole.TEST,
    ConceptRole.IMAGING,
)
"""Roles of what is done to patients (a drug, a procedure, a test), or may be: a name no
vocabulary knows is as often a new drug as anything. They are also what a question may ask
the accuracy of: a test, an imaging method, an analyte (MeSH files fructosamine among
chemicals), a name no vocabulary knows ("RT-QuIC")."""


class QuestionType(StrEnum):
    """What kind of answer a question asks for; a question may be several kinds."""

    DIAGNOSIS = "diagnosis"
    TREATMENT = "treatment"
    PROGNOSIS = "prognosis"
    ETIOLOGY = "etiology"
    EPIDEMIOLOGY = "epidemiology"
    FINDINGS = "findings/imaging"
    MECHANISM = "mechanism"
    ADVERSE_EFFECTS = "adverse effects"
    PRESENTATION = "symptoms and signs"
    YES_NO = "yes/no"


KEYWORD_PREFIX = "word:"
"""Id prefix of a keyword concept: ``word:`` and the word's canonical form."""
DISEASE_ONTOLOGY_PREFIX = "DOID:"
"""Id prefix of a Disease Ontology term (MeSH's ids begin "D0")."""


class AnswerKind(StrEnum):
    """What would answer the question: a finding that settles it, a name, or a summary."""

    YES_NO = "yes-no"
    """"Is …?", "Does …?": the finding on the asked relation settles it."""
    NAMING = "naming"
    """"Which …?", "What is the gene …?", "List …": the sentence that names it."""
    SUMMARY = "summary"
    """"Describe …", "What is the role of …?": the best conclusions on it."""
    QUANTITY = "quantity"
    """"How much …?", "How many …?", "How often …?": the sentences that state the amount."""


class QuestionConcept(Frozen, frozen=True):
    """A concept found in a question: what it is, its role, and the names searched for it.

    ``ids`` are every vocabulary id of the concept (MeSH first); ``synonyms`` and
    ``abbreviations`` are the other names retrieval looks for. ``narrower`` holds the
    ids of narrower descriptors and ``narrower_names`` the names of the nearest ones
    ("spinal cord" for the central nervous system), which count as the concept.
    ``related`` names its siblings ("computed tomography" beside MRI): evidence about
    them is indirect. When the question used an abbreviation with several meanings,
    ``abbreviation`` is the short form and ``other_senses`` the long forms not chosen.
    """

    ids: tuple[str, ...]
    name: str
    role: ConceptRole
    mention: str
    start: int
    end: int
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    tree_numbers: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    narrower_names: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    """For a condition, the ids of the disease its own name contains as its head: "renal
    insufficiency" in "chronic renal insufficiency". A record naming only that is about the
    asked condition at a level above it, not about another disease."""
    broader_names: tuple[str, ...] = ()
    abbreviation: str = ""
    other_senses: tuple[str, ...] = ()
    by_adjective: bool = False
    """The question named it by an adjective ("*diabetic* patients"): ``mention`` qualifies,
    and names the concept in no sentence of its own ("How common is diabetic?")."""
    research_name: str = ""
    """The name research writes the concept by, where the corpus writes it more often than
    the question's word for it ("pregabalin" for "Lyrica", ``understand.wording``); empty
    where the question's word is as common."""

    @property
    def id(self) -> str:
        """The concept's main id (its MeSH descriptor when it has one)."""
        return self.ids[0]

    @property
    def vocabulary_ids(self) -> tuple[str, ...]:
        """The ids a vocabulary gave (a keyword concept has none: only its word)."""
        return tuple(i for i in self.ids if not i.startswith(KEYWORD_PREFIX))

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the concept, as the question wrote it first: the mention, the
        preferred name, the synonyms and the abbreviations."""
        return (self.mention, self.name, *self.synonyms, *self.abbreviations)

    def named_after(self, text: str, told: int) -> bool:
        """Whether the question proper (``text`` after the asker's story, its first
        ``told`` characters) names the concept: it is read there, or its mention is written
        there again (a concept is read once, where it is named first)."""
        return self.start >= told or self.mention.lower() in text[told:].lower()

    @property
    def worded(self) -> str:
        """The concept as sentences are scored against it: its research name, if any, else
        the question's word."""
        return self.research_name or self.mention


class Facet(Frozen, frozen=True):
    """A part of the question an answer must cover ("CNS involvement × MRI").

    Evidence covers the facet when it names every concept of ``concept_ids`` (any of
    their names) or, for facets named by the kind of question ("diagnosis"), one of
    ``cue_words``.
    """

    label: str
    concept_ids: tuple[str, ...] = ()
    cue_words: tuple[str, ...] = ()
    answered_beside: tuple[str, ...] = ()
    """For a facet of one concept alone, of a question relating it to others with no
    condition beside them, those others: a sentence speaks to the facet as a part of the
    question only where it names one of them ("vaccines" of "Does giving babies Calpol
    when they have their jabs make the vaccines work less well?" needs paracetamol)."""

    def is_answered_by(self, named: Collection[str]) -> bool:
        """Whether a sentence naming the concepts ``named`` may answer the question here."""
        return not self.answered_beside or any(i in named for i in self.answered_beside)


def conditions_taken_for(
    text: str, concepts: Sequence[QuestionConcept], told: int
) -> tuple[QuestionConcept, ...]:
    """The conditions the asker's story (the first ``told`` characters of ``text``) names
    only as what a treatment it named before is taken for, and the question proper does
    not name again: why the treatment is taken, not what is asked of it ("My mum takes
    nitrofurantoin every night to stop her *bladder infections* coming back. Can it damage
    her lungs?"). A condition the story names first is what the asker has."""
    treated_from = min(
        (c.start for c in concepts if c.role in TREATING_ROLES and c.start < told),
        default=told,
    )
    return tuple(
        c
        for c in concepts
        if c.role is ConceptRole.CONDITION
        and treated_from < c.start < told
        and not c.named_after(text, told)
    )


class Question(Frozen, frozen=True):
    """A question as medcite understood it: concepts, kinds, facets, and notes on reading it."""

    text: str
    concepts: tuple[QuestionConcept, ...] = ()
    types: tuple[QuestionType, ...] = ()
    facets: tuple[Facet, ...] = ()
    notes: tuple[str, ...] = ()
    answer_kind: AnswerKind = AnswerKind.SUMMARY
    status_cues: tuple[str, ...] = ()
    """For a yes/no question on a standing fact ("Has X been approved …?", "Is X available
    …?"): the word beginnings that state it ("approv"). Such a fact is stated as background,
    and there a background sentence that states it is the answer."""
    outcomes: tuple[str, ...] = ()
    """The concepts a verb of effect names as what it changes ("Does metformin reduce
    *cardiovascular events*?", "… increase the risk of *melanoma*?"): what a finding
    must speak to for it to settle a yes/no question."""
    effect_asked: bool = False
    """For an amount asked of an effect ("How much does aspirin reduce colorectal cancer
    …?", "How often does X cause Y?"): the sentences that answer it are those that state
    the finding on that relation, as for "Does aspirin reduce colorectal cancer …?"."""
    accuracy_asked: bool = False
    """For a question asking a test's accuracy ("How accurate is RT-QuIC …?"): the amounts
    that answer it are its sensitivity, specificity and the like (``compose.page``)."""
    dose_asked: bool = False
    """For a question asking a treatment's dose ("What dose of levobupivacaine … gives
    adequate analgesia …?"): the amounts that answer it are doses of what it names."""
    defined: str = ""
    """For a question asking only what something is ("What is ferroptosis?"), that name as
    the question writes it: the sentences that say what it is answer it first
    (``compose.definitions``), by that name or any of its concept's."""
    written_out: bool = False
    """For a question asking what a short form stands for ("What does PCAT6 stand for?",
    ``defined`` holding it): the sentences writing it out answer it first."""
    alternatives: tuple[tuple[str, ...], ...] = ()
    """Groups of concepts (by id) the question joins by "or" ("Ritalin *or* Adderall"): it
    asks about any one of each group, and evidence on one answers for the group."""
    told: int = 0
    """How much of ``text`` is what the asker tells before asking ("My husband is on Tarceva
    for lung cancer and his eyelashes have grown really long and curly. "): its concepts
    and ``told_terms`` count, its other words ask nothing."""
    told_terms: tuple[str, ...] = ()
    """The words of what the asker tells that are no everyday English and in no concept's
    name ("… his doctor mentioned *atlantoaxial* instability. How common is that …?"):
    what the question proper points back to, in terms no vocabulary read."""

    def with_role(self, *roles: ConceptRole) -> tuple[QuestionConcept, ...]:
        """The question's concepts that play one of ``roles``."""
        return tuple(concept for concept in self.concepts if concept.role in roles)

    def as_research_writes(self) -> str:
        """The question's text with each concept it names worded as research writes it
        (``QuestionConcept.worded``): what passages and sentences are scored against. Of
        what the asker tells first (``told``), only its concepts and its terms
        (``told_terms``): the story's everyday words ("… over a year and the surgeon is
        talking about keyhole surgery - …") are none that an answer writes, and scored
        against, they sank the trial answering "… can a proper exercise programme help me
        avoid the operation?" to 0.5 (review 32)."""
        text = self.text
        for concept in sorted(self.concepts, key=lambda c: -c.start):
            if concept.start < self.told:
                break
            if concept.research_name and text[concept.start : concept.end] == concept.mention:
                text = text[: concept.start] + concept.research_name + text[concept.end :]
        if not self.told:
            return text
        story = [
            c.worded
            for c in self.concepts
            if c.start < self.told and text[c.start : c.end] == c.mention
        ]
        return " ".join([*story, *self.told_terms, text[self.told :]])

    def named_conditions(self) -> tuple[QuestionConcept, ...]:
        """The conditions a record must name for an answer to cite it: all the question's,
        but one the asker's story (``told``) names only as what a treatment it named
        before is taken for (``conditions_taken_for``).

        Such a condition is why the treatment is taken, and the question proper asks
        about the treatment: "My mum takes nitrofurantoin every night to stop her bladder
        infections coming back. Can it damage her lungs?" is answered by "Drugs that are
        more commonly associated with lung toxicity include nitrofurantoin, …", which
        names no infection, and the page refused (review 34). A condition the story names
        first ("I've got alopecia areata … Will Olumiant tablets …?"), or the question
        proper names again, is what the asker has, and the answer must be about it.
        """
        taken_for = conditions_taken_for(self.text, self.concepts, self.told)
        return tuple(c for c in self.with_role(ConceptRole.CONDITION) if c not in taken_for)

    def subject_conditions(self) -> tuple[QuestionConcept, ...]:
        """The conditions a record must be about, not merely name, when another disease is
        its main topic: those the question asks an effect on (``outcomes``), where it asks
        of one, else all its conditions.

        A condition that changes another is the exposure, not the subject: "How much does
        being overweight or obese before pregnancy raise the risk of gestational
        diabetes?" asks of gestational diabetes, and a cohort of pregnant women with type 1
        diabetes, about obesity throughout and naming gestational diabetes once, led its
        page with their mean body mass index (review 21).
        """
        conditions = self.with_role(ConceptRole.CONDITION)
        asked = tuple(c for c in conditions if c.id in self.outcomes)
        return asked or conditions


class ConceptClause(Frozen, frozen=True):
    """One concept of a question as the index looks for it.

    A record matches by any of the concept's ``names`` in its text (each a phrase), by
    a MeSH heading among ``mesh_ids``, or, more weakly, by a narrower heading.
    """

    names: tuple[str, ...]
    mesh_ids: tuple[str, ...] = ()
    narrower_ids: tuple[str, ...] = ()
    weight: float = 1.0


class SearchPlan(Frozen, frozen=True):
    """What retrieval asks of the index: the words as written, plus concept clauses.

    ``mesh_weight`` and ``narrower_weight`` scale the MeSH-heading matches against the
    text matches; ``proximity_weight`` adds each pair of neighbouring words of ``text``
    found close together; ``publication_types`` restricts the search to those types.
    """

    text: str
    concepts: tuple[ConceptClause, ...] = ()
    mesh_weight: float = 1.0
    narrower_weight: float = 0.3
    proximity_weight: float = 0.0
    publication_types: tuple[str, ...] = ()


class RecordTopics(Frozen, frozen=True):
    """How strongly a record is about each concept of a question, and about other diseases.

    A score adds up where the concept appears: a major MeSH heading (3), another
    heading (1), the title (3), the abstract (0.5 a mention, at most 2). ``other_disease``
    is the strongest disease the record is about that is none of the question's
    conditions nor related to them in the vocabulary (multiple sclerosis for a question
    on systemic sclerosis), with its score.
    """

    record_id: str
    concept_scores: tuple[tuple[str, float], ...] = ()
    other_disease: str = ""
    other_score: float = 0.0
    asks_the_same: bool = False
    """The record is a page answering the question that is its title
    (``Source.answers_its_title``), and that question asks what this one asks, of the
    same subject: "What are the treatments for Gout?" for "How is gout treated?"."""

    ABOUT: ClassVar[float] = 1.0
    """From this score up the record is about a concept: a heading, the title, or two
    mentions; below it the concept is at most a passing mention."""

    def score(self, concept_id: str) -> float:
        """The record's score for one question concept (0 when absent)."""
        return next((value for key, value in self.concept_scores if key == concept_id), 0.0)

    def is_about(self, concept_ids: Iterable[str]) -> bool:
        """Whether the record is about any of ``concept_ids`` (see ``ABOUT``)."""
        return any(self.score(concept_id) >= self.ABOUT for concept_id in concept_ids)

    def names(self, concept_ids: Iterable[str]) -> bool:
        """Whether the record names any of ``concept_ids`` at all, if only in passing."""
        return any(self.score(concept_id) > 0 for concept_id in concept_ids)

    OTHER_MAIN: ClassVar[float] = 3.0
    """An other disease this strong (a major heading, or the title) is a main topic."""

    def mainly_about_another(self, concept_ids: Iterable[str]) -> bool:
        """Whether another disease is a main topic and ``concept_ids`` only a passing one."""
        return self.other_score >= self.OTHER_MAIN and not self.is_about(concept_ids)
