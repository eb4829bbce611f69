"""Reading benchmark files in place: plain or gzip, with errors that name file and line.

Benchmarks are read where they lie (``../shared/data`` or wherever ``--data`` points)
and never copied. A missing file or a malformed line is a ``SourceError`` naming the
file (and the line), because a benchmark read half-way would give wrong figures that
look right.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from medcite.errors import SourceError
from medcite.gzipfiles import open_maybe_gzip


def find_file(directory: Path, *names: str) -> Path:
    """The first of ``names`` (each tried as is and with ``.gz``) present in ``directory``."""
    for name in names:
        for candidate in (directory / name, directory / f"{name}.gz"):
            if candidate.is_file():
                return candidate
    raise SourceError(f"{directory}: none of {', '.join(names)} (plain or .gz) is there")


def read_text(path: Path) -> str:
    """The whole file as UTF-8 text, decompressed when it is gzip."""
    try:
        with open_maybe_gzip(path) as raw:
            return raw.read().decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from exc


def read_json(path: Path) -> Any:
    """The JSON document in ``path``."""
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path}: not JSON: {exc}") from exc


def read_json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """``(line number, object)`` for each non-blank line of a JSON Lines file."""
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}, line {number}: not JSON: {exc}") from exc


def field(path: Path, where: str, item: Any, name: str, kind: type | tuple[type, ...]) -> Any:
    """``item[name]`` when it is of type ``kind``; otherwise a SourceError naming file and place."""
    value = item.get(name) if isinstance(item, dict) else None
    if not isinstance(value, kind):
        raise SourceError(f"{path}, {where}: field {name!r} is missing or not {_names(kind)}")
    return value


def _names(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)
