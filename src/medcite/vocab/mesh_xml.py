"""Read MeSH descriptors in NLM's XML format (``descYYYY.xml``, ``DescriptorRecordSet``).

Elements read (NLM DTD ``nlmdescriptorrecordset``): ``DescriptorUI``,
``DescriptorName/String``, ``TreeNumberList/TreeNumber``, and for each
``ConceptList/Concept`` its ``ScopeNote`` (of the preferred concept) and
``TermList/Term`` with its ``String`` and ``LexicalTag`` attribute. Permuted terms
(``IsPermutedTermYN="Y"``, "A23187, Antibiotic") are word-order variants the matcher
builds itself, so they are skipped, as NLM's ASCII file skips them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from medcite.gzipfiles import open_maybe_gzip
from medcite.records import Concept, Vocabulary
from medcite.vocab.mesh_ascii import sort_entry_terms
from medcite.vocab.parsed import ParsedConcept, vocabulary_error

ROOT = "DescriptorRecordSet"
RECORD = "DescriptorRecord"


def read_mesh_xml(path: Path) -> Iterator[ParsedConcept]:
    """The descriptors of a MeSH XML file (plain or gzip), each with its line number."""
    for element in read_xml_records(path, ROOT, RECORD, "a MeSH descriptor file"):
        yield _descriptor(path, element)


def read_xml_records(path: Path, root: str, record: str, kind: str) -> Iterator[etree._Element]:
    """Each ``record`` element under a ``root`` of a MeSH XML file, cleared once used.

    ``kind`` names the file in errors ("a MeSH descriptor file").
    """
    root_checked = False
    try:
        with open_maybe_gzip(path) as raw:
            events = etree.iterparse(raw, events=("start", "end"), resolve_entities=False)
            for event, element in events:
                if not root_checked:
                    if element.tag != root:
                        raise vocabulary_error(
                            path,
                            line_of(element) or 1,
                            f"root element is <{element.tag}>, not <{root}>: not {kind}",
                        )
                    root_checked = True
                if event == "end" and element.tag == record:
                    yield element
                    element.clear(keep_tail=False)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 0
        raise vocabulary_error(path, line, f"malformed XML (truncated?): {exc.msg}") from exc
    except (OSError, EOFError) as exc:
        raise vocabulary_error(path, 0, f"cannot read the file: {exc}") from exc
    if not root_checked:
        raise vocabulary_error(path, 1, f"empty file: not {kind}")


def concept_terms(element: etree._Element) -> tuple[str, list[tuple[str, str]]]:
    """The scope note of a record's preferred concept, and (term, lexical tag) of every
    term of its concepts, permuted terms left out."""
    definition = ""
    terms: list[tuple[str, str]] = []
    for concept in element.iterfind("ConceptList/Concept"):
        if concept.get("PreferredConceptYN") == "Y":
            definition = " ".join((concept.findtext("ScopeNote") or "").split())
        terms.extend(
            ((term.findtext("String") or "").strip(), term.get("LexicalTag") or "")
            for term in concept.iterfind("TermList/Term")
            if term.get("IsPermutedTermYN") != "Y"
        )
    return definition, terms


def _descriptor(path: Path, element: etree._Element) -> ParsedConcept:
    line = line_of(element)
    ui, name = required_id_and_name(path, element, "DescriptorUI", "DescriptorName")
    definition, terms = concept_terms(element)
    synonyms, abbreviations = sort_entry_terms(terms, name)
    concept_record = Concept(
        id=ui,
        vocabulary=Vocabulary.MESH,
        name=name,
        synonyms=synonyms,
        abbreviations=abbreviations,
        tree_numbers=tuple(
            (number.text or "").strip() for number in element.iterfind("TreeNumberList/TreeNumber")
        ),
        definition=definition,
    )
    return ParsedConcept(concept_record, line)


def required_id_and_name(
    path: Path, element: etree._Element, id_tag: str, name_tag: str
) -> tuple[str, str]:
    """A record's id (``id_tag``) and name (``name_tag/String``); a record without either
    is refused naming the file, its line and the missing element."""
    ui = (element.findtext(id_tag) or "").strip()
    name = (element.findtext(f"{name_tag}/String") or "").strip()
    if not ui or not name:
        missing = id_tag if not ui else name_tag
        raise vocabulary_error(path, line_of(element), f"<{element.tag}> without {missing}")
    return ui, name


def line_of(element: etree._Element) -> int:
    """The line an element starts on (0 when lxml does not know it)."""
    line = element.sourceline
    return line if isinstance(line, int) else 0
