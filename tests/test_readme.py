"""The commands the README and the manual show work as written, in the order a reader
meets them: the README first, then the chapters of docs/. The README's Python runs too,
against the database its commands filled."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from tests.conftest import ROOT, SEEDS, SHARED, require_shared
from tests.test_docs import CHAPTERS

SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
LONG_RUNNING = ("dossier serve",)  # started by their own tests, not here
PAGES = (ROOT / "README.md", *CHAPTERS)


def shown_commands(page) -> list[str]:
    text = page.read_text(encoding="utf-8")
    commands = []
    for block in SHELL_BLOCK.findall(text):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if "dossier" in line and not line.startswith(("make", "#")):
                commands.append(line)
    return commands


def readme_commands() -> list[str]:
    return shown_commands(ROOT / "README.md")


def all_commands() -> list[str]:
    return [command for page in PAGES for command in shown_commands(page)]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder laid out like a checkout: .venv, examples/ and ../shared beside it."""
    require_shared(SEEDS)
    top = tmp_path_factory.mktemp("reader")
    work = top / "main"
    work.mkdir()
    for name in (".venv", "examples"):
        (work / name).symlink_to(ROOT / name)
    (top / "shared").symlink_to(SHARED)
    (work / "article.txt").write_text("Officials met in Geneva on Monday.\n", encoding="utf-8")
    return work


@pytest.fixture(scope="module")
def env(workdir):
    return {**os.environ, "DOSSIER_DB": str(workdir / "readme.duckdb")}


@pytest.fixture(scope="module")
def ran(workdir, env):
    """Every command shown, run once in order: (command, completed process)."""
    results = []
    for command in all_commands():
        if command.startswith(LONG_RUNNING) or any(c in command for c in LONG_RUNNING):
            continue
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        results.append((command, result))
    return results


def test_readme_shows_extract_ingest_and_a_query():
    commands = readme_commands()
    for step in ("extract", "ingest", "events"):
        assert any(c.startswith(f".venv/bin/dossier {step}") for c in commands), step
    assert ".venv/bin/dossier serve" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_cli_reference_has_extract_examples():
    commands = shown_commands(ROOT / "docs" / "cli.md")
    assert sum(c.startswith(".venv/bin/dossier extract") for c in commands) >= 2, commands


def test_readme_commands_run(workdir, ran):
    assert ran, "no command was run"
    for command, result in ran:
        assert result.returncode == 0, f"{command}\n{result.stderr[-2000:]}"
        produced = (
            result.stdout.strip() or any(workdir.glob("*.jsonl")) or any(workdir.glob("*.json"))
        )
        assert produced, f"`{command}` printed nothing"


def test_readme_python_runs(workdir, env, ran):
    """The README's Python reads the database the README's commands filled, and finds events."""
    blocks = PYTHON_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks, "the README shows no Python"
    for block in blocks:
        result = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-c", block],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"{block}\n{result.stderr[-2000:]}"
        assert result.stdout.strip(), f"{block}\nprinted nothing"
        assert "Empty DataFrame" not in result.stdout, f"{block}\nfound no events"
