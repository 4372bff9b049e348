"""The README documents every setting and every CLI command."""

from __future__ import annotations

from search.cli import cli
from search.settings import SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_every_setting_is_documented():
    for setting in SETTINGS:
        assert f"`{setting.name}`" in README, setting.name


def test_every_command_is_documented():
    for name in cli.commands:
        assert f"dipnews {name}" in README, name


def test_the_two_commands_are_shown():
    assert "make run" in README and "make test" in README
