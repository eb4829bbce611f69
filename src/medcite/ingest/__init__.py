"""The ``ingest`` stage: sources read into records, and records fed to the store and indexes.

* ``read_sources(paths)``: the records, deletions and rejections of files or directories
  of any supported format; ``read_pubmed_xml`` for one PubMed XML file or stream.
* ``read_prepared(paths, prepare, workers)``: the same, read and prepared (sentences,
  abbreviations) by worker processes and handed back in order (``workers.py``).
* ``store_and_index(items, store, indexes, ...)``: atomic store batches, each one's
  changes applied to every derived index; ``catch_up`` replays what an index missed.
* ``NlmMirror``, ``pending_files``, ``RecordSlice``: NLM's baseline and update files
  mirrored with checksums, applied in order, optionally a slice of them.
* ``fetch_pubmed_xml`` (E-utilities), ``write_jsonl`` (export), ``demo_corpus_paths``.
* ``joined``, ``is_full_text``: a full text and its PubMed citation made one record
  (``fulltext.py``); ``with_recommendations``: a guideline text's recommendations
  recognised on its sentences (``recommendations.py``).
"""

from medcite.ingest.demo import demo_corpus_paths
from medcite.ingest.eutils import fetch_pubmed_xml
from medcite.ingest.fulltext import is_full_text, joined
from medcite.ingest.jsonl import write_jsonl
from medcite.ingest.nlm_mirror import NlmFile, NlmMirror
from medcite.ingest.nlm_sync import RecordSlice, pending_files
from medcite.ingest.pipeline import (
    DerivedIndex,
    Progress,
    RecordStore,
    batched,
    catch_up,
    store_and_index,
)
from medcite.ingest.pubmed_xml import read_pubmed_xml
from medcite.ingest.recommendations import with_recommendations
from medcite.ingest.sources import read_sources
from medcite.ingest.workers import (
    Prepare,
    PreparedItem,
    available_cores,
    prepare_items,
    read_prepared,
)

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
    "read_prepared",
    "read_pubmed_xml",
    "read_sources",
    "store_and_index",
    "with_recommendations",
    "write_jsonl",
]
