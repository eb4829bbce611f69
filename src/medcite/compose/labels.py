"""Leading section labels inside a sentence ("CONCLUSIONS: PSC and ISC are …").

Abstracts not split into sections by the publisher keep their labels inline, with a
colon or, in capitals, without ("CONCLUSIONS The low risk …": ``records.labels``); a
statement drops such a label and nothing else, so it is still the source's sentence —
verification checks exactly that the trimmed characters are a label. Some texts (BioASQ's
snippets of PubMed's web pages) keep the page's bold around it: "<b>INTRODUCTION</b>: A
phase 2 study …".
"""

from __future__ import annotations

import re

from medcite.records import bare_label_length

_LEADING_LABEL = re.compile(
    r"^(?:\.\s*)?(?:<(?:b|strong)>)?([A-Z][A-Za-z /&-]{1,38}[A-Z](?:\(S\))?)"
    r"(?:</(?:b|strong)>)?:\s+(?=\S)"
)
"""A label with its colon, perhaps in bold, perhaps after the full stop of the section
before it where the two were run together (".INTERPRETATION: Ticagrelor was not superior
…", review 40)."""


def leading_label_length(text: str) -> int:
    """How many characters of ``text`` are a leading "LABEL: " or "LABEL " (0 when none).

    A label with a colon is mostly upper case ("RESULTS:", "Patients and Methods:" is
    not), which keeps ordinary sentences that contain a colon early from losing their
    start; one without is made of the words of labels alone (``bare_label_length``).
    """
    match = _LEADING_LABEL.match(text)
    if match is None:
        return bare_label_length(text)
    letters = [c for c in match.group(1) if c.isalpha()]
    return match.end() if sum(c.isupper() for c in letters) * 2 > len(letters) else 0
