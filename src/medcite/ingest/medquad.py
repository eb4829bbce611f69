"""Read MedQuAD (Ben Abacha & Demner-Fushman 2019): answers from NIH web sites for patients.

MedQuAD (https://github.com/abachaa/MedQuAD, CC BY 4.0) holds 47,457 question–answer pairs
taken from 12 NIH sites (Genetics Home Reference, GARD, NIDDK, NINDS, MedlinePlus, NIH
Senior Health, cancer.gov, NHLBI, CDC). Each answer becomes a record of its own kind,
``Source.MEDQUAD``, written in plain language, which the patient audience prefers:

* id ``medquad:<source>_<document>_Sec<pair>``, the answer ids of MedQuAD's own
  judgements (``GHR_0000001_Sec1``), so TREC LiveQA's judged answers can be found;
* title: the question ("What are the symptoms of ABCD syndrome ?"); one section: the
  answer, its paragraphs kept apart by blank lines; ``url``: the page it was taken from,
  which a reference cites; keywords: the focus and its synonyms; publication type NLM's
  "Patient Education Handout".

Two layouts are read: MedQuAD's own XML documents (``<Document source=… url=…><Focus>…
<QAPairs><QAPair pid=…><Question qid=… qtype=…>…<Answer>…``) and the same pairs as JSON
Lines (one object per pair with ``source``, ``doc_id``, ``pid``, ``url``, ``focus``,
``question``, ``answer``…). MedQuAD leaves the answers of three MedlinePlus collections
empty for copyright reasons; those pairs are skipped, and counted in no rejection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from itertools import takewhile
from pathlib import Path
from typing import Any

from lxml import etree

from medcite.gzipfiles import open_maybe_gzip
from medcite.records import Journal, Record, Rejection, Section, Source, SourceItem

SITES = {
    "GHR": "Genetics Home Reference",
    "GARD": "Genetic and Rare Diseases Information Center",
    "NIDDK": "National Institute of Diabetes and Digestive and Kidney Diseases",
    "NINDS": "National Institute of Neurological Disorders and Stroke",
    "MPlusHealthTopics": "MedlinePlus Health Topics",
    "NIHSeniorHealth": "NIHSeniorHealth",
    "CancerGov": "National Cancer Institute (cancer.gov)",
    "NHLBI": "National Heart, Lung, and Blood Institute",
    "CDC": "Centers for Disease Control and Prevention",
    "ADAM": "MedlinePlus A.D.A.M. Medical Encyclopedia",
    "MPlusDrugs": "MedlinePlus Drugs",
    "MPlusHerbsSupplements": "MedlinePlus Herbs and Supplements",
}
"""MedQuAD's source codes → the sites they name, shown as the reference's journal."""

PUBLICATION_TYPE = "Patient Education Handout"
"""NLM's publication type for material written for patients."""

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _parser() -> etree.XMLParser:
    """No DTD, no network, no entity expansion: a file cannot make the parser fetch or grow."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def answer_id(source: str, document: str, pair: str) -> str:
    """MedQuAD's id of an answer, as its judgement files write it: ``GHR_0000001_Sec1``."""
    return f"{source}_{document}_Sec{pair}"


def read_medquad_xml(path: Path) -> Iterator[SourceItem]:
    """The answered pairs of one MedQuAD XML document, or a rejection naming the file."""
    where = str(path)
    try:
        with open_maybe_gzip(path) as raw:
            root = etree.fromstring(raw.read(), _parser())
    except (OSError, EOFError, etree.XMLSyntaxError) as exc:
        yield Rejection(location=where, reason=f"cannot read as MedQuAD XML: {exc}")
        return
    if root is None or root.tag != "Document":
        yield Rejection(location=where, reason="not a MedQuAD document: no <Document> root")
        return
    pair_fields = {
        "source": root.get("source", ""),
        "doc_id": root.get("id", ""),
        "url": root.get("url", ""),
        "focus": root.findtext("Focus") or "",
        "synonyms": [s.text or "" for s in root.iterfind("FocusAnnotations/Synonyms/Synonym")],
    }
    for position, pair in enumerate(root.iterfind("QAPairs/QAPair"), start=1):
        question = pair.find("Question")
        item = {
            **pair_fields,
            "pid": pair.get("pid", str(position)),
            "qid": question.get("qid", "") if question is not None else "",
            "qtype": question.get("qtype", "") if question is not None else "",
            "question": question.text or "" if question is not None else "",
            "answer": pair.findtext("Answer") or "",
        }
        found = medquad_record(item, where, f"pair {position}")
        if found is not None:
            yield found


def read_medquad_jsonl(path: Path) -> Iterator[SourceItem]:
    """The answered pairs of MedQuAD as JSON Lines (one object per question–answer pair)."""
    where = str(path)
    with open_maybe_gzip(path) as raw:
        for number, line in enumerate(raw, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                yield Rejection(location=where, reason=f"not JSON: {exc}", record=f"line {number}")
                continue
            found = medquad_record(item, where, f"line {number}")
            if found is not None:
                yield found


def medquad_record(item: Mapping[str, Any], where: str, position: str) -> SourceItem | None:
    """The record of one pair; None for an empty answer; a rejection for a malformed pair."""
    if not isinstance(item, Mapping):
        return Rejection(location=where, reason="expected a JSON object", record=position)
    source, document, pair = (str(item.get(key) or "") for key in ("source", "doc_id", "pid"))
    if not document:  # one CDC document (0000397) has no id; its questions' ids start with it
        document = "".join(takewhile(str.isdigit, str(item.get("qid") or "")))
    question = " ".join(str(item.get("question") or "").split())
    if not (source and document and pair and question):
        return Rejection(
            location=where,
            reason="a MedQuAD pair needs source, doc_id, pid and question",
            record=position,
        )
    answer = answer_text(str(item.get("answer") or ""))
    if not answer:
        return None
    focus = " ".join(str(item.get("focus") or "").split())
    synonyms = [str(s) for s in item.get("synonyms") or () if str(s).strip()]
    return Record(
        id=f"medquad:{answer_id(source, document, pair)}",
        source=Source.MEDQUAD,
        title=question,
        sections=(Section(text=answer, label=str(item.get("qtype") or "")),),
        publication_types=(PUBLICATION_TYPE,),
        keywords=tuple(dict.fromkeys(k for k in (focus, *synonyms) if k)),
        journal=Journal(title=SITES.get(source, source)),
        url=str(item.get("url") or ""),
        languages=("eng",),
    )


def answer_text(raw: str) -> str:
    """The answer with its paragraphs kept apart by a blank line, whitespace runs collapsed."""
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(raw))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def looks_like_medquad_jsonl(head: bytes) -> bool:
    """Whether a file's first line is a MedQuAD pair as JSON (it has ``qid`` and ``answer``)."""
    first = head.split(b"\n", 1)[0]
    return first.lstrip().startswith(b"{") and b'"qid"' in first and b'"answer"' in first
