"""The README's example commands work as written, in the order a reader meets them."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from tests.conftest import ROOT, SEEDS, SHARED, require_shared

SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
LONG_RUNNING = ("dossier serve",)  # started by their own tests, not here


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in SHELL_BLOCK.findall(text):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if "dossier" in line and not line.startswith(("make", "#")):
                commands.append(line)
    return commands


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


def test_readme_has_extract_examples():
    assert any(c.startswith(".venv/bin/dossier extract") for c in readme_commands())


def test_readme_commands_run(workdir):
    env = {**os.environ, "DOSSIER_DB": str(workdir / "readme.duckdb")}
    for command in readme_commands():
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
        assert result.returncode == 0, f"{command}\n{result.stderr[-2000:]}"
        produced = (
            result.stdout.strip() or any(workdir.glob("*.jsonl")) or any(workdir.glob("*.json"))
        )
        assert produced, f"`{command}` printed nothing"
