"""docs/architecture.md says what the import-linter contracts in pyproject.toml enforce."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
CONTRACTS: list[dict[str, Any]] = tomllib.loads(
    (ROOT / "pyproject.toml").read_text(encoding="utf-8")
)["tool"]["importlinter"]["contracts"]


def documented_layers() -> list[set[str]]:
    """The package column of the layer table, top layer first."""
    section = DOC.split("## Packages, by layer", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if re.match(r"\| \d+ \|", line)]
    return [set(re.findall(r"`(medcite[\w.]*)`", row.split("|")[2])) for row in rows]


def test_the_layer_table_is_the_layers_contract() -> None:
    (layers,) = [c for c in CONTRACTS if c["type"] == "layers"]
    enforced = [{name.strip() for name in layer.split("|")} for layer in layers["layers"]]
    assert documented_layers() == enforced


def test_every_other_contract_is_described() -> None:
    for contract in CONTRACTS:
        if contract["type"] != "layers":
            assert f"**{contract['name']}**" in DOC, contract["name"]


def test_every_top_level_package_has_a_layer() -> None:
    documented = set().union(*documented_layers())
    packages = {
        f"medcite.{path.stem if path.is_file() else path.name}"
        for path in (ROOT / "src" / "medcite").iterdir()
        if (path.suffix == ".py" and path.stem not in ("__init__", "__main__"))
        or (path.is_dir() and (path / "__init__.py").exists())
    }
    assert packages == documented
