"""One contract for every text encoder: unit float32 rows, stable, meaningful, fingerprinted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

np = pytest.importorskip("numpy", reason="the dense extra is not installed")

from medcite.dense.encoders import (  # noqa: E402
    Encoder,
    StaticEncoder,
    TransformerEncoder,
    bundled_model_path,
)

TEXTS = [
    "Myocardial infarction in young adults",
    "Heart attack in people under forty",
    "Fracture healing of the tibia in children",
]


@pytest.fixture(scope="module", params=["static", "transformer"])
def encoder(request: pytest.FixtureRequest, dense_extra: None) -> Iterator[Encoder]:
    if request.param == "static":
        static_model_dir: Path = request.getfixturevalue("static_model_dir")
        yield StaticEncoder(static_model_dir)
    else:
        yield TransformerEncoder(bundled_model_path(), batch_size=8)


def test_is_an_encoder(encoder: Encoder) -> None:
    assert isinstance(encoder, Encoder)
    assert encoder.name.split(":")[0] in {"static", "transformer"}


def test_rows_are_unit_float32_vectors_of_the_dimension(encoder: Encoder) -> None:
    vectors = encoder.encode(TEXTS)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(TEXTS), encoder.dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_texts_give_an_empty_matrix(encoder: Encoder) -> None:
    assert encoder.encode([]).shape == (0, encoder.dimension)


def test_same_text_same_vector_whatever_the_batch(encoder: Encoder) -> None:
    alone = encoder.encode([TEXTS[0]])[0]
    in_batch = encoder.encode(TEXTS)[0]
    assert np.allclose(alone, in_batch, atol=1e-4)


def test_paraphrase_is_nearer_than_another_topic(encoder: Encoder) -> None:
    infarction, heart_attack, fracture = encoder.encode(TEXTS)
    assert infarction @ heart_attack > infarction @ fracture + 0.05


def test_fingerprint_is_stable_and_names_the_weights(encoder: Encoder) -> None:
    assert encoder.fingerprint == encoder.fingerprint
    assert len(encoder.fingerprint) == 16
    int(encoder.fingerprint, 16)


def test_the_two_encoders_have_different_fingerprints(static_model_dir: Path) -> None:
    static = StaticEncoder(static_model_dir)
    transformer = TransformerEncoder(bundled_model_path())
    assert static.fingerprint != transformer.fingerprint
