"""The names ``medcite.vocab`` exports, each imported from its module when first used."""

from .formats import (
    VocabularyFile,
    VocabularyFormat,
    detect_format,
    read_vocabulary_file,
)
from .mesh_ascii import read_mesh_ascii
from .mesh_supplementary import read_scr_ascii, read_scr_xml
from .mesh_xml import read_mesh_xml
from .obo import looks_like_abbreviation, read_obo
from .store import VocabularyImport, VocabularyStore

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
