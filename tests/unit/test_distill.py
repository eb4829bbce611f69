"""Distillation reads only local weights and never leaves a half-written model behind."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("model2vec", reason="the dense extra is not installed")

from medcite.dense.distill import distill_static_model
from medcite.dense.encoders import StaticEncoder, weights_fingerprint
from medcite.errors import ConfigError


def test_a_folder_without_weights_is_refused_and_the_old_model_kept(
    tmp_path: Path, static_model_dir: Path
) -> None:
    target = tmp_path / "static"
    target.mkdir()
    (target / "config.json").write_text("{}")
    with pytest.raises(ConfigError, match="not a folder of transformer weights"):
        distill_static_model(tmp_path / "nothing-here", target)
    assert (target / "config.json").read_text() == "{}"


def test_the_distilled_model_is_a_static_encoder(static_model_dir: Path) -> None:
    encoder = StaticEncoder(static_model_dir)
    assert encoder.dimension == 256
    assert encoder.fingerprint == weights_fingerprint(static_model_dir)
    assert not list(static_model_dir.parent.glob(".static.*"))  # no staging left behind
