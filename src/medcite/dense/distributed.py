"""Embedding on a cluster: the same encoder, run by remote workers, texts in order.

Whole-corpus vectors are the one batch stage too slow for one machine (MiniLM embeds
~33 abstracts/s on 2 cores: 13 days for PubMed). ``ExecutorEncoder`` stands in for the
local encoder: it cuts each ``encode`` call into pieces of ``encode_batch`` texts, has
an executor's workers (a Ray cluster's, ``engine.cluster``) embed them with the encoder
the settings name, and stacks the rows back in order, so the vector index is built by
the same code, of the same vectors, as on one machine. Each worker loads the model once.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor
from functools import lru_cache
from pathlib import Path

import numpy as np

from medcite.dense.encoders import Encoder, Vectors, open_encoder
from medcite.settings import DenseSettings, EncoderKind


class ExecutorEncoder:
    """An :class:`~medcite.dense.encoders.Encoder` whose work runs on ``executor``."""

    def __init__(
        self,
        local: Encoder,
        kind: EncoderKind,
        settings: DenseSettings,
        data_dir: Path,
        executor: Executor,
    ) -> None:
        self._local = local
        self._spec = (kind, settings, data_dir)
        self._executor = executor
        self._piece = settings.encode_batch

    @property
    def name(self) -> str:
        return self._local.name

    @property
    def dimension(self) -> int:
        return self._local.dimension

    @property
    def fingerprint(self) -> str:
        return self._local.fingerprint

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        pieces = [
            self._executor.submit(encode_on_worker, *self._spec, list(texts[at : at + self._piece]))
            for at in range(0, len(texts), self._piece)
        ]
        return np.vstack([piece.result() for piece in pieces]).astype(np.float32, copy=False)


def encode_on_worker(
    kind: EncoderKind, settings: DenseSettings, data_dir: Path, texts: list[str]
) -> Vectors:
    """Worker: the rows of ``texts`` by the encoder the settings name (loaded once)."""
    return _worker_encoder(kind, settings, data_dir).encode(texts)


@lru_cache(maxsize=4)
def _worker_encoder(kind: EncoderKind, settings: DenseSettings, data_dir: Path) -> Encoder:
    return open_encoder(kind, settings, data_dir)
