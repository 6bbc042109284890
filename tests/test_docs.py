"""README.md documents every command and every option of the command line, as sqlite-utils' docs
tests do: a command or an option added without a word in the README's command reference fails here."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from newsfacts import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def reference(command: str) -> str:
    """The README's section on one command: from its `### `newsfacts COMMAND`` heading to the next heading."""
    match = re.search(rf"^### `newsfacts {command}`\n(.*?)(?=^#)", README, re.MULTILINE | re.DOTALL)
    assert match, f"README.md has no '### `newsfacts {command}`' section"
    return match.group(1)


@pytest.mark.parametrize("command", sorted(commands()))
def test_every_command_has_a_section(command: str) -> None:
    assert reference(command).strip()


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (name, option)
        for name, parser in sorted(commands().items())
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ],
)
def test_every_option_is_in_its_commands_section(command: str, option: str) -> None:
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", reference(command)), f"{command} {option}"


def test_the_top_level_options_are_documented() -> None:
    top = [o for a in cli.build_parser()._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    assert top and all(f"newsfacts {option}" in README for option in top)


def test_every_variable_is_documented() -> None:
    from newsfacts.settings import VARIABLES

    for name, _ in VARIABLES.values():
        assert f"`{name}`" in README, name
