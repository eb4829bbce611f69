"""Docs that cannot drift: docs/answer-json.md names exactly the fields ``answer_to_json`` writes.

The field table, the example object and the renderer's output on an answer with every
field set must list the same paths; a field added to one and not the others fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from medcite.render import answer_to_json
from support.answers import full_answer

DOC = Path(__file__).parents[2] / "docs" / "answer-json.md"
_ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)


def field_paths(value: Any, prefix: str = "") -> set[str]:
    """Every key path of a JSON value: ``a``, ``a.b``, ``a[].c`` (``[]``: each list element)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found |= {path} | field_paths(inner, path)
    elif isinstance(value, list):
        for item in value:
            found |= field_paths(item, f"{prefix}[]")
    return found


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def documented_fields() -> set[str]:
    text = _doc()
    table = text[text.index("## Fields") : text.index("## In the HTTP API")]
    return set(_ROW.findall(table))


def example() -> dict[str, Any]:
    text = _doc()
    block = text[text.index("```json\n") + len("```json\n") :]
    data: dict[str, Any] = json.loads(block[: block.index("```")])
    return data


def test_the_field_table_lists_exactly_what_answer_to_json_writes() -> None:
    written = field_paths(answer_to_json(full_answer()))
    documented = documented_fields()
    assert not written - documented, f"written but not documented: {sorted(written - documented)}"
    assert not documented - written, f"documented but not written: {sorted(documented - written)}"


def test_the_example_shows_every_documented_field_and_nothing_else() -> None:
    shown = field_paths(example())
    documented = documented_fields()
    assert shown == documented, (sorted(shown - documented), sorted(documented - shown))


def test_the_examples_spans_are_consistent() -> None:
    for section in example()["sections"]:
        for statement in section["statements"]:
            text = statement["text"]
            assert statement["end"] - statement["start"] - statement["offset"] == len(text)
            for number in statement["numbers"]:
                assert text[number["start"] : number["end"]] == number["text"]
