"""Text that could attack a terminal, a formatter or an encoder is shown inert, never obeyed.

Questions and record ids come from the command line (where invalid UTF-8 arrives as lone
surrogates), from JSON (where ``\\ud800`` is legal syntax), and record text from files;
none of it may crash a command, reach the terminal as a control sequence, or be read as
rich markup.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from medcite.cli import run
from support.web import HOSTILE_QUESTION, Site

FIXTURES = Path(__file__).parents[1] / "data"
ESCAPES = ("\x1b", "\x07", "\x9b")  # ESC, BEL and the one-byte CSI


def medcite(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = run(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def medcite_process(data_dir: Path, *args: bytes) -> subprocess.CompletedProcess[bytes]:
    """Run the installed CLI in a child process with raw bytes as arguments."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"medcite", b"--data-dir", bytes(data_dir), *args],
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("hostile-text")
    status = run(
        [
            "--data-dir",
            str(data_dir),
            "ingest",
            str(FIXTURES / "pubmed" / "sample.xml"),
            str(FIXTURES / "jsonl" / "terminal.jsonl"),
        ]
    )
    assert status == 0
    return data_dir


def test_invalid_utf8_on_the_command_line_is_replaced_not_a_crash(indexed: Path) -> None:
    for command in (b"ask", b"search", b"understand"):
        done = medcite_process(indexed, command, b"calcinosis \xff\xfe of the spine")
        assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        done.stdout.decode("utf-8")  # what it printed is valid UTF-8
    done = medcite_process(indexed, b"show", b"pmid:\xff")
    assert done.returncode == 7 and b"Traceback" not in done.stderr


def test_terminal_control_sequences_in_a_question_are_not_echoed(
    capsys: pytest.CaptureFixture[str], indexed: Path
) -> None:
    question = "calcinosis \x1b[31mred\x07 \x1b]0;new title\x07 of the spine \x9b2J"
    for command in ("ask", "understand"):
        for output in ("text", "markdown", "json"):
            if command == "understand" and output == "markdown":
                continue
            status, out, err = medcite(capsys, indexed, command, question, "--format", output)
            assert status == 0, err
            assert not any(escape in out + err for escape in ESCAPES), (command, output)
    status, out, _ = medcite(capsys, indexed, "ask", question, "--format", "json")
    assert json.loads(out)["question"] == "calcinosis [31mred ]0;new title of the spine 2J"


def test_control_sequences_in_record_text_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], indexed: Path
) -> None:
    for args in (
        ("show", "pmid:92000001"),
        ("show", "pmid:92000001", "--format", "json"),
        ("search", "terminal takeover"),
        ("ask", "terminal takeover in calcinosis"),
        ("export", "jsonl"),
    ):
        status, out, err = medcite(capsys, indexed, *args)
        assert status == 0, err
        assert not any(escape in out + err for escape in ESCAPES), args
    shown = json.loads(medcite(capsys, indexed, "show", "pmid:92000001", "--format", "json")[1])
    assert shown["title"] == "Terminal takeover [2J in calcinosis"  # control characters dropped
    assert shown["sections"][0]["text"].startswith("Caf\u00e9 au lait")  # NFC: one character


@pytest.mark.parametrize("record_id", ["text:[/bold]x", "text:[bold]x", "[link=file:///etc]x"])
def test_user_text_in_error_messages_is_not_rich_markup(
    capsys: pytest.CaptureFixture[str], indexed: Path, record_id: str
) -> None:
    status, _, err = medcite(capsys, indexed, "show", record_id)
    assert status == 7
    assert record_id in err  # shown as given, none of it taken as a style


def test_a_lone_surrogate_in_json_is_not_a_server_error(site: Site) -> None:
    body = b'{"q": "' + HOSTILE_QUESTION.encode() + b' \\ud800 \\udfff"}'
    headers = {"content-type": "application/json"}
    response = site.client.post("/api/v1/ask", content=body, headers=headers)
    assert response.status_code == 200, response.text
    assert "\ufffd" in response.json()["question"]
    search = site.client.get("/api/v1/records?q=calcinosis%ED%A0%80%00")  # a surrogate's UTF-8
    assert search.status_code == 200, search.text
    assert site.client.get("/api/v1/health").status_code == 200  # the connection lives on


def test_ask_dash_reads_the_question_from_standard_input(indexed: Path) -> None:
    question = b"calcinosis of the spine\nin systemic sclerosis \xff\n"  # not UTF-8 at the end
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "medcite",
            "--data-dir",
            str(indexed),
            "ask",
            "-",
            "--format",
            "json",
        ],
        input=question,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    answer = json.loads(done.stdout)
    assert answer["question"] == "calcinosis of the spine in systemic sclerosis \ufffd"
