"""Sentences that say which move they make: a study's stated aim, its set methods lines,
and, under an objective's label, which sentences aim and which are background.

An unlabelled abstract leaves every sentence's role to the model, which reads the words
and the place of a sentence; where an abstract states its aim late, or in words its
conclusions also use ("… to investigate whether inhibition of …"), the model misreads
it. Over 12,000 records of the corpus built from ``../shared/data`` (a scratch count), of
the 249 sentences of unlabelled abstracts that open "The aim of this study was to", "We
sought to" and the like, the model read 102 as something other than the objective, 36 of
them as conclusions: so a page's bottom line quoted what a study set out to do in place
of what it found (reviews 9 and 10).

These openings state the move whatever follows, so they decide the role as a label
would. Only openings: "To evaluate X, we studied …" goes on to say what was found, and
"We identified X as …" is a result. Methods lines are taken in the same few set forms
that can only describe how a study was done: "We searched MEDLINE …", "We conducted a
randomised trial …", "Patients were randomly assigned to …".

A label says less than it seems where it heads an objective: authors put the background
of their question under it too ("OBJECTIVE: Hyperbaric oxygenation is the accepted
treatment for cerebral arterial gas embolism. Although … This study investigates …"). Of
the 363 sentences under objectives' labels in the same corpus, 139 state no aim; read as
objectives, they could never lead an answer, and the first of them is the answer to "How
should cerebral arterial gas embolism be treated?" (``states_an_aim``).
"""

from __future__ import annotations

import re

from medcite.records import SentenceRole

_WORK = (
    r"(?:study|studies|trial|work|investigation|analysis|review|research|paper|article|"
    r"project|survey|report|meta-analysis)"
)
_THIS_WORK = (
    rf"(?:this|the|our)\s+(?:present\s+|current\s+|prospective\s+|retrospective\s+)?{_WORK}"
)
_AIM = re.compile(
    r"^(?:"
    # "The aim of this study was to …", "Our primary objective was to …"
    r"(?:the|our)\s+(?:main\s+|primary\s+|principal\s+|overall\s+|specific\s+)?"
    r"(?:aims?|purposes?|objectives?|goals?)\s+"
    rf"(?:of\s+{_THIS_WORK}\s+)?(?:was|were|is|are)\s+to\b"
    # "We sought to …", "In this study, we aimed to …"
    rf"|(?:in\s+{_THIS_WORK},?\s+)?we\s+(?:sought|aimed|aim|set\s+out|intended|wished)\s+to\b"
    # "This study aims to …", "The present study was designed to …"
    rf"|{_THIS_WORK}\s+(?:aims|aimed|seeks|sought|was\s+designed|is\s+designed)\s+to\b"
    # "We describe the intussusception epidemiology …", "We report a case of …" (not "We
    # report that …", a finding)
    r"|(?:here,?\s+)?we\s+(?:describe|present)\s+(?:here\s+)?(?:the|a|an|our|two|three|four)\b"
    r"|(?:here,?\s+)?we\s+report\s+(?:here\s+)?(?:a|an|two|three|four)\s+(?:[\w-]+\s+){0,3}?cases?\b"
    r")",
    re.IGNORECASE,
)
_METHODS = re.compile(
    r"^(?:"
    # "We searched MEDLINE, Embase …"
    r"we\s+(?:systematically\s+)?searched\b"
    # "We conducted a randomised, double-blind trial …"
    r"|we\s+(?:conducted|performed|carried\s+out|undertook|designed)\s+an?\s+"
    r"(?:[\w-]+,?\s+){0,3}?"
    r"(?:trial|systematic\s+review|meta-analysis|cohort\s+study|case-control\s+study|"
    r"cross-sectional\s+study|retrospective|prospective)"
    # "Patients were randomly assigned to …", "Participants were randomised to …"
    # (not "A total of 3353 patients were randomized to …", how many were: a result)
    r"|(?!a\s+total\b)(?:[A-Za-z-]+\s+){1,4}?were\s+(?:randomly\s+(?:assigned|allocated)|"
    r"randomi[sz]ed)\s+to\b"
    r")",
    re.IGNORECASE,
)


_OUTLINE = re.compile(
    r"(?:"
    # "… are also discussed.", "… will be reviewed.": what a review goes on to cover
    r"\b(?:(?:will|shall)\s+(?:also\s+)?be\s+|(?:is|are)\s+(?:also\s+|then\s+|further\s+)?)"
    r"(?:discussed|reviewed|summari[sz]ed|described|presented|highlighted|outlined|addressed)"
    r"\s*\.?\s*$"
    # "The ASCEND-D trial will test the hypothesis that …": a trial still to report
    rf"|\b{_WORK}\s+will\s+(?:test|evaluate|assess|compare|examine|determine|investigate)\b"
    # "… the possible protective effect of NAC on bleomycin lung toxicity was investigated."
    r"|\b(?:effects?|role|impact|influence|association|relationship|efficacy|safety|value)"
    r"\s+of\b.*\b(?:was|were)\s+(?:(?:therefore|also|then|further)\s+)?"
    r"(?:investigated|examined|evaluated|assessed|explored|studied)\s*\.?\s*$"
    # "… (Shingrix®), is the subject of this review.": what the paper is about
    r"|\b(?:is|are)\s+the\s+(?:main\s+)?(?:subject|focus|topic)s?\s+of\s+"
    r"(?:this|the\s+present|the\s+current|our)\s+(?:review|article|paper|chapter|report)\b"
    r")",
    re.IGNORECASE,
)
"""What a paper says it goes on to do, or a trial still to report is set to: no finding,
wherever the sentence says it. "Less common techniques like prolotherapy, platelet rich
plasma injections and botulism toxin injections are also discussed." led a comparison of
corticosteroid injection with platelet-rich plasma, and "The … ASCEND-D trial will test
the hypothesis that daprodustat is non-inferior …" one of daprodustat with darbepoetin
(review 39), and "A new recombinant subunit vaccine, HZ/su (Shingrix®), is the subject of
this review." one of Shingrix with Zostavax (review 40). "… the possible protective effect
of NAC on bleomycin lung toxicity was investigated." closes an aim, and led "… one of the
drugs is bleomycin. Can it damage his lungs?" once background naming all a yes/no question
asks could lead; what was measured ("Body weight, glucose … were assessed") is a method,
as the model reads it."""


_AIMING = re.compile(
    r"^(?:"
    # "To compare …", "In this study, …", "Here, we …"
    r"to\s+[a-z]+\b|in\s+(?:this|the\s+present|the\s+current|our)\b|here\b"
    # "Assessment of …", "Evaluation of the efficacy of …": an aim named by its noun
    r"|(?:an?\s+|the\s+)?(?:assessment|evaluation|investigation|comparison|determination|"
    r"analysis|identification|characteri[sz]ation|examination|description|exploration|"
    r"estimation|measurement|validation|development|review)\s+of\b"
    r")"
    # "We investigated whether …", "This study evaluated …"
    r"|^(?:we|this|the|our|these|that)\b[^.;]{0,60}?\b(?:investigat\w*|examin\w*|evaluat\w*|"
    r"assess\w*|compar\w*|determin\w*|explor\w*|test\w*|describ\w*|report\w*|"
    r"characteri[sz]\w*|identif\w*|estimat\w*|quantif\w*|review\w*|present\w*|stud(?:y|ied)|"
    r"analy[sz]\w*)\b"
    # "A secondary aim was to …", "… we sought to determine …", "A study was conducted to …",
    # "… will be assessed", a question
    r"|\b(?:aims?|aimed|sought|seeks?|objectives?|goals?|hypothes\w*|tr(?:y|ied)\s+to)\b"
    r"|\b(?:study|studies|trial|analysis|survey)\s+(?:was|were)\s+(?:conducted|performed|"
    r"designed|undertaken|carried\s+out)\s+to\b|\bwill\s+be\s+\w+ed\b"
    r"|\bwhether\b|\?\s*$",
    re.IGNORECASE,
)


def states_an_aim(text: str) -> bool:
    """Whether a sentence under an objective's label states what the study set out to do.

    Authors put the background of a question under the label that states it ("OBJECTIVE:
    Hyperbaric oxygenation is the accepted treatment for cerebral arterial gas embolism.
    Although earlier … This study investigates …"); such a sentence is background, which
    an answer may quote, where an objective never leads one. So an objective's label keeps
    its role only for the sentences that aim: looser than ``stated_move``'s openings, as
    the label says an aim is near ("To compare …", "Assessment of …", "We investigated
    whether …", a question the study asks).
    """
    return _AIMING.search(text.lstrip()) is not None


def stated_move(text: str) -> tuple[SentenceRole, str] | None:
    """The move a sentence names by its opening words, and those words, or an outline or a
    design still to report anywhere in it (``_OUTLINE``), an objective; None when it states
    none."""
    for role, pattern in ((SentenceRole.OBJECTIVE, _AIM), (SentenceRole.METHODS, _METHODS)):
        if found := pattern.match(text.lstrip()):
            return role, found.group(0)
    if found := _OUTLINE.search(text):
        return SentenceRole.OBJECTIVE, found.group(0).strip()
    return None
