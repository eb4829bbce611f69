"""Distilling the static model offline from local transformer weights (model2vec).

model2vec (Tulkens & van Dongen, 2024) passes every token of the transformer's vocabulary
through the transformer once, keeps the mean output vector per token, reduces the vectors
with PCA and weights them by Zipf-estimated token frequency (SIF). The result embeds a
text by averaging its token vectors: no attention, so thousands of abstracts per second
on a CPU, at a loss of quality that the SciFact benchmark (``bench/dense_scifact.py``)
measures. Everything is read from a local folder; nothing is downloaded.

model2vec can also give whole corpus words their own vectors. Tried on SciFact with the
10,000 commonest words of the corpus, it made distillation 4x slower and the static
encoder worse (nDCG@10 0.227 against 0.396), so medcite distills the word pieces only.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from medcite.dense.encoders import quiet_model_libraries, weights_fingerprint
from medcite.errors import ConfigError

PCA_DIMENSIONS = 256
"""model2vec's default: half of MiniLM's 384 dimensions, most of the variance kept."""


def distill_static_model(
    source: Path,
    target: Path,
    *,
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

    # model2vec may warn once per token it handles: thousands of lines.
    model2vec_log = logging.getLogger("model2vec")
    level = model2vec_log.level
    model2vec_log.setLevel(logging.ERROR)
    try:
        model = distill(
            model_name=str(source),
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
