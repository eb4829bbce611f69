"""Study design from the words of a record, for records whose indexing is silent.

Most records in a local index have no informative publication type (in-process and
publisher-supplied PubMed records, text files, PDFs), so the design must be read from
how authors describe their study. The rules are an ordered table of cues: the first
cue found in the record's own passages (title, methods, results — not the background,
see ``passages``) decides. Cues are ordered by how unambiguous they are, not by the
strength of the design: "study protocol" and "meta-analysis" say more about a record
than "double-blind" does, and "double-blind" more than "follow-up".

Design names in the plural ("randomised trials", "cohort studies") usually refer to
other work and are not cues; the singular and first-person forms are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from medcite.evidence.counts import COUNT_PATTERN
from medcite.records import StudyDesign


class Where(StrEnum):
    """Which passages a cue is looked for in."""

    TITLE = "title"
    ANYWHERE = "anywhere"


@dataclass(frozen=True, slots=True)
class TextCue:
    """A phrase that states a design, and whether it needs people to be counted.

    ``people``: True when the cue counts only if the record states a number of people
    ("prevalence" in a narrative review is a topic, in a survey of 2,000 adults a
    design); False when it counts only if none is stated (animal and cell studies
    mention patients in passing, but count animals or cells); None: either way.
    """

    design: StudyDesign
    pattern: re.Pattern[str]
    where: Where = Where.ANYWHERE
    people: bool | None = None
    unless: re.Pattern[str] | None = None
    """Wording around the cue that says the record is about such a design, not one
    ("adherence to guidelines"): then the cue does not count."""


def _cue(
    design: StudyDesign,
    pattern: str,
    where: Where = Where.ANYWHERE,
    people: bool | None = None,
    flags: re.RegexFlag = re.IGNORECASE,
    unless: str = "",
) -> TextCue:
    compiled = re.compile(unless, flags | re.MULTILINE) if unless else None
    return TextCue(design, re.compile(pattern, flags | re.MULTILINE), where, people, compiled)


D = StudyDesign
_RANDOM = r"randomi[sz]"
"""Starts with a literal so the search can skip ahead; "non-randomised" and
"quasi-randomised" are taken by the non-randomised trial cue, which comes first."""
_N = COUNT_PATTERN
_NOT_ONE = r"(?!one\b|a\b)"
_PEOPLE = r"(?:patients|men|women|children|adults|infants|girls|boys|subjects|participants)"
_AGED = r"\b(?:a|an)\s+\d+[-\s](?:year|month|week|day)s?[-\s]old\b"
_ONE_PERSON = (
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}"
    r"(?:man|woman|boy|girl|infant|neonate|newborn|patient|child|male|female|gentleman|lady)\b"
)

STRONG_CUES: tuple[TextCue, ...] = (
    # A protocol reports no results, whatever design it plans.
    _cue(D.PROTOCOL, r"\bstudy protocol\b|\bprotocol (?:for|of) (?:a|an|the)\b"),
    _cue(
        D.PROTOCOL,
        r"\bwill be (?:randomi[sz]ed|recruited|enrolled|allocated)\b"
        r"|\b(?:we|trial|study) will (?:randomi[sz]e|recruit|enrol|search|include)",
    ),
    # Conference abstracts: the venue, or an abstract number leading the title.
    _cue(
        D.CONFERENCE_ABSTRACT,
        r"\b(?:presented|poster|oral presentation)\b.{0,60}?\b(?:meeting|congress|conference"
        r"|symposium)\b|\bposter presentation\b",
    ),
    _cue(
        D.CONFERENCE_ABSTRACT,
        r"^\s*(?:[Aa]bstract\s+\d+|(?:P|OP|PO|FP|SP|OC)-?\d{1,4})\b",
        Where.TITLE,
        flags=re.NOFLAG,
    ),
    # A title that names its own kind; not one that studies guidelines ("National study
    # of physician awareness and adherence to … guidelines" is a survey).
    _cue(
        D.GUIDELINE,
        r"\bguidelines?\b|\bguidance (?:on|for|from)\b|\brecommendations (?:for|on|of|from)\b"
        r"|^recommendations\b|\bpractice (?:parameter|bulletin)",
        Where.TITLE,
        unless=r"\b(?:adherence|adhering|non-?adherence|awareness|compliance|concordance"
        r"|knowledge|uptake|attitudes?|perceptions?|barriers|impact|audit)\b"
        r"[^.:]{0,80}?\b(?:guidelines?|guidance|recommendations)\b",
    ),
    _cue(D.CASE_REPORT, r"\bcase[-\s]reports?\b|\ba case of\b|\breport of a case\b", Where.TITLE),
    _cue(
        D.CASE_SERIES,
        r"\bcase series\b|\breport of (?:two|three|four|five|\d+) cases\b",
        Where.TITLE,
    ),
    _cue(
        D.CASE_SERIES,
        rf"\bwe (?:describe|report|present) {_NOT_ONE}{_N} (?:[\w-]+\s+){{0,2}}"
        rf"(?:cases|{_PEOPLE}|families)\b"
        rf"|\b(?:report|description) of {_NOT_ONE}{_N} cases\b",
    ),
    # Guidelines and consensus: the machinery of recommending.
    _cue(
        D.CONSENSUS,
        r"\bconsensus (?:statement|conference|meeting|was reached|development)\b|\bdelphi\b"
        r"|\bposition (?:statement|paper)\b|\bexpert consensus\b",
    ),
    _cue(
        D.GUIDELINE,
        r"\b(?:this|these|the present) guidelines?\b|\bguideline (?:panel|committee)\b"
        r"|\bwriting committee\b|\b(?:strong|conditional|weak) recommendation\b"
        r"|\b(?:class|strength) of recommendation\b"
        r"|\b(?:provides?|formulated|issued|makes|presents?) (?:\w+ )?recommendations\b",
    ),
    # Evidence syntheses.
    _cue(D.META_ANALYSIS, r"\bmeta-?analy[sz]|\bpooled (?:analysis|estimate|data)\b"),
    _cue(
        D.META_ANALYSIS,
        r"\bpooled (?:odds|relative|risk|hazard|sensitivity|specificity|prevalence)"
        r"|\brandom-effects? model",
    ),
    _cue(
        D.SYSTEMATIC_REVIEW,
        r"\bsystematic(?:ally)? (?:literature )?(?:review|search)|\bscoping review\b|\bprisma\b"
        r"|\b(?:searched|search of)\b.{0,80}?\b(?:medline|pubmed|embase|cochrane|cinahl"
        r"|web of science|scopus|databases)\b"
        r"|\b(?:medline|pubmed|embase|cochrane library|scopus)\b.{0,80}?\bwere searched\b",
    ),
    # A review that says so: no trial or cohort writes "in this review".
    _cue(
        D.NARRATIVE_REVIEW,
        r"\b(?:this|our|the present) review\b|\bnarrative review\b|\breview aims\b"
        r"|\bwe (?:review|summari[sz]e|provide an overview)\b"
        r"|\bthis (?:article|paper|chapter) (?:reviews|summari[sz]es|discusses|outlines)\b",
    ),
    # Preclinical: animals or cells, and no people counted.
    _cue(
        D.ANIMAL,
        r"\b(?:mice|mouse|murine|rats?|rodents?|rabbits?|pigs|piglets|porcine|swine|sheep"
        r"|ovine|dogs|canine|primates|macaques?|zebrafish|drosophila|c57bl/6"
        r"|sprague-dawley|wistar)\b",
        people=False,
    ),
    _cue(
        D.IN_VITRO,
        r"\bin vitro\b|\bex vivo\b|\bcell lines?\b|\bcultured\b|\bcell culture|\bisolates\b",
        people=False,
    ),
    # Trials. Explicit non-randomisation first, since those trials also say "blind".
    _cue(
        D.NONRANDOMIZED_TRIAL,
        r"\b(?:non|quasi)-?\s?randomi[sz]ed\b|\bsingle-(?:arm|group)\b|\bopen-label extension\b"
        r"|\buncontrolled\b|\bquasi-experimental\b|\bbefore-and-after\b|\bhistorical controls?\b",
    ),
    _cue(
        D.RANDOMIZED_TRIAL,
        rf"{_RANDOM}ed(?:[\s,-]+[\w-]+){{0,4}}?[\s,-]+(?:trial|study)\b"
        rf"|\b(?:was|were|been|being|patients|participants) {_RANDOM}ed\b"
        rf"|{_RANDOM}ed (?:to|into|in a|between|1:1)\b|{_RANDOM}ation\b"
        r"|\brandomly (?:assigned|allocated)\b|\b(?:assigned|allocated) at random\b"
        r"|\brandom order\b|\b(?:placebo|sham)-controlled\b|\bdouble-blind",
    ),
    _cue(
        D.NONRANDOMIZED_TRIAL,
        r"\bphase (?:1|2|i|ii|1/2|i/ii|1b|2a)\b|\bfirst-in-human\b|\bdose-escalation\b"
        r"|\bpilot (?:trial|study)\b|\bopen-label\b",
    ),
    # Observational designs that name themselves.
    _cue(
        D.CASE_CONTROL,
        r"\bcase[-–\s]control\b(?!\s+studies)|\bmatched controls\b"
        r"|\bmatched (?:with|to) (?:\w+ )?controls\b"
        rf"|\bcases\b.{{0,80}}?\band {_N} (?:[\w-]+\s+){{0,3}}controls\b|\bcontrols were\b",
    ),
    _cue(D.CROSS_SECTIONAL, r"\bcross-?\s?sectional\b(?!\s+studies)"),
    _cue(D.COHORT, r"\bcohort\b(?!\s+studies)|\blongitudinal (?:study|analysis)\b"),
    _cue(D.CASE_SERIES, r"\bcase series\b|\bseries of \d+"),
    _cue(
        D.CASE_REPORT,
        rf"\bcase report\b|{_AGED}"
        r"|\b(?:report|describe|present|encountered)(?:ed|d|s)? (?:here |herein )?"
        r"(?:a|an|the|one|our) (?:\w+ ){0,2}case\b|\ba case (?:is|was) (?:described|reported)\b"
        rf"|\b(?:we|authors) (?:here |herein )?(?:report|describe|present) {_ONE_PERSON}",
    ),
)
"""Cues that name a design outright, from least to most ambiguous."""

WEAK_CUES: tuple[TextCue, ...] = (
    _cue(
        D.COHORT,
        r"\bfollowed(?: up)? (?:for|until|to|from|over)\b|\bfollowed the\b"
        r"|\b(?:years?|months|decades?) of follow-up\b|\bfollow-up of\b|\blongitudinal\b"
        r"|\bprospective(?:ly)?\b|\bretrospective(?:ly)?\b|\bregist(?:ry|ries|ers?)\b"
        r"|\bincident\b",
        people=True,
    ),
    _cue(
        D.CROSS_SECTIONAL,
        r"\bsurvey\b|\bquestionnaire\b|\bprevalence\b|\bseroprevalence\b|\bfrequency of\b"
        r"|\bhow often\b|\bsingle time point\b|\bdiagnostic accuracy\b"
        r"|\bsensitivity (?:and|of)\b|\breference standard\b"
        rf"|\b(?:was|were) (?:performed|carried out|obtained|done) (?:in|on|from) {_N}\b",
        people=True,
    ),
    _cue(
        D.OBSERVATIONAL,
        r"\b(?:reviewed|review of) (?:the )?(?:medical |clinical |hospital )?(?:records|charts)\b"
        r"|\bchart review\b|\brecords were reviewed\b",
        people=True,
    ),
    _cue(
        D.CASE_SERIES,
        rf"^\s*{_NOT_ONE}{_N} (?:[\w-]+\s+){{0,2}}{_PEOPLE} (?:developed|presented)\b"
        rf"|\brecords of {_N} {_PEOPLE}\b[^.]{{0,60}}\bwere reviewed\b",
    ),
    _cue(
        D.CASE_REPORT,
        rf"(?:^|\.\s+){_ONE_PERSON}\s+(?:\w+\s+)?(?:presented|was|who|with|developed|had)\b"
        r"|\bthe patient (?:was|had|presented|developed)\b",
    ),
    _cue(
        D.NARRATIVE_REVIEW,
        r"\b(?:literature review|review of the literature|overview of)\b"
        r"|\brecent advances\b|\bcurrent knowledge\b|\bwe discuss\b|\bwe highlight\b",
    ),
    _cue(D.NARRATIVE_REVIEW, r"\ban update\b|\bupdate on\b|\breview\b", Where.TITLE, people=False),
)
"""Cues that suggest a design when nothing names it outright."""

TEXT_CUES: tuple[TextCue, ...] = STRONG_CUES + WEAK_CUES
"""The ordered cue table: the first cue found decides the design."""


@dataclass(frozen=True, slots=True)
class TextDesign:
    """A design read from text, and the words that decided it."""

    design: StudyDesign
    cue: str


def design_from_text(
    title: str, passages: Sequence[str], people_counted: bool, cues: Sequence[TextCue] = TEXT_CUES
) -> TextDesign | None:
    """The design the first matching cue states; None when no cue is found.

    ``passages`` are the record's own passages (title included); ``people_counted``
    says whether a number of people was found in them (see ``sample_size``).
    """
    body = "\n".join(passages)
    for cue in cues:
        if cue.people is not None and cue.people != people_counted:
            continue
        haystack = title if cue.where is Where.TITLE else body
        found = cue.pattern.search(haystack)
        if found and not (cue.unless and cue.unless.search(haystack)):
            return TextDesign(cue.design, found.group(0).strip())
    return None
