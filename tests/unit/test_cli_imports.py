"""A command imports what it needs when it runs: the command line itself (what ``--help``
loads) imports no database, web framework, index, parser or renderer, and ``show`` and
``stats`` in JSON none of ingestion's readers, the network client or the answering stages.
Timings are ``bench/cli_startup.py``'s; this checks the cause, which timing on a shared
machine cannot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from medcite.cli import run
from medcite.records import Answer, AnswerSection, Provenance
from medcite.render import AnswerFormat, render
from medcite.render.answer_html import answer_to_html
from medcite.render.answer_json import answer_to_json
from medcite.render.answer_markdown import answer_to_markdown

HEAVY = (
    "alembic",
    "fastapi",
    "httpx",
    "jinja2",
    "lxml.etree",
    "medcite.engine",
    "medcite.render.terminal",
    "pydantic",
    "sqlalchemy",
    "starlette",
    "tantivy",
    "uvicorn",
)


def test_the_command_line_imports_nothing_heavy_until_a_command_runs() -> None:
    probe = "import sys, json, medcite.cli; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


# What reading a stored record or the index's state as JSON never needs: they are imported
# when a command ingests (readers, lxml, the E-utilities client) or answers (evidence,
# compose). (medcite imports rich only for its first terminal print too, but typer 0.15,
# the lowest allowed, imports rich itself at ``import typer``; 0.29 does not.)
NOT_FOR_READING = (
    "httpx",
    "lxml.etree",
    "medcite.compose.page",
    "medcite.dense.fusion",
    "medcite.evidence.weigh",
    "medcite.ingest.eutils",
    "medcite.ingest.pubmed_xml",
    "medcite.ingest.workers",
    "medcite.vocab.formats",
    "numpy",
    "sqlalchemy",
)


def test_show_and_stats_import_no_reader_network_client_or_answering_stage(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    assert (
        run(["--data-dir", str(tmp_path), "ingest", str(fixtures_dir / "pubmed" / "sample.xml")])
        == 0
    )
    where = ["--data-dir", str(tmp_path)]
    probe = (
        "import sys, json\n"
        "from medcite.cli import run\n"
        f"assert run({[*where, 'stats', '--format', 'json']!r}) == 0\n"
        f"assert run({[*where, 'show', 'pmid:33387232', '--format', 'json']!r}) == 0\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True)
    loaded = set(json.loads(done.stderr.decode().splitlines()[-1]))
    assert "33387232" in done.stdout.decode()
    assert not loaded & set(NOT_FOR_READING), sorted(loaded & set(NOT_FOR_READING))


def test_one_registry_renders_every_format() -> None:
    answer = Answer(
        question="Does x help?",
        sections=(AnswerSection("Bottom line", ()),),
        references=(),
        provenance=Provenance("snap", "hash", 1.0),
    )
    assert render(answer, AnswerFormat.JSON) == answer_to_json(answer)
    assert render(answer, "markdown") == answer_to_markdown(answer)
    assert render(answer, AnswerFormat.HTML, audience="patient") == answer_to_html(
        answer, audience="patient"
    )
    assert render(answer, AnswerFormat.TEXT) is not None
    assert {f.value for f in AnswerFormat} == {"text", "markdown", "json", "html"}
