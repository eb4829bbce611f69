"""The deployment commands (users, db upgrade, review recheck) and ``ask --format html``,
run in-process through ``medcite.cli.run`` on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from medcite.cli import run
from medcite.db import Database
from support.web import FIXTURES, assert_inert


@pytest.fixture
def deployment(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    """A data directory whose database is ``database_url`` (via the environment)."""
    monkeypatch.setenv("MEDCITE_DATABASE__URL", database_url)
    return tmp_path / "data", database_url


def medcite(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = run(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_users_are_added_listed_disabled_and_bad_ones_refused(
    capsys: pytest.CaptureFixture[str],
    deployment: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir, url = deployment
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    status, _, err = medcite(
        capsys, data_dir, "users", "add", "ada", "--role", "reviewer", "--password-stdin"
    )
    assert status == 0, err
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    status, _, err = medcite(capsys, data_dir, "users", "add", "ada", "--password-stdin")
    assert status == 12 and "already exists" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    status, _, err = medcite(capsys, data_dir, "users", "add", "bob", "--password-stdin")
    assert status == 2 and "at least 10 characters" in err
    status, _, err = medcite(capsys, data_dir, "users", "add", "Bad Name!", "--password-stdin")
    assert status == 2 and "invalid username" in err
    assert medcite(capsys, data_dir, "users", "disable", "ada")[0] == 0
    assert medcite(capsys, data_dir, "users", "disable", "nobody")[0] == 7
    status, out, _ = medcite(capsys, data_dir, "users", "list", "--json")
    listed = json.loads(out)
    assert [(u["username"], u["role"], u["active"]) for u in listed] == [("ada", "reviewer", False)]
    database = Database.open(url)
    user = database.user("ada")
    database.close()
    assert user is not None and user.password_hash.startswith("$argon2id$")


def test_db_upgrade_and_review_recheck(
    capsys: pytest.CaptureFixture[str], deployment: tuple[Path, str]
) -> None:
    data_dir, _ = deployment
    status, _, err = medcite(capsys, data_dir, "db", "upgrade")
    assert status == 0 and "schema revision 0002" in err
    assert medcite(capsys, data_dir, "ingest", str(FIXTURES / "pubmed" / "sample.xml"))[0] == 0
    status, _, err = medcite(capsys, data_dir, "review", "recheck")
    assert status == 0 and "0 approved answer(s) flagged" in err
    status, out, _ = medcite(capsys, data_dir, "index", "rebuild")
    assert status == 0 and "index rebuilt" in out


def test_ask_writes_the_html_answer_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    assert medcite(capsys, data_dir, "ingest", str(FIXTURES / "jsonl" / "hostile.jsonl"))[0] == 0
    # beside other records, as in any index: word rarity means little in a corpus of one
    assert medcite(capsys, data_dir, "ingest", str(FIXTURES / "pubmed" / "sample.xml"))[0] == 0
    status, out, _ = medcite(
        capsys, data_dir, "ask", "spinal calcinosis in systemic sclerosis", "--format", "html"
    )
    assert status == 0
    assert out.startswith("<!doctype html>") and out.rstrip().endswith("</html>")
    assert_inert(out, "ask --format html")
    shown = (  # the hostile sentences the page quotes, escaped: whichever it chose
        "&lt;img src=x onerror=alert(&#39;abstract&#39;)&gt;",
        "&lt;svg onload=alert(&#39;svg&#39;)&gt;",
    )
    assert any(escaped in out for escaped in shown)
