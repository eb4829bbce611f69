"""Read OBO 1.2/1.4 ontologies (the Disease Ontology's ``doid.obo``).

Only the tags that say what a term is called and where it sits are read (OBO flat file
format 1.4, section 3): ``id``, ``name``, ``def``, ``synonym`` (EXACT and RELATED; NARROW
and BROAD name other concepts), ``xref`` (``MESH:D012595``, ``OMIM:181750``), ``is_a``
and ``is_obsolete``; obsolete terms are skipped. A synonym written like a short form
(≤ 10 characters, no space, an upper-case letter after the first: "SSc", "COPD") is kept
as an abbreviation. A dedicated reader rather than an ontology library: we stream one
file once, need line numbers in errors, and use seven tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from medcite.records import Concept, Vocabulary
from medcite.vocab.parsed import ParsedConcept, read_text_lines, vocabulary_error

_STANZA = re.compile(r"^\[(\w+)\]\s*$")
_TAG = re.compile(r"^([A-Za-z_][\w-]*):\s?(.*)$")
_QUOTED = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*(.*)$')
_KEPT_SYNONYM_SCOPES = ("EXACT", "RELATED")


def looks_like_abbreviation(term: str) -> bool:
    """A short, spaceless form with a capital after its first letter ("SSc", "MS", "COPD")."""
    return len(term) <= 10 and " " not in term and any(c.isupper() for c in term[1:])


def read_obo(
    path: Path, vocabulary: Vocabulary = Vocabulary.DISEASE_ONTOLOGY
) -> Iterator[ParsedConcept]:
    """The non-obsolete ``[Term]`` stanzas of an OBO file, each with its first line number."""
    stanza: str | None = None
    tags: dict[str, list[str]] = {}
    start = 0
    seen_header = False
    for number, raw in read_text_lines(path):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        opened = _STANZA.match(line)
        if opened:
            if stanza == "Term":
                yield from _term(path, start, tags, vocabulary)
            stanza, tags, start = opened.group(1), {}, number
            continue
        tag = _TAG.match(line)
        if tag is None:
            raise vocabulary_error(path, number, f"expected 'tag: value', found {line[:60]!r}")
        if stanza is None:
            seen_header = seen_header or tag.group(1) == "format-version"
            continue
        tags.setdefault(tag.group(1), []).append(tag.group(2))
    if stanza is None and not seen_header:
        raise vocabulary_error(path, 1, "no OBO header or [Term] stanza: not an OBO file")
    if stanza == "Term":
        yield from _term(path, start, tags, vocabulary)


def _term(
    path: Path, line: int, tags: dict[str, list[str]], vocabulary: Vocabulary
) -> Iterator[ParsedConcept]:
    term_id, name = _first(tags, "id"), _first(tags, "name")
    if not term_id or not name:
        missing = "id" if not term_id else "name"
        raise vocabulary_error(path, line, f"the [Term] starting here has no {missing}")
    if _first(tags, "is_obsolete") == "true":
        return
    synonyms: list[str] = []
    abbreviations: list[str] = []
    for value in tags.get("synonym", ()):
        quoted = _QUOTED.match(value)
        if quoted is None:
            raise vocabulary_error(path, line, f"{term_id}: unquoted synonym {value[:60]!r}")
        text, scope = _unescape(quoted.group(1)), quoted.group(2).split(" ", 1)[0]
        if scope not in _KEPT_SYNONYM_SCOPES or text == name:
            continue
        (abbreviations if looks_like_abbreviation(text) else synonyms).append(text)
    definition = _QUOTED.match(_first(tags, "def"))
    yield ParsedConcept(
        Concept(
            id=term_id,
            vocabulary=vocabulary,
            name=name,
            synonyms=tuple(dict.fromkeys(synonyms)),
            abbreviations=tuple(dict.fromkeys(abbreviations)),
            parents=tuple(value.split(" ", 1)[0] for value in tags.get("is_a", ())),
            xrefs=tuple(value.split(" ", 1)[0] for value in tags.get("xref", ())),
            definition=_unescape(definition.group(1)) if definition else "",
        ),
        line,
    )


def _first(tags: dict[str, list[str]], name: str) -> str:
    values = tags.get(name)
    return values[0].strip() if values else ""


def _strip_comment(line: str) -> str:
    """Drop a trailing ``! comment`` (OBO 1.4 §2.1), keeping ``!`` inside quotes."""
    if "!" not in line:
        return line
    quoted = False
    for position, char in enumerate(line):
        if char == '"' and (position == 0 or line[position - 1] != "\\"):
            quoted = not quoted
        elif char == "!" and not quoted:
            return line[:position]
    return line


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)
