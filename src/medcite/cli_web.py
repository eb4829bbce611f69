"""Commands of the web deployment: ``serve``, ``users …``, ``db upgrade``, ``review recheck``.

Kept beside :mod:`medcite.cli` (which registers them) so the command line stays a set of
small modules; like every command they parse options, make one library call and print.
SQLAlchemy, Alembic, FastAPI and uvicorn are imported by the commands that use them, not
by ``medcite --help``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from medcite.accounts import Role, check_username
from medcite.console import err, out
from medcite.errors import ConfigError
from medcite.safe_text import clean_text

if TYPE_CHECKING:  # imported when a command runs: the database and the web are heavy
    from medcite.access import Access
    from medcite.db import Database
    from medcite.settings import Settings

users_app = typer.Typer(help="Manage accounts (editors, reviewers, admins).")
db_app = typer.Typer(help="Maintain the database of users, answers and reviews.")
review_app = typer.Typer(help="The editorial review workflow.")


def _settings(ctx: typer.Context) -> Settings:
    from medcite.settings import load_settings

    data_dir: Path | None = ctx.obj
    return load_settings(data_dir)


@contextmanager
def _database(settings: Settings) -> Iterator[Database]:
    from medcite.db import Database, database_url

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = Database.open(database_url(settings))
    try:
        database.upgrade()
        yield database
    finally:
        database.close()


@contextmanager
def _access(settings: Settings) -> Iterator[Access]:
    from medcite.access import Access

    with _database(settings) as database:
        yield Access(database, settings.web)


def _new_password(from_stdin: bool) -> str:
    from medcite.accounts import MIN_PASSWORD_CHARS

    if from_stdin:
        password = clean_text(sys.stdin.readline().rstrip("\n"))
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_CHARS:
        raise click.BadParameter(f"passwords need at least {MIN_PASSWORD_CHARS} characters")
    return password


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64)] = 1,
    trusted_proxies: Annotated[
        list[str] | None,
        typer.Option(
            "--trusted-proxy",
            metavar="ADDRESS",
            help="A reverse proxy whose X-Forwarded-For and X-Forwarded-Proto to believe "
            "(an IP address or network; repeat for several). Default: none, so every "
            "client is the address it connects from.",
        ),
    ] = None,
) -> None:
    """Run the web app and HTTP API (uvicorn)."""
    import uvicorn

    from medcite.engine import Engine
    from medcite.settings import DATA_DIR_ENV
    from medcite.web.security import secret_key
    from medcite.web.server import uvicorn_limits

    settings = _settings(ctx)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with _database(settings):
        pass  # migrated once here, before any worker opens it
    with Engine.open(settings):
        pass  # the index caught up with the store once, before workers share it
    secret_key(settings)  # created once, so every worker signs with the same key
    os.environ[DATA_DIR_ENV] = str(settings.data_dir)  # where each worker finds its data
    err().print(f"medcite serving {settings.data_dir} on http://{host}:{port}/")
    uvicorn.run(
        "medcite.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        server_header=False,
        log_level="warning",
        **uvicorn_limits(settings.web, trusted_proxies or []),
    )


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="Lower-case letters, digits, '.', '_', '-'.")],
    role: Annotated[Role, typer.Option("--role")] = Role.EDITOR,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Create an account (asks for the password unless --password-stdin)."""
    try:
        name = check_username(username)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    password = _new_password(password_stdin)
    with _access(_settings(ctx)) as access:
        access.add_user(name, role, password, datetime.now(UTC))
    err().print(f"added {name} ({role.value})")


@users_app.command("list")
def users_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """List accounts with their role and whether they are active."""
    with _access(_settings(ctx)) as access:
        users = access.users()
    if as_json:
        rows = [
            {"username": u.username, "role": u.role.value, "active": u.active}
            | {"created_at": u.created_at.isoformat()}
            for u in users
        ]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table("username", "role", "active", "created")
    for user in users:
        table.add_row(
            user.username,
            user.role.value,
            "yes" if user.active else "no",
            user.created_at.date().isoformat(),
        )
    out().print(table)


@users_app.command("disable")
def users_disable(ctx: typer.Context, username: str) -> None:
    """Disable an account; its sessions end at once, for good."""
    with _access(_settings(ctx)) as access:
        access.set_user_active(username, False)
    err().print(f"disabled {username}")


@users_app.command("enable")
def users_enable(ctx: typer.Context, username: str) -> None:
    """Enable a disabled account again (it signs in anew: no old session comes back)."""
    with _access(_settings(ctx)) as access:
        access.set_user_active(username, True)
    err().print(f"enabled {username}")


@users_app.command("password")
def users_password(
    ctx: typer.Context,
    username: str,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Set a new password (asks for it unless --password-stdin); every session ends."""
    password = _new_password(password_stdin)
    with _access(_settings(ctx)) as access:
        access.set_password(username, password)
    err().print(f"new password set for {username}; its sessions ended")


@users_app.command("sign-out")
def users_sign_out(ctx: typer.Context, username: str) -> None:
    """End every session of an account, wherever it signed in."""
    with _access(_settings(ctx)) as access:
        ended = access.sign_out_everywhere(username)
    err().print(f"signed out {ended} session(s) of {username}")


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Apply the database migrations not yet applied (Alembic)."""
    with _database(_settings(ctx)) as database:
        revision = database.revision()
    err().print(f"database at schema revision {revision}")


@review_app.command("recheck")
def review_recheck(ctx: typer.Context) -> None:
    """Answer every approved question again; flag for re-review those whose evidence changed."""
    settings = _settings(ctx)
    flagged = recheck_approved(settings)
    err().print(f"{flagged} approved answer(s) flagged for re-review")


def recheck_approved(settings: Settings, *, only_if_present: bool = False) -> int:
    """Flag approved answers whose evidence changed; returns how many were flagged.

    With ``only_if_present`` (after ``index rebuild``) a deployment without a database yet
    is left alone rather than given an empty one.
    """
    from medcite.db import SQLITE_FILE, Database, database_url
    from medcite.editorial import Editorial
    from medcite.engine import Engine

    no_database_yet = not settings.database.url and not (settings.data_dir / SQLITE_FILE).is_file()
    if only_if_present and no_database_yet:
        return 0
    database = Database.open(database_url(settings))
    try:
        try:
            database.check_schema()
        except ConfigError:
            if only_if_present:
                return 0
            raise
        with Engine.open(settings) as engine:
            return len(Editorial(engine, database).recheck_approved())
    finally:
        database.close()
