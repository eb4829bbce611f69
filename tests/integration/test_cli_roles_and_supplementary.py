"""The commands of sentence roles and supplementary concept records, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite.cli import run


def medcite(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = run(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_supplementary_records_import_list_and_understand(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fixtures_dir: Path
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    vocab = fixtures_dir / "vocab"
    status, _, err = medcite(
        capsys,
        *data,
        "vocab",
        "import",
        str(vocab / "mesh_biological_products.bin"),
        str(vocab / "scr_red_yeast_rice.bin"),
    )
    assert status == 0, err
    assert "MeSH-SCR: 1 concepts" in err
    status, out, _ = medcite(capsys, *data, "vocab", "list", "--format", "json")
    assert {row["vocabulary"]: row["concepts"] for row in json.loads(out)} == {
        "MeSH": 1,
        "MeSH-SCR": 1,
    }
    status, out, _ = medcite(
        capsys, *data, "understand", "Does red yeast rice lower cholesterol?", "--format", "json"
    )
    assert status == 0
    concepts = {c["ids"][0]: c for c in json.loads(out)["concepts"]}
    assert concepts["C117343"]["role"] == "intervention"


def test_train_roles_writes_a_model_and_refuses_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fixtures_dir: Path
) -> None:
    pytest.importorskip("sklearn", reason="training needs the 'train' extra")
    out_path = tmp_path / "roles.json.gz"
    corpus = fixtures_dir / "evidence" / "structured_abstracts.xml"
    status, out, err = medcite(
        capsys, "train", "roles", "--corpus", str(corpus), "--out", str(out_path)
    )
    assert status == 0, err
    assert "roles-lr-" in out and "position baseline" in out
    assert out_path.is_file()

    bad = tmp_path / "notes.txt"
    bad.write_text("not PubMed XML\n", encoding="utf-8")
    status, _, err = medcite(capsys, "train", "roles", "--corpus", str(bad), "--out", str(out_path))
    assert status == 5  # SourceError
    assert str(bad) in err.replace("\n", "")
