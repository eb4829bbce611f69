"""Read MeSH Supplementary Concept Records (SCRs): NLM's ``cYYYY.bin`` and ``suppYYYY.xml``.

Most drugs of the last decades (monoclonal antibodies, antisense drugs, new small
molecules) are SCRs, not descriptors: a record names the substance, lists its synonyms,
and maps it to the descriptors that index articles about it ("Heading Mapped To").
Understanding gives an SCR the role its mapped headings have in MeSH.

ASCII layout (NLM, "Supplementary Concept Records: ASCII data elements"): records start
with ``*NEWRECORD``; ``NM`` is the name, ``SY`` a synonym written like a descriptor's
``ENTRY`` (``term|…|code``, the lexical tag among the fields), ``HM`` a heading mapped to
— a descriptor *name*, ``*`` marking it major and ``/qualifier`` an attached qualifier —,
``NO`` the note, ``UI`` the ``C…`` id; ``PA``, ``RN``, ``II``, ``SO`` and the dates are
skipped. The names in ``HM`` become descriptor ids when the store maps them
(``VocabularyStore.replace_vocabulary`` does so on import, from the MeSH descriptors
loaded).

XML layout (DTD ``nlmsupplementalrecordset``): ``SupplementalRecordUI``,
``SupplementalRecordName/String``, ``Note``, ``HeadingMappedToList/HeadingMappedTo/
DescriptorReferredTo/DescriptorUI`` (``*`` for major) and the terms of ``ConceptList``,
as in descriptor records.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from medcite.records import Concept, Vocabulary
from medcite.vocab.mesh_ascii import read_ascii_records, sort_entry_terms, split_entry
from medcite.vocab.mesh_xml import (
    concept_terms,
    line_of,
    read_xml_records,
    required_id_and_name,
)
from medcite.vocab.parsed import ParsedConcept, vocabulary_error

ROOT = "SupplementalRecordSet"
RECORD = "SupplementalRecord"


def read_scr_ascii(path: Path) -> Iterator[ParsedConcept]:
    """The records of an ASCII SCR file (plain or gzip), each with its first line number.

    Raises ``SourceError`` naming file and line for a line that is not ``KEY = value``,
    text before the first record, or a record without ``UI`` or ``NM`` (truncated).
    """
    for line, fields in read_ascii_records(path):
        ui, name = fields.get("UI", [""])[0], fields.get("NM", [""])[0]
        if not ui or not name:
            missing = "UI" if not ui else "NM"
            raise vocabulary_error(
                path, line, f"the record starting here has no {missing} line (truncated file?)"
            )
        if not ui.startswith("C"):
            raise vocabulary_error(
                path, line, f"{ui} is not a supplementary concept id (C…): a descriptor file?"
            )
        synonyms, abbreviations = sort_entry_terms(map(split_entry, fields.get("SY", [])), name)
        headings = (_heading_name(value) for value in fields.get("HM", []))
        concept = Concept(
            id=ui,
            vocabulary=Vocabulary.MESH_SUPPLEMENTARY,
            name=name,
            synonyms=synonyms,
            abbreviations=abbreviations,
            definition=" ".join(" ".join(fields.get("NO", ())).split()),
            mapped_to=tuple(dict.fromkeys(h for h in headings if h)),
        )
        yield ParsedConcept(concept, line)


def read_scr_xml(path: Path) -> Iterator[ParsedConcept]:
    """The records of an XML SCR file (plain or gzip), each with its line number."""
    for element in read_xml_records(path, ROOT, RECORD, "a MeSH supplementary record file"):
        line = line_of(element)
        ui, name = required_id_and_name(
            path, element, "SupplementalRecordUI", "SupplementalRecordName"
        )
        _, terms = concept_terms(element)
        synonyms, abbreviations = sort_entry_terms(terms, name)
        mapped = (
            (ui_element.text or "").strip().lstrip("*")
            for ui_element in element.iterfind(
                "HeadingMappedToList/HeadingMappedTo/DescriptorReferredTo/DescriptorUI"
            )
        )
        concept = Concept(
            id=ui,
            vocabulary=Vocabulary.MESH_SUPPLEMENTARY,
            name=name,
            synonyms=synonyms,
            abbreviations=abbreviations,
            definition=" ".join((element.findtext("Note") or "").split()),
            mapped_to=tuple(dict.fromkeys(m for m in mapped if m)),
        )
        yield ParsedConcept(concept, line)


def _heading_name(value: str) -> str:
    """``*Antibodies, Monoclonal, Humanized/therapeutic use`` → the descriptor's name."""
    return value.strip().lstrip("*").partition("/")[0].strip()
