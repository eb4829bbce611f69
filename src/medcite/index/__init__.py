"""The index stage: the lexical (BM25) index of records, with its manifest."""

from medcite.index.lexical import IndexUpdate, LexicalIndex
from medcite.index.manifest import (
    FORMAT_VERSION,
    REBUILD_COMMAND,
    IndexManifest,
    index_settings_hash,
    read_manifest,
)
from medcite.index.query import QueryTerms, analyze, analyze_query_text, build_query
from medcite.index.schema import build_schema, field_boosts

__all__ = [
    "FORMAT_VERSION",
    "REBUILD_COMMAND",
    "IndexManifest",
    "IndexUpdate",
    "LexicalIndex",
    "QueryTerms",
    "analyze",
    "analyze_query_text",
    "build_query",
    "build_schema",
    "field_boosts",
    "index_settings_hash",
    "read_manifest",
]
