"""Learn names of concepts from a corpus annotated in PubTator format.

An annotated corpus (the NCBI disease corpus, BioCreative's CDR) says, for each mention,
which concept it names: "copper overload" is MeSH D008107. Collected, those mentions
are names the vocabularies lack — the way DNorm (Leaman et al. 2013) learns from its
training split. Each concept becomes ``annotated:<id>`` cross-referenced to its MeSH
(or OMIM) id, so mentions of it report the MeSH id like any other name of it.

Format (PubTator): ``PMID|t|title``, ``PMID|a|abstract``, then one line per mention:
``PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>id``. Mentions of several concepts
("D001|D002", "D001+D002") name none of them alone and are skipped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from medcite.records import Concept, Vocabulary
from medcite.vocab.parsed import ParsedConcept, read_text_lines, vocabulary_error

PUBTATOR_TEXT = re.compile(r"^\d+\|[ta]\|")
_ID = re.compile(r"^(?:MESH:)?(D\d{6,9}|C\d{6,9})$|^(OMIM:\d+)$")


def read_pubtator(path: Path) -> Iterator[ParsedConcept]:
    """One concept per annotated id, named by the mentions that name it (commonest first)."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    first_line: dict[str, int] = {}
    seen_text = False
    for number, line in read_text_lines(path):
        if not line.strip():
            continue
        if PUBTATOR_TEXT.match(line):
            seen_text = True
            continue
        fields = line.split("\t")
        if len(fields) != 6 or not fields[1].isdigit() or not fields[2].isdigit():
            raise vocabulary_error(
                path, number, "expected 'PMID|t|…', 'PMID|a|…' or six tab-separated fields"
            )
        concept_id = fields[5].strip()
        if not _ID.match(concept_id):
            continue  # several concepts, or an id scheme we do not link
        names[concept_id][fields[3].strip()] += 1
        first_line.setdefault(concept_id, number)
    if not seen_text:
        raise vocabulary_error(path, 1, "no 'PMID|t|title' line: not a PubTator file")
    for concept_id, counted in names.items():
        ranked = [text for text, _ in counted.most_common()]
        xref = (
            concept_id
            if concept_id.startswith("OMIM:")
            else f"MESH:{concept_id.removeprefix('MESH:')}"
        )
        yield ParsedConcept(
            Concept(
                id=f"annotated:{xref}",
                vocabulary=Vocabulary.ANNOTATED_CORPUS,
                name=ranked[0],
                synonyms=tuple(ranked[1:]),
                xrefs=(xref,),
            ),
            first_line[concept_id],
        )
