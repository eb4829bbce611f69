"""What kind of question it is, from its wording: diagnosis, treatment, prognosis, …

Cue words are matched as word beginnings ("diagnos" finds diagnosis, diagnostic,
diagnosed). The same cues tell, later, whether a sentence speaks to a facet named by
the kind of question ("… MRI findings and *diagnosis*").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.records import AnswerKind, QuestionType
from medcite.words import has_cue

CUES: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.DIAGNOSIS: ("diagnos", "detect", "sensitivit", "specificit", "screen"),
    QuestionType.TREATMENT: ("treat", "therap", "management", "manage", "efficacy", "drug"),
    QuestionType.PROGNOSIS: ("prognos", "outcome", "surviv", "mortality", "severity", "course"),
    QuestionType.ETIOLOGY: ("cause", "caused", "etiolog", "aetiolog", "risk factor", "associat"),
    QuestionType.EPIDEMIOLOGY: ("prevalen", "incidence", "how common", "epidemiolog", "frequen"),
    QuestionType.FINDINGS: ("finding", "imaging", "appearance", "feature", "manifestation"),
    QuestionType.MECHANISM: ("mechanism", "pathophysiolog", "pathogenesis", "how does"),
    QuestionType.ADVERSE_EFFECTS: (
        "side effect", "side-effect", "adverse", "complication", "toxicit", "safe", "tolerab",
    ),
    QuestionType.PRESENTATION: (
        "symptom", "signs of", "signs and", "presenting", "presentation", "presented with",
        "present with", "manifestation", "clinical feature", "complain",
    ),
}  # fmt: skip
"""Word beginnings that mark each kind of question (and a sentence's fit to it). A
sentence's fit looks for them anywhere in its words ("therap" in "chemotherapy"), so none
may be a part of common words: not "harm" (of "pharmacology") or "signs" (of "designs")."""

QUESTION_ONLY_CUES: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.TREATMENT: ("medicat",),
}
"""Word beginnings that mark a kind in a question but not a sentence's fit to it: "What's
the first-line medication for hair pulling disorder?" asks its treatment (review 21: read
as asking nothing of the disease, and led by what trichotillomania is), while a page
saying "researchers are testing new medications for gout" does not say how gout is
treated."""
SHORTHAND_KINDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.DIAGNOSIS: ("dx", "ddx"),
    QuestionType.TREATMENT: ("tx", "rx"),
    QuestionType.PRESENTATION: ("sx",),
    QuestionType.MECHANISM: ("moa",),
}
"""A clinician's shorthand for a kind, as a whole word ("for dx of pneumonia", "tx of
choice"): review 41's "Does PCT add anything to CRP … for dx of pneumonia …?" was read as
asking nothing of the diagnosis, and "dx" as a word every answer must name ("MOA", the
mechanism of action, review 42). Not a word beginning, as cues are: "DXA" is a scan."""
_SHORTHAND = {
    kind: re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
    for kind, words in SHORTHAND_KINDS.items()
}

ANSWER_WORDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.TREATMENT: ("regimen", "eradicat", "first-line", "second-line", "dose"),
    QuestionType.ETIOLOGY: (
        "mechanism", "due to", "attribut", "explain", "contribut", "responsible for", "underl",
        "resulting from", "results from", "result from", "arising from", "arises from",
        "secondary to",
    ),
    QuestionType.EPIDEMIOLOGY: ("%", "proportion", "percent", "occurr", "per 10"),
    QuestionType.MECHANISM: (
        "target", "inhibit", "agonist", "antagonist", "bind", "block", "activat", "pathway",
        "receptor", "mediat",
    ),
    QuestionType.ADVERSE_EFFECTS: ("tolerat", "discontinu"),
    QuestionType.PRESENTATION: ("complication", "manifest"),
}  # fmt: skip
"""Words an answer uses that a question of the kind rarely does: a mechanism of action is
stated as what a drug targets, binds or blocks ("… a monoclonal antibody that blocks
PD-L1"), a treatment as a regimen or a dose, a cause as the mechanism it works by ("What
causes loss of smell in COVID-19?": "… a novel molecular mechanism by which a virus …",
review 9), what a disease is due to, or what explains, contributes to, is responsible for
or underlies it ("narrowing and disappearance of small conducting airways … can explain
the increased peripheral airway resistance reported in COPD" was given the gap that no
record spoke to etiology, review 12), or what it results or arises from ("… a painful
condition of the foot resulting from an entrapment of the common digital nerve …" went
uncited for "What causes Morton's neuroma?", review 23), how common something is as a
share or a count per so many people ("The median risk of at least one major sequela was
24.7% …", review 9: the gap said no record spoke to how common sequelae were). Kept
apart from ``CUES``, which also read the question: "Does X inhibit Y?" asks no
mechanism."""


def answer_cues(kind: QuestionType) -> tuple[str, ...]:
    """What a sentence speaking to a kind of question has one of: its cues and its answer
    words."""
    return (*CUES.get(kind, ()), *ANSWER_WORDS.get(kind, ()))


FACET_NOUNS: dict[QuestionType, re.Pattern[str]] = {
    QuestionType.DIAGNOSIS: re.compile(r"\bdiagnos(?:is|es|tic)\b", re.IGNORECASE),
    QuestionType.TREATMENT: re.compile(
        r"\b(?:treatment|therapy|management|medication)s?\b", re.IGNORECASE
    ),
    QuestionType.PROGNOSIS: re.compile(r"\b(?:prognosis|outcomes?|survival)\b", re.IGNORECASE),
    QuestionType.ETIOLOGY: re.compile(
        r"\b(?:(?<!-)causes?(?!-)|etiology|risk factors?|genetic (?:basis|causes?)|"
        r"inheritance|runs? in (?:the )?famil(?:y|ies))\b",
        re.IGNORECASE,
    ),
    QuestionType.EPIDEMIOLOGY: re.compile(r"\b(?:prevalence|incidence)\b", re.IGNORECASE),
    QuestionType.MECHANISM: re.compile(r"\b(?:mechanisms?|pathogenesis)\b", re.IGNORECASE),
    QuestionType.ADVERSE_EFFECTS: re.compile(
        r"\b(?:side[- ]effects?|adverse (?:drug )?(?:effects?|events?|reactions?)|"
        r"complications?|toxicit(?:y|ies)|harms|safe(?:ty)?)\b",
        re.IGNORECASE,
    ),
    QuestionType.PRESENTATION: re.compile(
        r"\b(?:symptoms?|signs|clinical features|presentations?|manifestations?)\b",
        re.IGNORECASE,
    ),
}
"""Kinds named as nouns of their own ("findings *and diagnosis*"): each becomes a facet.
A cause joined by a hyphen names a measure ("all-cause mortality"), not causes asked. A
disease's genetic basis, its inheritance, or whether it runs in families asks its cause:
"What is the genetic basis of Kearns-Sayre syndrome?" was led by "… is a mitochondrial
disorder." over "… due to rearrangements in mtDNA" (review 33)."""

_COMPLICATIONS = re.compile(r"\bcomplications?\b", re.IGNORECASE)


def names_complications_only(text: str) -> bool:
    """Whether the only words of adverse effects ``text`` has are "complication(s)": no
    "side effects", "toxicity" or "safe", which ask about what a treatment does."""
    found = FACET_NOUNS[QuestionType.ADVERSE_EFFECTS].findall(text)
    return bool(found) and all(_COMPLICATIONS.fullmatch(word) for word in found)


_COPULAS = ("is", "are", "was", "were")
_AUXILIARIES = (
    "does", "do", "did", "can", "could", "should", "has", "have", "will", "would", "may",
)  # fmt: skip
"""The verbs a yes/no question opens with: a copula asks what something is, an auxiliary
what it does (``asks_what_it_does``)."""
_YES_NO_OPENERS = "|".join((*_COPULAS, *_AUXILIARIES))
_YES_NO = re.compile(rf"^\s*(?:{_YES_NO_OPENERS})\b", re.IGNORECASE)
_DASHED_COMPARATIVE = re.compile(
    r"\s[-–—:]\s*(?:less|more|fewer|better|worse|lower|higher|superior|inferior|"
    r"non-?inferior|safer|faster|longer|shorter)\b[^?]*\?\s*$",
    re.IGNORECASE,
)
"""A clinician's yes/no question in shorthand: what is compared, then after a dash the
comparison asked ("Ticagrelor vs clopidogrel in elective PCI - less periprocedural
myonecrosis?", "Ultrasound vs palpation for lumbar puncture - fewer failed taps?",
"Cerebellar vs supratentorial GBM - worse survival?": reviews 40 to 42 read none as one)."""


def asks_yes_or_no(text: str) -> bool:
    """Whether the question proper asks yes or no: opened by a copula or an auxiliary
    (``_YES_NO``), or a comparison after a dash (``_DASHED_COMPARATIVE``)."""
    proper = asking(text)
    return bool(_YES_NO.match(proper) or _DASHED_COMPARATIVE.search(proper))


_SETTING = re.compile(
    r"^\s*(?:in|among|amongst|for|during|after|following)\s[^,?;:]{1,120}?,\s*"
    rf"(?=(?:{_YES_NO_OPENERS}|what|which|how|who|when|why|where)\b)",
    re.IGNORECASE,
)
"""Who or when a question is about, put before the question proper ("In adults with HIV,
does …?", "Among smokers, how common …?"): read as what it opens with, "In pregnant
women with type 1 diabetes, does wearing a CGM improve newborn outcomes?" was no yes/no
question, and the trial's background led its page (review 16)."""


_OPENERS = rf"(?:{_YES_NO_OPENERS}|what|which|how|who|when|why|where)\b"
_NARRATIVE = re.compile(
    rf"^(?!\s*{_OPENERS})[^?]{{1,240}}?(?:\s[-–—]+\s|[.;:]\s+)(?={_OPENERS})",
    re.IGNORECASE,
)
"""What a person tells before asking, ended by a dash or a full stop: "My 14-year-old was
just diagnosed with type 1 diabetes - can a course of ATG … save her remaining insulin
production?" was no yes/no question, and asked of diagnosis (review 31)."""


def asking(text: str) -> str:
    """The question proper: ``text`` from where it asks, after what the asker tells first
    (``_NARRATIVE``) and a setting put before it (``_SETTING``); its kind is read from how
    this opens."""
    return _SETTING.sub("", without_narrative(text), count=1)


def without_narrative(text: str) -> str:
    """``text`` without what the asker tells before asking (``_NARRATIVE``)."""
    return _NARRATIVE.sub("", text, count=1)


STATUS_CUES = (
    "approv", "licens", "authoriz", "authoris", "marketed", "available", "recommend",
    "indicated", "contraindicat",
)  # fmt: skip
"""Word beginnings of a standing fact about a treatment or test: its approval, licence,
availability, recommendation or indication. Abstracts state such facts as background
("… is the first FDA-approved treatment for …"); no study's results do."""


_WHETHER_A_TREATMENT_EXISTS = re.compile(
    r"^\s*(?:is|are)\s+there\s+(?:(?:a|an|any)\s+)?(?:\w+\s+)?"
    r"(?:treatments?|cures?|therap(?:y|ies)|medications?|medicines?|drugs?|remed(?:y|ies))\b",
    re.IGNORECASE,
)
"""A yes/no question whether any treatment exists ("Is there any treatment for it?", "Is
there a cure for FSHD?"). What settles it is a standing fact, which abstracts state as
background ("… a slowly progressive muscular dystrophy without approved therapies",
review 39), not a study's finding."""
EXISTENCE_CUES = ("approv", "availab", "licens", "cure", "curat", "curab")
"""Word beginnings of a sentence stating whether a treatment exists: "no approved
therapies", "no cure is available"."""


def asked_status(text: str) -> tuple[str, ...]:
    """The status cues of a yes/no question ("Has X been approved …?": ("approv",)); one
    asking whether a treatment exists, those of ``EXISTENCE_CUES``."""
    proper = asking(text)
    if not _YES_NO.match(proper):
        return ()
    if _WHETHER_A_TREATMENT_EXISTS.match(proper):
        return EXISTENCE_CUES
    return tuple(cue for cue in STATUS_CUES if has_cue(text, (cue,)))


_DIAGNOSIS_AS_A_TIME = re.compile(
    r"\b(?:at|after|before|since|following|until|from)\s+(?:the\s+)?(?:time\s+of\s+)?"
    r"diagnos\w*",
    re.IGNORECASE,
)
"""A diagnosis named as a point in time ("overweight *at diagnosis*", "five years *after
the diagnosis*"), not asked about: "How many celiac patients are overweight at
diagnosis?" was led by the sentences naming the diagnosis, over the share overweight
(review 13)."""


def diagnosis_as_a_time(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a diagnosis as a point in time (``_DIAGNOSIS_AS_A_TIME``)."""
    return [found.span() for found in _DIAGNOSIS_AS_A_TIME.finditer(text)]


_COMPARES = re.compile(r"\bhow\s+(?:does|do)\b[^?]*?\bcompare\b", re.IGNORECASE)
"""A question comparing two things by how they fare ("How does Xofluza compare with
Tamiflu …?"), whose "how does" asks no mechanism (review 17 read it as one)."""


def question_types(text: str) -> tuple[QuestionType, ...]:
    """The kinds of question ``text`` asks, in a fixed order; a diagnosis named as a point
    in time (``_DIAGNOSIS_AS_A_TIME``) asks none, nor does "how does … compare" a
    mechanism (``_COMPARES``); nor what the asker tells first ("My niece has been
    diagnosed with Rett syndrome - what gene causes it?" asks no diagnosis)."""
    text = without_narrative(text)
    untimed = _DIAGNOSIS_AS_A_TIME.sub(" ", text)
    uncompared = _COMPARES.sub(" ", text)
    found = [
        kind
        for kind, cues in CUES.items()
        if has_cue(
            untimed
            if kind is QuestionType.DIAGNOSIS
            else uncompared
            if kind is QuestionType.MECHANISM
            else text,
            (*cues, *QUESTION_ONLY_CUES.get(kind, ())),
        )
        or (kind in _SHORTHAND and _SHORTHAND[kind].search(text))
    ]
    if asks_yes_or_no(text):
        found.append(QuestionType.YES_NO)
    return tuple(found)


_CAUSE_VERB = re.compile(r"causes?\b(?!\s+(?:of|for|and|or)\b)", re.IGNORECASE)
""""cause" with an object after it, a verb ("Does X *cause* hyperkalemia?"), not the noun
("the *causes of* …", "a *cause for* concern")."""


def facet_kinds(
    text: str,
    names: Sequence[tuple[int, int]] = (),
    outcomes: Sequence[tuple[int, int]] = (),
) -> tuple[QuestionType, ...]:
    """The kinds the question names as nouns, each an answer must cover on its own; a noun
    within the name of a concept (``names``: where each stands) is part of that name, not
    a kind asked ("Can *gene therapy* restore auditory function?" asks no treatment).

    Nor is a noun of the outcomes a verb of effect changes (``outcomes``: "Does early
    mobilisation *improve outcomes* …?"), or of what two treatments are compared on
    (``_COMPARED_ON``: "How does robot-assisted radical cystectomy compare with open
    radical cystectomy for oncological *outcomes* …?"): it is the measure of the relation
    asked, which the finding on that relation answers. Read as prognosis asked on its own,
    lines on survival after other treatments entered the page and led it (review 34).

    A diagnosis named as a point in time (``_DIAGNOSIS_AS_A_TIME``) is no kind asked. A
    yes/no question asking whether something causes something (``_CAUSE_VERB``) asks for
    that relation, which the sentences stating it answer: a facet of etiology beside it
    asked for words of causation besides, and its gap said "No record … about
    hyperkalemia speaks to etiology." under a bottom line giving the relative risk
    (review 13). Nor does a question asking which effects something causes ask for
    causes: "What adverse effects does tafenoquine cause compared with mefloquine …?" had
    a gap saying no record about malaria spoke to etiology (review 26)."""
    yes_or_no = asks_yes_or_no(text)

    def named(match: re.Match[str]) -> bool:
        return any(start <= match.start() and match.end() <= end for start, end in names)

    effects = [FACET_NOUNS[k] for k in (QuestionType.ADVERSE_EFFECTS, QuestionType.PRESENTATION)]

    def a_relation_asked(kind: QuestionType, match: re.Match[str]) -> bool:
        return (
            kind is QuestionType.ETIOLOGY
            and _CAUSE_VERB.match(text, match.start()) is not None
            and (yes_or_no or any(e.search(text, 0, match.start()) for e in effects))
        )

    times = diagnosis_as_a_time(text)
    compared_at = min((m.start() for m in _COMPARED_ON.finditer(text)), default=len(text))

    def a_measure(match: re.Match[str]) -> bool:
        return match.start() > compared_at or any(
            start <= match.start() and match.end() <= end for start, end in outcomes
        )

    def a_time(kind: QuestionType, match: re.Match[str]) -> bool:
        return kind is QuestionType.DIAGNOSIS and any(
            start <= match.start() and match.end() <= end for start, end in times
        )

    return tuple(
        kind
        for kind, noun in FACET_NOUNS.items()
        if any(
            not named(match)
            and not a_relation_asked(kind, match)
            and not a_time(kind, match)
            and not a_measure(match)
            for match in noun.finditer(text)
        )
    )


_COMPARED_ON = re.compile(
    r"\b(?:compared?|compares|comparing|comparison|versus|vs|than)\b", re.IGNORECASE
)
"""Words that set two things against each other: what follows them is what they are
compared on ("… compare with open radical cystectomy for oncological outcomes")."""

_NAMING = re.compile(
    r"^\s*(?:which|name|list|enumerate|what\s+(?:\w+\s+){0,3}?(?:is|are|was|were)\s+(?:the\s+)?"
    r"(?:name|names|gene|genes|protein|proteins|drug|drugs|enzyme|receptor|mutation|"
    r"mutations|cause|causes|symptoms?|signs?|type|types|mode|target|targets|"
    r"marker|markers|rate|frequency|incidence|prevalence|percentage|number|"
    r"indication|indications|inheritance|age)\b)",
    re.IGNORECASE,
)
"""Openings that ask for a name, a list or a number rather than an account."""
_WHICH = re.compile(r"\bwhich\b", re.IGNORECASE)
_QUANTITY = re.compile(
    r"^\s*(?:(?:and\s+)?(?:by\s+)?how\s+(?:much|many|often|long|frequent(?:ly)?|common|"
    r"likely|large|prevalent|sensitive|specific|accurate(?:ly)?|protective|effective|"
    r"efficacious)\b"
    r"|what\s+(?:percentage|percent|proportion|share|fraction|doses?|dosages?|amount)\s+of\b"
    r"|what\s+(?:[\w-]+\s+)?(?:efficacy|effectiveness|protection)\s+(?:did|does|do|has|have)\b"
    r"|(?:the\s+)?(?:diagnostic\s+)?(?:accuracy|sensitivity|specificity)"
    r"(?:\s+and\s+specificity)?\s+of\b"
    r"|what\s*%)",
    re.IGNORECASE,
)
"""Openings that ask for an amount: a rate, a count, a duration, a share, a test's
sensitivity or a vaccine's protection ("How sensitive is troponin …?", "How effective is
the single-dose cholera vaccine?", "What percentage of … have depression?": read as a
summary, its page quoted the background and methods of the review giving the share,
review 16), or a dose ("What dose of intravenous propofol … prevents fentanyl-induced
cough …?" was led by the trial's haemodynamics over the incidence of cough at its dose,
review 35); an efficacy a trial showed ("What protective efficacy did the monoclonal
antibody L9LS show …?"), or a test's accuracy in a clinician's shorthand ("Sensitivity and
specificity of the central vein sign …?", review 37)."""
_MEASURE_ASKED = re.compile(
    r"^\s*what\s+(?:is|are|was|were)\s+the\s+(?:(?!of\b|in\b|for\b|with\b)[\w-]+\s+){0,3}?"
    r"(?:rates?|risk|incidence|prevalence|percentage|proportion|odds|chances?|likelihood|"
    r"probability|efficacy|effectiveness|"
    r"sensitivity|specificity|accuracy|dos(?:es?|ages?)\b(?!-))\b",
    re.IGNORECASE,
)
"""A measure asked by name ("What is the HBeAg clearance rate …?", "What is the lifetime
risk of …?", "What are the chances my baby catches it …?"): an amount, where the opening
asks no name or number first ("What is the prevalence of …?" stays one, as the relevance
model learned it). Read as summaries, such questions were led by a conclusion without its
figure (a hand review, and review 36's chances of passing on hepatitis C)."""
_EFFECT = re.compile(
    r"^\s*(?:and\s+)?(?:by\s+)?how\s+(?:much|often|likely|far)\s+"
    r"(?:does|do|did|can|could|will|would|may|might|is|are|was|were|has|have)\b",
    re.IGNORECASE,
)
"""Openings that ask the size of an effect, a verb following ("How much does X reduce
Y?", "By how much …"), not a count of things ("How many genes …?", "How large is the
proteome?")."""


_WHAT_IT_IS = re.compile(
    r"^\s*(?:what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<what>[^?]+?)"
    r"|what\s+(?:kinds?|types?|sorts?|class(?:es)?)\s+of\s+(?:[\w-]+\s+){1,2}?(?:is|are)\s+"
    r"(?:an?\s+|the\s+)?(?P<kind_of>[^?]+?)"
    r"|define\s+(?P<defined>[^?]+?)|what\s+does\s+(?P<meant>[^?]+?)\s+mean)\s*\??\s*$",
    re.IGNORECASE,
)
"""Questions asking what something is ("What is ferroptosis?", "What are uber-operons?",
"Define PEGylation.", "What does CADASIL mean?"), or what kind of thing it is ("What kind
of medicine is Mounjaro?", "What class of drugs are statins?"): a sentence saying what it
is answers both."""
_SPELLED_OUT = re.compile(
    r"^\s*(?:what\s+(?:does|do)\s+(?:the\s+(?:acronym|abbreviation|initialism)\s+)?"
    r"(?P<stands>[^?]+?)\s+stand\s+for|what\s+(?:is|are)\s+(?P<short>[^?]+?)\s+short\s+for"
    r"|what\s+is\s+the\s+full\s+(?:name|form)\s+of\s+(?P<full>[^?]+?)"
    r"|what\s+does\s+the\s+(?:acronym|abbreviation|initialism)\s+(?P<meant>[^?]+?)\s+mean)"
    r"\s*\??\s*$",
    re.IGNORECASE,
)
"""Questions asking what a short form is written out ("What does RUNX2 stand for?", "What
is HbA1c short for?", "What is the full name of MVA85A?", "What does the acronym FBDD
mean?")."""
_MORE_THAN_A_NAME = re.compile(
    r"\b(?:of|in|for|with|between|by|on|to|from|about|after|before|during|than|at|among|"
    r"versus|vs|known|best|usual|standard|current|recommended|preferred|role|function|"
    r"purpose|mechanisms?|causes?)\b",
    re.IGNORECASE,
)
"""Words that make the rest of "What is …?" a question about something, not its name
("What is the role of …", "What is known about …", "What is the best …")."""
MAX_NAME_WORDS = 5
"""Words a name asked may have: a longer "What is …?" asks about something ("What is the
drug that is used most often to treat gout in the elderly?")."""
_POINTING = re.compile(r"that|this|it|they|those|these", re.IGNORECASE)
"""Words that point back to a name rather than give one ("What is that?")."""


def what_it_is(text: str) -> str:
    """The name a question asks only what it is, as written ("cancer-associated cachexia"
    of "What is cancer-associated cachexia?", "RUNX2" of "What does RUNX2 stand for?"); ""
    for any other question. It is "What is X?" with X a name of at most
    ``MAX_NAME_WORDS`` words, not a question about it (``_MORE_THAN_A_NAME``) nor an
    amount ("What is the prevalence?", which ``answer_kind`` reads as one). It is read
    after what the asker tells first (``without_narrative``): "My doctor mentioned
    Orkambi. What is Orkambi?" asks what the drug is (reviews 35 to 37 found it read as
    no such question). A setting put before it says what it is asked of ("In young
    children with impetigo, what is the first-line treatment?"), and asks no name."""
    asked_text = without_narrative(text)
    spelled = _SPELLED_OUT.match(asked_text)
    found = spelled or _WHAT_IT_IS.match(asked_text)
    if found is None or answer_kind(text) is not AnswerKind.SUMMARY:
        return ""
    asked = next(group for group in found.groups() if group).strip()
    asked = asked.rstrip(".").strip("\"'“”")
    if len(asked.split()) > MAX_NAME_WORDS or _MORE_THAN_A_NAME.search(asked):
        return ""
    return "" if _POINTING.fullmatch(asked) else asked


_DRUG_KIND = re.compile(
    r"drugs?|medicines?|medications?|pills?|tablets?|treatments?|injections?", re.IGNORECASE
)
"""The kinds of thing "What kind of … is it?" asks of a treatment."""
_WHAT_THAT_IS = re.compile(
    rf"^\s*what\s+(?:(?:is|are|'s)\s+(?:{_POINTING.pattern})"
    rf"|(?:does|do)\s+(?:{_POINTING.pattern})\s+mean"
    rf"|(?:kinds?|types?|sorts?)\s+of\s+(?P<kind>[\w-]+)\s+(?:is|are)\s+(?:{_POINTING.pattern}))"
    r"\s*\??\s*$",
    re.IGNORECASE,
)


def asks_what_that_is(text: str) -> bool:
    """Whether the question proper (``asking``) asks only what something the asker told
    of is ("… The neurologist says it's functional neurological disorder. What is
    that?", "… What kind of drug is it?")."""
    return bool(_WHAT_THAT_IS.match(asking(text)))


def asks_what_drug_that_is(text: str) -> bool:
    """Whether the question proper asks what kind of drug something the asker told of is
    ("… start him on Lonsurf tablets for his bowel cancer. What kind of drug is it?"):
    it points back to a treatment, not to the disease named after it."""
    found = _WHAT_THAT_IS.match(asking(text))
    kind = found.group("kind") if found else None
    return kind is not None and _DRUG_KIND.fullmatch(kind) is not None


_OF_IT = re.compile(
    rf"^\s*(?:{_YES_NO_OPENERS})\s+(?:{_POINTING.pattern})\b",
    re.IGNORECASE,
)


def asks_of_it(text: str) -> bool:
    """Whether the question proper (``asking``) asks a yes/no question whose subject points
    back to something the asker told of ("… one of the drugs is bleomycin. *Can it*
    damage his lungs?"), or names it after ("Is it safe to take …?")."""
    return bool(_OF_IT.match(asking(text)))


_IT = re.compile(r"\b(?:it|they|them)\b", re.IGNORECASE)


def refers_back(text: str) -> bool:
    """Whether the question proper (``asking``) names something by a pronoun ("… the
    neurologist says it is oculopharyngeal muscular dystrophy. What causes *it*?")."""
    return bool(_IT.search(asking(text)))


def asks_written_out(text: str) -> bool:
    """Whether the question asks what a short form stands for (``_SPELLED_OUT``): the
    sentence writing it out answers, more than one saying what it is."""
    return bool(what_it_is(text)) and bool(_SPELLED_OUT.match(text))


_ACCURACY_ASKED = re.compile(
    r"^\s*(?:how\s+(?:accurate(?:ly)?|sensitive|specific)\b|what\s+(?:is|are)\s+the\s+"
    r"(?:(?!of\b)[\w-]+\s+){0,2}?(?:accuracy|sensitivity|specificity)\b"
    r"|(?:the\s+)?(?:diagnostic\s+)?(?:accuracy|sensitivity|specificity)"
    r"(?:\s+and\s+specificity)?\s+of\b)",
    re.IGNORECASE,
)
"""Questions asking how well a test tells disease apart ("How accurate is RT-QuIC …?",
"What is the diagnostic accuracy of …?", "How sensitive is troponin …?", "How accurately
does the vascular pedicle width … identify fluid repletion …?", review 35), also in a
clinician's shorthand ("Sensitivity and specificity of the central vein sign on 3T MRI
…?", review 37)."""


def asks_accuracy(text: str) -> bool:
    """Whether the question asks a test's accuracy (``_ACCURACY_ASKED``): its sensitivity,
    specificity or the like answer it, not any amount the study reports."""
    return bool(_ACCURACY_ASKED.match(asking(text)))


_DOSE_ASKED = re.compile(
    r"^\s*(?:what\s+(?:(?:doses?|dosages?|amount)\s+(?:of|will|should|is|are|do|does)\b"
    r"|(?:is|are|was|were)\s+the\s+"
    r"(?:(?!of\b|in\b|for\b|with\b)[\w-]+\s+){0,3}?dos(?:es?|ages?)\b(?!-))"
    r"|how\s+much\s+(?:of\s+)?[\w-]+\s+(?:will|should|would|do|does|is|are|can)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:be\s+)?(?:given|take|taken|give|get|have|prescribed)\b)",
    re.IGNORECASE,
)
"""Questions asking a dose ("What dose of levobupivacaine …?", "What is the recommended
dosage of …?", "How much of it will she be given …?", review 38), not a dose-response
relation."""
_DOSE_NAMED = re.compile(
    rf"^\s*(?!(?:{_YES_NO_OPENERS}|what|which|how|why|when|where|who)\b)(?:[\w-]+\s+){{0,4}}?"
    r"(?:(?:loading|maintenance|starting|initial|recommended|optimal|usual|target|maximum)\s+"
    r"dos(?:es?|ages?|ing)|dos(?:ages?|ing)"
    r"|(?<!-)(?<!\blow\s)(?<!\bhigh\s)(?<!\bsingle\s)(?<!\bdouble\s)(?<!\bfixed\s)doses?)"
    r"\b(?!-)(?=\s+(?:of|for|in|after|during)\b|\s*\?)",
    re.IGNORECASE,
)
"""A clinician's dose question written as the dose it wants ("IV valproate loading dose for
status epilepticus …?", "Vancomycin dosing in obesity?", review 40; "Nemolizumab dose in
AD?", review 42). "Low-dose aspirin for
…?" names a treatment, and "Does maintenance dosing of … improve …?" asks whether it works."""


def asks_dose(text: str) -> bool:
    """Whether the question asks a treatment's dose (``_DOSE_ASKED``, ``_DOSE_NAMED``): the
    amounts that answer it are doses, not the rates or scores a trial of the dose reports."""
    proper = asking(text)
    return bool(_DOSE_ASKED.match(proper) or _DOSE_NAMED.match(proper))


def asks_effect(text: str) -> bool:
    """Whether the question asks the size of an effect of what it names (``_EFFECT``)."""
    return bool(_EFFECT.match(asking(text)))


_ACTION = re.compile(rf"^\s*(?:{'|'.join(_AUXILIARIES)})\b", re.IGNORECASE)
"""Openings of a yes/no question on what something does ("Can X lead to Y?", "Does X
reduce Y?"), not on what it is ("Is AZD9668 a VEGF mRNA drug?")."""


def asks_what_it_does(text: str) -> bool:
    """Whether a yes/no question asks what its subject does to something (``_ACTION``),
    not a standing fact about it (``asked_status``: "Has CPX-351 been approved …?")."""
    return bool(_ACTION.match(asking(text))) and not asked_status(text)


def answer_kind(text: str) -> AnswerKind:
    """What would answer the question: a yes/no finding, an amount, a name (or list), or a
    summary."""
    if asks_yes_or_no(text):
        return AnswerKind.YES_NO
    text = asking(text)
    if _QUANTITY.match(text):
        return AnswerKind.QUANTITY
    if _NAMING.match(text) or _WHICH.search(text):
        return AnswerKind.NAMING
    if _MEASURE_ASKED.match(text):
        return AnswerKind.QUANTITY
    return AnswerKind.SUMMARY
