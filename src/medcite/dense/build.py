"""Making the dense artifacts of a data directory: the static model and the vector index.

The engine hands over what the store holds (records, the sequence they are current to);
these functions do the rest, so the engine's dense methods stay one call each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from itertools import islice
from pathlib import Path

from medcite.dense.distill import distill_static_model
from medcite.dense.distributed import ExecutorEncoder
from medcite.dense.encoders import (
    Encoder,
    open_encoder,
    static_model_folder,
    transformer_folder,
)
from medcite.dense.manifest import VectorManifest
from medcite.dense.ranker import VECTORS_DIR
from medcite.dense.vectors import VectorIndex
from medcite.records import Record
from medcite.settings import DenseSettings

BUILD_BATCH = 1000
"""Records embedded and added per step of a build (progress is reported per step)."""


def build_vector_index(
    records: Iterable[Record],
    store_sequence: int,
    settings: DenseSettings,
    data_dir: Path,
    progress: Callable[[int], None] | None = None,
    executor: Executor | None = None,
) -> VectorManifest:
    """A new vector index of ``records`` (replacing the old one), current to ``store_sequence``;
    with an ``executor`` (a cluster's), its workers do the embedding."""
    encoder: Encoder = open_encoder(settings.encoder, settings, data_dir)
    if executor is not None:
        encoder = ExecutorEncoder(encoder, settings.encoder, settings, data_dir, executor)
    vectors = VectorIndex.create(data_dir / VECTORS_DIR, encoder, settings)
    iterator = iter(records)
    with vectors.updating() as update:
        while batch := list(islice(iterator, BUILD_BATCH)):
            update.upsert(batch)
            if progress is not None:
                progress(len(batch))
        update.commit(store_sequence)
    return vectors.manifest


def distill_into_data_dir(settings: DenseSettings, data_dir: Path) -> Path:
    """Distill the static model where the settings look for it; returns that folder."""
    target = static_model_folder(settings, data_dir)
    distill_static_model(transformer_folder(settings), target)
    return target
