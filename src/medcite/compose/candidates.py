"""Candidate statements: every usable sentence of an on-topic record, with its relevance.

What a sentence is worth as an answer is the evidence stage's calibrated relevance: the
probability that it answers the question. Composing adds only what depends on the reader
(``AudiencePolicy``: numbers for clinicians, methods for researchers, plain sentences for
patients) and on the evidence (a small bonus per evidence level), both as tie-breakers
far smaller than a difference in relevance, and both added to its log-odds
(``Candidate.score``). How well a sentence speaks to each facet is ``facet_fit``.

Only records on what the question asks about are candidates at all (``on_topic``): a
record that does not name its condition, or the drug it asks about, may share the words
but is no evidence on them, and is never cited.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from medcite.compose.audience import AudiencePolicy
from medcite.compose.labels import leading_label_length
from medcite.records import (
    AnswerKind,
    ConceptRole,
    EvidenceLevel,
    Facet,
    PValue,
    Question,
    QuestionConcept,
    QuestionType,
    RetrievedRecord,
    Sentence,
    SentenceNotes,
    SentenceRole,
    StudyDesign,
)
from medcite.words import (
    content_words,
    describes,
    has_cue,
    is_title_or_question,
    looks_like_a_name,
    tokenize,
)

MIN_CHARS, MAX_CHARS = 40, 600
_FOLD = re.compile(
    r"\b(?:\d+(?:[.·]\d+)?\s*-?\s*fold"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)-?fold)\b",
    re.IGNORECASE,
)
"""A fold change ("a fourfold increase", "2.5-fold higher"): how much, in words a reader
reads as an amount. "… at least a fourfold increase over the expected number of
intussusception cases …" gave none, and a question asking how likely that harm is was led
by the vaccine's withdrawal (review 40)."""
RELATED = "~related"
"""Suffix of a concept id marking a sentence that names a sibling (CT beside MRI)."""

LEVEL_BONUS = {
    EvidenceLevel.GUIDELINE: 0.03,
    EvidenceLevel.SYNTHESIS: 0.025,
    EvidenceLevel.RANDOMIZED: 0.02,
    EvidenceLevel.NONRANDOMIZED: 0.01,
    EvidenceLevel.CASE: 0.0,
    EvidenceLevel.OPINION: -0.005,
    EvidenceLevel.PRELIMINARY: -0.005,
    EvidenceLevel.PRECLINICAL: -0.01,
    EvidenceLevel.UNGRADED: 0.0,
}
"""Evidence strength as a tie-breaker: it reorders sentences of nearly equal relevance only."""
_LINK = re.compile(r"(?:https?://|www\.)\S+")
_ABOUT_THE_SITE = re.compile(
    r"\bthis (?:web ?site|web ?page|site|page|(?:short )?video)\b|"
    r"\b(?:watch|reduce|enlarge) (?:the|a) videos?\b",
    re.IGNORECASE,
)
"""A notice about the site or its media ("… on this website", "To enlarge the video, …")."""
_POINTER = re.compile(
    r"\b(?:see the following|at the following link|visit(?::|\s+our\b)|"
    r"for (?:more )?information\b[^.]*?\b(?:see|visit|go to|contact|call)\b)",
    re.IGNORECASE,
)
"""A line sending the reader elsewhere for what it does not say itself."""
PREFERENCE_SHARE = 0.1
"""How much the reader's preferences (numbers, methods, plain words) add, at most."""
ODDS_PER_PROBABILITY = 4.0
"""Log-odds per unit of probability where a sentence is as likely an answer as not (the
slope of the logit at 0.5): the tie-breakers above, written as shares of probability, are
added to the log-odds at that rate, so they weigh as written in the middle of the scale
and less where the model is sure."""
SURE = 1e-6
"""How close to 0 or 1 a probability is taken to be, so that its log-odds stay finite."""
NOT_A_FINDING = frozenset({SentenceRole.OBJECTIVE, SentenceRole.METHODS})
"""Roles that never lead an answer: they set a study up (administrative lines make no
statement at all)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that could become a statement, with how well it answers."""

    item: RetrievedRecord
    sentence: Sentence
    notes: SentenceNotes
    relevance: float
    """The calibrated probability that the sentence answers the question."""
    preference: float
    """The reader's and the evidence's tie-breakers, in log-odds."""

    @property
    def score(self) -> float:
        """The sort key: the log-odds of ``relevance`` with the tie-breakers added."""
        return self.score_at(self.relevance)

    def score_at(self, relevance: float) -> float:
        """The sort key the sentence would have at another ``relevance`` (a facet's).

        Log-odds, not probabilities: near certainty a small difference of probability is a
        large one of odds, and the model's order there is what it has learnt. Added to the
        probability, the numbers and the trial a sentence reports outranked the conclusion
        of its own abstract that answers ("Self-reported symptoms by elite athletes are not
        reliable in identifying EIA.", 0.970, under "91% of PFT positive and 48% of PFT
        normal athletes reported at least one symptom of EIA …", 0.956; review 11).
        """
        sure = min(max(relevance, SURE), 1 - SURE)
        return math.log(sure / (1 - sure)) + self.preference

    @property
    def record_id(self) -> str:
        """The id of the record the sentence belongs to."""
        return self.item.record.id

    def may_lead(self, kind: AnswerKind, status_cues: Sequence[str] = ()) -> bool:
        """Whether the sentence may lead an answer to a question of this kind.

        Never an objective, a method or an administrative line; a background sentence only
        where the question asks what something is or names it, since there the background
        ("CPX-351 is a liposomal formulation of …") is the answer; for a yes/no question,
        which a finding settles, only where it asks a standing fact the sentence states
        (``status_cues``: "Has X been approved?" and "X is an FDA-approved …"); and for a
        question asking an amount, only where the sentence gives one: "What is the risk of
        a fatal side effect when Avastin is added to chemo?" was led by "CONTEXT Fatal
        adverse events (FAEs) have been reported in cancer patients treated with …
        bevacizumab …", over the meta-analysis's finding (review 16).
        """
        if self.notes.role is SentenceRole.BACKGROUND:
            if kind is AnswerKind.YES_NO:
                return has_cue(self.sentence.text, status_cues)
            return kind is not AnswerKind.QUANTITY or self.gives_an_amount
        return self.reports

    @property
    def gives_an_amount(self) -> bool:
        """Whether the sentence reports a number saying how much (a rate, a share, an effect
        size, a mean): a P value says only whether. "How much does obstructive sleep apnoea
        raise the risk of stroke?" was led by "… a significant positive association … in
        men (P … = 0.016)", over the hazard ratio of 2.86 in the same record (review 19).
        A fold change says how much too (``_FOLD``), though no reported number reads it."""
        return any(not isinstance(number, PValue) for number in self.notes.numbers) or bool(
            _FOLD.search(self.sentence.text)
        )

    def states_amount_of(self, concept_ids: Sequence[str]) -> bool:
        """Whether the sentence gives an amount (``gives_an_amount``) and names one of
        ``concept_ids``, what the amount would be of."""
        return self.gives_an_amount and self.names_any(concept_ids)

    def names_any(self, concept_ids: Sequence[str]) -> bool:
        """Whether the sentence names one of ``concept_ids`` (by any of its names)."""
        return any(i in self.notes.concepts for i in concept_ids)

    @property
    def reports(self) -> bool:
        """Whether the sentence reports something (not an objective, a method, a funding …),
        and its record is no study protocol, which reports no results: "ALPHEUS is the first
        properly sized trial comparing ticagrelor to clopidogrel … designed to show a
        reduction in periprocedural events …", a protocol's line read as its conclusion, led
        a question on what the trial found (review 40)."""
        grade = self.item.grade
        if grade is not None and grade.design is StudyDesign.PROTOCOL:
            return False
        role = self.notes.role
        return role is None or not (role in NOT_A_FINDING or role.administrative)


def on_topic(question: Question, item: RetrievedRecord) -> bool:
    """Whether the record is evidence on what the question asks about.

    It must name one of the question's conditions (when it names any), one of its
    organisms (when it names any) and one of the things it asks about them — an
    intervention, or a name no vocabulary knows (when it names any): a record on the
    disease but not the drug asked about, on the drug in another disease, or on the drug
    against another fungus than the one asked about, is a near miss, and a near miss is
    never cited. A record mainly about another disease must be about the conditions the
    question asks of (``Question.subject_conditions``), not merely name them. A number
    kept as a keyword only narrows the question (``is_a_name``):
    "Does starting yearly mammograms at 40 reduce breast cancer deaths?" required "40",
    and the UK Age trial, retrieved first, was no evidence (review 20). Of two treatments
    the question compares (``compared``), it must name one, whatever else it asks about:
    "Is tenecteplase non-inferior to alteplase for thrombolysis in acute ischaemic stroke?"
    was led by a laboratory study of another drug that named thrombolysis (review 25).
    """
    if item.topics is None:
        return True
    conditions = [c.id for c in question.named_conditions()]
    organisms = [c.id for c in question.with_role(ConceptRole.ORGANISM)]
    focus = compared(question) or [
        c.id
        for c in question.with_role(ConceptRole.INTERVENTION, ConceptRole.KEYWORD)
        if is_a_name(c)
    ]
    subject = [c.id for c in question.subject_conditions()]
    if subject and item.topics.mainly_about_another(subject):
        return False
    return all(not ids or item.topics.names(ids) for ids in (conditions, organisms, focus))


_THAN = r"(?:[\w-]+er|more\s+[\w-]+|less\s+[\w-]+)\s+than"
"""A comparative and its "than" ("better than", "more effective than"; not "more than 50")."""
_COMPARING = re.compile(
    rf"\s*(?:as\s+[\w-]+\s+as|{_THAN}|"
    r"versus|vs\.?|compared?\s+(?:with|to)|(?:non-?)?inferior\s+to|superior\s+to|"
    r"equivalent\s+to)\s*",
    re.IGNORECASE,
)
"""All that stands between two treatments a question compares ("ibuprofen as effective as
indomethacin", "X better than Y", "X versus Y", "X non-inferior to Y")."""


_GIVEN_WITH = re.compile(r"\s+(?:with|plus|and|\+)\s", re.IGNORECASE)
"""What joins a drug given beside a treatment to it ("bupivacaine *with* fentanyl")."""


def compared(question: Question) -> list[str]:
    """The ids of two treatments the question compares, nothing but a comparison between
    them (``_COMPARING``); none for another question. "Is 10 years of tamoxifen better than
    5 for ER-positive breast cancer?" compares no two (the estrogen receptor is read as a
    treatment's target, a compound)."""
    treatments = sorted(question.with_role(ConceptRole.INTERVENTION), key=lambda c: c.start)
    for index, (first, second) in enumerate(pairwise(treatments)):
        if _COMPARING.fullmatch(question.text[first.end : second.start]):
            if index and _given_with_both(question.text, first, second):
                first = treatments[index - 1]
            return [first.id, second.id]
    return []


def _given_with_both(text: str, first: QuestionConcept, second: QuestionConcept) -> bool:
    """Whether ``first``, just before the words comparing it with ``second``, is given with
    both arms: written again after ``second`` ("intrathecal ropivacaine *with fentanyl*
    compare with bupivacaine *with fentanyl*"). It is common to both, not what is compared:
    read as the pair, fentanyl against bupivacaine led review 35's page with a line on
    analgesia alone."""
    return _GIVEN_WITH.match(text, second.end) is not None and first.mention.lower() in (
        text[second.end :].lower()
    )


def candidates(
    question: Question, retrieved: Sequence[RetrievedRecord], policy: AudiencePolicy
) -> list[Candidate]:
    """The usable sentences of the on-topic records, most relevant first."""
    found = []
    for item in retrieved:
        if not on_topic(question, item):
            continue
        notes = item.notes or tuple(SentenceNotes() for _ in item.sentences)
        for sentence, note in zip(item.sentences, notes, strict=True):
            if not MIN_CHARS <= len(sentence.text) <= MAX_CHARS:
                continue
            if not states_something(sentence.text):
                continue
            if note.role is not None and note.role.administrative:
                continue
            if policy.avoid_p_values and any(isinstance(n, PValue) for n in note.numbers):
                continue
            relevance = note.relevance if note.relevance is not None else 0.0
            preference = ODDS_PER_PROBABILITY * _tie_breakers(item, note, policy)
            found.append(Candidate(item, sentence, note, relevance, preference))
    found.sort(key=lambda c: (-c.score, c.item.rank, c.sentence.index))
    return found


MIN_NAME_LETTERS = 2


def subject(question: Question) -> list[str]:
    """The ids of the names no vocabulary knows that the question asks about ("chlorotoxin",
    "SAF-A", "RG-7992"): a name has two letters at least. A number or a year only narrows
    the question ("approved in 2018"), and a number with a letter is mostly an adjective
    ("3D genome structure"). So is a word ending as one (``describes``): "How often do
    unruptured brain aneurysms rupture?" took "unruptured" for its subject, and a
    sentence not saying it, "Spontaneous rupture occurred in four of 228 (1.8%)
    intradural aneurysms …", could not lead (review 13). Nor is what a treatment is
    compared with (``_comparator_from``): "What is the long-term survival … after
    haematopoietic stem cell transplantation compared with conventional transfusion and
    chelation?" needed sentences saying "chelation", and the survival after either,
    which says "conventional treatment", was not let lead (review 29)."""
    comparator_from = _comparator_from(question)
    return [
        c.id
        for c in question.with_role(ConceptRole.KEYWORD)
        if is_a_name(c) and not describes(c.mention) and c.start < comparator_from
    ]


_COMPARED_WITH = re.compile(rf"\b(?:versus|vs\.?|compared\s+(?:with|to)|{_THAN})\b", re.IGNORECASE)
"""What introduces the treatment another is compared with ("versus", "better than")."""


def _comparator_from(question: Question) -> int:
    """Where what a concept is compared with begins (after "compared with", "versus",
    "better than"), or the end of the question where it compares nothing named before."""
    found = _COMPARED_WITH.search(question.text)
    if found is None or not any(c.end <= found.start() for c in question.concepts):
        return len(question.text)
    return found.end()


def is_a_name(concept: QuestionConcept) -> bool:
    """Whether a concept names a thing: any a vocabulary knows, and a keyword of two letters
    at least, not a number that only narrows the question ("at 40", "approved in 2018")."""
    return (
        concept.role is not ConceptRole.KEYWORD
        or sum(char.isalpha() for char in concept.mention) >= MIN_NAME_LETTERS
    )


ANSWERS_ON_THE_SUBJECT = 0.5
"""The relevance from which a sentence naming the subject shows its record answers on it:
more likely than not an answer. The answer threshold itself left out records whose
sentence naming the drug answered plainly but scored below it."""
REFERS_BACK = 1
"""How many sentences after one naming the subject may speak of it without its name
("Fragile X syndrome patients exhibit severe boundary disruption …" just after the sentence
naming daSTRs)."""


def on_the_subject(
    found: Sequence[Candidate], question: Question
) -> frozenset[tuple[str, int]] | None:
    """The sentences that answer on the question's subject (``subject``), as ``(record id,
    sentence index)``, or None when the question names no subject: only these lead its
    answer. Each is a sentence naming the subject that is more likely than not an answer,
    or one just after it that does not open with a name of its own (``opens_with_a_name``)
    unless a name is what the question asks for.

    A record that names the subject can still answer only the question's other words: "Is
    AZD9668 a VEGF mRNA drug?" was led by AZD8601, another drug, and "Is telomestatin …
    a statin drug?" by PCSK9 inhibitors, from records naming the drug asked about only in
    passing (BioASQ dev). Nor does every sentence of a record naming it speak of it: "Is
    the CADM2 gene associated with … processing speed?" was led by another sentence of a
    study naming CADM2, on six loci of irritable bowel syndrome; "Is HDAC1 required for
    GATA-1 transcriptional activity?" by a study's single-cell results rather than its
    sentence on HDAC1 (BioASQ dev, with the gold removed and present). A sentence after
    the one naming the subject that opens with another name speaks of that: "Is durvalumab
    used for lung cancer treatment?" was led by "Olaparib, a poly (ADP-ribose) polymerase
    inhibitor, has demonstrated …", the sentence after a review's on durvalumab (BioASQ
    dev, its gold removed). Asked for a name, though, the name after is the answer: "Which
    algorithms have been developed for analysing CRISPR/Cas9 knockout screens data?" is
    answered by "MAGeCK demonstrates better performance …" (BioASQ dev).
    """
    named = subject(question)
    if not named:
        return None
    named = _with_alternatives(named, question)
    asks_a_name = question.answer_kind is AnswerKind.NAMING
    naming = {
        (c.record_id, c.sentence.index)
        for c in found
        if c.relevance >= ANSWERS_ON_THE_SUBJECT and c.names_any(named)
    }
    return frozenset(
        (c.record_id, c.sentence.index)
        for c in found
        if (c.record_id, c.sentence.index) in naming
        or (
            any(
                (c.record_id, c.sentence.index - back) in naming
                for back in range(1, REFERS_BACK + 1)
            )
            and (asks_a_name or c.names_any(named) or not opens_with_a_name(c.sentence.text))
        )
    )


def _with_alternatives(concept_ids: Sequence[str], question: Question) -> list[str]:
    """``concept_ids`` and the concepts the question offers in their stead ("Ritalin or
    Adderall", ``Question.alternatives``): a sentence on methylphenidate answers on the
    subject of "Do ADHD meds like Ritalin or Adderall increase the risk of MI …?", though
    it does not name Adderall (review 13)."""
    offered = [
        concept_id
        for group in question.alternatives
        if set(group) & set(concept_ids)
        for concept_id in group
    ]
    return list(dict.fromkeys([*concept_ids, *offered]))


def opens_with_a_name(text: str) -> bool:
    """Whether a sentence's first word is written like a drug's or a gene's name
    (``looks_like_a_name``): it is what the sentence speaks of."""
    words = tokenize(text[leading_label_length(text) :])
    return bool(words) and looks_like_a_name(words[0].text)


def states_something(text: str) -> bool:
    """Whether a sentence says something, rather than being a line of the page around it.

    Web pages for patients (MedQuAD's NIH pages) carry lines that are sentences to a
    splitter but answer nothing: a title or a name on a line of its own ("National
    Institute of Allergy and Infectious Diseases", "CDC Podcast: Antiviral Drugs … Oct 19"),
    a list of links, a notice about the site itself or its media ("The content on this
    website is being archived", "Watch the video to learn more about …"), or a pointer to
    another page ("See the following summaries for more information about …", "Visit our
    … page"). A question, on a page or in an abstract, asks; it does not answer.
    """
    if is_title_or_question(text):
        return False
    if sum(len(link) for link in _LINK.findall(text)) * 2 >= len(text):
        return False
    return not (_ABOUT_THE_SITE.search(text) or _POINTER.search(text))


def _tie_breakers(item: RetrievedRecord, notes: SentenceNotes, policy: AudiencePolicy) -> float:
    """The evidence level's bonus and the reader's preferences, together at most ~0.1."""
    level = item.grade.level if item.grade else EvidenceLevel.UNGRADED
    prefers = policy.numbers_weight if notes.numbers else 0.0
    if notes.role is SentenceRole.METHODS:
        prefers += policy.methods_weight
    if policy.readability_weight and notes.readability is not None:
        plain = max(0.0, min(1.0, (notes.readability - 30) / 50))
        prefers += policy.readability_weight * plain
    if item.record.source.plain_language:
        prefers += policy.plain_language_weight
    return LEVEL_BONUS[level] + PREFERENCE_SHARE * prefers


@dataclass(frozen=True, slots=True)
class Fit:
    """How a candidate speaks to a facet: 0..1, and why it is only indirect, if it is."""

    value: float
    indirect: str = ""

    @property
    def direct(self) -> bool:
        """Evidence on exactly what was asked."""
        return self.value >= 0.5 and not self.indirect


def facet_fit(candidate: Candidate, facet: Facet, question: Question) -> Fit:
    """How well ``candidate`` speaks to ``facet`` (see ``Fit``).

    Each facet concept counts fully when the sentence names it, half when only its
    record does; an asked test or modality named only through a sibling (CT where MRI
    was asked) makes the evidence indirect. Facets named by the kind of question need
    one of their cue words in the sentence; a sentence naming a treatment the question
    asks about speaks to treatment whatever its words: "Which works better for chronic
    tension-type headache: amitriptyline, stress management, or both?" was led by
    "Further placebo-controlled trials … might confirm …", which says "treatment", over
    "Amitriptyline significantly reduced … frequency and duration of headache …", which
    does not (review 14).
    """
    named = set(candidate.notes.concepts)
    topics = candidate.item.topics
    parts: list[float] = []
    indirect: list[str] = []
    by_id = {c.id: c for c in question.concepts}
    for concept_id in facet.concept_ids:
        concept = by_id.get(concept_id)
        if concept_id in named:
            parts.append(1.0)
        elif topics is not None and topics.score(concept_id) > 0:
            parts.append(0.5)
        elif concept_id + RELATED in named and concept is not None:
            parts.append(0.6)
            indirect.append(
                f"{_sibling_named(candidate, concept.related)}, not the {concept.name} asked about"
            )
        else:
            parts.append(0.0)
    if facet.cue_words and not facet.concept_ids and not by_id:
        return _words_fit(candidate, facet.cue_words)
    if facet.cue_words:
        # a kind of question ("diagnosis") counts when a sentence names it together with
        # what the question is about (its condition, body system, population …), not
        # for any sentence saying "detect"
        lowered = _UNEXPLAINED.sub(" ", candidate.sentence.text.lower())
        if facet.label == QuestionType.ETIOLOGY.value:
            lowered = _without_causing_another(lowered, question)
        cued = any(cue in lowered for cue in facet.cue_words) or (
            facet.label == QuestionType.TREATMENT.value
            and candidate.names_any([c.id for c in question.with_role(ConceptRole.INTERVENTION)])
        )
        about = any(
            c.id in named
            for c in question.concepts
            if c.role not in (ConceptRole.IMAGING, ConceptRole.TEST)
        )
        parts.append(1.0 if cued and about else 0.0)
    if not parts or min(parts) == 0.0:
        return Fit(0.0)
    return Fit(sum(parts) / len(parts), "; ".join(indirect))


_A_CAUSE_OF = re.compile(
    r"(?:\b(?:is|are|was|were|remains?|represents?|being)\s+(?:(?:a|an|the|one)\s+)?|"
    r",\s+(?:a|an|the|one)\s+)(?:[\w-]+\s+){0,3}?causes?\s+of\b"
)
"""Words saying a sentence's subject is a cause of something ("… is a frequent cause of"),
also in an apposition ("Achondroplasia, the most common cause of chondrodysplasia in man
…, is a condition of unknown origin …" led "Mutations in which gene cause
achondroplasia?", review 30)."""


def _without_causing_another(lowered: str, question: Question) -> str:
    """``lowered`` without the words saying its subject is a cause of something that is
    not the condition asked about (named as the question wrote it, or by its preferred
    name): asked "What causes Morton's neuroma?", "Morton's neuroma is a frequent cause of
    metatarsalgia." says what the neuroma causes, and it led the page (review 23). Not by
    every name of the condition: MeSH lists "Morton's Metatarsalgia" among the neuroma's."""
    asked = {
        word
        for concept in question.with_role(ConceptRole.CONDITION)
        for name in (concept.mention, concept.name)
        for word in content_words(name)
    }
    for found in reversed(list(_A_CAUSE_OF.finditer(lowered))):
        if not asked & set(content_words(lowered[found.end() :])):
            lowered = lowered[: found.start()] + " " + lowered[found.end() :]
    return lowered


_UNEXPLAINED = re.compile(
    r"\bunexplained\b|\b(?:remains?|yet|is|are|was|were|be|has|have)\s+(?:still\s+)?(?:to\s+be|not"
    r"(?:\s+been)?(?:\s+(?:fully|completely|well|yet))?)\s+explained\b"
)
"""What says a cause is not known: no sentence on the cause asked for that. "How does
Zyprexa cause weight gain?" was led by "… the olanzapine-related reduction in weight gain
remains to be explained.", "explain" being a word of causes (review 20)."""

WORDS_IN_RECORD, WORDS_IN_SENTENCE = 0.8, 0.5


def _words_fit(candidate: Candidate, words: tuple[str, ...]) -> Fit:
    """A question without concepts: nearly all its words in the record, half in the sentence.

    So a lexical answer is given where the words say the same thing, and none where they
    only brush past it ("best" and "learning" are no answer on the violin).
    """
    record = candidate.item.record
    whole = f"{record.title} {record.abstract}".lower()
    if sum(word in whole for word in words) < WORDS_IN_RECORD * len(words):
        return Fit(0.0)
    lowered = candidate.sentence.text.lower()
    share = sum(word in lowered for word in words) / len(words)
    return Fit(share if share >= WORDS_IN_SENTENCE else 0.0)


def _sibling_named(candidate: Candidate, related: tuple[str, ...]) -> str:
    lowered = candidate.sentence.text.lower()
    return next((name for name in related if name.lower() in lowered), "a related test")
