"""The data directory's vocabularies, and the lexicon built from them, kept in step.

The lexicon (every name of every concept in canonical form) takes seconds to build, so
it is built when vocabularies are imported and cached as a file named after the exact
imports it came from; answering only loads it (a fraction of a second), once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from medcite import vocab
from medcite.records import ConceptMention, Vocabulary
from medcite.understand import (
    GENERIC_CONCEPTS,
    LEXICON_FORMAT,
    Lexicon,
    build_lexicon,
    find_mentions,
    is_within,
)
from medcite.vocab import VocabularyImport, VocabularyStore

VOCABULARY_FILE = "vocab.sqlite3"
LEXICON_GLOB = "lexicon-*.msgpack"


_DISEASE_VOCABULARIES = (Vocabulary.DISEASE_ONTOLOGY, Vocabulary.ANNOTATED_CORPUS)
"""Vocabularies of diseases only, whose concepts have no MeSH tree numbers to test."""


class Vocabularies:
    """Imported vocabularies (a SQLite file) and their lexicon (a cache file)."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._store: VocabularyStore | None = None
        self._lexicon: Lexicon | None = None
        self._lexicons_within: dict[tuple[str, ...], Lexicon] = {}

    @property
    def store(self) -> VocabularyStore:
        """The vocabulary store, opened (and created) on first use."""
        if self._store is None:
            self._store = VocabularyStore.open(self._data_dir / VOCABULARY_FILE)
        return self._store

    def close(self) -> None:
        """Close the store if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def imports(self) -> tuple[VocabularyImport, ...]:
        """The vocabularies imported so far (none when the data directory has no store)."""
        if self._store is None and not (self._data_dir / VOCABULARY_FILE).exists():
            return ()
        return self.store.imports()

    def import_file(self, path: Path) -> VocabularyImport:
        """Read a vocabulary file whole and make it that vocabulary's content.

        Nothing is stored unless the whole file reads cleanly; the lexicon is rebuilt.
        """
        found = vocab.read_vocabulary_file(path)
        imported = self.store.replace_vocabulary(
            found.vocabulary, found.concepts, path, found.sha256
        )
        self._lexicon = None
        self._lexicons_within.clear()
        self.lexicon()
        return imported

    def lexicon(self) -> Lexicon:
        """The lexicon of every imported concept (empty when none is imported)."""
        if self._lexicon is None:
            self._lexicon = self._load_or_build()
        return self._lexicon

    def _load_or_build(self) -> Lexicon:
        if not self.imports():
            return build_lexicon(())
        path = self._data_dir / f"lexicon-{self.store.fingerprint()}-v{LEXICON_FORMAT}.msgpack"
        if path.is_file():
            return Lexicon.from_bytes(path.read_bytes())
        lexicon = build_lexicon(self.store.concepts())
        partial = path.with_suffix(".partial")
        try:
            for stale in self._data_dir.glob(LEXICON_GLOB):
                stale.unlink()
            partial.write_bytes(lexicon.to_bytes())
            partial.replace(path)  # readers see the whole file or none
        except OSError:  # a read-only or full disk: the cache is only a cache
            partial.unlink(missing_ok=True)
        return lexicon

    def fingerprint(self) -> str:
        """The fingerprint of the imported vocabularies ("" when none)."""
        return self.store.fingerprint() if self.imports() else ""

    def definitions(self, id_groups: Iterable[tuple[str, ...]]) -> dict[str, str]:
        """For each group of ids naming one concept, its first definition, under the first id."""
        groups = [ids for ids in id_groups if ids]
        if not groups or not self.imports():
            return {}
        found = self.store.get_many(i for ids in groups for i in ids)
        definitions = {}
        for ids in groups:
            text = next(
                (found[i].definition for i in ids if i in found and found[i].definition), ""
            )
            if text:
                definitions[ids[0]] = text
        return definitions

    def recognize(self, text: str, tree_prefixes: tuple[str, ...]) -> tuple[ConceptMention, ...]:
        """Mentions of concepts under ``tree_prefixes`` (all concepts when empty).

        Each mention keeps one concept, the first its words name; concepts too general
        to mean anything alone ("disease", "syndrome") are left out.
        """
        lexicon = self._lexicon_within(tree_prefixes) if tree_prefixes else self.lexicon()
        return tuple(
            ConceptMention(m.start, m.end, m.text, m.concept_ids[:1], m.via_abbreviation)
            for m in find_mentions(text, lexicon)
            if m.concept_ids[0] not in GENERIC_CONCEPTS
        )

    def _lexicon_within(self, tree_prefixes: tuple[str, ...]) -> Lexicon:
        """A lexicon of the concepts under ``tree_prefixes`` (diseases: DO terms too)."""
        if tree_prefixes not in self._lexicons_within:
            diseases = any(prefix.startswith("C") for prefix in tree_prefixes)
            self._lexicons_within[tree_prefixes] = build_lexicon(
                concept
                for concept in self.store.concepts()
                if is_within(concept.tree_numbers, tree_prefixes)
                or (diseases and concept.vocabulary in _DISEASE_VOCABULARIES)
            )
        return self._lexicons_within[tree_prefixes]
