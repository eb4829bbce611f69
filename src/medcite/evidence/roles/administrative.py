"""Statements about an article rather than its content, recognised wherever they stand.

Reporting guidelines make authors put them into abstracts: CONSORT 2010 (Schulz et al.,
BMJ 2010;340:c332, items 23 and 25) and CONSORT for abstracts (Hopewell et al., Lancet
2008;371:281-3) ask for the trial registration and funding, PRISMA 2020 for abstracts
for the review's registration; the ICMJE Recommendations ask for competing interests,
registration before enrolment and, since 2018, a data-sharing statement; the Declaration
of Helsinki for ethics approval and consent. Publishers and databases append copyright
lines ("© 2021 Elsevier Inc.", "(PsycInfo Database Record (c) 2021 APA, all rights
reserved)"). Such a sentence never answers a clinical question, and in an unlabelled
abstract it is often the last one, where a conclusion is expected.

Each cue is written for the statement itself, not its subject: "The study was funded
by" is a funding statement, "industry funding of editorial boards" a finding; "was
registered at ClinicalTrials.gov" a registration, "image registration" not. Cues that
could also occur in a sentence that reports something are anchored at the start of
the sentence, where the statements begin. Registry identifiers follow the formats of
the WHO ICTRP primary registries, ClinicalTrials.gov and PROSPERO.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from medcite.records import SentenceRole

R = SentenceRole


@dataclass(frozen=True, slots=True)
class AdministrativeCue:
    """A pattern that marks a sentence as an administrative statement of ``role``.

    ``max_words``: the cue counts only in a sentence of at most that many words
    (0: any length), for cues such as a bare registry number that make a short
    sentence a registration but are only a detail of a long one.
    """

    role: SentenceRole
    pattern: re.Pattern[str]
    max_words: int = 0


def _cue(role: SentenceRole, pattern: str, max_words: int = 0) -> AdministrativeCue:
    return AdministrativeCue(role, re.compile(pattern, re.IGNORECASE), max_words)


REGISTRY_ID = (
    r"\bNCT\s?\d{8}\b|\bISRCTN\s?\d{8}\b|\bCRD\s?4\d{9,11}\b|\bChiCTR[-\w]*\d{4,}"
    r"|\bACTRN\s?\d{14}\b|\bUMIN\s?\d{9}\b|\bDRKS\s?\d{8}\b|\bCTRI/\d{4}/\d+/\d+"
    r"|\bIRCT\d{6,}\w*|\bKCT\d{7}\b|\bPACTR\d{15}\b|\bNTR\s?\d{3,5}\b|\bTCTR\d{11}\b"
    r"|\bJPRN-\w+\d{6,}|\bRBR-\w{6,}|\bINPLASY\s?\d{6,}|\bEudraCT\b[^.;]{0,20}\d{4}-\d{6}-\d{2}"
    r"|\b\d{4}-\d{6}-\d{2}\b"
)
"""Registry identifiers (ClinicalTrials.gov, ISRCTN, PROSPERO, ChiCTR, ANZCTR, UMIN,
DRKS, CTRI, IRCT, CRiS, PACTR, NTR, TCTR, JPRN, ReBEC, INPLASY, EudraCT)."""

_URL = r"(?:https?://|www\.)\S+"
_SUBJECT = r"(?:the |this |our |each )?(?:[\w-]+ ){0,3}"
_STUDY = r"(?:study|studies|trial|review|protocol|research|project|work|analysis|survey)"
_INTEREST = (
    r"(?:conflicts? of interests?|competing (?:financial )?interests?"
    r"|financial (?:interests?|relationships?|disclosures?|conflicts?)|dualit(?:y|ies) of interest)"
)
_FUNDER = (
    r"\b(?:grants?|funds?|funding|foundation|institutes?|council|ministry|agency|programme|program"
    r"|trust|charity|award|fellowship|NIH|NSF|NIHR|MRC|ERC|DFG)\b"
)
_ETHICS_BODY = (
    r"(?:ethics?|ethical|review board|\bIRB\b|\bREB\b|institutional committee|helsinki committee"
    r"|animal care|bioethics)"
)

ADMINISTRATIVE_CUES: tuple[AdministrativeCue, ...] = (
    # Copyright and licence notices of publishers and databases.
    _cue(R.COPYRIGHT, r"^\W{0,2}(?:©|\(c\)\s*\d{4}|copyright\b)"),
    _cue(R.COPYRIGHT, r"\ball rights reserved\b|\bthis article is protected by copyright\b"),
    _cue(R.COPYRIGHT, r"\bpsycinfo database record\b|\bcreative commons\b"),
    _cue(R.COPYRIGHT, r"\bpublished by\b.{0,80}\b(?:on behalf of|ltd|inc|llc|gmbh|press)\b", 30),
    # Funding, as CONSORT item 25 and NEJM's "(Funded by …)" put it.
    _cue(R.FUNDING, r"^\W{0,2}(?:funded|sponsored|financed) (?:\w+ )?by\b"),
    _cue(R.FUNDING, rf"^\W{{0,2}}supported (?:\w+ )?by\b.{{0,80}}{_FUNDER}"),
    _cue(R.FUNDING, r"^\W{0,2}(?:funding|financial support|sources? of funding)\b\s*[:.(]"),
    _cue(
        R.FUNDING,
        rf"^\W{{0,2}}{_SUBJECT}{_STUDY} (?:was|were|is|has been|had been) (?:\w+ )?"
        r"(?:supported|funded|sponsored|financed)\b(?! by (?:the )?(?:evidence|data|findings))",
    ),
    _cue(R.FUNDING, r"^\W{0,2}the funders? (?:had|has|played) no\b"),
    _cue(R.FUNDING, r"\bgrant (?:no|number|numbers|nos|#)\b"),
    # Registrations (CONSORT item 23, PRISMA 2020 for abstracts item 12).
    _cue(
        R.REGISTRATION,
        r"^\W{0,2}(?:(?:clinical |systematic review |study )?(?:trials? )?registration\b"
        r"|registered\b|registry\b|clinicaltrials\.gov|prospero\b"
        r"|(?:international )?(?:standard )?(?:randomi[sz]ed )?controlled trial number)",
    ),
    _cue(
        R.REGISTRATION,
        r"^\W{0,2}(?:[\w-]+ ){0,4}(?:clinical )?trials? regist(?:ry|er)\b(?: [\w-]+){0,3}\W*"
        rf"(?:identifier|number|no\b|id\b|[:,(]|{REGISTRY_ID})",
    ),
    _cue(
        R.REGISTRATION,
        rf"^\W{{0,2}}{_SUBJECT}{_STUDY}(?: protocol)? (?:was|is|has been|had been|were) "
        r"(?:\w+ )?registered\b",
    ),
    _cue(
        R.REGISTRATION,
        r"\bregistered (?:\w+ ){0,3}(?:in|at|with|on|under)\b.{0,60}"
        rf"(?:prospero|clinicaltrials|regist(?:ry|er)|isrctn|{REGISTRY_ID})",
        20,
    ),
    _cue(R.REGISTRATION, REGISTRY_ID, 8),
    # Competing interests (ICMJE), in the words declarations use.
    _cue(
        R.CONFLICT,
        rf"^\W{{0,2}}(?:(?:the |all )?authors?\b|we\b|none\b|no\b|there\b|nothing\b|{_INTEREST}"
        rf"|disclosures?\b|declarations?\b|dr\.?\s).{{0,120}}{_INTEREST}",
    ),
    _cue(
        R.CONFLICT,
        r"^\W{0,2}(?:the |all )?authors? (?:declares?|ha(?:ve|s) (?:nothing to (?:disclose|declare)"
        r"|no (?:relevant )?(?:financial|conflicts?|competing|disclosures?|relationships?)))",
    ),
    _cue(
        R.CONFLICT, r"^\W{0,2}(?:conflicts? of interests?|competing interests?|disclosures?)\s*[:.]"
    ),
    _cue(
        R.CONFLICT,
        r"\b(?:received|receives|reports?|reported|has received) (?:\w+ )?(?:grants?,? )?"
        r"(?:personal fees|honoraria|consult(?:ing|ancy) fees|speaker(?:'s|s)? (?:fees|bureau))",
    ),
    # Ethics approval and consent (Declaration of Helsinki).
    _cue(
        R.ETHICS,
        rf"^\W{{0,2}}{_SUBJECT}(?:{_STUDY}|protocols?|procedures|experiments)(?: protocol)? "
        rf"(?:\w+ ){{0,4}}(?:was|were|had been|has been|is|are) (?:\w+ )?approved by\b.{{0,120}}"
        rf"{_ETHICS_BODY}",
    ),
    _cue(
        R.ETHICS,
        rf"^\W{{0,2}}(?:an? |the |our |local )?(?:[\w-]+ ){{0,4}}{_ETHICS_BODY}"
        r"(?: \w+){0,6} (?:(?:approved|reviewed) (?:the|this|our|all) (?:[\w-]+ ){0,3}"
        r"(?:study|protocol|trial|research|project|procedures|experiments|survey)"
        r"|approved\W*$|waived the (?:need|requirement))",
    ),
    _cue(
        R.ETHICS,
        rf"^\W{{0,2}}{_SUBJECT}{_STUDY} (?:was|were|is) (?:\w+ )?(?:institutional review board"
        r"|irb|ethics committee|ethics board)[- ](?:approved|exempt)\b",
    ),
    _cue(
        R.ETHICS,
        r"^\W{0,2}(?:ethic(?:s|al)? (?:approval|clearance|statement|considerations|committee)"
        r"|(?:irb|institutional review board|ethics committee) (?:approval|exemption)"
        r"|approval (?:was )?(?:obtained )?(?:of|from|by) the (?:[\w-]+ ){0,6}"
        r"(?:ethics|review board|committee))",
    ),
    _cue(
        R.ETHICS,
        r"^\W{0,2}(?:(?:written|verbal|oral|signed) )?(?:informed )?consent "
        r"(?:was|were|had been|has been|is) (?:\w+ )?"
        r"(?:obtained|waived|signed|provided|given|required|not required)",
    ),
    _cue(
        R.ETHICS,
        r"^\W{0,2}(?:the |all |each )?(?:[\w-]+ ){0,3}(?:patients?|participants?|subjects?"
        r"|parents?|guardians?|volunteers?|caregivers?|women|men|children|donors?|respondents?)"
        r"['’]?(?: [\w'’-]+){0,2} (?:gave|provided|signed|obtained) (?:their )?"
        r"(?:written |verbal |oral )?informed consent\b",
        30,
    ),
    _cue(
        R.ETHICS,
        r"\b(?:in accordance|in compliance|conform(?:ed|s|ing)?|complied|compliance) with the "
        r"(?:\w+ )?declaration of helsinki\b",
        40,
    ),
    # Data, code and supplementary material (ICMJE data-sharing statements).
    _cue(
        R.DATA,
        r"\b(?:data|datasets?|code|codes|source code|software|scripts?|package|implementation"
        r"|web ?server|tool|materials?)\b.{0,80}\b(?:is|are|will be|has been|have been|can be|"
        r"were) (?:\w+ ){0,2}(?:available|accessible|deposited|released|found|obtained|shared)"
        rf"\b.{{0,60}}(?:{_URL}|github|gitlab|zenodo|figshare|osf\.io|bioconductor|\bcran\b"
        r"|\bpypi\b|(?:upon|on) (?:reasonable )?request|from the corresponding author)",
    ),
    _cue(
        R.DATA,
        r"^\W{0,2}(?:the )?(?:data availability|availability (?:and|of) (?:implementation|data"
        r"|code)|supplementary (?:data|information"
        r"|materials?)|supporting information|supplemental (?:data|materials?))\b",
    ),
    _cue(R.DATA, r"^\W{0,2}(?:see )?(?:video abstract|graphical abstract|visual abstract)\b"),
    _cue(R.DATA, r"^(?:\S+\s+){0,9}\S*https?://\S+\s*$"),
)
"""The ordered cue table: the first cue found decides."""

_WORD = re.compile(r"\w+")

SCREEN_WORDS = (
    "©", "(c)", "copyright", "rights reserved", "psycinfo", "creative commons", "published by",
    "fund", "sponsor", "financ", "support", "grant", "regist", "prospero", "trial number",
    "interest", "author", "disclos", "declar", "honorari", "fees", "speaker", "approv", "ethic",
    "irb", "review", "waive", "exempt", "consent", "helsinki", "http", "www.", "github",
    "gitlab", "zenodo", "figshare", "osf.io", "bioconductor", "cran", "pypi", "request",
    "corresponding", "availab", "supplement", "supporting information", "abstract",
)  # fmt: skip
SCREEN_ID_PREFIXES = (
    "nct", "isrctn", "crd", "chictr", "actrn", "umin", "drks", "ctri", "irct", "kct", "pactr",
    "ntr", "tctr", "jprn", "inplasy", "eudract",
)  # fmt: skip
_THREE_DIGITS = re.compile(r"\d{3}")
_EUDRACT_NUMBER = re.compile(r"\d{4}-\d{6}-\d{2}")


def may_be_administrative(text: str) -> bool:
    """Whether ``text`` has a word or an id that some cue of ``ADMINISTRATIVE_CUES`` needs.

    Most sentences have none and are passed over at once; a test checks on real text that
    this screen never hides a statement the cues would find.
    """
    lower = text.lower()
    if any(map(lower.__contains__, SCREEN_WORDS)) or "rbr-" in lower:
        return True
    if _THREE_DIGITS.search(text) is None:  # every registry id has three digits in a row
        return False
    return any(map(lower.__contains__, SCREEN_ID_PREFIXES)) or bool(_EUDRACT_NUMBER.search(text))


def administrative_role(
    text: str, cues: Sequence[AdministrativeCue] = ADMINISTRATIVE_CUES, *, screen: bool = True
) -> tuple[SentenceRole, str] | None:
    """The administrative kind of a sentence and the words that show it; None if it is none.

    ``screen`` first looks for a word the default cues need (``may_be_administrative``).
    """
    if screen and cues is ADMINISTRATIVE_CUES and not may_be_administrative(text):
        return None
    words = 0
    for cue in cues:
        if cue.max_words:
            words = words or len(_WORD.findall(text))
            if words > cue.max_words:
                continue
        found = cue.pattern.search(text)
        if found:
            return cue.role, found.group(0).strip()
    return None
