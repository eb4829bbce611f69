"""Docs that cannot drift: every CLI command and every setting is documented in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from medcite.cli import app
from medcite.settings import Settings

README = Path(__file__).parents[2] / "README.md"


def _command_paths() -> list[str]:
    group = typer.main.get_group(app)
    paths = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        paths += [f"{name} {child}" for child in sub] if sub else [name]
    return paths


def test_every_cli_command_is_in_the_readme_table() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [path for path in _command_paths() if f"| `{path}" not in readme]
    assert not missing, f"commands missing from README's command table: {missing}"


def test_every_setting_is_in_the_readme_config_example() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = []
    for group_name, group in Settings.model_fields.items():
        if group_name == "data_dir":
            continue
        assert group.annotation is not None
        if f"[{group_name}]" not in readme:
            missing.append(f"[{group_name}]")
        for key in group.annotation.model_fields:
            if f"\n{key} = " not in readme:
                missing.append(f"{group_name}.{key}")
    assert not missing, f"settings missing from README's medcite.toml example: {missing}"
