"""Recognise a vocabulary file by its content and read it whole, refusing duplicate ids.

The name of a file is a hint at best (``d2024.bin``, ``desc2024.xml.gz``, ``doid.obo``),
so the format is read from the first meaningful line: ``*NEWRECORD`` is NLM's ASCII
MeSH (descriptors, or supplementary concept records when the record's first field is
``RECTYPE = C`` or ``NM =``), ``<`` is XML (supplementary records when the root element
is ``SupplementalRecordSet``), ``format-version:`` or ``[Term]`` is OBO, ``PMID|t|`` an
annotated corpus in PubTator format.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from medcite.errors import SourceError
from medcite.records import Concept, Vocabulary
from medcite.vocab.mesh_ascii import NEW_RECORD, read_mesh_ascii
from medcite.vocab.mesh_supplementary import ROOT as SCR_ROOT
from medcite.vocab.mesh_supplementary import read_scr_ascii, read_scr_xml
from medcite.vocab.mesh_xml import read_mesh_xml
from medcite.vocab.obo import read_obo
from medcite.vocab.parsed import ParsedConcept, read_text_lines, vocabulary_error
from medcite.vocab.pubtator import PUBTATOR_TEXT, read_pubtator


class VocabularyFormat(StrEnum):
    """The file formats ``medcite vocab import`` reads."""

    MESH_ASCII = "mesh-ascii"
    MESH_XML = "mesh-xml"
    MESH_SCR_ASCII = "mesh-scr-ascii"
    MESH_SCR_XML = "mesh-scr-xml"
    OBO = "obo"
    PUBTATOR = "pubtator"


READERS: dict[VocabularyFormat, Callable[[Path], Iterator[ParsedConcept]]] = {
    VocabularyFormat.MESH_ASCII: read_mesh_ascii,
    VocabularyFormat.MESH_XML: read_mesh_xml,
    VocabularyFormat.MESH_SCR_ASCII: read_scr_ascii,
    VocabularyFormat.MESH_SCR_XML: read_scr_xml,
    VocabularyFormat.OBO: read_obo,
    VocabularyFormat.PUBTATOR: read_pubtator,
}
VOCABULARY_OF: dict[VocabularyFormat, Vocabulary] = {
    VocabularyFormat.MESH_ASCII: Vocabulary.MESH,
    VocabularyFormat.MESH_XML: Vocabulary.MESH,
    VocabularyFormat.MESH_SCR_ASCII: Vocabulary.MESH_SUPPLEMENTARY,
    VocabularyFormat.MESH_SCR_XML: Vocabulary.MESH_SUPPLEMENTARY,
    VocabularyFormat.OBO: Vocabulary.DISEASE_ONTOLOGY,
    VocabularyFormat.PUBTATOR: Vocabulary.ANNOTATED_CORPUS,
}


@dataclass(frozen=True, slots=True)
class VocabularyFile:
    """A vocabulary file read whole: its vocabulary, concepts and checksum."""

    path: Path
    format: VocabularyFormat
    vocabulary: Vocabulary
    concepts: tuple[Concept, ...]
    sha256: str


def detect_format(path: Path) -> VocabularyFormat:
    """The format of ``path`` from its first non-blank line; SourceError when unknown."""
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    lines = read_text_lines(path)
    for number, line in lines:
        text = line.strip().lstrip("\ufeff")
        if not text:
            continue
        if text == NEW_RECORD:
            return _ascii_kind(lines)
        if text.startswith("<"):
            return _xml_kind(text, lines)
        if text.startswith(("format-version:", "[Term]")):
            return VocabularyFormat.OBO
        if PUBTATOR_TEXT.match(text):
            return VocabularyFormat.PUBTATOR
        raise vocabulary_error(
            path,
            number,
            "not a vocabulary file medcite reads (MeSH ASCII, MeSH XML, OBO or PubTator)",
        )
    raise vocabulary_error(path, 1, "the file is empty")


_SCR_ASCII_FIRST = re.compile(r"^(?:RECTYPE = C|NM = )")
_PROLOGUE_LINES = 20


def _ascii_kind(lines: Iterator[tuple[int, str]]) -> VocabularyFormat:
    """Descriptors or supplementary records, from the first field of the first record."""
    for _, line in lines:
        if line.strip():
            if _SCR_ASCII_FIRST.match(line):
                return VocabularyFormat.MESH_SCR_ASCII
            break
    return VocabularyFormat.MESH_ASCII


def _xml_kind(first: str, lines: Iterator[tuple[int, str]]) -> VocabularyFormat:
    """Supplementary records when the root element (in the prologue) says so."""
    prologue = itertools.chain((first,), (line for _, line in lines))
    for line in itertools.islice(prologue, _PROLOGUE_LINES):
        if f"<{SCR_ROOT}" in line:
            return VocabularyFormat.MESH_SCR_XML
        if "<DescriptorRecordSet" in line:
            break
    return VocabularyFormat.MESH_XML


def read_vocabulary_file(path: Path) -> VocabularyFile:
    """Every concept of ``path``; SourceError (file and line) for bad or duplicate records."""
    found = detect_format(path)
    first_line: dict[str, int] = {}
    concepts: list[Concept] = []
    for parsed in READERS[found](path):
        previous = first_line.setdefault(parsed.concept.id, parsed.line)
        if previous != parsed.line:
            raise vocabulary_error(
                path, parsed.line, f"duplicate id {parsed.concept.id} (first at line {previous})"
            )
        concepts.append(parsed.concept)
    if not concepts:
        raise vocabulary_error(path, 1, "the file holds no concepts")
    return VocabularyFile(path, found, VOCABULARY_OF[found], tuple(concepts), _sha256(path))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
