"""Where a benchmark's corpus is stored and indexed: a data directory of its own, built once.

Each corpus lives in ``<data dir>/eval/<corpus>``, a complete medcite data directory
(store and index) built through ``Engine.ingest`` like any other, with the settings of
the data directory it sits in (its ``medcite.toml`` and environment). Keeping every
corpus apart matters: BioASQ and PubMedQA both key records by PMID, and a benchmark's
figures are only comparable when it searches its own corpus and nothing else.

A marker file records what was built (corpus fingerprint, record count, index settings
hash). A later run that finds the same marker and store reuses them without reading a
record; a marker for other records or other index settings means the directory is
rebuilt. An interrupted build leaves no marker, and is completed by ingesting again
(ingestion is idempotent).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from medcite.engine import Engine, Progress
from medcite.errors import SourceError
from medcite.evaluate.cases import Corpus
from medcite.settings import Settings, settings_hash

EVAL_DIR = "eval"
MARKER_FILE = "eval-corpus.json"


def corpus_settings(settings: Settings, corpus_name: str) -> Settings:
    """``settings`` with the data directory moved to the corpus's, ``<data dir>/eval/<name>``.

    The corpus reads the vocabularies of the data directory it sits in.
    """
    vocab = settings.vocab.model_copy(
        update={"directory": str(settings.vocab.path(settings.data_dir))}
    )
    return settings.model_copy(
        update={"data_dir": settings.data_dir / EVAL_DIR / corpus_name, "vocab": vocab}
    )


def open_corpus(settings: Settings, corpus: Corpus, progress: Progress | None = None) -> Engine:
    """An engine over ``corpus`` alone, building its data directory unless already built."""
    target = corpus_settings(settings, corpus.name)
    directory = target.data_dir
    wanted = _marker(corpus, target)
    found = _read_marker(directory)
    if found is not None and found != wanted:
        shutil.rmtree(directory)  # ours (it has our marker), built from other records
    engine = Engine.open(target)
    try:
        if found == wanted and engine.stats().store.records == len(corpus.records):
            return engine
        summary = engine.ingest(corpus.records, progress)
        if summary.rejected:
            first = summary.rejections[0]
            raise SourceError(f"{corpus.name}: {summary.rejected} records rejected, first: {first}")
        _write_marker(directory, wanted)
    except BaseException:
        engine.close()
        raise
    return engine


def _marker(corpus: Corpus, settings: Settings) -> dict[str, Any]:
    return {
        "corpus": corpus.name,
        "fingerprint": corpus.fingerprint,
        "records": len(corpus.records),
        "index_settings": settings_hash(settings, group="index"),
    }


def _read_marker(directory: Path) -> dict[str, Any] | None:
    path = directory / MARKER_FILE
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}  # unreadable: treat as built from something else
    return found if isinstance(found, dict) else {}


def _write_marker(directory: Path, marker: dict[str, Any]) -> None:
    """Write the marker atomically, so a crash never leaves one that claims too much."""
    path = directory / MARKER_FILE
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    partial.replace(path)
