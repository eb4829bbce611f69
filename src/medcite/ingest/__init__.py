"""The ``ingest`` stage: sources read into records, and records fed to the store and indexes.

* ``read_sources(paths)``: the records, deletions and rejections of files or directories
  of any supported format; ``read_pubmed_xml`` for one PubMed XML file or stream.
* ``read_prepared(paths, prepare, workers)``: the same, read and prepared (sentences,
  abbreviations) by worker processes and handed back in order (``workers.py``).
* ``store_and_index(items, store, indexes, ...)``: atomic store batches, each one's
  changes applied to every derived index; ``catch_up`` replays what an index missed.
* ``fetch_pubmed_xml`` (E-utilities), ``write_jsonl`` (export), ``demo_corpus_paths``.
"""

from medcite.ingest.demo import demo_corpus_paths
from medcite.ingest.eutils import fetch_pubmed_xml
from medcite.ingest.jsonl import write_jsonl
from medcite.ingest.pipeline import (
    DerivedIndex,
    Progress,
    RecordStore,
    batched,
    catch_up,
    store_and_index,
)
from medcite.ingest.pubmed_xml import read_pubmed_xml
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
    "Prepare",
    "PreparedItem",
    "Progress",
    "RecordStore",
    "available_cores",
    "batched",
    "catch_up",
    "demo_corpus_paths",
    "fetch_pubmed_xml",
    "prepare_items",
    "read_prepared",
    "read_pubmed_xml",
    "read_sources",
    "store_and_index",
    "write_jsonl",
]
