"""Every command, option and setting is documented: help text in the CLI, settings in the README."""
from __future__ import annotations

from pathlib import Path

import click
import pytest

from sayso import settings
from sayso.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str = "sayso"):
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path)


COMMANDS = list(_commands(main))


@pytest.mark.parametrize("path,command", COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_and_options_have_help(path, command):
    assert (command.help or "").strip(), f"{path} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name not in {"help"}:
            assert (param.help or "").strip(), f"{path} {param.opts[0]} has no help text"


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=[s.name for s in settings.SETTINGS])
def test_setting_is_documented(setting):
    assert setting.help.strip()
    assert setting.env in README, f"README does not mention {setting.env}"


def test_readme_names_every_top_level_command():
    for name in main.commands:
        assert f"sayso {name}" in README, f"README does not mention `sayso {name}`"
