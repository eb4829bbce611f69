"""The ``vocab`` stage: controlled vocabularies (MeSH descriptors and supplementary
concept records, Disease Ontology) read and stored.

The user supplies the files (NLM's MeSH download page, the Disease Ontology releases);
medcite bundles none. Readers turn each format into ``records.Concept``s; the store
keeps them, with tree numbers and parents for broader/narrower look-ups.
"""

from medcite.vocab.formats import (
    VocabularyFile,
    VocabularyFormat,
    detect_format,
    read_vocabulary_file,
)
from medcite.vocab.mesh_ascii import read_mesh_ascii
from medcite.vocab.mesh_supplementary import read_scr_ascii, read_scr_xml
from medcite.vocab.mesh_xml import read_mesh_xml
from medcite.vocab.obo import looks_like_abbreviation, read_obo
from medcite.vocab.store import VocabularyImport, VocabularyStore

__all__ = [
    "VocabularyFile",
    "VocabularyFormat",
    "VocabularyImport",
    "VocabularyStore",
    "detect_format",
    "looks_like_abbreviation",
    "read_mesh_ascii",
    "read_mesh_xml",
    "read_obo",
    "read_scr_ascii",
    "read_scr_xml",
    "read_vocabulary_file",
]
