"""Find the concepts a text names: longest dictionary match over canonical words.

At each word, the longest run of words whose canonical form is a vocabulary term wins
(so "systemic lupus erythematosus" beats "lupus"); runs never cross a sentence or
clause break, since vocabulary terms do not. Where no term matches in order, a run of
two to four words may match a term's words in another order ("cancer of the breast"),
unless a name written in order starts inside the run and ends past it.
Abbreviations match case-sensitively: those the text itself defines ("copper toxicosis
(CT)") mean their long form's concept, and any short forms the caller trusts (the
vocabularies' own, or the senses chosen for a question) are looked up last.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from medcite.records import ConceptMention
from medcite.understand.abbreviations import find_definitions
from medcite.understand.lexicon import Lexicon
from medcite.words import TERM_STOP_WORDS, Token, bag_key, canonical_words, tokenize

_BREAK = re.compile(r"[.;:!?()\[\],]|(?<![^\W_])/|/(?![^\W_])")
"""What ends a clause, which no name spans: punctuation, and a slash between words
only where a space stands beside it ("CT / MRI"). A slash within a word joins its
parts ("attention-deficit/hyperactivity disorder"), and "CT/MRI" names no term whole, so
each side is read on its own."""
_ATTACHED_BRACKETS = re.compile(r"(?<=[^\W_])\([^\s()]{1,12}\)")
"""Brackets written inside a name, no space before them ("lipoprotein(a)", "25(OH)D"):
they end no clause. Read as breaks, "Does having high lipoprotein(a) raise my risk of a
heart attack?" asked about lipoproteins, the class (review 25)."""
_MAX_BAG_WORDS = 4
_ABBREVIATED_GENUS = re.compile(r"(?<![^\W_])[A-Z]\. [a-z]")
"""A genus cut to its capital before a species ("H. pylori", "E. coli")."""


def find_mentions(
    text: str,
    lexicon: Lexicon,
    *,
    short_forms: Mapping[str, tuple[str, ...]] | None = None,
    word_order: bool = False,
) -> tuple[ConceptMention, ...]:
    """The concept mentions of ``text``, in order, without overlaps.

    ``short_forms`` maps abbreviations (exact case) to concept ids for short forms the
    text uses without defining them; ``word_order`` also matches words in another
    order (slower: meant for questions, not for whole abstracts).
    """
    tokens = tokenize(text)
    keys = [token.key for token in tokens]
    attached = [(found.start(), found.end() - 1) for found in _ATTACHED_BRACKETS.finditer(text)]
    segment_of = _segments(text, tokens, attached)
    local = _defined_short_forms(text, lexicon)
    closing = {close for _, close in attached}
    mentions: list[ConceptMention] = []
    position = 0
    while position < len(tokens):
        found = _longest_term(keys, segment_of, position, lexicon)
        if word_order:  # another order wins only if it covers more words
            reordered = _bag_match(keys, segment_of, position, lexicon)
            if (
                reordered is not None
                and (found is None or reordered[0] > found[0])
                and not _cuts_a_term(keys, segment_of, position, reordered[0], lexicon)
            ):
                found = reordered
        if found is None:
            found = _short_form(tokens[position].text, local, short_forms)
        if found is None:
            position += 1
            continue
        length, ids, via = found
        first, last = tokens[position], tokens[position + length - 1]
        end = last.end + (last.end in closing)  # "lipoprotein(a)" with its bracket
        mentions.append(ConceptMention(first.start, end, text[first.start : end], ids, via))
        position += length
    return tuple(mentions)


def count_concepts(
    text: str, lexicon: Lexicon, short_forms: Mapping[str, tuple[str, ...]] | None = None
) -> Counter[str]:
    """How often ``text`` names each concept (by its first id): the fast path for counting.

    Longest match like :func:`find_mentions`, but blind to clause breaks and to short
    forms the text defines, and without offsets: about ten times faster, for scoring
    many retrieved abstracts against a question's few concepts.
    """
    words, keys = canonical_words(text)
    counts: Counter[str] = Counter()
    if lexicon.words.isdisjoint(keys) and (not short_forms or short_forms.keys().isdisjoint(words)):
        return counts
    position, total = 0, len(keys)
    while position < total:
        longest = (
            min(lexicon.longest, total - position) if keys[position] in lexicon.first_words else 1
        )
        for length in range(longest, 0, -1):
            ids = lexicon.terms.get(
                " ".join(keys[position : position + length]) if length > 1 else keys[position]
            )
            if ids:
                counts[ids[0]] += 1
                position += length
                break
        else:
            ids = short_forms.get(words[position]) if short_forms else None
            if ids:
                counts[ids[0]] += 1
            position += 1
    return counts


def _segments(text: str, tokens: list[Token], attached: list[tuple[int, int]]) -> list[int]:
    """For each word, the number of its clause: a run of words may not span two. The
    point of an abbreviated genus ("H. pylori") ends no clause, nor do the brackets inside
    a name (``attached``: where each opens and closes, ``_ATTACHED_BRACKETS``)."""
    segment, previous_end, numbers = 0, 0, []
    named = {at for pair in attached for at in pair}
    for token in tokens:
        # one character on, so a slash is seen with the word after it (``_BREAK``)
        breaks = _BREAK.finditer(text, previous_end, token.start + 1)
        if any(
            b.start() not in named and not _ABBREVIATED_GENUS.match(text, b.start() - 1)
            for b in breaks
        ):
            segment += 1
        numbers.append(segment)
        previous_end = token.end
    return numbers


def _longest_term(
    keys: list[str], segment_of: list[int], position: int, lexicon: Lexicon
) -> tuple[int, tuple[str, ...], str] | None:
    longest = 1
    if keys[position] in lexicon.first_words:
        longest = min(lexicon.longest, len(keys) - position)
    for length in range(longest, 0, -1):
        if segment_of[position + length - 1] != segment_of[position]:
            continue
        ids = lexicon.terms.get(" ".join(keys[position : position + length]))
        if ids:
            return length, ids, ""
    return None


def _cuts_a_term(
    keys: list[str], segment_of: list[int], position: int, length: int, lexicon: Lexicon
) -> bool:
    """Whether a name written in order starts inside the run and ends past it: then the
    run's words belong to that name, not to one in another order ("women with
    *postpartum haemorrhage*" is no mention of "Postpartum Women")."""
    end = position + length
    for start in range(position + 1, end):
        found = _longest_term(keys, segment_of, start, lexicon)
        if found is not None and start + found[0] > end:
            return True
    return False


_CONJUNCTIONS = frozenset({"and", "or", "but"})
"""Words joining two things: "help his nerves and the pain" names no nerve pain
(Neuralgia), which a match of its words in another order read, and a trial of melatonin
before wisdom-teeth extraction was filtered out as not naming that condition (review 41)."""


def _bag_match(
    keys: list[str], segment_of: list[int], position: int, lexicon: Lexicon
) -> tuple[int, tuple[str, ...], str] | None:
    if keys[position] in TERM_STOP_WORDS:
        return None
    for length in range(min(_MAX_BAG_WORDS, len(keys) - position), 1, -1):
        end = position + length - 1
        if segment_of[end] != segment_of[position] or keys[end] in TERM_STOP_WORDS:
            continue
        if _CONJUNCTIONS.intersection(keys[position + 1 : end]):
            continue  # two things joined, not one named in another order
        ids = lexicon.bags.get(bag_key(keys[position : end + 1]))
        if ids:
            return length, ids, ""
    return None


def _short_form(
    word: str,
    local: Mapping[str, tuple[tuple[str, ...], str]],
    trusted: Mapping[str, tuple[str, ...]] | None,
) -> tuple[int, tuple[str, ...], str] | None:
    if word in local:
        ids, long_form = local[word]
        return 1, ids, long_form
    if trusted and word in trusted:
        return 1, trusted[word], ""
    return None


def concepts_of_phrase(phrase: str, lexicon: Lexicon, *, whole: bool = False) -> tuple[str, ...]:
    """The concept a phrase names: the one its last words name ("intraspinal calcinosis"
    → calcinosis), as a long form's head noun comes last in English; () when none.

    ``whole`` asks for a concept that names the phrase itself, not just its head: for a
    sense of an abbreviation, "preterm premature rupture of membranes" is not "Membranes".
    """
    mentions = find_mentions(phrase, lexicon, word_order=True)
    if not mentions or mentions[-1].end != len(phrase.rstrip()):
        return ()
    if whole and mentions[-1].start > len(phrase) - len(phrase.lstrip()):
        return ()
    return mentions[-1].concept_ids


def defined_short_forms(texts: Iterable[str], lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """The short forms ``texts`` define whose long form names a concept of ``lexicon``:
    short form → the concept's ids, the first definition of each winning.

    A record defines an abbreviation once and writes it from then on: "Treatment of young
    infants with macrolide antibiotics was strongly associated with IHPS …" names
    infantile hypertrophic pyloric stenosis, which the record's first lines spelled out
    (review 9). Each sentence read alone would not know it.
    """
    defined: dict[str, tuple[str, ...]] = {}
    for text in texts:
        if "(" in text:  # a definition is written "long form (SF)" or "SF (long form)"
            for short, (ids, _) in _defined_short_forms(text, lexicon).items():
                defined.setdefault(short, ids)
    return defined


def _defined_short_forms(text: str, lexicon: Lexicon) -> dict[str, tuple[tuple[str, ...], str]]:
    """Short forms ``text`` defines whose long form is a known concept: SF → (ids, LF)."""
    defined: dict[str, tuple[tuple[str, ...], str]] = {}
    for definition in find_definitions(text):
        ids = concepts_of_phrase(definition.long_form, lexicon)
        if ids:
            defined.setdefault(definition.short_form, (ids, definition.long_form))
    return defined
