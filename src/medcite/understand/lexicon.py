"""The lexicon: every name of every loaded concept, in canonical form, ready to match.

Built once from the vocabularies (a few seconds for MeSH and the Disease Ontology) and
kept as one msgpack file beside them, so answering never waits for it. Three tables:

* ``terms``: canonical term → concept ids. Inverted MeSH names ("Leukemia, Myeloid,
  Acute") are entered in reading order ("acute myeloid leukemia"); the inverted form
  itself would match across a sentence break ("…sclerosis. Systemic…").
* ``bags``: the sorted content words of multi-word names → concept ids, for word-order
  variants ("cancer of the breast" ↔ "breast cancer").
* ``short_forms``: abbreviations the vocabularies list (MeSH ABB/ACR, "MS (Multiple
  Sclerosis)"), case-sensitive, because "MS" and "ms" are different things; one listed
  with a space is also entered without it ("Hb A1c" and "HbA1c"), as clinicians write it.

A name whose words a hyphen joins is also entered with them written as one word
(``closed_compounds``: "Corneal Collagen Cross-Linking" as "… crosslinking", "beta-Blockers"
as "betablockers"), as many authors write them.

A drug class named "… Agents" or "… Drugs" is also known by the other ways a text names a
class as given (``HEAD_FORMS``): "antiretroviral therapy" is MeSH's "Antiretroviral Agents",
which lists no such name, where no concept is so named itself ("Immunosuppressive Therapy"
is a descriptor of its own); so is a kind of "… Surgical Procedures" by "… surgery", where
no concept but a medical specialty is so named (``SPECIALTY_TREES``).

Words are keyed as ``medcite.words`` folds them, Greek letters spelled out: "β-blockers"
in a text meets "beta-Blockers" in a name. ``LEXICON_FORMAT`` changes with the keys, so a
cached lexicon built by other rules is built again.

A Disease Ontology term cross-referenced to MeSH (``xref: MESH:D012595``) names the same
concept: its names map to both ids, MeSH first.

A fourth table, ``describing``, holds the adjectives that name a body part ("cardiac" →
Heart, "renal" → Kidney, "cutaneous" → Skin), read off the vocabularies' own names: MeSH
names one disease "Heart Diseases" and "Cardiac Diseases". No vocabulary knows the
adjective alone, so "What are the cardiac complications of …?" lost the organ it asks
about. The table is for questions only; records are matched by ``terms`` as before.

Everyday names no vocabulary lists ("kids", "hypos", "wet the bed": ``lay_names``) are
terms too, where MeSH gives that name to no concept (a synonym only the Disease Ontology
gives yields to them).

A fifth table, ``brands``, holds drugs' brand names and the generic names they stand for
(``brands``: "singulair" → montelukast), for a brand in a question that no vocabulary
names; records are not matched by it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

import msgspec

from medcite.records import DISEASE_ONTOLOGY_PREFIX, Concept, Vocabulary
from medcite.understand.brands import brand_generics
from medcite.understand.lay_names import LAY_NAMES
from medcite.understand.roles import is_within
from medcite.words import STOP_WORDS, TERM_STOP_WORDS, Token, bag_key, canonical_word, tokenize

LEXICON_FORMAT = 38
MAX_TERM_WORDS = 8
"""Longer names are chemical nomenclature nobody writes in a question or a sentence."""
CLASS_FORMS = ("agent", "drug", "medication", "therapy", "treatment")
"""How a text names a class of drugs as given: "antiretroviral therapy", "antiretroviral
drugs" for MeSH's "Antiretroviral Agents", which lists neither."""
HEAD_FORMS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("agent",): CLASS_FORMS,
    ("drug",): CLASS_FORMS,
    ("surgical", "procedure"): ("surgery",),
    ("vaccine",): ("jab", "shot", "drop"),
}
"""The last words of a name → the other words a text ends that name with: a drug class's
("Anti-Retroviral Agents"), a kind of operation's, which clinicians call surgery
("heart surgery", "cardiac surgery" for MeSH's "Heart Surgical Procedures"), and a
vaccine's, which people call a jab, a shot, or drops where it is swallowed ("the
shingles jab", "his rotavirus drops": read as the disease and the virus, review 40)."""
SPECIALTY_TREES = ("H02",)
"""MeSH's medical specialties. Some are named as clinicians name an operation: "Cardiac
Surgery" and "Heart Surgery" are entry terms of the specialty "Thoracic Surgery", so "Do
statins protect the kidneys after heart surgery?" was read as asking about a discipline,
which no question is about, and the operation was lost (review 11). A form of an
operation's name takes such a name from the specialty."""

COMMON_WORDS = frozenset(
    """ability affect association attention biological carrying cellular classification
    community companion emergency environment family form forms future generation hand
    health history human humans index induced kinetic kinetics knowledge lead leads life
    light measure measures method methods minor nature need new observation observations
    overall paper patient patients play population populations procedure procedures
    production program regulation relative report repression research respect review role
    rose scale self sensitivity separated solution solutions specificity standard strain
    supply technique techniques these thought time times weight will work""".split()
)
"""Single words that are MeSH names but in running text nearly always mean something
else or nothing in particular ("these" folds to the entry term "Theses"; "lead" is
mostly a verb). Found as the most frequent one-word matches in 3,000 abstracts of the
demo corpus whose everyday sense dominates; they still count inside longer names.
Reading how the BioASQ train and dev questions are understood found seven more, each an
entry term of a concept the question did not mean: "Is autism *thought* to be …"
(Thinking), "the *companion* diagnostic HercepTest" (Friends), "vaccine *strains*"
(Sprains and Strains), "patients *carrying* 1p21.3 deletions" (Lifting), "an Amish
*community*" (Residence Characteristics), "across *generations* of C. elegans" (Family
Characteristics) and "gene *repression*" (the psychological defence). A hand review
found "weight", an entry term of Weights and Measures (the standards of measurement):
"Why does Zyprexa make people gain so much weight?" was read as asking about a test
(review 25); a person's weight is its everyday name (``lay_names``). "Emergencies" is
what "emergency" names alone, where a question means how urgent a treatment was: "What is
the long-term survival after emergency surgical pericardiotomy …?" had a facet
"emergency" and a gap saying no record answered it (review 28).
"""


class Lexicon(msgspec.Struct, frozen=True):
    """Canonical names → concept ids; see the module docstring."""

    terms: dict[str, tuple[str, ...]]
    bags: dict[str, tuple[str, ...]]
    short_forms: dict[str, tuple[str, ...]]
    first_words: frozenset[str]
    longest: int
    trees: dict[str, tuple[str, ...]] = {}
    """MeSH tree numbers of every concept that has them (for roles and relatedness)."""
    words: frozenset[str] = frozenset()
    """Every canonical word of every term: a text sharing none names no term."""
    describing: dict[str, tuple[str, ...]] = {}
    """An adjective that names a body part → the part's ids (``organ_adjectives``)."""
    brands: dict[str, str] = {}
    """A drug's brand, in lower case → the generic name it stands for (``brand_generics``)."""
    format: int = LEXICON_FORMAT

    def to_bytes(self) -> bytes:
        """The lexicon as msgpack, for the cache file."""
        return msgspec.msgpack.encode(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> Lexicon:
        """A lexicon read back from :meth:`to_bytes`."""
        return msgspec.msgpack.decode(data, type=cls)


def reading_order(name: str) -> str:
    """An inverted MeSH name in reading order.

    "Leukemia, Myeloid, Acute" → "Acute Myeloid Leukemia".
    """
    parts = [part.strip() for part in name.split(", ")]
    return " ".join(reversed(parts)) if len(parts) > 1 else name


def canonical_ids(concepts: Iterable[Concept]) -> dict[str, tuple[str, ...]]:
    """Each concept's ids as mentions report them: itself, and the MeSH ids it cross-references."""
    ids: dict[str, tuple[str, ...]] = {}
    for concept in concepts:
        mesh = tuple(x.removeprefix("MESH:") for x in concept.xrefs if x.startswith("MESH:D"))
        ids[concept.id] = (*mesh, concept.id) if mesh else (concept.id,)
    return ids


def build_lexicon(concepts: Iterable[Concept]) -> Lexicon:
    """The lexicon of every name of ``concepts``."""
    concept_list = list(concepts)
    ids_of = canonical_ids(concept_list)
    terms: dict[str, list[str]] = defaultdict(list)
    bags: dict[str, list[str]] = defaultdict(list)
    short_forms: dict[str, list[str]] = defaultdict(list)
    formed: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    names_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    read = _read_names(concept_list)
    mesh_names = _names_mesh_gives(concept_list, ids_of, read)
    for concept in concept_list:
        ids = ids_of[concept.id]
        for name in (concept.name, *concept.synonyms):
            if is_written_short_form(name):
                _add(short_forms, name, ids)  # "WHO", "AIDS": only in capitals
                continue
            ordered, tokens = read[name]
            keys = [token.key for token in tokens]
            if not _worth_matching(keys) or _mesh_names_otherwise(concept, ids, keys, mesh_names):
                continue
            names_of[concept.id].append(tuple(keys))
            for spelling in dict.fromkeys((tuple(keys), closed_compounds(ordered, tokens))):
                _add(terms, " ".join(spelling), ids)
                if _any_order(spelling):
                    _add(bags, bag_key(spelling), ids)
            for head, forms in HEAD_FORMS.items():
                if len(keys) > len(head) and tuple(keys[-len(head) :]) == head:
                    for form in forms:
                        formed[" ".join((*keys[: -len(head)], form))].add(ids)
        for short in concept.abbreviations:
            for written in dict.fromkeys((short, short.replace(" ", ""))):
                if 2 <= len(written) <= 10:
                    _add(short_forms, written, ids)  # "Hb A1c" is written "HbA1c" too
    trees = {c.id: c.tree_numbers for c in concept_list if c.tree_numbers}
    for key, named in formed.items():
        if len(named) != 1:  # two concepts so formed: neither
            continue
        if key in terms and all(is_within(trees.get(i, ()), SPECIALTY_TREES) for i in terms[key]):
            del terms[key]  # "cardiac surgery" is the operation, not the discipline
        if key not in terms:  # a name of its own wins
            _add(terms, key, next(iter(named)))
    _add_abbreviated_genera(terms, concept_list, ids_of)
    _add_lay_names(terms, ids_of)
    multi_word = [key.split(" ") for key in terms if " " in key]
    return Lexicon(
        terms={key: tuple(ids) for key, ids in terms.items()},
        bags={key: tuple(ids) for key, ids in bags.items()},
        short_forms={key: tuple(ids) for key, ids in short_forms.items()},
        first_words=frozenset(words[0] for words in multi_word),
        longest=max((len(words) for words in multi_word), default=1),
        trees=trees,
        words=frozenset(word for key in terms for word in key.split(" ")),
        describing=organ_adjectives(names_of.values(), terms, trees),
        brands=brand_generics(),
    )


def _read_names(concepts: Sequence[Concept]) -> dict[str, tuple[str, list[Token]]]:
    """Each name of ``concepts`` in reading order and as tokens: read once, though both
    ``_names_mesh_gives`` and the lexicon's own loop need it (a fifth of building the
    lexicon of MeSH and the Disease Ontology went on reading each name twice)."""
    read: dict[str, tuple[str, list[Token]]] = {}
    for concept in concepts:
        for name in (concept.name, *concept.synonyms):
            if name not in read:
                ordered = reading_order(name)
                read[name] = (ordered, tokenize(ordered))
    return read


def _names_mesh_gives(
    concepts: Sequence[Concept],
    ids_of: Mapping[str, tuple[str, ...]],
    read: Mapping[str, tuple[str, list[Token]]],
) -> dict[str, set[str]]:
    """Each name MeSH gives a descriptor (canonical key) → the ids it names."""
    named: dict[str, set[str]] = defaultdict(set)
    for concept in concepts:
        if concept.vocabulary is Vocabulary.MESH:
            for name in (concept.name, *concept.synonyms):
                key = " ".join(token.key for token in read[name][1])
                named[key].update(ids_of[concept.id])
    return named


def _mesh_names_otherwise(
    concept: Concept, ids: tuple[str, ...], keys: Sequence[str], mesh_names: Mapping[str, set[str]]
) -> bool:
    """Whether the Disease Ontology gives ``concept``, which it cross-references to MeSH, a
    name that MeSH gives another descriptor: MeSH's reading wins. The Disease Ontology has
    "gestational hypertension" as an exact synonym of pre-eclampsia, which MeSH files
    apart ("Hypertension, Pregnancy-Induced"), so a study of folic acid and gestational
    hypertension counted as one on pre-eclampsia and led "Does taking folic acid in
    pregnancy lower the chance of pre-eclampsia?" over the one on pre-eclampsia (review
    19). A term the Disease Ontology alone knows keeps every name it gives."""
    if concept.vocabulary is not Vocabulary.DISEASE_ONTOLOGY or ids == (concept.id,):
        return False
    mesh = mesh_names.get(" ".join(keys), set())
    return bool(mesh) and mesh.isdisjoint(ids)


def _any_order(keys: Sequence[str]) -> bool:
    """Whether a name is met in any order of its words ("breast cancer", "cancer of the
    breast"): two content words at least, none a function word the order gives its sense
    to. "After-Treatment" (Aftercare) is no "treatment after": "What's the best treatment
    after TURBT for … bladder cancer?" was read as about aftercare (review 17)."""
    content = [key for key in keys if key not in TERM_STOP_WORDS]
    return len(content) > 1 and not any(key in STOP_WORDS for key in content)


ORGANISM_TREES = ("B01.043", "B01.300", "B02", "B03", "B04")
"""MeSH's microorganisms named by genus and species: alveolates (Plasmodium), fungi,
archaea, bacteria and viruses."""
_BINOMIAL = re.compile(r"([A-Z])[a-z]+ ([a-z]{3,})")


def _add_abbreviated_genera(
    terms: dict[str, list[str]], concepts: Sequence[Concept], ids_of: Mapping[str, tuple[str, ...]]
) -> None:
    """Add each microorganism's name with its genus abbreviated ("H. pylori" for
    Helicobacter pylori, "S. aureus"), as everyone writes it after the first mention and
    clinicians write it always: "Is H. pylori eradication effective for MALT lymphoma?"
    lost the organism, and "Does E. coli …" asked about "coli" (review 17). Only where one
    concept gives the form and no name of any concept is it already."""
    formed: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for concept in concepts:
        if not is_within(concept.tree_numbers, ORGANISM_TREES):
            continue
        for name in (concept.name, *concept.synonyms):
            if found := _BINOMIAL.fullmatch(name):
                formed[f"{found.group(1).lower()} {canonical_word(found.group(2))}"].add(
                    ids_of[concept.id]
                )
    for key, named in formed.items():
        if len(named) == 1 and key not in terms:
            _add(terms, key, next(iter(named)))


def _add_lay_names(terms: dict[str, list[str]], ids_of: Mapping[str, tuple[str, ...]]) -> None:
    """Add the everyday names of loaded concepts (``lay_names``) that MeSH gives no concept:
    MeSH's name wins, one only the Disease Ontology gives does not. A name is the MeSH
    concept's and its Disease Ontology twins', as the concept's own names are: the
    Disease Ontology's urinary tract infection lists "UTI", MeSH's does not, and named
    "bladder infections", the concept was not searched as "UTI", and a trial writing only
    "recurrent UTI" was no record on it (review 37)."""
    twins: dict[str, list[str]] = defaultdict(list)
    for ids in ids_of.values():
        for mesh in ids[:-1]:  # the MeSH ids a concept cross-references
            twins[mesh].append(ids[-1])
    for concept_id, names in LAY_NAMES.items():
        if concept_id not in ids_of:
            continue
        ids = (*ids_of[concept_id], *(i for i in twins[concept_id] if i != concept_id))
        for name in names:
            key = " ".join(token.key for token in tokenize(name))
            if all(known.startswith(DISEASE_ONTOLOGY_PREFIX) for known in terms.get(key, ())):
                terms[key] = list(ids)


ORGAN_TREES = tuple(f"A{n:02d}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16, 17))
"""MeSH's anatomy of the human body: regions, organs and their systems, tissues, blood;
not cells and their parts (A11), animals' structures (A13) or plants' (A18)."""
ADJECTIVE_ENDINGS = ("ac", "al", "ar", "ic", "ine", "ous", "ary")
"""How English adjectives of a body part end: "cardiac", "renal", "ocular", "uterine"."""
MIN_ADJECTIVE_NAMES = 5
"""Names of different concepts that must pair an adjective with one body part before it
counts as that part's. In MeSH 2024 and the Disease Ontology "cardiac" pairs with "heart"
in 36 concepts; "vascular" with "capillary" in 4 (its own part, blood vessels, has a name
of two words) and "neonatal" with "muscle" in 3, by chance."""


def organ_adjectives(
    names_of_concepts: Iterable[list[tuple[str, ...]]],
    terms: Mapping[str, Iterable[str]],
    trees: Mapping[str, tuple[str, ...]],
) -> dict[str, tuple[str, ...]]:
    """Adjective → the ids of the body part it names, from names of one concept that
    differ in one word only, a body part's one-word name in one and an adjective in the
    other ("Heart Diseases" and "Cardiac Diseases", "Kidney Failure" and "Renal
    Failure").

    An adjective counts when ``MIN_ADJECTIVE_NAMES`` concepts or more pair it with one
    part, more than twice as many as with any other ("neuronal" pairs with "axon" and
    with "neurite" in 3 concepts each: not counted).
    """
    parts = {
        key: tuple(ids)
        for key, ids in terms.items()
        if " " not in key and any(is_within(trees.get(i, ()), ORGAN_TREES) for i in ids)
    }
    pairings: dict[str, Counter[str]] = defaultdict(Counter)
    for names in names_of_concepts:
        found = set()
        for one, other in combinations(set(names), 2):
            if len(one) != len(other):
                continue
            differ = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
            if len(differ) != 1:
                continue
            for part, word in (differ[0], differ[0][::-1]):
                if part in parts and word not in parts and word.endswith(ADJECTIVE_ENDINGS):
                    found.add((word, part))
        for word, part in found:
            pairings[word][part] += 1
    describing = {}
    for word, counts in pairings.items():
        ranked = counts.most_common(2)
        part, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if count >= MIN_ADJECTIVE_NAMES and count > 2 * runner_up:
            describing[word] = parts[part]
    return describing


MIN_COMPOUND_PART = 2
"""Letters each side of a hyphen for the two to be written as one word: "cross-linking",
"beta-blockers", not "X-rays" (nobody writes "Xrays" for the name)."""


def closed_compounds(text: str, tokens: list[Token]) -> tuple[str, ...]:
    """The keys of a name with its hyphenated words written as one ("Corneal Collagen
    Cross-Linking" as "corneal collagen crosslinking"), as authors often write them.

    Words split at a hyphen (``medcite.words``), so a text writing the closed form ("…
    corneal collagen crosslinking (CXL) …", review 11) met no name of the concept: not
    in the question, and not in the record, whose short form "CXL" so named nothing.
    """
    keys: list[str] = []
    joined = False  # a word joins one neighbour at most: "a-b-c" → "ab c"
    for before, token in zip([None, *tokens], tokens, strict=False):
        if before is not None and not joined and _hyphenated(text, before, token):
            keys[-1] = canonical_word(before.text + token.text)
            joined = True
            continue
        keys.append(token.key)
        joined = False
    return tuple(keys)


def _hyphenated(text: str, before: Token, after: Token) -> bool:
    """Whether two words of ``text`` are one hyphen apart, both words of letters."""
    return (
        after.start == before.end + 1
        and text[before.end] in "-‐‑"
        and before.text.isalpha()
        and after.text.isalpha()
        and min(len(before.text), len(after.text)) >= MIN_COMPOUND_PART
    )


def is_written_short_form(name: str) -> bool:
    """A one-word name written mostly in capitals ("WHO", "AIDS", "mRNA"), ≤ 6 characters."""
    capitals = sum(char.isupper() for char in name)
    return 2 <= len(name) <= 6 and name.isalnum() and capitals >= 2 and capitals * 2 >= len(name)


def _worth_matching(keys: list[str]) -> bool:
    if not keys or len(keys) > MAX_TERM_WORDS:
        return False
    if len(keys) == 1:
        word = keys[0]
        return (
            len(word) > 2
            and not word.isdigit()
            and word not in TERM_STOP_WORDS
            and word not in COMMON_WORDS
        )
    return True


def _add(table: dict[str, list[str]], key: str, ids: tuple[str, ...]) -> None:
    known = table[key]
    known.extend(i for i in ids if i not in known)
