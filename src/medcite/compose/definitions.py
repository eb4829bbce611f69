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
