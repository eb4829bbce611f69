"""What the relevance model sees of a sentence: how it meets the question, where it stands.

Each feature is a number in a fixed order (``FEATURES``); the trained model weighs them.
They describe a (question, sentence) pair the way a reader would judge it:

* how much of the question the sentence, its record's title and the whole record cover,
  words weighted by rarity in the corpus (idf), a concept's words covered wherever the
  text names the concept by any of its names ("spinal cord" covers "central nervous
  system"), and the rarest question word it misses —
  a sentence on the topic but not on the question misses the word that makes it *this*
  question;
* the sentence's BM25 against the question and the question's word pairs found close
  together in it (term proximity, after Metzler & Croft 2005);
* the question's concepts it names (any of their names), the condition above all;
* its rhetorical role (background … conclusions) and administrative lines (funding,
  registration), its position, numbers and effect sizes, its length;
* how retrieval ranked its record, and the record's evidence level;
* the kind of answer the question wants, alone and with the features it changes: a
  yes/no question is answered by a finding, a "which" question by a sentence that names
  something the question does not.

Words are compared as the stems (``medcite.words.stem``) of the canonical words every
stage uses: "relapsing" meets "relapse", as it does in the index.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from medcite.records import (
    AnswerKind,
    EffectEstimate,
    EvidenceLevel,
    Percentage,
    Proportion,
    PValue,
    Rate,
    ReportedNumber,
    SentenceNotes,
    SentenceRole,
)
from medcite.words import canonical_words, content_words, is_content_word, stem

BM25_K1, BM25_B, AVERAGE_SENTENCE_WORDS = 1.2, 0.75, 25.0
"""Okapi BM25 over one sentence (Robertson & Zaragoza 2009's usual constants)."""
PROXIMITY_WINDOW = 3
"""Neighbouring question words count as together when at most this many words apart."""
NOVEL_RARITY = 0.4
"""A sentence word rarer than this (idf, as a share of an unseen word's), absent from the
question, names something new (in a corpus of 13,000 records, an idf of about 4)."""

RHETORICAL = (
    SentenceRole.BACKGROUND,
    SentenceRole.OBJECTIVE,
    SentenceRole.METHODS,
    SentenceRole.RESULTS,
    SentenceRole.CONCLUSIONS,
)

FEATURES = (
    "cover_sentence",
    "cover_with_title",
    "cover_record",
    "missing_rarest",
    "matched_words",
    "bm25",
    "bm25_relative",
    "bm25_in_record",
    "proximity",
    "concepts_sentence",
    "condition_sentence",
    "concepts_record",
    "title_cover",
    *(f"role_{role.value}" for role in RHETORICAL),
    "administrative",
    "position",
    "first",
    "last",
    "has_number",
    "has_effect",
    "has_percent",
    "length",
    "record_rank",
    "record_score",
    "level_guideline_or_synthesis",
    "level_randomized",
    "novel_words",
    "kind_yes_no",
    "kind_naming",
    "yes_no_x_results",
    "yes_no_x_conclusions",
    "naming_x_novel",
    "naming_x_cover",
    "summary_x_conclusions",
)
"""Every feature, in the order the model's weights follow."""


@dataclass(frozen=True, slots=True)
class QuestionWords:
    """The question as sentence scoring sees it: weighted content words, concepts, kind."""

    weights: Mapping[str, float]
    """Each canonical content word of the question and its rarity in the corpus (idf as a
    share of an unseen word's, ``weigh.relative_rarity``)."""
    order: tuple[str, ...]
    concept_ids: tuple[str, ...]
    condition_ids: tuple[str, ...]
    kind: AnswerKind
    concept_of: Mapping[str, str] = field(default_factory=dict)
    """The concept whose name in the question a word belongs to ("nervous" → CNS's id): a
    text naming that concept any way it can ("spinal cord", "CNS") covers the word."""

    def covered(self, words: frozenset[str], concepts: Iterable[str]) -> frozenset[str]:
        """The question words a text covers: its own words, and those of concepts it names."""
        named = set(concepts)
        return words | {word for word, concept in self.concept_of.items() if concept in named}

    @property
    def total(self) -> float:
        """The summed weight of every question word (at least a tiny positive number)."""
        return sum(self.weights.values()) or 1e-9


@dataclass(frozen=True, slots=True)
class RecordContext:
    """What a sentence's record contributes: its title and words, rank, grade, concepts,
    and its best sentence's BM25 (so a sentence is also judged against its neighbours)."""

    title_words: frozenset[str]
    words: frozenset[str]
    concept_ids: frozenset[str]
    title_concepts: frozenset[str]
    rank: int
    score: float
    level: EvidenceLevel
    sentences: int
    best_bm25: float = 0.0


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence to score: its text, place, role, and what the notes found in it."""

    text: str
    index: int
    role: Mapping[SentenceRole, float]
    administrative: bool
    notes: SentenceNotes


def question_words(
    text: str,
    idf: Mapping[str, float],
    concepts: Mapping[str, Sequence[str]],
    condition_ids: Sequence[str],
    kind: AnswerKind,
) -> QuestionWords:
    """The question's content words weighted by ``idf`` (canonical word → idf).

    ``concepts`` maps each concept's id to its names (as the question wrote it first); the
    question's words among them are the concept's.
    """
    order = _content_stems(text)
    default = max(idf.values(), default=1.0)
    concept_of = {
        word: concept_id
        for concept_id, names in concepts.items()
        for name in names
        for word in _content_stems(name)
    }
    return QuestionWords(
        weights={word: idf.get(word, default) for word in order},
        order=order,
        concept_ids=tuple(concepts),
        condition_ids=tuple(condition_ids),
        kind=kind,
        concept_of={word: c for word, c in concept_of.items() if word in order},
    )


def sentence_features(
    question: QuestionWords,
    record: RecordContext,
    sentence: SentenceView,
    best_bm25: float,
    idf: Mapping[str, float],
) -> tuple[float, ...]:
    """The features of one sentence, in ``FEATURES`` order.

    ``best_bm25`` is the highest sentence BM25 among the question's candidates, so
    ``bm25_relative`` says how this sentence compares with the best on offer.
    """
    keys = _keys(sentence.text)
    words = question.covered(frozenset(keys), sentence.notes.concepts)
    weights = question.weights
    title = question.covered(record.title_words, record.title_concepts)
    with_title = words | title
    cover_sentence = _cover(weights, words) / question.total
    missing = [weights[w] for w in weights if w not in with_title]
    rarest = max(weights.values(), default=0.0) or 1.0
    bm25 = sentence_bm25(question, keys)
    named = set(sentence.notes.concepts)
    concepts = question.concept_ids
    conditions = question.condition_ids
    role = sentence.role
    # as the shipped model learned them: not shares in words ("one-third"), which changed
    # its scores when it was shown them, nor rates ("38 per 1000"), read since
    numbers = [n for n in sentence.notes.numbers if not _unseen_in_training(n)]
    novel = sum(
        1
        for word in words
        if word not in weights and is_content_word(word) and idf.get(word, 0.0) >= NOVEL_RARITY
    )
    novel_share = min(novel, 5) / 5
    position = sentence.index / max(record.sentences - 1, 1)
    yes_no = question.kind is AnswerKind.YES_NO
    naming = question.kind is AnswerKind.NAMING
    # the shipped model learned "how much" questions as summaries, before they had a kind
    summary = question.kind in (AnswerKind.SUMMARY, AnswerKind.QUANTITY)
    results = role.get(SentenceRole.RESULTS, 0.0)
    conclusions = role.get(SentenceRole.CONCLUSIONS, 0.0)
    return (
        cover_sentence,
        _cover(weights, with_title) / question.total,
        _cover(weights, question.covered(record.words, record.concept_ids) | title)
        / question.total,
        max(missing, default=0.0) / rarest,
        math.log1p(len(words & weights.keys())),
        math.log1p(bm25),
        bm25 / best_bm25 if best_bm25 > 0 else 0.0,
        bm25 / record.best_bm25 if record.best_bm25 > 0 else 0.0,
        _proximity(question.order, keys),
        _share(concepts, named),
        1.0 if not conditions else float(any(c in named for c in conditions)),
        _share(concepts, record.concept_ids),
        _cover(weights, title) / question.total,
        *(role.get(kind, 0.0) for kind in RHETORICAL),
        float(sentence.administrative),
        position,
        float(sentence.index == 0),
        float(sentence.index == record.sentences - 1),
        float(bool(numbers)),
        float(any(isinstance(n, EffectEstimate | PValue) for n in numbers)),
        float(any(isinstance(n, Percentage) for n in numbers)),
        math.log(max(len(sentence.text), 20)) / math.log(600),
        1.0 / record.rank,
        record.score,
        float(record.level in (EvidenceLevel.GUIDELINE, EvidenceLevel.SYNTHESIS)),
        float(record.level is EvidenceLevel.RANDOMIZED),
        novel_share,
        float(yes_no),
        float(naming),
        float(yes_no) * results,
        float(yes_no) * conclusions,
        float(naming) * novel_share,
        float(naming) * cover_sentence,
        float(summary) * conclusions,
    )


def _unseen_in_training(number: ReportedNumber) -> bool:
    """Whether a number is of a kind ``find_numbers`` did not read when the shipped model
    was trained: a share in words ("one-third") or a rate ("38 per 1000")."""
    return isinstance(number, Rate) or (
        isinstance(number, Proportion) and number.text[:1].isalpha()
    )


def sentence_bm25(question: QuestionWords, keys: Sequence[str]) -> float:
    """Okapi BM25 of a sentence (its canonical words) for the question's words."""
    counts: dict[str, int] = {}
    for key in keys:
        if key in question.weights:
            counts[key] = counts.get(key, 0) + 1
    norm = BM25_K1 * (1 - BM25_B + BM25_B * len(keys) / AVERAGE_SENTENCE_WORDS)
    return sum(
        question.weights[word] * count * (BM25_K1 + 1) / (count + norm)
        for word, count in counts.items()
    )


def sentence_words(text: str) -> tuple[str, ...]:
    """The stems of a sentence's words, in order (function words kept, for proximity)."""
    return _keys(text)


@lru_cache(maxsize=16_384)
def _keys(text: str) -> tuple[str, ...]:
    return tuple(stem(key) for key in canonical_words(text)[1])


def _content_stems(text: str) -> tuple[str, ...]:
    """The stems of a text's content words, in order, each once."""
    return tuple(dict.fromkeys(stem(key) for key in content_words(text)))


def _cover(weights: Mapping[str, float], words: frozenset[str]) -> float:
    return sum(weight for word, weight in weights.items() if word in words)


def _share(wanted: Sequence[str], found: set[str] | frozenset[str]) -> float:
    if not wanted:
        return 0.0
    return sum(1 for item in wanted if item in found) / len(wanted)


def _proximity(order: Sequence[str], keys: Sequence[str]) -> float:
    """The share of the question's neighbouring word pairs found close together."""
    pairs = [(a, b) for a, b in pairwise(order) if a != b]
    if not pairs:
        return 0.0
    positions: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        positions.setdefault(key, []).append(position)
    together = 0
    for first, second in pairs:
        if any(
            abs(i - j) <= PROXIMITY_WINDOW
            for i in positions.get(first, ())
            for j in positions.get(second, ())
        ):
            together += 1
    return together / len(pairs)
