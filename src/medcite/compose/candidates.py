"""Candidate statements: every usable sentence of an on-topic record, scored once.

A sentence's base score adds what makes a good statement regardless of facet: where it
sits (conclusions and results over background and methods), whether it reports results
(numbers), how strong its record's evidence is (level, a prior), how recent, and how
well retrieval ranked the record. How well it speaks to each facet is ``facet_fit``.

Only records about the question's condition are candidates at all: a record not about
it (``RecordTopics.is_about``) may share the words but is not evidence on this disease,
and is never cited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medcite.compose.audience import AudiencePolicy
from medcite.compose.labels import leading_label_length
from medcite.records import (
    ConceptRole,
    EvidenceLevel,
    Facet,
    PValue,
    Question,
    RetrievedRecord,
    Sentence,
    SentenceNotes,
)
from medcite.words import canonical_word

MIN_CHARS, MAX_CHARS = 40, 600
RELATED = "~related"
"""Suffix of a concept id marking a sentence that names a sibling (CT beside MRI)."""

SECTION_PRIOR = {
    "CONCLUSIONS": 0.30,
    "CONCLUSION": 0.30,
    "RESULTS": 0.20,
    "FINDINGS": 0.20,
    "UNASSIGNED": 0.0,
    "": 0.0,
    "OBJECTIVE": -0.15,
    "BACKGROUND": -0.15,
    "INTRODUCTION": -0.15,
    "METHODS": -0.20,
}
"""NLM's NlmCategory values (and common author labels) → how answer-like the section is."""

LEVEL_PRIOR = {
    EvidenceLevel.GUIDELINE: 0.30,
    EvidenceLevel.SYNTHESIS: 0.25,
    EvidenceLevel.RANDOMIZED: 0.20,
    EvidenceLevel.NONRANDOMIZED: 0.10,
    EvidenceLevel.CASE: 0.0,
    EvidenceLevel.OPINION: -0.05,
    EvidenceLevel.PRELIMINARY: -0.05,
    EvidenceLevel.PRECLINICAL: -0.10,
    EvidenceLevel.UNGRADED: 0.0,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that could become a statement, with its base score."""

    item: RetrievedRecord
    sentence: Sentence
    notes: SentenceNotes
    score: float
    concluding: bool

    @property
    def record_id(self) -> str:
        """The id of the record the sentence belongs to."""
        return self.item.record.id


def on_topic(question: Question, item: RetrievedRecord) -> bool:
    """Whether the record is about (one of) the question's conditions."""
    conditions = question.with_role(ConceptRole.CONDITION)
    if not conditions or item.topics is None:
        return True
    return item.topics.is_about(c.id for c in conditions)


def candidates(
    question: Question,
    retrieved: Sequence[RetrievedRecord],
    policy: AudiencePolicy,
    this_year: int,
) -> list[Candidate]:
    """The usable sentences of the on-topic records, best base score first."""
    found = []
    for item in retrieved:
        if not on_topic(question, item):
            continue
        notes = item.notes or tuple(SentenceNotes() for _ in item.sentences)
        for sentence, note in zip(item.sentences, notes, strict=True):
            if not MIN_CHARS <= len(sentence.text) <= MAX_CHARS:
                continue
            if policy.avoid_p_values and any(isinstance(n, PValue) for n in note.numbers):
                continue
            concluding = is_concluding(item, sentence)
            found.append(
                Candidate(
                    item,
                    sentence,
                    note,
                    _base_score(item, sentence, note, policy, this_year)
                    + (0.15 if concluding else 0.0),
                    concluding,
                )
            )
    found.sort(key=lambda c: (-c.score, c.item.rank, c.sentence.index))
    return found


def _base_score(
    item: RetrievedRecord,
    sentence: Sentence,
    notes: SentenceNotes,
    policy: AudiencePolicy,
    this_year: int,
) -> float:
    section = _section_key(item, sentence)
    prior = SECTION_PRIOR.get(section, 0.0)
    if section == "METHODS":
        prior += policy.methods_weight
    level = item.grade.level if item.grade else EvidenceLevel.UNGRADED
    year = item.record.year
    recency = 0.0 if year is None else max(0.0, min(1.0, (year - 1990) / max(1, this_year - 1990)))
    plain = 0.0
    if policy.readability_weight and notes.readability is not None:
        plain = policy.readability_weight * max(0.0, min(1.0, (notes.readability - 30) / 50))
    if item.record.source.plain_language:
        plain += policy.plain_language_weight
    return (
        prior
        + LEVEL_PRIOR[level]
        + (policy.numbers_weight if notes.numbers else 0.0)
        + 0.1 * recency
        + 0.3 / item.rank
        + plain
    )


def _section_key(item: RetrievedRecord, sentence: Sentence) -> str:
    section = item.record.sections[sentence.section_index]
    return (section.category or canonical_word(section.label.rstrip(":"))).upper()


def is_concluding(item: RetrievedRecord, sentence: Sentence) -> bool:
    """A conclusions section, a sentence opening with "CONCLUSION(S):", or the last
    sentence of an unstructured abstract."""
    section = item.record.sections[sentence.section_index]
    if section.category == "CONCLUSIONS" or section.label.upper().startswith("CONCLUSION"):
        return True
    label = leading_label_length(sentence.text)
    if label and sentence.text[:label].upper().startswith("CONCLUSION"):
        return True
    if len(item.record.sections) == 1 and not section.label:
        return sentence.end >= len(section.text.rstrip())
    return False


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
    one of their cue words in the sentence.
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
        lowered = candidate.sentence.text.lower()
        cued = any(cue in lowered for cue in facet.cue_words)
        about = any(
            c.id in named
            for c in question.concepts
            if c.role not in (ConceptRole.IMAGING, ConceptRole.TEST)
        )
        parts.append(1.0 if cued and about else 0.0)
    if not parts or min(parts) == 0.0:
        return Fit(0.0)
    return Fit(sum(parts) / len(parts), "; ".join(indirect))


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
