"""The names ``medcite.ingest`` exports, each imported from its module when first used."""

from .demo import demo_corpus_paths
from .eutils import fetch_pubmed_xml
from .fulltext import is_full_text, joined
from .jsonl import write_jsonl
from .medquad import read_medquad_jsonl
from .nlm_mirror import NlmFile, NlmMirror
from .nlm_sync import RecordSlice, pending_files
from .pipeline import DerivedIndex, Progress, RecordStore, batched, catch_up, store_and_index
from .pubmed_xml import read_pubmed_xml
from .recommendations import with_recommendations
from .sentences import record_sentence_spans, record_sentences, split_sentences
from .sources import read_sources
from .workers import Prepare, PreparedItem, available_cores, prepare_items, read_prepared

__all__ = [
    "DerivedIndex",
    "NlmFile",
    "NlmMirror",
    "Prepare",
    "PreparedItem",
    "Progress",
    "RecordSlice",
    "RecordStore",
    "available_cores",
    "batched",
    "catch_up",
    "demo_corpus_paths",
    "fetch_pubmed_xml",
    "is_full_text",
    "joined",
    "pending_files",
    "prepare_items",
    "read_medquad_jsonl",
    "read_prepared",
    "read_pubmed_xml",
    "read_sources",
    "record_sentence_spans",
    "record_sentences",
    "split_sentences",
    "store_and_index",
    "with_recommendations",
    "write_jsonl",
]
