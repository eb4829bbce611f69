"""The vocabulary store: concepts of every imported vocabulary in one SQLite file.

Importing a vocabulary replaces all of its concepts in one transaction, so a release
(MeSH 2025 after MeSH 2024) never leaves a mixture and a failed import leaves the
previous one whole. Tree numbers and parent links get their own tables, because the
question "which concepts are narrower than this one?" is asked on every expansion.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import msgspec
from msgspec.structs import replace

from medcite.records import Concept, Vocabulary
from medcite.sqlitefiles import in_chunks, open_sqlite, sqlite_failures

# A MeSH descriptor id; a supplementary record's mapped heading that is not one is a name.
DESCRIPTOR_ID = re.compile(r"^D\d{6,9}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS concepts (
    id TEXT PRIMARY KEY,
    vocabulary TEXT NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS concepts_by_vocabulary ON concepts (vocabulary);
CREATE TABLE IF NOT EXISTS tree_numbers (
    tree_number TEXT PRIMARY KEY,
    concept_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parents (
    concept_id TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    PRIMARY KEY (concept_id, parent_id)
);
CREATE INDEX IF NOT EXISTS parents_by_parent ON parents (parent_id);
CREATE TABLE IF NOT EXISTS imports (
    vocabulary TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    concepts INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
"""

_encode = msgspec.msgpack.Encoder().encode
_decode = msgspec.msgpack.Decoder(Concept).decode


@dataclass(frozen=True, slots=True)
class VocabularyImport:
    """One imported vocabulary: where it came from, its checksum and size."""

    vocabulary: Vocabulary
    source: str
    sha256: str
    concepts: int
    imported_at: str


class VocabularyStore:
    """Concepts by id, with narrower/broader look-ups; open with :meth:`open`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path) -> VocabularyStore:
        """Open (creating if needed) the vocabulary store at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(open_sqlite(path, _SCHEMA, "the vocabulary store"), path)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def replace_vocabulary(
        self, vocabulary: Vocabulary, concepts: Sequence[Concept], source: Path, sha256: str
    ) -> VocabularyImport:
        """Make ``concepts`` the whole of ``vocabulary``, atomically.

        Supplementary concept records read from NLM's ASCII layout name their mapped
        headings; those names become descriptor ids here, from the MeSH loaded (import
        the descriptors first).
        """
        if vocabulary is Vocabulary.MESH_SUPPLEMENTARY:
            concepts = map_heading_names(concepts, self.descriptor_ids_by_name())
        imported = VocabularyImport(
            vocabulary, str(source), sha256, len(concepts), datetime.now(UTC).isoformat()
        )
        with sqlite_failures(self.path, f"importing {vocabulary}"):
            self._replace(vocabulary, concepts, imported)
        return imported

    def _replace(
        self, vocabulary: Vocabulary, concepts: Sequence[Concept], imported: VocabularyImport
    ) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            old_ids = "SELECT id FROM concepts WHERE vocabulary = ?"
            self._db.execute(
                f"DELETE FROM tree_numbers WHERE concept_id IN ({old_ids})", (vocabulary,)
            )
            self._db.execute(f"DELETE FROM parents WHERE concept_id IN ({old_ids})", (vocabulary,))
            self._db.execute("DELETE FROM concepts WHERE vocabulary = ?", (vocabulary,))
            self._db.executemany(
                "INSERT INTO concepts (id, vocabulary, body) VALUES (?, ?, ?)",
                ((c.id, vocabulary, _encode(c)) for c in concepts),
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO tree_numbers (tree_number, concept_id) VALUES (?, ?)",
                ((number, c.id) for c in concepts for number in c.tree_numbers),
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO parents (concept_id, parent_id) VALUES (?, ?)",
                ((c.id, parent) for c in concepts for parent in c.parents),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO imports VALUES (?, ?, ?, ?, ?)",
                (vocabulary, imported.source, imported.sha256, len(concepts), imported.imported_at),
            )
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def descriptor_ids_by_name(self) -> dict[str, str]:
        """Case-folded MeSH descriptor names → descriptor ids (empty without MeSH)."""
        rows = self._db.execute(
            "SELECT body FROM concepts WHERE vocabulary = ?", (Vocabulary.MESH,)
        )
        return {(c := _decode(body)).name.casefold(): c.id for (body,) in rows}

    def imports(self) -> tuple[VocabularyImport, ...]:
        """The vocabularies loaded, in name order."""
        rows = self._db.execute("SELECT * FROM imports ORDER BY vocabulary").fetchall()
        return tuple(
            VocabularyImport(Vocabulary(row[0]), row[1], row[2], row[3], row[4]) for row in rows
        )

    def fingerprint(self) -> str:
        """A short hash naming exactly this set of imports (for caches built from them)."""
        joined = "|".join(f"{i.vocabulary}:{i.sha256}" for i in self.imports())
        return hashlib.sha256(joined.encode()).hexdigest()[:16]

    def get(self, concept_id: str) -> Concept | None:
        """A concept by id, or None."""
        row = self._db.execute("SELECT body FROM concepts WHERE id = ?", (concept_id,)).fetchone()
        return _decode(row[0]) if row else None

    def get_many(self, concept_ids: Iterable[str]) -> dict[str, Concept]:
        """The concepts of ``concept_ids`` that exist, by id."""
        found: dict[str, Concept] = {}
        for chunk, marks in in_chunks(concept_ids):
            for (body,) in self._db.execute(
                f"SELECT body FROM concepts WHERE id IN ({marks})", chunk
            ):
                concept = _decode(body)
                found[concept.id] = concept
        return found

    def concepts(self) -> Iterator[Concept]:
        """Every concept of every vocabulary."""
        for (body,) in self._db.execute("SELECT body FROM concepts ORDER BY id"):
            yield _decode(body)

    def narrower(self, concept: Concept, limit: int = 200) -> tuple[str, ...]:
        """Ids of concepts below ``concept`` (MeSH tree numbers, OBO ``is_a``), nearest first."""
        found: dict[str, None] = {}
        for number in concept.tree_numbers:
            rows = self._db.execute(
                "SELECT concept_id FROM tree_numbers WHERE tree_number > ? AND tree_number < ?"
                " ORDER BY length(tree_number), tree_number LIMIT ?",
                (number + ".", number + "/", limit),  # "/" sorts right after "."
            )
            found.update((row[0], None) for row in rows)
        rows = self._db.execute(
            "WITH RECURSIVE below(id, depth) AS (SELECT ?, 0 UNION SELECT p.concept_id,"
            " depth + 1 FROM parents p JOIN below ON p.parent_id = below.id WHERE depth < 6)"
            " SELECT id FROM below WHERE depth > 0 ORDER BY depth LIMIT ?",
            (concept.id, limit),
        )
        found.update((row[0], None) for row in rows)
        found.pop(concept.id, None)
        return tuple(found)[:limit]

    def concept_by_tree_number(self, tree_number: str) -> str | None:
        """The id of the descriptor at ``tree_number``, or None."""
        row = self._db.execute(
            "SELECT concept_id FROM tree_numbers WHERE tree_number = ?", (tree_number,)
        ).fetchone()
        return row[0] if row else None


def map_heading_names(
    concepts: Sequence[Concept], descriptor_ids: Mapping[str, str]
) -> tuple[Concept, ...]:
    """The concepts with the heading names of ``mapped_to`` replaced by descriptor ids.

    ``descriptor_ids`` maps case-folded descriptor names to ids; a name it lacks (no
    MeSH loaded yet, or a heading retired since) is kept as written.
    """
    return tuple(
        replace(
            concept,
            mapped_to=tuple(
                dict.fromkeys(
                    heading
                    if DESCRIPTOR_ID.match(heading)
                    else descriptor_ids.get(heading.casefold(), heading)
                    for heading in concept.mapped_to
                )
            ),
        )
        if any(not DESCRIPTOR_ID.match(heading) for heading in concept.mapped_to)
        else concept
        for concept in concepts
    )
