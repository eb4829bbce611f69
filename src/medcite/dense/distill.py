"""Distilling the static model offline from local transformer weights (model2vec).

model2vec (Tulkens & van Dongen, 2024) passes every token of the transformer's vocabulary
through the transformer once, keeps the mean output vector per token, reduces the vectors
with PCA and weights them by Zipf-estimated token frequency (SIF). The result embeds a
text by averaging its token vectors: no attention, so thousands of abstracts per second
on a CPU, at a loss of quality that the SciFact benchmark (``bench/dense_scifact.py``)
measures. Everything is read from a local folder; nothing is downloaded.

Optionally the vocabulary is extended with whole words (e.g. the commonest words of the
stored records), each distilled as the transformer sees it in context-free form, so that
"calcinosis" gets its own vector instead of the mean of its word pieces.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from medcite.dense.encoders import quiet_model_libraries, weights_fingerprint
from medcite.errors import ConfigError

PCA_DIMENSIONS = 256
"""model2vec's default: half of MiniLM's 384 dimensions, most of the variance kept."""


def distill_static_model(
    source: Path,
    target: Path,
    *,
    vocabulary: Sequence[str] = (),
    pca_dimensions: int = PCA_DIMENSIONS,
) -> str:
    """Distill a static model from the transformer in ``source`` into ``target``.

    ``target`` is replaced atomically (written beside it, then renamed), so a failed or
    interrupted run leaves the previous model in place. Returns the new model's
    fingerprint.
    """
    if not (source / "config.json").is_file():
        raise ConfigError(f"{source}: not a folder of transformer weights (no config.json)")
    quiet_model_libraries()
    from model2vec.distill import distill

    # model2vec warns once per word the transformer already knows: thousands of lines.
    model2vec_log = logging.getLogger("model2vec")
    level = model2vec_log.level
    model2vec_log.setLevel(logging.ERROR)
    try:
        model = distill(
            model_name=str(source),
            vocabulary=list(vocabulary) or None,
            device="cpu",
            pca_dims=pca_dimensions,
        )
    finally:
        model2vec_log.setLevel(level)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    model.save_pretrained(str(staging))
    previous = target.with_name(f".{target.name}.old")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    return weights_fingerprint(target)


_WORD = re.compile(r"[a-z][a-z0-9]*")
"""Plain words only: a hyphenated word becomes a multi-word "added token" in model2vec's
tokenizer, and thousands of those make tokenizing (and distilling) many times slower."""


def corpus_vocabulary(texts: Iterable[str], size: int, min_count: int = 3) -> list[str]:
    """The ``size`` commonest words (lower-cased, ≥ 3 characters) seen ``min_count`` times or more.

    Words the transformer's own vocabulary already holds are dropped by model2vec itself.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(word for word in _WORD.findall(text.lower()) if len(word) >= 3)
    return [word for word, count in counts.most_common(size) if count >= min_count]
