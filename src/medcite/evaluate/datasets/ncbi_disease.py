"""The NCBI disease corpus (Doğan et al. 2014) from its PubTator files: abstracts, disease mentions.

A PubTator document is a title line ``PMID|t|…``, an abstract line ``PMID|a|…`` and one
tab-separated line per mention: PMID, start, end, text, type, concept ids. Offsets
count over the title, one space and the abstract. Concept ids are MeSH descriptors
(``D009369``), MeSH supplementary concepts (``C535662``, sometimes written
``MESH:C535662``) or OMIM entries (``OMIM:181750``); a composite mention lists several
joined by ``|`` ("breast and ovarian cancer") and a combination joins them by ``+``.
Ids are read with surrounding spaces removed and the ``MESH:`` prefix dropped.
"""

from __future__ import annotations

from pathlib import Path

from medcite.errors import SourceError
from medcite.evaluate.cases import AnnotatedAbstract, GoldMention
from medcite.evaluate.datasets.files import find_file, read_text

NAME = "ncbi-disease"
TEST_SPLIT = "NCBItestset_corpus.txt"


def read_ncbi_disease(directory: Path) -> tuple[AnnotatedAbstract, ...]:
    """The test split's abstracts with their gold mentions, in file order."""
    path = find_file(directory, TEST_SPLIT)
    return read_pubtator(path)


def read_pubtator(path: Path) -> tuple[AnnotatedAbstract, ...]:
    """Every document of a PubTator file; a malformed line is an error naming its number."""
    abstracts: list[AnnotatedAbstract] = []
    pmid = title = ""
    text: str | None = None
    mentions: list[GoldMention] = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        if "|t|" in line.split("\t", 1)[0]:
            if text is not None:
                abstracts.append(AnnotatedAbstract(pmid, text, tuple(mentions)))
            pmid, _, title = line.partition("|t|")
            text, mentions = None, []
        elif line.startswith(f"{pmid}|a|") and pmid:
            text = f"{title} {line.partition('|a|')[2]}"
        elif text is not None:
            mentions.append(_mention(line, pmid, text, where))
        else:
            raise SourceError(f"{where}: expected a PMID|t| title or PMID|a| abstract line")
    if text is not None:
        abstracts.append(AnnotatedAbstract(pmid, text, tuple(mentions)))
    return tuple(abstracts)


def concept_ids(annotation: str) -> tuple[str, ...]:
    """The ids of one annotation: ``" MESH:C535662"`` → ``("C535662",)``, ``"D1|D2"`` → both."""
    ids = annotation.replace("+", "|").split("|")
    return tuple(dict.fromkeys(_bare(i) for i in ids if i.strip()))


def _bare(concept_id: str) -> str:
    concept_id = concept_id.strip()
    return concept_id.removeprefix("MESH:")


def _mention(line: str, pmid: str, text: str, where: str) -> GoldMention:
    fields = line.split("\t")
    if len(fields) != 6 or fields[0] != pmid:
        raise SourceError(f"{where}: expected PMID, start, end, text, type, ids (tab-separated)")
    try:
        start, end = int(fields[1]), int(fields[2])
    except ValueError as exc:
        raise SourceError(f"{where}: offsets are not numbers") from exc
    mention = fields[3].strip()  # one training line pads its text with spaces
    if text[start:end] != mention:
        raise SourceError(f"{where}: offsets {start}-{end} do not hold {mention!r}")
    ids = concept_ids(fields[5])
    if not ids:
        raise SourceError(f"{where}: the mention has no concept id")
    return GoldMention(start, end, mention, fields[4], ids)
