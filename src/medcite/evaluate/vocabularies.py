"""Vocabularies for a benchmark run: found beside the benchmarks, imported once into DIR.

``medcite eval`` builds what it needs in its data directory, vocabularies included: when
DIR has none, the MeSH and Disease Ontology files lying in the data folder (the layout
of ``../shared/data``: ``mesh/dYYYY.bin.gz``, ``disease_ontology/doid*.obo.gz``) are
imported. Every benchmark corpus then reads them from DIR.
"""

from __future__ import annotations

from pathlib import Path

from medcite.engine import Engine

VOCABULARY_FILES = ("mesh/d[0-9][0-9][0-9][0-9].bin*", "disease_ontology/doid*.obo*")
"""Where vocabularies lie under the data folder, in import order."""


def data_root(path: Path, folder: str) -> Path:
    """The folder holding every benchmark, from one benchmark's folder."""
    parts = Path(folder).parts
    if path.parts[-len(parts) :] == parts:
        return path.parents[len(parts) - 1]
    return path.parent


def vocabulary_files(root: Path) -> tuple[Path, ...]:
    """The newest file of each vocabulary found under ``root``."""
    found = []
    for pattern in VOCABULARY_FILES:
        matches = sorted(root.glob(pattern))
        if matches:
            found.append(matches[-1])
    return tuple(found)


def ensure_vocabularies(engine: Engine, root: Path) -> tuple[str, ...]:
    """Import the vocabularies under ``root`` when the engine has none; notes on what happened."""
    if engine.vocabularies():
        return ()
    files = vocabulary_files(root)
    for path in files:
        engine.import_vocabulary(path)
    if not files:
        return (f"no vocabularies in the data directory or under {root}: concepts not used",)
    return (f"vocabularies imported from {', '.join(str(p) for p in files)}",)
