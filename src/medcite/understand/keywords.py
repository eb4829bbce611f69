"""Keep what no vocabulary knows: salient words of a question become keyword concepts.

MeSH names few drugs of the last decade (most monoclonal antibodies and antisense drugs
are supplementary records, if anything) and no gene variant; a question about
"concizumab" or "CPX351" that dropped the word would answer something else. So a word of
the question that no recognised concept covers is kept as a concept of its own, role
``KEYWORD``, named by the word as written, when it is salient: shaped like a drug or
gene name (digits, inner capitals, an INN stem), or not a word of everyday English
(``ENGLISH_FREQUENCY``) and rare in the corpus. "Safest", "send" or "compress" are rare
in abstracts but everyday English: not what a question is about. Neighbouring words
joined by a hyphen stay one name ("SLIC-CAGE", "GLS-5700").

A vocabulary that uses a word only inside longer names does not know it alone: MeSH has
"Nanog Homeobox Protein", "Zika Virus" and a combination drug named with "efavirenz",
so "Is Nanog repressed …?", "… the Zika and dengue viruses" and "… predictor of
efavirenz disposition" lost the word that says what they ask about. Such a word is kept
like any other when it is a noun, a name. A word ending as an English adjective
(``DESCRIBING_ENDINGS``: "biallelic", "neuropsychiatric", "necrotizing") only narrows
the longer name it belongs to; kept alone, it let a sentence on biallelic variants of
another gene answer "List signs of patients with biallelic variants in KARS1" (BioASQ
dev, its gold removed). Nor is it kept where it names the outcome a verb of effect
changes, which is kept as that outcome (below).

A word written with letters and digits is also looked for in its other spellings, since
authors write "CPX-351" where the question has "CPX351", and the reverse.

The outcome a verb of effect names is kept the same way, whatever its words: "Does
metformin reduce *cardiovascular events*?" asks about them, everyday English or not. Such
an outcome is a concept of role ``FINDING``, so it is a facet of its own and
``Question.outcomes`` names it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import pairwise
from typing import cast

from medcite.records import KEYWORD_PREFIX, ConceptRole, QuestionConcept
from medcite.understand.kinds import SHORTHAND_KINDS
from medcite.words import (
    DESCRIBING_ENDINGS,
    JUDGEMENT_WORDS,
    Token,
    is_content_word,
    looks_like_a_name,
    tokenize,
)

SALIENT_IDF = 4.0
"""A word rarer than this (idf; about one record in 50) says what a question is about;
the words that only ask ("effective", "used", "treatment") stay near 2-3."""
QUESTION_WORDS = frozenset(
    """role function effect effects use used using usage mechanism type types kind main
    common new novel describe description list name names mode action associated
    association involved involvement developed approved indicated indication target
    targeted available difference different example frequency rate level levels number
    best first good known method approach""".split()
)
"""Words that ask about something rather than name it ("what is the *role* of …")."""
CLINICAL_SHORTHAND = frozenset(
    (*(word for words in SHORTHAND_KINDS.values() for word in words), "hx", "pt", "pts")
)
"""A clinician's shorthand for a kind asked (``kinds.SHORTHAND_KINDS``) or for patients:
no word an answer must name ("… for dx of pneumonia in primary care pts …" refused, no
sentence saying "dx" or "pts", review 41)."""
_APOSTROPHES = ("'", "’")
"""What joins a contraction's tail ("ve" of "I've") to its word: the tail names nothing."""
_NEGATIONS = ("'t", "’t")
"""What ends a negative contraction: its head ("hasn" of "hasn't", "doesn", "won") is a
verb, no word of the question's topic."""
LATIN_PHRASE_WORDS = frozenset("novo vivo vitro situ silico utero ovo vacuo".split())
"""Words of the Latin phrases that say how or where something was found ("de novo", "in
vivo", "in silico"), never what a question is about."""
_DECADE = re.compile(r"(?:1[89]|20)\d0'?s|'?\d0'?s")
"""A decade ("the 1960s", "the 90s"): when something happened, not what a question is
about: "… birth defects in babies back in the 1960s?" had a gap saying no record
answered on "1960s" (review 31). A year may name what is asked ("Has CPX351 use changed
from 2002 to 2007?") and stays."""
_AGE = re.compile(
    r"\w\s+(?:is|was|am|turned|turns|aged)\s+(\d{1,3})"
    r"(?=\s*(?:$|[,.;:?!]|and\b|but\b|years?\b|yrs?\b|now\b|next\b|this\b))",
    re.IGNORECASE,
)
"""Someone's age as the asker tells it ("My mum is 70 and her GP offered her the
shingles jab."): who the question is for, not what it asks; kept, it was a facet and a
gap of its own (review 40). A number a question asks of ("Is 70 too old for …?") opens
it and stays."""
EVERYDAY = 50
"""Occurrences in pyspellchecker's English word frequencies (built from OpenSubtitles)
from which a word counts as everyday English; drug and gene names have none."""

Rarity = Callable[[Iterable[str]], Mapping[str, float]]
"""Words → their idf in the corpus (the index's ``word_rarity``)."""


def keyword_concepts(
    text: str,
    covered: set[int],
    vocabulary_words: frozenset[str],
    rarity: Rarity | None,
) -> list[QuestionConcept]:
    """The keyword concepts of ``text``: salient words outside ``covered`` positions.

    A word shaped like a name counts even where the vocabularies use it in a longer term
    ("SAMHD1" in "SAMHD1 protein"): unmatched, the question would lose it. A hyphenated
    name is kept whole, parts a concept covers included ("GLS-5700", not "5700").
    """
    tokens = tokenize(text)
    open_words = [
        t
        for t in tokens
        if t.start not in covered
        and is_content_word(t.key)
        and t.key not in QUESTION_WORDS
        and t.text.lower() not in CLINICAL_SHORTHAND
        and text[t.start - 1 : t.start] not in _APOSTROPHES  # "I've", "we'll": no word
        and text[t.end : t.end + 2] not in _NEGATIONS  # "hasn't", "doesn't": no word
    ]
    idf = rarity(t.text for t in open_words) if rarity is not None and open_words else {}
    spans = outcome_spans(text)
    in_outcomes = {t.start for a, b in spans for t in tokens if a <= t.start < b}

    ages = {found.start(1) for found in _AGE.finditer(text)}

    def salient(token: Token) -> bool:
        if _DECADE.fullmatch(token.text) or token.start in ages:
            return False
        if looks_like_a_name(token.text):
            return True
        if token.key in LATIN_PHRASE_WORDS:
            return False
        if token.key in vocabulary_words and (
            token.start in in_outcomes or token.key.endswith(DESCRIBING_ENDINGS)
        ):
            return False
        return not is_everyday_english(token.text) and idf.get(token.text, 0) >= SALIENT_IDF

    quantities = {
        t.start
        for number, unit in pairwise(tokens)
        if _is_unit(text, number, unit)
        for t in (number, unit)
    }
    seeds = {t.start for t in open_words if t.start not in quantities and salient(t)}

    def numbered(group: list[Token]) -> bool:
        """A word numbered after a hyphen, no English word and no quantity: a protein's
        or a gene's name ("Mcl-1", "Bcl-2"), though neither part alone looks like one."""
        return (
            len(group) > 1
            and group[-1].text.isdigit()
            and all(t.start not in covered and t.start not in quantities for t in group)
            and not any(is_everyday_english(t.text) for t in group if not t.text.isdigit())
        )

    def coded(group: list[Token]) -> bool:
        """Capitals and digits joined by hyphens, the last part no concept's: a subtype's
        code ("FA-N", "FA-D1"), though its first part abbreviates the disease and the
        rest is a letter. Dropped, "Which gene is mutated in Fanconi anemia subtype
        FA-N?" was led by the gene of subtype FA-D1 (review 13)."""
        return (
            len(group) > 1
            and group[-1].start not in covered
            and all(_CODE_PART.fullmatch(t.text) for t in group)
            and any(not t.text.isdigit() for t in group)  # a range ("2-26") is no name
        )

    def kept(group: list[Token]) -> bool:
        if _joined_by_brackets(text, group):  # written as one name: "25(OH)D", "Lp(a)"
            return any(t.start not in covered for t in group)
        return any(t.start in seeds for t in group) or numbered(group) or coded(group)

    keywords = [_concept(text, group) for group in _name_groups(text, tokens) if kept(group)]
    named = {i for concept in keywords for i in range(concept.start, concept.end)}
    outcomes = [
        _concept(text, phrase, ConceptRole.FINDING)
        for phrase in _effect_objects(text, tokens, spans, covered | named, vocabulary_words)
    ]
    agents = [
        _concept(text, phrase)
        for phrase in _effect_agents(text, tokens, covered | named, vocabulary_words)
    ]
    found = sorted([*keywords, *outcomes, *agents], key=lambda concept: concept.start)
    return _first_of_each(found)


def _first_of_each(concepts: Sequence[QuestionConcept]) -> list[QuestionConcept]:
    """The concepts but a name written again: "I took Paxlovid for COVID … Is that a known
    thing with Paxlovid?" asked about one drug, read as two facets of the same name and
    two headings under research (review 33)."""
    seen: set[str] = set()
    first = []
    for concept in concepts:
        if concept.id not in seen:
            seen.add(concept.id)
            first.append(concept)
    return first


_CODE_PART = re.compile(r"[A-Z][A-Z\d]{0,3}|\d{1,3}[A-Z]?")
"""A part of a code: capitals and digits, a capital first ("FA", "D1", "N"), or a short
number ("19", "1A")."""
_EFFECT_VERB = re.compile(
    r"\b(?<!-)(?:(?<=\bassociated\swith\s)|(?<!\bwith\s))"
    r"(?:reduc(?:e[sd]?|ing)|lower(?:s|ed|ing)?|prevent(?:s|ed|ing)?|increas(?:e[sd]?|ing)|"
    r"improv(?:e[sd]?|ing)|decreas(?:e[sd]?|ing)|rais(?:e[sd]?|ing)|worsen(?:s|ed|ing)?|"
    r"caus(?:e[sd]?|ing)|cut(?:s|ting)?|delay(?:s|ed|ing)?|slow(?:s|ed|ing)?|shorten(?:s|ed|ing)?|"
    r"prolong(?:s|ed|ing)?|protect(?:s|ed|ing)?\s+against|stop(?:s|ped|ping)?|"
    r"reliev(?:e[sd]?|ing)|eas(?:e[sd]?|ing)|cur(?:e[sd]?|ing)|heal(?:s|ed|ing)?|"
    r"resolv(?:e[sd]?|ing)|"
    r"mak(?:es?|ing)\s+(?:[\w'’]+\s+){0,3}?(?:start\s+)?(?:hav(?:e|ing)|get(?:ting)?|develop))"
    r"\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?P<measure>(?:[^\W\d_]+['’]s\s+)?(?:[^\W\d_][\w-]*\s+)?"
    r"(?:(?:risk|incidence|rate|odds|chance|likelihood|occurrence|frequency|"
    r"number|severity|duration|onset)\s+of|(?:need|requirement)\s+for))\s+(?:the\s+|a\s+|an\s+)?)?",
    re.IGNORECASE,
)
"""A verb of effect, its article, and the measure it changes ("reduce the risk of", "reduce
the need for"), with whose it is and a word saying which ("increase *the mother's later
risk of* cancer", "the lifetime risk of"): what follows is the outcome the question asks
about ("Does BiPAP reduce the need for intubation …?" asked about "need", review 20).
Verbs only: "reductase", "prediction", no word hyphenated to the one before ("all-cause"),
and none describing what follows "with" ("heart failure with reduced ejection fraction"
asks no effect on it) but "associated with" ("associated with increased cancer risk").
People ask an effect as what something makes them have: "Can a strep throat infection
make my child suddenly start having OCD or tics?" named no outcome (review 29)."""
MAX_OUTCOME_WORDS = 3


def effect_verb_starts(text: str) -> frozenset[int]:
    """Where each verb of effect starts: what stands just before it is the agent the
    question asks about ("Does *Lactobacillus reuteri* reduce colic?")."""
    return frozenset(verb.start() for verb in _EFFECT_VERB.finditer(text))


_PARTICLE = re.compile(r"(?:down|back)\b", re.IGNORECASE)
"""The adverb of a phrasal verb ("cuts *down* by half", "cut *back* on salt"): what the
verb changes does not follow it. Other particles ("up", "off", "out") are function words,
which end an outcome anyway."""


def outcome_starts(text: str) -> frozenset[int]:
    """Where an outcome may start: right after each verb of effect and its article, unless
    the verb is phrasal: "If a heavy smoker cuts down by half, …" asked about "down"."""
    return frozenset(
        verb.end() for verb in _EFFECT_VERB.finditer(text) if not _PARTICLE.match(text, verb.end())
    )


def outcome_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the outcomes stand: from each start (``outcome_starts``) over the content words
    that follow, spaced or hyphenated, to the first function word or punctuation mark
    ("reduce *periprocedural MI* in …": both words name the outcome); a function word
    hyphenated to the next is part of a modifier ("reduce *all-cause mortality*"). An
    outcome joined to one by "and" or "or" is one too: "… better than CPAP for reducing
    *mortality* or *intubation*?" read intubation as a test, and each treatment crossed
    with it made a facet that the meta-analysis of both outcomes answered in no sentence
    (review 25); but not a verb of effect, whose own outcome follows it ("reduce pain and
    *improve* function")."""
    tokens = tokenize(text)
    verbs = effect_verb_starts(text)
    spans = [verb.span() for verb in _OUTCOME_VERB.finditer(text)]
    for start in sorted(outcome_starts(text)):
        while (end := _phrase_end(text, tokens, start)) > start:
            spans.append((start, end))
            joined = _COORDINATED.match(text, end)
            if joined is None or joined.end() in verbs:
                break
            start = joined.end()
    return tuple(sorted(spans))


_OUTCOME_VERB = re.compile(r"\b(?:survive[sd]?|lives?\s+longer)\b", re.IGNORECASE)
"""Verbs that are themselves the outcome asked, as people ask it: "Does filtering the
blood help people who drink paraquat weed killer *survive*?" asks about survival, as the
lay names read them (review 27)."""


_COORDINATED = re.compile(r"\s*,?\s+(?:and/or|and|or)\s+", re.IGNORECASE)
"""What joins a second outcome to the first ("mortality *or* intubation")."""


def _phrase_end(text: str, tokens: Sequence[Token], start: int) -> int:
    """The end of the content words from ``start`` (``start`` itself where none follows)."""
    end = start
    for token in (t for t in tokens if t.start >= start):
        joined = text[token.end : token.end + 1] == "-"  # "all-cause": one modifier
        if text[end : token.start].strip() not in ("", "-") or not (
            is_content_word(token.key) or joined
        ):
            break
        end = token.end
    return end


def effect_measures(text: str) -> tuple[tuple[int, int], ...]:
    """Where each measure a verb of effect changes stands ("reduce *the incidence of*
    tuberculosis", "lower *the risk of* stroke"): a noun there names what is changed, not
    a kind of question asked (no question on epidemiology)."""
    return tuple(
        verb.span("measure") for verb in _EFFECT_VERB.finditer(text) if verb.group("measure")
    )


def _effect_objects(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int]],
    covered: set[int],
    vocabulary_words: frozenset[str],
) -> list[list[Token]]:
    """The outcomes no vocabulary matched that follow a verb of effect (``spans``, from
    ``outcome_spans``), each a phrase.

    "Does metformin reduce *cardiovascular events* in type 2 diabetes?", "Does vitamin D
    prevent *fractures* in older adults?": everyday words, so not salient, yet the point of
    the question; dropped, it became "metformin in type 2 diabetes", and a rat study the
    answer. An outcome's noun phrase (``outcome_spans``) is kept when its words name a
    thing of their own (``_names_by_its_words``). Otherwise it is no outcome of its own:
    it only qualifies a recognised concept ("fungal *pneumonia*"), is part of a
    hyphenated word ("post-tonsillectomy"), qualifies a word of judgement ("clinical
    *outcome*") or runs into another kind of word ("spasticity *translate*").
    """
    phrases = [[t for t in tokens if start <= t.start < end] for start, end in spans]
    return [p for p in phrases if _names_by_its_words(text, p, covered, vocabulary_words)]


def _names_by_its_words(
    text: str, phrase: Sequence[Token], covered: set[int], vocabulary_words: frozenset[str]
) -> bool:
    """Whether ``phrase``, an outcome or an agent of a verb of effect, names a thing of
    its own in words no vocabulary matched: at most ``MAX_OUTCOME_WORDS`` spaced words
    that medical names use (``vocabulary_words``: not "myself", "translate"), that
    neither ask nor judge (``QUESTION_WORDS``, ``JUDGEMENT_WORDS``) and that no concept
    covers (``covered``)."""
    return (
        len(phrase) <= MAX_OUTCOME_WORDS
        and all(
            t.start not in covered
            and t.key in vocabulary_words
            and t.key not in QUESTION_WORDS
            and t.key not in JUDGEMENT_WORDS
            for t in phrase
        )
        and not any(text[a.end : b.start].strip() for a, b in pairwise(phrase))
    )


_ASKED_AGENT = re.compile(
    r"^\s*(?:does|do|did|can|could|may|might|will|would|should)\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
"""The opening of a yes/no question whose subject is what it asks may have an effect."""


def _effect_agents(
    text: str, tokens: Sequence[Token], covered: set[int], vocabulary_words: frozenset[str]
) -> list[list[Token]]:
    """What a yes/no question asks may change its outcome, where no vocabulary knows it: the
    words between its opening and the verb of effect ("Does *prone positioning* reduce
    mortality in ARDS?").

    MeSH has "Prone Position", not "prone positioning"; dropped, the question became
    "mortality in ARDS", and a biomarker study of ARDS mortality its answer, though no
    record of the corpus is on proning (a hand review). Kept, a sentence must name it to
    settle the question. Kept only where its words alone name it (``_names_by_its_words``);
    none may be a recognised concept's (the vocabulary knew the agent: "Does daily
    *aspirin* prevent …?").
    """
    opening = _ASKED_AGENT.match(text)
    verbs = effect_verb_starts(text)
    if opening is None or not verbs:
        return []
    start, verb = opening.end(), min(verbs)
    phrase = [t for t in tokens if start <= t.start and t.end <= verb]
    if (
        phrase
        and not text[start : phrase[0].start].strip()
        and not text[phrase[-1].end : verb].strip()
        and _names_by_its_words(text, phrase, covered, vocabulary_words)
    ):
        return [phrase]
    return []


_BRACKETED_NAME = re.compile(
    r"(?<![\w(\[\])])[^\W_]{1,4}[(\[][^\W_]{1,4}[)\]][^\W_]{0,4}(?![\w(\[])"
)
"""A short name written with a closed bracket inside, no space: an analyte's ("25(OH)D",
"Lp(a)", "IgG(4)"). A long word glued to a bracket is a missing space instead
("Encephalopathy(FSE"), its words read one by one."""


def _name_groups(text: str, tokens: Sequence[Token]) -> list[list[Token]]:
    """The tokens in runs that make one name: joined by a hyphen ("SLIC-CAGE"), or within a
    bracketed name ("25(OH)D"); a lone word is a run."""
    names = [match.span() for match in _BRACKETED_NAME.finditer(text)]
    groups: list[list[Token]] = []
    for token in tokens:
        previous = groups[-1][-1] if groups else None
        if previous is not None and (
            text[previous.end : token.start] == "-"
            or any(start <= previous.start and token.end <= end for start, end in names)
        ):
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def _joined_by_brackets(text: str, group: Sequence[Token]) -> bool:
    return any(text[before.end : after.start] not in ("-", "") for before, after in pairwise(group))


UNIT_LENGTH = 5
"""Units of measure are short: "mg", "nmol", "mmHg", "kDa"."""
TIME_UNITS = frozenset(
    "h hr hrs hour hours min mins minute minutes d day days wk wks week weeks mo month months "
    "y yr yrs year years".split()
)
"""Units of time, as clinicians write them."""


def _is_unit(text: str, number: Token, word: Token) -> bool:
    """Whether ``word`` is the unit of ``number`` ("50 nmol/L", "10 mg"): a quantity, which
    no question is about, unlike a number that names ("exon 19 deletions", "stage 4"). A
    unit is short, all letters, no acronym and not joined to a name by a hyphen and, unless
    of two letters ("mg", "mL", which film subtitles use too), no everyday English word
    ("phase 3 trial"). A span of time is a quantity too, spaced or hyphenated ("48 h",
    "12 weeks", "90-day"): a hand review found "90-day", "12" and "48" made facets no
    record could meet."""
    gap = text[number.end : word.start]
    if number.text.isdigit() and word.text.lower() in TIME_UNITS and (gap.isspace() or gap == "-"):
        return True
    return (
        number.text.isdigit()
        and gap.isspace()
        and len(word.text) <= UNIT_LENGTH
        and word.text.isalpha()
        and is_content_word(word.key)  # not "10 of us", "aged 80 or older", "Ki-67 a"
        and not word.text.isupper()  # an acronym: "the first 2 PD-1 inhibitors"
        and text[word.end : word.end + 1] != "-"
        and (len(word.text) <= 2 or not is_everyday_english(word.text))
    )


def _concept(
    text: str, group: list[Token], role: ConceptRole = ConceptRole.KEYWORD
) -> QuestionConcept:
    start, end = group[0].start, group[-1].end
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1  # "Lp(a)": the bracket that closes the name is part of it
    written = text[start:end]
    key = "".join(t.key for t in group)
    return QuestionConcept(
        ids=(f"{KEYWORD_PREFIX}{key}",),
        name=written,
        role=role,
        mention=written,
        start=start,
        end=end,
        synonyms=(*spellings(written), *other_cases(written), *other_spellings(written)),
    )


_LETTERS_DIGITS = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def spellings(written: str) -> tuple[str, ...]:
    """Other ways authors write a name with letters and digits: hyphenated, spaced, joined.

    "CPX351" → ("CPX-351", "CPX 351"); "CPX-351" → ("CPX351",); a plain word → ().
    """
    if "-" in written:
        joined = written.replace("-", "")
        return (joined,) if _LETTERS_DIGITS.search(joined) else ()
    if not _LETTERS_DIGITS.search(written):
        return ()
    parts = _LETTERS_DIGITS.split(written)
    return ("-".join(parts), " ".join(parts))


MIN_CASED_NAME = 4
"""A name in capitals this long or longer is also a gene's name in another species' case."""


def other_cases(written: str) -> tuple[str, ...]:
    """A gene's name in capitals as other species write it ("HYDIN" → ("Hydin",), "SIRT1"
    → ("Sirt1",)): the human symbol is in capitals, the mouse one capitalised, and papers
    on either use their own. Short names ("MAX") and words of English ("CLOCK") would
    match the everyday word, so they keep their capitals."""
    if not written.isupper() or len(written) < MIN_CASED_NAME or not written.isalnum():
        return ()
    if is_everyday_english(written):
        return ()
    return (written.capitalize(),)


_BRITISH = re.compile(r"(?<=[a-z])([iy])s(?=e|ing|ation|er)")
_AMERICAN = re.compile(r"(?<=[a-z])([iy])z(?=e|ing|ation|er)")
_BRITISH_MME = re.compile(r"(?<=[a-z]{3})mme(?=s?$)")
"""British "-mme" for American "-m": "programme", "programmes"."""


def other_spellings(written: str) -> tuple[str, ...]:
    """The word in the other of British and American spelling ("metabolisers" ↔
    "metabolizers", "analyse" ↔ "analyze", "programme" → "program"); () where it has
    none."""
    if not written.isalpha() or not written.islower():
        return ()
    other = _AMERICAN.sub(r"\1s", written)
    if other == written:
        other = _BRITISH.sub(r"\1z", written)
    if other == written:
        other = _BRITISH_MME.sub("m", written)
    return (other,) if other != written else ()


@cache
def _english_frequency() -> Mapping[str, int]:
    """Word → frequency in everyday English (pyspellchecker's list, loaded once, ~0.2 s)."""
    from spellchecker import SpellChecker  # imported when first needed: a 0.6 MB word list

    return cast(
        Mapping[str, int], SpellChecker(language="en", distance=1).word_frequency.dictionary
    )


def is_everyday_english(word: str) -> bool:
    """Whether ``word`` is a word of everyday English (not a drug's, a gene's or a term's),
    in either spelling: the word list is American, and "visualising" or "analysing" in a
    question are as everyday as their American forms."""
    frequency = _english_frequency()
    lowered = word.lower()
    return any(frequency.get(form, 0) >= EVERYDAY for form in (lowered, *other_spellings(lowered)))
