"""Read MeSH descriptors in NLM's ASCII format (``dYYYY.bin``).

The layout is documented by NLM ("MeSH ASCII data elements"): records start with a
``*NEWRECORD`` line, then ``KEY = value`` lines; a key may repeat (``MN``, ``ENTRY``).
We read the heading (``MH``), descriptor UI (``UI``), tree numbers (``MN``), scope note
(``MS``) and entry terms (``ENTRY``/``PRINT ENTRY``). An entry term is either a bare
term or ``term|field|…|code``, where the trailing code names each field by a letter
(``a`` term, ``b`` semantic type, ``c`` lexical tag, ``d`` semantic relation, ``e``
thesaurus id, ``f`` date); copies without that code give ``term|LEXICAL TAG|term id``.
Other keys are skipped: they do not change what a concept is called.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from medcite.records import Concept, Vocabulary
from medcite.vocab.parsed import ParsedConcept, read_text_lines, vocabulary_error

NEW_RECORD = "*NEWRECORD"
LEXICAL_TAGS = frozenset("ABB ABX ACR ACX EPO LAB NAM NON TRD Frelated".split())
ABBREVIATION_TAGS = frozenset({"ABB", "ACR"})
_FIELD_CODE = re.compile(r"^[a-z]+$")
_LINE = re.compile(r"^([A-Z][A-Z ]*?) = (.*)$")
# NLM writes some abbreviations as entry terms of the form "MS (Multiple Sclerosis)".
_SHORT_WITH_LONG = re.compile(r"^(\S{1,10}) \((.+)\)$")


def read_mesh_ascii(path: Path) -> Iterator[ParsedConcept]:
    """The descriptors of an ASCII MeSH file (plain or gzip), each with its first line number.

    Raises ``SourceError`` naming file and line for anything that is not this format:
    text before the first ``*NEWRECORD``, a line that is not ``KEY = value``, a record
    without ``UI`` or ``MH`` (a truncated file ends that way).
    """
    for line, fields in read_ascii_records(path):
        yield _descriptor(path, line, fields)


def read_ascii_records(path: Path) -> Iterator[tuple[int, dict[str, list[str]]]]:
    """Each record of a MeSH ASCII file (descriptors or supplementary concepts): the line
    its ``*NEWRECORD`` stands on, and its values by key, in file order."""
    fields: dict[str, list[str]] = {}
    record_line = 0
    for number, line in read_text_lines(path):
        if line == NEW_RECORD:
            if record_line:
                yield record_line, fields
            fields, record_line = {}, number
            continue
        if not line:
            continue
        match = _LINE.match(line)
        if match is None or not record_line:
            expected = "a 'KEY = value' line" if record_line else f"'{NEW_RECORD}'"
            raise vocabulary_error(path, number, f"expected {expected}, found {line[:60]!r}")
        fields.setdefault(match.group(1), []).append(match.group(2))
    if not record_line:
        raise vocabulary_error(path, 1, f"no '{NEW_RECORD}' found: not a MeSH ASCII file")
    yield record_line, fields


def _descriptor(path: Path, line: int, fields: dict[str, list[str]]) -> ParsedConcept:
    ui, heading = fields.get("UI", [""])[0], fields.get("MH", [""])[0]
    if not ui or not heading:
        missing = "UI" if not ui else "MH"
        raise vocabulary_error(
            path, line, f"the record starting here has no {missing} line (truncated file?)"
        )
    entries = (
        split_entry(entry) for entry in [*fields.get("PRINT ENTRY", []), *fields.get("ENTRY", [])]
    )
    synonyms, abbreviations = sort_entry_terms(entries, heading)
    concept = Concept(
        id=ui,
        vocabulary=Vocabulary.MESH,
        name=heading,
        synonyms=synonyms,
        abbreviations=abbreviations,
        tree_numbers=tuple(fields.get("MN", ())),
        definition=" ".join(fields.get("MS", ())),
    )
    return ParsedConcept(concept, line)


def split_entry(entry: str) -> tuple[str, str]:
    """An ENTRY value → (term, lexical tag); the tag is "" when the entry gives none."""
    parts = entry.split("|")
    term = parts[0].strip()
    code = parts[-1] if len(parts) > 1 else ""
    if _FIELD_CODE.match(code) and len(code) == len(parts) - 1 and "c" in code:
        return term, parts[code.index("c")]
    tag = next((part for part in parts[1:] if part in LEXICAL_TAGS), "")
    return term, tag


def sort_entry_terms(
    terms: Iterable[tuple[str, str]], heading: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(synonyms, abbreviations) of a descriptor from its (term, lexical tag) pairs.

    Terms tagged ABB/ACR are abbreviations; "MS (Multiple Sclerosis)" gives both the
    short form and the long one. Repeats and the heading itself are dropped.
    """
    synonyms: list[str] = []
    abbreviations: list[str] = []
    for term, tag in terms:
        short_long = _SHORT_WITH_LONG.match(term)
        if tag in ABBREVIATION_TAGS:
            abbreviations.append(term)
        elif short_long and any(c.isupper() for c in short_long.group(1)):
            abbreviations.append(short_long.group(1))
            if spells_out(short_long.group(1), short_long.group(2)):
                synonyms.append(short_long.group(2))  # "MS (Multiple Sclerosis)"
            # else a qualifier telling senses apart ("PROM (Pregnancy)", "TACE (Enzyme)"):
            # not a name of the concept
        else:
            synonyms.append(term)
    return _unique(synonyms, heading), _unique(abbreviations, heading)


def spells_out(short: str, long: str) -> bool:
    """Whether ``long`` spells ``short`` out: its letters in order, the first opening a word.

    "MS" and "Multiple Sclerosis" yes; "PROM" and "Pregnancy", "TACE" and "Enzyme" no
    (there the parenthesis only says which PROM or TACE is meant). After Schwartz & Hearst
    2003, whose rule finds long forms in text.
    """
    letters = [c.lower() for c in short if c.isalpha()]
    words = long.lower().split()
    if not letters or not words or not words[0].startswith(letters[0]):
        return False
    text = " ".join(words)
    position = 1
    for letter in letters[1:]:
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _unique(terms: list[str], name: str) -> tuple[str, ...]:
    return tuple(term for term in dict.fromkeys(terms) if term and term != name)
