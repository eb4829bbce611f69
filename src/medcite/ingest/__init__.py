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
* ``record_sentences``, ``split_sentences``: a record's text split into the sentences that
  answers quote (``sentences.py``), stored with it at ingestion (``record_sentence_spans``).

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1): ``show`` or ``stats`` need none of the readers, the
network client or lxml, and start without them (``bench/cli_startup.py``).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
