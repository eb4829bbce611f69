"""Score disease concept recognition on the NCBI disease corpus, per abstract and per mention.

The headline figure is DNorm's measure (Leaman et al. 2013, about 0.78 F1 on this test
set): for each abstract, the *set* of disease concept ids found against the gold set,
true and false positives and misses added over all abstracts (micro-averaged), then
precision, recall and F1. Mention-level figures add where: a found (start, end, id)
must match a gold mention's span exactly and be one of its ids.

Only MeSH ids are scored (descriptors ``D…`` and supplementary concepts ``C…``): a
gold mention annotated with OMIM ids alone is left out, its count reported, and
anything recognised on its span is ignored rather than counted as a false positive.
Recognised ids from other vocabularies (``DOID:…``) are dropped; ``MESH:D…`` is read
as ``D…``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from medcite.engine import Progress
from medcite.evaluate.cases import AnnotatedAbstract, GoldMention
from medcite.evaluate.overlap import Counts
from medcite.evaluate.retrieval import SystemRun
from medcite.records import ConceptMention

Recognizer = Callable[[str], Sequence[ConceptMention]]
"""What is measured: text in, the concept mentions found in it out."""

_MESH_ID = re.compile(r"[DC]\d{6,9}")


@dataclass(frozen=True, slots=True)
class ConceptRun:
    """The figures of one recognizer, and what the gold held.

    ``supplementary_only_mentions`` are scored mentions whose only MeSH ids are
    supplementary concepts (``C…``), which a descriptor-only vocabulary cannot name.
    """

    run: SystemRun
    scored_mentions: int
    omim_only_mentions: int
    supplementary_only_mentions: int


def mesh_ids(ids: Sequence[str]) -> tuple[str, ...]:
    """The MeSH ids among ``ids``, bare (``MESH:D009369`` → ``D009369``), in order."""
    bare = (i.strip().removeprefix("MESH:") for i in ids)
    return tuple(dict.fromkeys(i for i in bare if _MESH_ID.fullmatch(i)))


def run_concepts(
    recognize: Recognizer,
    abstracts: Sequence[AnnotatedAbstract],
    progress: Progress | None = None,
) -> ConceptRun:
    """Recognise every abstract and score it against its gold mentions."""
    started = time.perf_counter()
    documents = mentions = Counts()
    scored = omim_only = supplementary_only = 0
    for abstract in abstracts:
        gold = [m for m in abstract.mentions if mesh_ids(m.concept_ids)]
        left_out = [m for m in abstract.mentions if not mesh_ids(m.concept_ids)]
        scored += len(gold)
        omim_only += len(left_out)
        supplementary_only += sum(
            all(i.startswith("C") for i in mesh_ids(m.concept_ids)) for m in gold
        )
        found = [m for m in recognize(abstract.text) if not _overlaps_any(m, left_out)]
        documents += Counts.of_sets(
            (i for m in found for i in mesh_ids(m.concept_ids)),
            (i for m in gold for i in mesh_ids(m.concept_ids)),
        )
        mentions += Counts.of_sets(
            ((m.start, m.end, i) for m in found for i in mesh_ids(m.concept_ids)),
            ((m.start, m.end, i) for m in gold for i in mesh_ids(m.concept_ids)),
        )
        if progress is not None:
            progress(1)
    metrics = {
        "f1": documents.f1,
        "precision": documents.precision,
        "recall": documents.recall,
        "mention_f1": mentions.f1,
        "mention_precision": mentions.precision,
        "mention_recall": mentions.recall,
    }
    run = SystemRun(metrics, time.perf_counter() - started)
    return ConceptRun(run, scored, omim_only, supplementary_only)


def _overlaps_any(found: ConceptMention, mentions: Sequence[GoldMention]) -> bool:
    return any(found.start < m.end and m.start < found.end for m in mentions)
