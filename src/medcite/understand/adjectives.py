"""Adjectives that name a concept no vocabulary lists them under.

Vocabularies name things by nouns: MeSH has "Heart" and "Diabetes Mellitus", not
"cardiac" or "diabetic". Clinicians ask with adjectives: "the *cardiac* complications of
Emery-Dreifuss muscular dystrophy", "Does metformin reduce mortality in *diabetic*
patients?". Dropped, the first asked about the dystrophy as a whole and the second about
metformin in anyone, so two kinds of adjective are read here:

* A body part's ("cardiac", "renal", "cutaneous"): the lexicon's ``describing`` table,
  read off the vocabularies' own pairs of names (``lexicon.organ_adjectives``), unless it
  is the site in a disease's name ("*cerebral* arterial gas embolism").
* A disease's, where it describes people ("*diabetic* patients", "*obese* children",
  "*hypertensive* women"): "X-ic patients" are patients with X. The vocabularies pair no
  such adjective with its disease, so the noun is made by the suffixes English
  alternates between the two (``SUFFIXES``: diabet-ic / diabet-es, asthma-tic / asthma,
  hypertens-ive / hypertens-ion, obes-e / obes-ity) and kept only where it is the
  one-word name of a disease the vocabularies know; or the adjective names the disease
  with "disease" after it ("*celiac* patients": celiac disease). Elsewhere such an
  adjective often names no disease: "DNase I *hypersensitive* sites" are no
  hypersensitivity, and the name of a disease usually covers its adjective already
  ("*allergic* rhinitis").

Either way the adjective is the mention, so the concept is searched and met by it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.records import DISEASE_ONTOLOGY_PREFIX, ConceptMention, ConceptRole, Vocabulary
from medcite.understand.lexicon import Lexicon
from medcite.understand.roles import concept_role
from medcite.words import Token, is_content_word, term_key, tokenize

PEOPLE = (
    r"(?:patients|people|persons|individuals|adults|children|infants|adolescents|women|men|"
    r"subjects|participants|those|ones|carriers|survivors|smokers|users|recipients|cases)"
)
"""Words for the people a question is about ("patients", "children", "women")."""
_PEOPLE_NEXT = re.compile(rf"\s+{PEOPLE}\b", re.IGNORECASE)

SUFFIXES = (
    ("etic", "etes"),  # diabetic: diabetes
    ("itic", "itis"),  # arthritic: arthritis
    ("otic", "osis"),  # cirrhotic, psychotic, osteoporotic
    ("atic", "asis"),  # psoriatic: psoriasis
    ("atic", "a"),  # asthmatic: asthma
    ("ptic", "psis"),  # septic: sepsis
    ("ptic", "psy"),  # epileptic: epilepsy
    ("istic", "ism"),  # autistic: autism
    ("ic", "ia"),  # anemic, leukemic, schizophrenic, uremic
    ("ic", "y"),  # allergic: allergy, atopic: atopy
    ("ic", "ism"),  # alcoholic: alcoholism
    ("ive", "ion"),  # hypertensive: hypertension, depressive: depression
    ("e", "ity"),  # obese: obesity
)
"""The endings a disease's adjective has and the endings of its noun, in English."""
MIN_STEM = 2
"""Letters of an adjective before its ending: "se" of "se-ptic"."""


def described_concepts(
    text: str, mentions: Sequence[ConceptMention], lexicon: Lexicon
) -> list[ConceptMention]:
    """The concepts the words of ``text`` outside ``mentions`` name by an adjective."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in tokenize(text):
        if token.start in covered or text[token.end : token.end + 1] == "-":
            continue  # a name's part, or part of a longer word ("renal-limited")
        ids = _body_part(text, token, mentions, lexicon) or _disease_of_people(text, token, lexicon)
        if ids:
            found.append(ConceptMention(token.start, token.end, token.text, ids, by_adjective=True))
    return found


def _body_part(
    text: str, token: Token, mentions: Sequence[ConceptMention], lexicon: Lexicon
) -> tuple[str, ...]:
    """The body part ``token`` names (the lexicon's ``describing``), or () where it is the
    site in a disease's name: "*cerebral* arterial gas embolism" is a kind of gas embolism,
    and read as a body system of its own it took the place of "How should … be *treated*?",
    the treatment the question asks for (a hand review)."""
    ids = lexicon.describing.get(token.key, ())
    following = next((m for m in mentions if m.start >= token.end), None)
    if not ids or following is None:
        return ids
    between = text[token.end : following.start]
    same_phrase = all(is_content_word(word.key) for word in tokenize(between)) and not re.search(
        r"[^\w\s-]", between
    )
    if same_phrase and any(_is_a_disease(i, lexicon) for i in following.concept_ids):
        return ()
    return ids


def _disease_of_people(text: str, token: Token, lexicon: Lexicon) -> tuple[str, ...]:
    """The disease ``token`` names where it describes people ("*diabetic* patients"), or ()."""
    if not _PEOPLE_NEXT.match(text, token.end):
        return ()
    word = token.text.lower()
    for adjective, noun in SUFFIXES:
        if not word.endswith(adjective) or len(word) - len(adjective) < MIN_STEM:
            continue
        key = term_key(word[: -len(adjective)] + noun)
        ids = lexicon.terms.get(key, ()) if " " not in key else ()
        diseases = tuple(i for i in ids if _is_a_disease(i, lexicon))
        if diseases:  # "cirrhosis" is Liver Cirrhosis here, not also Fibrosis
            return diseases
    named = lexicon.terms.get(term_key(f"{word} disease"), ())  # "celiac" patients
    return tuple(i for i in named if _is_a_disease(i, lexicon))


def _is_a_disease(concept_id: str, lexicon: Lexicon) -> bool:
    vocabulary = (
        Vocabulary.DISEASE_ONTOLOGY
        if concept_id.startswith(DISEASE_ONTOLOGY_PREFIX)
        else Vocabulary.MESH
    )
    return concept_role(vocabulary, lexicon.trees.get(concept_id, ())) is ConceptRole.CONDITION
