"""BioASQ Task B golden batches (Krithara et al. 2023): questions, gold documents and snippets.

All ``*_golden.json`` files of a directory are read in batch order (7B1 … 11B4), and
their questions kept in file order, so ``--limit N`` always takes the same N. The
corpus is rebuilt from the gold snippets of every question (``snippet_corpus``): one
record per PMID that any snippet quotes, ``pmid:<PMID>``. A question's gold documents
are all the PMIDs it lists, including the few no snippet quotes: those are not in the
corpus and count as missed, as in BioASQ's own scoring.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from medcite.errors import SourceError
from medcite.evaluate.cases import BioasqQuestion, Corpus, TextSpan
from medcite.evaluate.datasets.files import field, read_json
from medcite.evaluate.datasets.snippet_corpus import (
    RawSnippet,
    RebuiltDocument,
    locate,
    rebuild_documents,
)
from medcite.records import Record, Section, Source

NAME = "bioasq"
_PUBMED_URL = re.compile(
    r"(?:https?://(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pubmed|pubmed\.ncbi\.nlm\.nih\.gov)/"
    r"|pmid:\s*)?(\d+)/?",
    re.IGNORECASE,
)
"""Every way BioASQ has named a PubMed document: ``http://www.ncbi.nlm.nih.gov/pubmed/N``
(to 2023), ``https://pubmed.ncbi.nlm.nih.gov/N/`` (since 2024), with or without the slash,
and a bare PMID."""
_BATCH = re.compile(r"(\d+)B(\d+)")


def read_bioasq(directory: Path) -> tuple[Corpus, tuple[BioasqQuestion, ...]]:
    """The snippet corpus and every question of the golden batches in ``directory``."""
    files = golden_files(directory)
    raw_questions = [(path, item) for path in files for item in _questions(path)]
    parsed = [_parse_snippets(path, item) for path, item in raw_questions]
    documents = rebuild_documents(s for snippets in parsed for s in snippets)
    records = tuple(_record(documents[pmid]) for pmid in sorted(documents, key=int))
    questions = tuple(
        _question(path, item, snippets, documents)
        for (path, item), snippets in zip(raw_questions, parsed, strict=True)
    )
    return Corpus.of(NAME, records), questions


def golden_files(directory: Path) -> list[Path]:
    """The golden batch files of ``directory`` in batch order (7B1 … 11B4)."""
    files = sorted(directory.glob("*_golden.json*"), key=_batch_order)
    if not files:
        raise SourceError(f"{directory}: no BioASQ golden batches (*_golden.json[.gz]) there")
    return files


def _questions(path: Path) -> list[Any]:
    data = read_json(path)
    return list(field(path, "top level", data, "questions", list))


def _parse_snippets(path: Path, item: Any) -> list[RawSnippet]:
    where = f"question {item.get('id') if isinstance(item, dict) else '?'}"
    snippets = []
    for snippet in field(path, where, item, "snippets", list):
        section = field(path, where, snippet, "beginSection", str)
        snippets.append(
            RawSnippet(
                pmid=_pmid(path, where, field(path, where, snippet, "document", str)),
                in_title=section == "title",
                begin=field(path, where, snippet, "offsetInBeginSection", int),
                end=field(path, where, snippet, "offsetInEndSection", int),
                text=field(path, where, snippet, "text", str),
            )
        )
    return snippets


def _question(
    path: Path, item: Any, snippets: list[RawSnippet], documents: dict[str, RebuiltDocument]
) -> BioasqQuestion:
    where = f"question {item.get('id')}"
    pmids = [_pmid(path, where, url) for url in field(path, where, item, "documents", list)]
    spans: list[TextSpan] = []
    for snippet in snippets:
        span = locate(documents[snippet.pmid], _record_id(snippet.pmid), snippet)
        if span is None:  # cannot happen: every snippet's text is kept in its document
            raise SourceError(f"{path}, {where}: snippet not found in its rebuilt document")
        spans.append(span)
    ideal = field(path, where, item, "ideal_answer", (list, str))
    return BioasqQuestion(
        id=field(path, where, item, "id", str),
        type=field(path, where, item, "type", str),
        body=field(path, where, item, "body", str),
        documents=tuple(dict.fromkeys(_record_id(pmid) for pmid in pmids)),
        snippets=tuple(sorted(set(spans))),
        ideal_answers=(ideal,) if isinstance(ideal, str) else tuple(str(a) for a in ideal),
        edition=_batch_order(path)[0],
        exact_answer=_yes_or_no(item),
    )


def _yes_or_no(item: Any) -> str:
    """A yes/no question's exact answer, "yes" or "no"; "" for other questions."""
    if item.get("type") != "yesno":
        return ""
    answer = item.get("exact_answer")
    if isinstance(answer, list) and answer:
        answer = answer[0]
    text = str(answer).strip().lower() if isinstance(answer, str) else ""
    return text if text in ("yes", "no") else ""


def _record(document: RebuiltDocument) -> Record:
    return Record(
        id=_record_id(document.pmid),
        source=Source.DATASET,
        title=document.title,
        pmid=document.pmid,
        sections=tuple(Section(text) for text in document.sections),
    )


def _record_id(pmid: str) -> str:
    return f"pmid:{pmid}"


def _pmid(path: Path, where: str, url: str) -> str:
    match = _PUBMED_URL.fullmatch(url.strip())
    if match is None:
        raise SourceError(f"{path}, {where}: not a PubMed document URL: {url!r}")
    return match[1]


def _batch_order(path: Path) -> tuple[int, int, str]:
    match = _BATCH.match(path.name)
    return (int(match[1]), int(match[2]), path.name) if match else (0, 0, path.name)
