"""An oracle for grounding that shares no code with the composer or its verifier.

The answer page promises that every statement is a sentence of its cited source. The
engine checks that itself (``compose.verify``) against the record as stored; a bug there,
in the splitter or in a reader would pass its own check. This oracle goes back to the
source as published instead — the benchmark's JSON or the PubMed XML file, read with the
standard library alone — and asks whether the statement's text is there, character for
character (whitespace runs compared as one space).

A BioASQ record is rebuilt from several snippets that may overlap, so a statement there
is grounded when it is covered, left to right, by pieces of at least ``MIN_PIECE``
characters each found in one of that document's snippets (the space that joins two
snippets belongs to neither).
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping
from pathlib import Path

_SPACE = re.compile(r"\s+")
MIN_PIECE = 12
"""Shortest piece that counts (unless less text is left): single letters occur anywhere."""
_PMID = re.compile(r"(\d+)/?$")


def _plain(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def bioasq_source_texts(files: Iterable[Path]) -> dict[str, tuple[str, ...]]:
    """Every snippet text of the golden files, by record id (``pmid:N``)."""
    texts: dict[str, list[str]] = {}
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as stream:
            data = json.load(stream)
        for question in data.get("questions", []):
            for snippet in question.get("snippets", []):
                match = _PMID.search(str(snippet.get("document", "")).strip())
                if match and snippet.get("text", "").strip():
                    texts.setdefault(f"pmid:{match[1]}", []).append(_plain(snippet["text"]))
    return {record_id: tuple(found) for record_id, found in texts.items()}


def covered_by(text: str, sources: Iterable[str]) -> bool:
    """Whether ``text`` is covered, left to right, by pieces each found in one source."""
    wanted = _plain(text)
    pool = [source for source in sources if source]
    position = 0
    while position < len(wanted):
        if position and wanted[position] == " ":  # where two sources were joined
            position += 1
            continue
        longest = 0
        for source in pool:
            length = _longest_prefix_in(wanted, position, source)
            longest = max(longest, length)
        if longest < min(MIN_PIECE, len(wanted) - position):
            return False
        position += longest
    return bool(wanted)


def _longest_prefix_in(text: str, start: int, source: str) -> int:
    """The length of the longest ``text[start:start + n]`` that occurs in ``source``."""
    low, high = 0, len(text) - start
    while low < high:  # occurrence is monotone in n: a prefix of an occurring string occurs
        middle = (low + high + 1) // 2
        if text[start : start + middle] in source:
            low = middle
        else:
            high = middle - 1
    return low


def pubmed_xml_texts(path: Path) -> dict[str, tuple[str, ...]]:
    """The title and abstract texts of every record in a PubMed XML file, by ``pmid:N``.

    Read with ``xml.etree.ElementTree``, not medcite's reader; inline markup is flattened
    as any reader of the XML would.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    texts: dict[str, tuple[str, ...]] = {}
    with opener(path, "rb") as stream:
        for _event, element in ElementTree.iterparse(stream, events=("end",)):
            if element.tag not in ("PubmedArticle", "PubmedBookArticle"):
                continue
            pmid = element.findtext(".//PMID") or ""
            parts = [element.find(".//ArticleTitle"), *element.iter("AbstractText")]
            found = tuple(_plain("".join(part.itertext())) for part in parts if part is not None)
            texts[f"pmid:{pmid.strip()}"] = found
            element.clear()
    return texts


def grounded(statement_text: str, record_id: str, sources: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether a statement citing ``record_id`` is text of that record's published source."""
    return covered_by(statement_text, sources.get(record_id, ()))
