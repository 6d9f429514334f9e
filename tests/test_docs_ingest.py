"""The ingest, query and export commands and their settings are documented in the README."""
from __future__ import annotations

import pytest

from sayso import settings
from sayso.cli import main

from .conftest import ROOT

COMMANDS = ("ingest", "quotes", "actors", "actor", "show", "export")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", COMMANDS)
def test_command_and_every_option_are_documented(name):
    command = main.commands[name]
    assert command.help and len(command.help) > 40
    assert f"sayso {name}" in README
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{name} {param.opts[0]} has no help text"
            assert any(opt in README for opt in param.opts), f"{name} {param.opts[0]} not in README"


@pytest.mark.parametrize("setting", [s for s in settings.SETTINGS if s.name in
                                     ("db", "user_agent", "fetch_timeout", "fetch_max_bytes", "fetch_delay",
                                      "ingest_batch_size", "commit_every")])
def test_ingest_settings_are_documented(setting):
    assert setting.help and setting.env in README
