"""Sentences that say what something is: what "What is X?" asks for first.

Asked what a drug, a disease or a method is, the answer is the sentence that defines it
("Etizolam (ETZ) is an antidepressive thienodiazepine drug …", "… the fast expanding
area of RNA modifications, termed epitranscriptomics."), and not one that only speaks of
it ("The FDA approved ivosidenib for …", "Mapping the position … of 5-methylcytosine
…"), however relevant the model scored each (BioASQ's "What is …?" questions, dev and
train splits). Definitions are written in a few set forms, the lexico-syntactic
patterns of definitional question answering (Blair-Goldensohn, McKeown and Schlaikjer,
2003): the name as the subject of "is a" (or "refers to"), the name in
apposition ("Volanesorsen, an antisense oligonucleotide …"), or the name after "termed",
"called", "known as" or "defined as".

Asked what a short form stands for ("What does PCAT6 stand for?"), the answer is the
sentence writing it out ("… prostate cancer-associated transcript 6 (PCAT6) …"), and not
one that only uses it ("LncRNA PCAT6 was involved in the progression of multiple human
cancers."): ``writes_out``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from medcite.compose.labels import leading_label_length

_PARTS = re.compile(r"[^\W\d_]+|\d+")
_SUBJECT = r"^(?:the\s+)?{name}\w{{0,2}}[®™]?(?:\s*\([^)]{{1,60}}\))?"
"""The name opening the sentence, perhaps plural, marked or followed by a short form."""
_FORMS = (
    # "Pseudodementia is the syndrome in which …", "CADD scores are an integrative …"
    _SUBJECT + r",?\s+(?:is|are|was|were)\s+(?:an?|the|one|defined|known|characteri[sz]ed|"
    r"considered|described|regarded)\b",
    # "PEGylation refers to …" (not "represents", mostly a figure: "Uber-operons represent
    # a rich set of footprints of operon evolution …")
    _SUBJECT + r",?\s+(?:refers?\s+to|denotes?)\b",
    # "Volanesorsen (Waylivra®), an antisense oligonucleotide inhibitor …"
    _SUBJECT + r",\s+(?:an?|the)\s",
    # "… termed epitranscriptomics", "a phenomenon known as "complex coacervation""
    r"\b(?:termed|called|known\s+as|referred\s+to\s+as|defined\s+as|named)\s+(?:the\s+)?"
    r"[\"“']?{name}\b",
)


def defines(text: str, names: Iterable[str]) -> bool:
    """Whether ``text`` says what one of ``names`` is, in one of the set forms above; a
    leading label ("BACKGROUND:") is passed over, and a name matches however its words are
    joined ("CPX351", "CPX-351"; "toe walking", "toe-walking")."""
    text = text[leading_label_length(text) :]
    return any(pattern.search(text) for name in names for pattern in _patterns(name))


@lru_cache(maxsize=1024)
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    parts = _PARTS.findall(name)
    if not parts:
        return ()
    written = r"[\s-]?".join(re.escape(part) for part in parts)
    return tuple(re.compile(form.format(name=written), re.IGNORECASE) for form in _FORMS)


def writes_out(text: str, short_form: str, names: Iterable[str]) -> bool:
    """Whether ``text`` names ``short_form`` and one of ``names`` that is no spelling of it
    (a long form: "prostate cancer-associated transcript 6" of "PCAT6", not "PCAT-6"), as
    "long form (SF)" and "SF (long form)" do."""
    own = _letters(short_form)
    long_forms = [name for name in names if _letters(name) not in ("", own)]
    return (
        bool(long_forms)
        and _named(short_form).search(text) is not None
        and any(_named(name).search(text) for name in long_forms)
    )


def _letters(name: str) -> str:
    return "".join(_PARTS.findall(name)).lower()


@lru_cache(maxsize=1024)
def _named(name: str) -> re.Pattern[str]:
    """``name`` as a text writes it, its words joined by a space, a hyphen or nothing."""
    written = r"[\s-]?".join(re.escape(part) for part in _PARTS.findall(name))
    return re.compile(rf"(?<![^\W_]){written}(?![^\W_])", re.IGNORECASE)
