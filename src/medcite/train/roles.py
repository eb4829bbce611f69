"""Rebuild the sentence-role model from PubMed XML (by default the offline demo corpus).

The labelled abstracts come from medcite's own PubMed reader and sentence splitter
(``ingest.record_sentences``), the fitting and the figures from
``evidence.roles.training``. The file written is byte-for-byte the same for the same
input files: JSON with sorted keys, gzip without a timestamp.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medcite.errors import SourceError
from medcite.evidence import (
    LabelledAbstract,
    RoleTraining,
    compare_on_dev,
    encode_role_model,
    labelled_abstract,
    train_role_model,
)
from medcite.ingest import demo_corpus_paths, read_pubmed_xml, record_sentences
from medcite.records import Record, Rejection


@dataclass(frozen=True, slots=True)
class RoleTrainingRun:
    """What a training run wrote: the file, the model's version and its figures."""

    path: Path
    version: str
    figures: dict[str, Any]
    abstracts: dict[str, int]


def train_roles(
    out: Path,
    corpus: Sequence[Path] = (),
    training: RoleTraining | None = None,
    advance: Callable[[int], None] | None = None,
) -> RoleTrainingRun:
    """Train on ``corpus`` (PubMed XML files; the demo corpus when empty) and write ``out``.

    A file that is not PubMed XML, or a record in it that cannot be read, is refused
    with its file and line or record: a model must not be trained on part of its data
    without saying so.
    """
    paths = tuple(corpus) or demo_corpus_paths()
    abstracts = read_labelled_abstracts(paths, advance)
    about = {"corpus": [{"file": path.name, "sha256": _sha256(path)} for path in paths]}
    document = train_role_model(abstracts, about, training)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with (
        partial.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as zipped,
    ):
        zipped.write(encode_role_model(document))
    partial.replace(out)
    return RoleTrainingRun(
        out, document["version"], document["figures"], document["training"]["abstracts"]
    )


def compare_role_settings(
    corpus: Sequence[Path] = (), advance: Callable[[int], None] | None = None
) -> list[tuple[RoleTraining, float, int]]:
    """The candidate settings' dev accuracy (how ``RoleTraining``'s defaults were chosen)."""
    return compare_on_dev(read_labelled_abstracts(tuple(corpus) or demo_corpus_paths(), advance))


def read_labelled_abstracts(
    paths: Sequence[Path], advance: Callable[[int], None] | None = None
) -> list[LabelledAbstract]:
    """The structured abstracts of ``paths`` as training data; refuses unreadable input."""
    abstracts: list[LabelledAbstract] = []
    for path in paths:
        abstracts += _labelled_abstracts(path, advance)
    if not abstracts:
        raise SourceError(
            f"{', '.join(map(str, paths))}: no structured abstracts to learn sentence roles from"
        )
    return abstracts


def _labelled_abstracts(
    path: Path, advance: Callable[[int], None] | None
) -> list[LabelledAbstract]:
    found = []
    for item in read_pubmed_xml(path):
        if isinstance(item, Rejection):
            raise SourceError(f"training input refused: {item}")
        if isinstance(item, Record):
            labelled = labelled_abstract(item, record_sentences(item))
            if labelled is not None:
                found.append(labelled)
            if advance is not None:
                advance(1)
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
