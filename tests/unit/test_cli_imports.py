"""A command imports what it needs when it runs: the command line itself (what ``--help``
loads) imports no database, web framework, index, parser or renderer. Timings are
``bench/cli_startup.py``'s; this checks the cause, which timing on a shared machine
cannot."""

from __future__ import annotations

import json
import subprocess
import sys

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
