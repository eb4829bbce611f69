"""What every vocabulary reader shares: concepts with their line, text lines, errors.

Readers yield a concept together with the line its record starts on, so the importer
can name the exact place of a duplicate id; every fault is a ``SourceError`` whose
message starts with ``file:line:``, the form editors and terminals link to.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from medcite.errors import SourceError
from medcite.gzipfiles import open_maybe_gzip
from medcite.records import Concept


@dataclass(frozen=True, slots=True)
class ParsedConcept:
    """A concept read from a vocabulary file, and the line its record starts on."""

    concept: Concept
    line: int


def vocabulary_error(path: Path, line: int, message: str) -> SourceError:
    """A ``SourceError`` naming the file and line of a fault in a vocabulary file."""
    return SourceError(f"{path}:{line}: {message}")


def read_text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without its end) of a UTF-8 text file, plain or gzip.

    A cut-off gzip stream, corrupt compressed data or bytes that are not UTF-8 become a
    ``SourceError`` naming the line reached, after every good line has been yielded.
    """
    number = 0
    try:
        with open_maybe_gzip(path) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline=None)
            for number, line in enumerate(text, start=1):
                yield number, line.rstrip("\n")
    except OSError as exc:
        raise vocabulary_error(path, number + 1, f"cannot read the file: {exc}") from exc
    except (EOFError, zlib.error) as exc:
        raise vocabulary_error(
            path, number + 1, f"the file is truncated or corrupt: {exc}"
        ) from exc
    except UnicodeDecodeError as exc:
        raise vocabulary_error(path, number + 1, f"not UTF-8 text: {exc.reason}") from exc
