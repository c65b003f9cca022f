"""Every command and every option of the command line is documented in the README."""

from __future__ import annotations

import re

import pytest
from tests.conftest import ROOT

from dossier.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_and_its_options_are_in_the_readme(name):
    assert re.search(rf"dossier {name}\b", README), f"`dossier {name}` is not in the README"
    for param in main.commands[name].params:
        for flag in getattr(param, "opts", []):
            if flag.startswith("--") and flag != "--help":
                assert flag in README, f"`dossier {name} {flag}` is not in the README"


def test_the_two_set_up_commands_are_given():
    assert "make demo" in README and "make test" in README


def test_every_screenshot_the_readme_shows_exists():
    for path in re.findall(r"\]\((docs/screenshots/[^)]+)\)", README):
        assert (ROOT / path).is_file(), path
