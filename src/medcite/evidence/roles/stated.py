"""Sentences that say which move they make: a study's stated aim, and its set methods lines.

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
"""

from __future__ import annotations

import re

from medcite.records import SentenceRole

_WORK = (
    r"(?:study|studies|trial|work|investigation|analysis|review|research|paper|article|"
    r"project|survey|report|meta-analysis)"
)
_THIS_WORK = rf"(?:this|the|our)\s+(?:present\s+|current\s+|prospective\s+|retrospective\s+)?{_WORK}"
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


def stated_move(text: str) -> tuple[SentenceRole, str] | None:
    """The move a sentence names by its opening words, and those words; None when its
    opening states none."""
    for role, pattern in ((SentenceRole.OBJECTIVE, _AIM), (SentenceRole.METHODS, _METHODS)):
        if found := pattern.match(text.lstrip()):
            return role, found.group(0)
    return None
