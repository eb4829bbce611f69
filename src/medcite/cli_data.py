"""The data directory as a whole: ``stats`` and ``check``, and how every command opens it.

Kept beside :mod:`medcite.cli` (which registers these commands and uses the helpers) so
the command line stays a set of small modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from medcite.console import err, out, print_error, print_json
from medcite.errors import IndexStateError

if TYPE_CHECKING:
    from medcite.engine import Engine, Stats
    from medcite.settings import Settings
    from medcite.store import StoreCounts


class TextOrJson(StrEnum):
    """Output formats of commands that show data."""

    text = "text"
    json = "json"


def settings_of(ctx: typer.Context) -> Settings:
    """The settings of the data directory the command line names (or the default one)."""
    from medcite.settings import load_settings

    data_dir: Path | None = ctx.obj
    return load_settings(data_dir)


@contextmanager
def opened_engine(ctx: typer.Context) -> Iterator[Engine]:
    """The engine over the data directory; says so when its index lags behind the store."""
    from medcite.engine import Engine

    with Engine.open(settings_of(ctx)) as engine:
        behind = engine.index_behind()
        if behind:
            err().print(
                f"note: the index is {behind} change(s) behind the store and could not catch "
                "up here (a read-only or full disk, or another medcite writing); results may "
                "miss them"
            )
        yield engine


def stats(
    ctx: typer.Context,
    output: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.text,
) -> None:
    """Record counts and the state of the index (its files checked against their checksums).

    With an index that cannot be used (damaged, missing, other settings) the store's counts
    are still shown, with the problem, and the exit status is the index's (9).
    """
    problem: IndexStateError | None = None
    try:
        with opened_engine(ctx) as engine:
            shown = _stats_json(engine.stats())
    except IndexStateError as exc:
        from medcite.checkup import store_counts

        problem = exc
        settings = settings_of(ctx)
        shown = _stats_json_without_index(settings.data_dir, store_counts(settings), exc)
    if output is TextOrJson.json:
        print_json(shown)
    else:
        for name, value in shown.items():
            out().print(f"{name:>20}  {value}")
    if problem is not None:
        raise problem


def check(ctx: typer.Context) -> None:
    """Check that the data directory is whole: SQLite integrity, the index against its
    checksums and the store's counts, the vocabularies against their imports."""
    from medcite.checkup import check_data_dir

    findings = check_data_dir(settings_of(ctx))
    for finding in findings:
        out().print(f"{finding.subject}: {finding.summary}")
    problems = [finding.problem for finding in findings if finding.problem is not None]
    for problem in problems[1:]:
        print_error(str(problem))
    if problems:
        raise problems[0]


def _stats_json_without_index(
    data_dir: Path, counts: StoreCounts, problem: IndexStateError
) -> dict[str, Any]:
    return {
        "data_dir": str(data_dir),
        "records": counts.records,
        "deleted": counts.deleted,
        "store_sequence": counts.sequence,
        "indexed_documents": None,
        "index_store_sequence": None,
        "index_in_step": False,
        "index_problem": problem.message,
        "index_snapshot": None,
        "index_format_version": None,
        "index_settings_hash": None,
    }


def _stats_json(found: Stats) -> dict[str, Any]:
    return {
        "data_dir": str(found.data_dir),
        "records": found.store.records,
        "deleted": found.store.deleted,
        "store_sequence": found.store.sequence,
        "indexed_documents": found.indexed_documents,
        "index_store_sequence": found.index.store_sequence,
        "index_in_step": found.in_step,
        "index_problem": found.index_problem,
        "index_snapshot": found.index.snapshot_id,
        "index_format_version": found.index.format_version,
        "index_settings_hash": found.index.settings_hash,
    }
