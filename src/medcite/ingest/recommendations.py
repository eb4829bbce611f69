"""Recognise the recommendations of a guideline text, with their strength and grade.

Guidelines state what to do in graded sentences ("We recommend … (strong recommendation,
moderate-quality evidence)"), among many sentences of rationale. A sentence of a
guideline text is a recommendation when it recommends in the words guidelines use — "we
recommend / we suggest" (GRADE's wording, Andrews et al. 2013), "the USPSTF recommends",
"should", "is recommended", "is indicated", "may be considered", an imperative ("Offer",
"Ask about", "Do not use", also after a label or an opening clause: "Outreach – Use …",
"For minor procedures, consider …"), or says that the evidence is insufficient to
recommend — or when a grade of a known scheme (``recommendation_grades``) closes it.

A grade written just after the sentence, in its own brackets or on the next line
("(Strong recommendation; low-quality evidence.)"), belongs to it. A grade standing alone
before sentences ("Level III.", "Recommendation 3 (Grade B):", "The following are based
on consistent evidence (Level A):") grades those that follow, until a heading or a
question; under a lead-in that speaks of recommendations, each sentence that follows is
one. But a grade line just after recommendations that have none, not ending in a colon,
closes them: it grades each of them and nothing after ("Fair, Imperative" under the
Academy of Nutrition and Dietetics' statements). A grade inside a sentence that does not
close it ("Level II evidence supports …", "the grades (Class I–III) are defined below")
does not make the sentence a recommendation.
Strength follows the scheme (class I and III, USPSTF A and D, GRADE strong, ACCP 1 are
strong) or else the wording ("recommend", "should" strong; "suggest", "may", "consider"
conditional).

Only guideline texts are read this way (NLM publication types of guidelines and
consensus statements, or a title that says guideline, recommendation or consensus):
"we recommend further studies" in a trial report is not a recommendation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from msgspec.structs import replace

from medcite.ingest.recommendation_grades import (
    Grade,
    ends_with,
    find_grade,
    grade_alone,
    with_class,
)
from medcite.records import (
    GradingScheme,
    Recommendation,
    RecommendationStrength,
    Record,
    SectionPart,
)
from medcite.words import is_closed, is_title_or_question

GUIDELINE_TYPES = frozenset(
    {"Practice Guideline", "Guideline", "Consensus Development Conference",
     "Consensus Development Conference, NIH"}
)  # fmt: skip
_GUIDELINE_TITLE = re.compile(
    r"\b(guidelines?|recommendations?|consensus|position statement|practice parameters?|"
    r"statement from|task force)\b",
    re.IGNORECASE,
)
_GUIDELINE_TITLE_WORDS = (
    "guideline", "recommendation", "consensus", "statement", "practice parameter", "task force"
)  # fmt: skip
"""What every ASCII title that ``_GUIDELINE_TITLE`` matches holds, in lower case."""

_IMPERATIVE_VERBS = (
    "offer|use|give|refer|ensure|avoid|perform|ask|assess|evaluate|explore|inquire|enquire|"
    "identify|document|discuss|explain|inform|encourage|provide|obtain|measure|monitor|check|"
    "review|screen|test|treat|start|stop|initiate|continue|discontinue|administer|prescribe|"
    "arrange|advise|counsel|educate|establish|maintain|reassess|repeat|record|include|involve|"
    "tell|support|seek|follow|limit|reduce|increase|titrate|confirm|exclude|examine|determine|"
    "apply|make|take|keep|allow|coordinate|facilitate|promote|address|recogni[sz]e|build|"
    "contact|look|help|schedule|plan|implement|develop|train|assist|engage|elicit|vaccinate|"
    "immuni[sz]e|weigh|select|choose|switch|add|withhold|reserve|tailor|individuali[sz]e|"
    "investigate|observe|manage|order|instruct|teach|remove|protect|prevent|verify|notify|"
    "report|communicate|share|respect|base|combine|aim|target|optimi[sz]e|minimi[sz]e|"
    "emphasi[sz]e|reinforce|warn|remind|clarify|interpret|calculate|estimate|consult|transfer|"
    "admit|discharge|escalate|think|network|work|listen|pay|express|reali[sz]e|collaborate|"
    "specify|stress|link|understand|urge|assure|alleviate|solicit|try|create|advocate|do|focus|"
    "suggest|re-?check|speak|write|wait|watch|call|visit|let|set|get|put|send|prepare|attend|"
    "respond|accept|adjust|adapt|anticipate|approach|describe|detect|diagnose|enrol{1,2}|feed|"
    "guide|lower|organi[sz]e|pursue|rule\\s+out|search|suspect|update|wear|drink|eat|rest|"
    "sleep|walk|undertake|carry\\s+out|prioriti[sz]e|begin|collect|"
    # nouns or adjectives too ("Conduct disorder", "Separate analyses"): verbs before an object
    "(?:conduct|audit|separate)(?=\\s+(?:a|an|the|all|any|their|regular|routine)\\b)|"
    "be\\s+\\w+(?:\\s+(?:of|to|with)\\b)?"  # "Be aware of …", "Be sensitive to …"
)
_IMPERATIVE = re.compile(
    r"^(?:(?:\(?[0-9a-zA-Z]{1,3}[.)]|[•·*-])\s+)?"  # a list marker: "1.", "a)", "•"
    r"(?:[^.;:–—]{1,60}?\s(?:–|—|-)\s+|[^.;:–—]{1,40}?:\s+)?"  # a label: "Outreach – "
    r"(?:(?:for|in|if|when|where|before|after|during|once|unless|among|whenever|at|with|"
    r"following|given|because|to)\b[^.;:]{1,160}?,\s+"  # an opening clause: "If so, "
    r"|(?:however|therefore|thus|instead|otherwise|also|then),\s+)?"
    r"(?:(?:do\s+not|don't|never|always|routinely|also|then|please|\w+ly)\s+)?"
    rf"(?:{_IMPERATIVE_VERBS})\b(?!\s+(?:of|is|was|were|are|has|have|had)\b)"
    r"(?!\s+to\s+(?:the\s+)?(?:original|full|table|figure|section|appendix|"
    r"companion|guideline|document|box|crosswalk|national\s+guideline|NGC|NICE|\"))",
    re.IGNORECASE,
)
_STRONG_WORDING = re.compile(
    r"\b(?:we|panel|committee|task force|USPSTF|group|guideline|authors?|society|ACIP|WHO)"
    r"\s+(?:strongly\s+)?(?:recommends?|advises?|endorses?)\b"
    r"|\b[A-Z]{2,}[\w/-]*\s+(?-i:strongly\s+)?(?-i:recommends?|advises?)\b"  # "AAFP recommends"
    # "is recommended", "is only / strongly / usually / most often recommended"
    r"|\b(?:is|are|be)\s+(?:not\s+)?(?:\w+ly\s+|most\s+often\s+)?(?:recommended|indicated|"
    r"required|contraindicated|encouraged|discouraged|advised|advisable|warranted|mandatory|"
    r"essential|necessary)\b"
    r"|\b(?:cannot|can\s?not)\s+be\s+recommended\b"
    # "… is the standard treatment", "The recommended dose of … is …"
    r"|\b(?:is|are)\s+(?:usually\s+|generally\s+)?the\s+(?:[\w-]+\s+){0,2}"
    r"(?:standard|recommended)\b"
    r"|^the\s+(?:\w+ly\s+)?recommended\s+(?:[\w-]+\s+){1,4}(?:is|are)\b"
    r"|\bit\s+is\s+(?:important|essential|necessary|critical)\s+to\b"
    r"|\b(?:need|needs|has|have)\s+to\s+be\b"
    r"|\b(?:is|are)\s+to\s+be\s+\w+ed\b"  # "Samples … are to be analysed …"
    r"|\b(?:should|must)\b"
    r"(?!\s+(?:also\s+)?(?:be\s+(?:noted|expected|evident)|result|shed|benefit)\b)",
    re.IGNORECASE,
)
_CONDITIONAL_WORDING = re.compile(
    r"\b(?:we|panel|committee|task force|group|guideline|authors?)\s+(?:\w+\s+)?"
    r"(?:suggests?|proposes?)\b"
    r"|\bthe\s+(?-i:[A-Z]{2,}[\w/-]*)\s+(?-i:suggests?)\b"  # "the AGA suggests"
    r"|\b(?:clinicians|physicians|practitioners|providers|surgeons|nurses)\s+(?:may|can)\s+"
    r"(?!be\b|have\b|not\b)\w+"  # "Clinicians may offer …": an option left to them
    r"|\b(?:is|are|be|seems?)\s+(?:a\s+)?(?:reasonable|suggested|an option|options|acceptable|"
    r"an alternative|optional|preferred)\b"
    r"|\b(?:is|are)\s+(?:usually\s+|generally\s+)?the\s+(?:[\w-]+\s+){0,2}preferred\b"
    r"|\b(?:is|are)\s+(?:\w+ly\s+)?(?:not\s+)?appropriate\.?$"  # "Variant 1: … is appropriate."
    r"|\b(?:is|are)\s+(?:usually\s+|generally\s+)?appropriate\s+(?:for|in|to|when)\b"
    # the American College of Radiology's ratings in words: "MRI … is usually appropriate."
    r"|\b(?:is|are)\s+(?:also\s+|equally\s+)?(?:usually|generally|may\s+be)\s+(?:not\s+)?"
    r"appropriate\b"
    r"|\b(?:is|are)\s+(?:considered\s+)?inappropriate\s+to\b"
    r"|\b(?:is|are)\s+the\s+(?:[\w-]+\s+){0,3}of\s+choice\b"  # "… the initial study of choice"
    r"|\bmay\s+(?:also\s+)?be\s+(?:\w+ly\s+)?(?:considered|used|offered|useful|beneficial|"
    r"reasonable|appropriate|given|performed|indicated|delivered|prescribed|administered|tried|"
    r"employed|utili[sz]ed|conducted|continued|preferable)\b"
    r"|\b(?:can|could)\s+(?:also\s+)?be\s+(?:considered|used|offered|performed|employed|"
    r"utili[sz]ed|provided|incorporated)\b"
    r"|\bshould\s+be\s+considered\b"
    r"|(?:^|,\s+|[–—:]\s+)(?:\w+ly\s+)?consider\b",
    re.IGNORECASE,
)
_INSUFFICIENT = re.compile(
    r"\b(?:insufficient|inadequate|not enough|limited)\s+evidence\s+(?:exists\s+)?to\s+"
    r"(?:make\s+(?:(?:a|any)\s+)?(?:\w+\s+)?recommendations?|recommend|support|determine)"
    r"|\bno\s+(?:firm\s+|formal\s+)?recommendations?\s+(?:[\w\s]{1,80}?\s)?(?:can|could)\s+be\s+"
    r"(?:made|given|provided)\b"
    r"|\bno\s+recommendation\s+(?:is|was)\s+made\b"
    r"|\b(?:cannot|can\s?not|did\s+not|does\s+not)\s+make\s+(?:any\s+|a\s+)?(?:formal\s+)?"
    r"recommendations?\b"
    r"|\bthere\s+is\s+no\s+recommendation\b",
    re.IGNORECASE,
)
_NAMED_BODY_RECOMMENDS = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w&.-]*(?:\s+(?:of\s+|for\s+|on\s+|and\s+)?[A-Z][\w&.-]*)*)"
    r"\s+(?:strongly\s+)?(?:recommends|suggests|advises|endorses)\b"
)
_GENERIC_BODY = re.compile(
    r"(?:(?:Work(?:ing)?|Guideline\s+Development|Writing|Expert)\s+Group|GDG|Panel|"
    r"(?:Update\s+|Steering\s+|(?:Standards\s+of\s+)?Practice\s+)?Committee|"
    r"Task\s+Force|TF|Guidelines?|Authors?|Society|"
    r"Consensus\s+Panel|It|This\s+\w+)"
)
_OPEN_LEAD_IN = re.compile(
    r"\b(?:should|must|shall|will|can|could|may|might|would|need\s+to|to)"
    r"(?:\s+(?:also|usually|normally|routinely|always|generally|ideally|be\s+able\s+to))?"
    r"(?:\s+be)?\s*:\s*$",
    re.IGNORECASE,
)
"""A lead-in whose verb is left for its list items to finish ("Parent programmes should:",
"… so that they can:", "… support to:"): the items complete it; none is a recommendation
of its own."""
_REPORTED = re.compile(
    r"^(?:(?:the|a|an|one|two|three|several|some|many|most|few|other|another|early|earlier"
    r"|recent|previous|prior|large|small|published|these|those|such|group\s+of)\s+){0,3}"
    r"(?:studies|study|trials?|investigators|researchers|reviews?|accounts|data|literature"
    r"|authors?\s+of\s+(?:the|this|that|another|a|one)\s+(?:\w+\s+)?(?:study|trial|review)"
    r"|(?:other|previous|prior|earlier|existing|these|the\s+\w+)\s+guidelines"
    r"|results\s+of\s+(?:this|the|these|a|an)\s+\w+)"
    r"(?:\s+(?:\w+\s+)?(?:have\s+|has\s+)?(?:concluded|suggest(?:s|ed)?|recommend(?:s|ed)?|found"
    r"|show(?:s|ed|n)?|reported|advised?|proposed|demonstrated|indicated?|stated|noted)\b"
    # the finding after what was studied: "Researchers studied 79 outpatients … and
    # concluded that radiographs should …"
    r"|\b[^.;]{0,200}?\b(?:concluded|found|reported|stated)\s+that\b)"
    r"|^they\s+(?:also\s+)?(?:recommended|concluded|found|suggested|reported|stated)\b"
    r"|^according\s+to\s+(?:the\s+)?(?:[\w/-]+\s+){0,2}(?:guidelines?|recommendations?)\b",
    re.IGNORECASE,
)
"""A sentence that reports what studies or other guidelines concluded ("Two trials found
that patients should …", "Earlier guidelines suggested that …", "They also recommended
that …", "According to the guidelines of …"): evidence the guideline weighs, not its own
recommendation."""
_DEFINITIONS = re.compile(r"\s*Definitions:?\s*")
"""The heading of a guideline's rating-scheme definitions ("Definitions:"), after which its
sentences define grades ("Clinicians: Most patients should receive the recommended course
of action.") and recommend nothing."""
_RECOMMENDATIONS = re.compile(r"\brecommendations\b", re.IGNORECASE)
_PROFILE_FIELD = re.compile(
    r"(?:Quality\s+improvement\s+opportunit(?:y|ies)|Benefits?|Harms?|Risks?|Costs?"
    r"|Harms?,\s+risks?,?\s+(?:and\s+)?costs?|Value\s+judgm?ents?|Intentional\s+vagueness"
    r"|Exceptions?|Differences\s+of\s+opinion|Benefits?[-–\s]+harm\s+assessment"
    r"|Policy\s+level|Aggregate\s+evidence\s+quality)\s*:",
    re.IGNORECASE,
)
"""A field of the profile a guideline gives each action statement (the American Academy of
Otolaryngology's "Benefit: …", "Value judgments: …", "Exceptions: …"): it discusses the
recommendation above and is not one, whatever verb follows the label."""
_SCALE_KEY = re.compile(r"(?:\w+\s+){0,2}scale\s*:", re.IGNORECASE)
"""The key to a rating scale ("Rating Scale: 1 to 3 …; 4 to 6 May be appropriate; …", under
the American College of Radiology's tables): it defines the ratings and recommends
nothing."""
_QUOTED_WORDS = re.compile(r"['\"‘“]\w+(?:\s+\w+)?[,.;]?['\"’”]")


@dataclass(frozen=True, slots=True)
class _Carried:
    """A grade standing before sentences, which grades those that follow it."""

    grade: Grade
    lists_recommendations: bool


def is_guideline_text(record: Record) -> bool:
    """Whether a record is a guideline or consensus text, by its types or its title."""
    if GUIDELINE_TYPES.intersection(record.publication_types):
        return True
    return has_guideline_title(record.title)


def has_guideline_title(title: str) -> bool:
    """Whether a title names a guideline or consensus text (``_GUIDELINE_TITLE``).

    An ASCII title in lower case is first searched for the pattern's words: ~0.9 µs,
    where the case-insensitive pattern, tried at every letter, costs ~3 µs on a PubMed
    title, and every record read is asked, while fewer than 1 in 100 is a guideline.
    Only ASCII is lowered: there ignoring case is exactly comparing lower case, which
    Unicode's case folding is not ("ſ" matches "s", the Kelvin sign "k").
    """
    if title.isascii():
        lowered = title.lower()
        if not any(word in lowered for word in _GUIDELINE_TITLE_WORDS):
            return False
    return _GUIDELINE_TITLE.search(title) is not None


def with_recommendations(record: Record, sentences: Sequence[tuple[int, int, int]]) -> Record:
    """The record with its recommendations set, when it is a guideline text.

    ``sentences`` are the record's sentence spans ``(section_index, start, end)``.
    """
    if not is_guideline_text(record):
        return record
    found = find_recommendations(record, sentences)
    return replace(record, recommendations=found) if found else record


def find_recommendations(
    record: Record, sentences: Sequence[tuple[int, int, int]]
) -> tuple[Recommendation, ...]:
    """Every recommendation among ``sentences`` of a guideline text, in reading order."""
    found: list[Recommendation] = []
    texts = [record.sections[i].text[start:end] for i, start, end in sentences]
    carried: _Carried | None = None
    ungraded: list[int] = []  # the recommendations just before, still without a grade
    closed: list[int] = []  # those the grade line just before graded
    completing = False  # list items finish the open lead-in before them
    definitions: tuple[str, ...] | None = None  # the headings the definitions stand under
    for position, (section_index, start, end) in enumerate(sentences):
        section = record.sections[section_index]
        if section.part is SectionPart.TABLE or section.path == definitions:
            continue
        text = texts[position]
        if _DEFINITIONS.fullmatch(text):
            definitions = section.path
            continue
        if completing:  # an item without a full stop, or the last, verb-led one with it
            open_item = not text.rstrip().endswith(".")
            if open_item or _IMPERATIVE.match(text):
                completing = open_item
                continue
        completing = bool(_OPEN_LEAD_IN.search(text))
        alone = grade_alone(text)
        if alone is not None:
            if closed and not text.rstrip().endswith(":"):
                for index in closed:  # the next part of the grade: "Quality of evidence: High"
                    found[index] = _graded(found[index], alone, joined=True)
            elif ungraded and not text.rstrip().endswith(":"):
                for index in ungraded:  # a grade closing a run of ungraded recommendations
                    found[index] = _graded(found[index], alone)
                closed, ungraded = ungraded, []
                carried = None
            elif not text.lstrip().startswith(("(", "[")):  # a note closes what came before
                carried = _Carried(alone, _lists_recommendations(text))
            continue
        closed = []
        if _is_heading(text):
            carried = None
            ungraded = []
        after = texts[position + 1] if position + 1 < len(texts) else ""
        recommendation = _recognise(text, after, carried)
        if (
            recommendation is not None
            and not _reports_another_body(text, record.issuer)
            and not _REPORTED.match(text)
        ):
            strength, grade, scheme = recommendation
            found.append(Recommendation(section_index, start, end, strength, grade, scheme))
            ungraded = [*ungraded, len(found) - 1] if not grade else []
    return _paragraph_grades(texts, sentences, found)


def _paragraph_grades(
    texts: Sequence[str],
    sentences: Sequence[tuple[int, int, int]],
    found: list[Recommendation],
) -> tuple[Recommendation, ...]:
    """Recommendations graded by the grade that opens or closes their paragraph.

    A recommendation of several sentences carries one grade, before its first sentence
    ("D - Infusions may be used …. They should be started in specialist units.") or after
    its last ("Staff should record …. A checklist may help (Strong recommendation)."): the
    grade is each sentence's."""
    paragraphs: dict[int, list[int]] = {}  # section → positions of its sentences
    for position, (section_index, _, _) in enumerate(sentences):
        paragraphs.setdefault(section_index, []).append(position)
    ungraded: dict[int, list[int]] = {}  # section → its recommendations without a grade
    for index, recommendation in enumerate(found):
        if not recommendation.grade:
            ungraded.setdefault(recommendation.section_index, []).append(index)
    for section_index, indices in ungraded.items():
        first, last = texts[paragraphs[section_index][0]], texts[paragraphs[section_index][-1]]
        opening, closing = find_grade(first), find_grade(last)
        if opening is not None and opening.start == 0:
            grade = opening
        elif closing is not None and ends_with(last, closing):
            grade = closing
        else:
            continue
        for index in indices:
            found[index] = _graded(found[index], grade)
    return tuple(found)


def _lists_recommendations(text: str) -> bool:
    """Whether a grade line introduces recommendations ("Level B recommendations.", "The
    following recommendations are based on …", "Recommendation 3 (Grade B):"), so that each
    sentence under it is one; a graded heading ("Cryotherapy (Strength of Recommendation
    B)") grades those under it that recommend, not its discussion."""
    return text.rstrip().endswith(":") or bool(_RECOMMENDATIONS.search(text))


def _graded(recommendation: Recommendation, grade: Grade, joined: bool = False) -> Recommendation:
    """A recommendation given the grade that follows it; a grade that implies no strength
    leaves the wording's. ``joined`` adds the grade to the one it has, as the next part of
    a grade written over two lines."""
    strength = recommendation.strength
    if grade.strength is not RecommendationStrength.UNSTATED:
        strength = grade.strength
    text = (
        f"{recommendation.grade}; {grade.text}" if joined and recommendation.grade else grade.text
    )
    return replace(recommendation, strength=strength, grade=text, scheme=grade.scheme)


def recognise(
    sentence: str, before: str = "", after: str = ""
) -> tuple[RecommendationStrength, str, GradingScheme] | None:
    """Strength, grade and scheme of a sentence that recommends; None for any other.

    ``before`` and ``after`` are the sentences around it: a grade standing alone before it
    or a bracketed grade just after it is its grade.
    """
    alone = grade_alone(before) if before else None
    carried = _Carried(alone, _lists_recommendations(before)) if alone is not None else None
    return _recognise(sentence, after, carried)


def _recognise(
    sentence: str, after: str, carried: _Carried | None
) -> tuple[RecommendationStrength, str, GradingScheme] | None:
    if len(sentence) < 25 or is_title_or_question(sentence) or grade_alone(sentence):
        return None
    if _PROFILE_FIELD.match(sentence.lstrip()) or _SCALE_KEY.match(sentence.lstrip()):
        return None
    strength = _wording(sentence)
    grade = find_grade(sentence)
    if grade is not None and strength is None and not ends_with(sentence, grade):
        return None  # a grade inside ("Level II evidence shows …") is not a recommendation
    if grade is None and after.lstrip().startswith(("(", "[")):
        grade = grade_alone(after) or None
    if grade is not None and carried is not None:
        grade = with_class(carried.grade, grade) or grade
    if grade is None and carried is not None:
        if strength is None and not carried.lists_recommendations:
            return None
        grade = carried.grade
    if grade is None:
        return None if strength is None else (strength, "", GradingScheme.WORDING)
    if grade.strength is RecommendationStrength.UNSTATED and strength is not None:
        return strength, grade.text, grade.scheme
    return grade.strength, grade.text, grade.scheme


def _wording(sentence: str) -> RecommendationStrength | None:
    """The strength the wording gives, or None when the sentence does not recommend.

    A word in quotes is mentioned, not used: "The GDG uses 'must' only if there is a legal
    duty" defines the wording and recommends nothing."""
    sentence = _QUOTED_WORDS.sub(" ", sentence)
    if _CONDITIONAL_WORDING.search(sentence):
        return RecommendationStrength.CONDITIONAL
    if _STRONG_WORDING.search(sentence) or _IMPERATIVE.search(sentence):
        return RecommendationStrength.STRONG
    if _INSUFFICIENT.search(sentence):
        return RecommendationStrength.UNSTATED
    return None


def _reports_another_body(sentence: str, issuer: str) -> bool:
    """Whether the sentence reports what another named body recommends ("CDC recommends
    that …" in a BASHH guideline, "The ASAS recommends …" in an ACR one): that body's
    advice, quoted as evidence, not the guideline's own. Without a known issuer, or with a
    generic name ("the Work Group", "the Task Force"), the speaker is the guideline."""
    if not issuer:
        return False
    for match in _NAMED_BODY_RECOMMENDS.finditer(sentence):
        name = match["name"].removeprefix("The ")
        if not _GENERIC_BODY.fullmatch(name) and not _names_issuer(name, issuer):
            return True
    return False


def _names_issuer(name: str, issuer: str) -> bool:
    """Whether a body's name is the issuer's, written out or as its initials ("USPSTF" for
    "U.S. Preventive Services Task Force", "AGA" for "American Gastroenterological
    Association Institute")."""
    issuer = issuer.split(" - ")[0]  # NGC's "Name - Kind of Organisation"
    if name.lower() in issuer.lower():
        return True
    words = re.findall(r"[A-Z][\w']*", issuer.replace(".", ""))
    initials = "".join(word if word.isupper() else word[0] for word in words)
    return len(name) >= 2 and name.isupper() and initials.startswith(name)


def _is_heading(text: str) -> bool:
    """A short line without a closing full stop ("Recommendation", "Benefits:"), or a question."""
    words = text.split()
    if text.rstrip().endswith("?"):
        return True
    return len(words) <= 10 and not is_closed(text)
