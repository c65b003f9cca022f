"""The manual is complete and its links hold.

The README is the first screen; the manual is in docs/. Every command and every option
of the command line is documented in docs/cli.md, under the command's own heading; the
README links every chapter; every link and every screenshot points at something that
exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import ROOT

from dossier.cli import main

README = ROOT / "README.md"
DOCS = ROOT / "docs"
# The chapters the README's manual was moved into.
CHAPTERS = tuple(
    DOCS / f"{name}.md"
    for name in (
        "cli",
        "actors",
        "time",
        "events",
        "store",
        "export",
        "web",
        "architecture",
        "measured",
    )
)
README_MAX_LINES = 200

FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
HEADING = re.compile(r"^(#{1,6}) (.+?)\s*$", re.MULTILINE)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def prose(text: str) -> str:
    """The text without its code blocks (a `# comment` in one is no heading)."""
    return FENCE.sub("", text)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for _, title in HEADING.findall(prose(read(path))):
        base = slug(title)
        n = seen.get(base, 0)
        seen[base] = n + 1
        found.add(base if n == 0 else f"{base}-{n}")
    return found


def cli_section(name: str) -> str:
    """The text of docs/cli.md under the heading ``## `dossier NAME` ``."""
    text = read(DOCS / "cli.md")
    match = re.search(rf"^## `dossier {name}`\n(.*?)(?=^## |\Z)", text, re.DOTALL | re.MULTILINE)
    assert match, f"docs/cli.md has no section '## `dossier {name}`'"
    return match.group(1)


def test_the_readme_is_one_screen_not_a_manual():
    lines = read(README).count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines (at most {README_MAX_LINES})"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_and_its_options_are_in_the_cli_reference(name):
    section = cli_section(name)
    assert re.search(rf"dossier {name}\b", section), f"`dossier {name}` is not in docs/cli.md"
    for param in main.commands[name].params:
        for flag in getattr(param, "opts", []):
            if flag.startswith("--") and flag != "--help":
                assert re.search(rf"{re.escape(flag)}\b", section), (
                    f"`dossier {name} {flag}` is not in its section of docs/cli.md"
                )


def test_the_two_set_up_commands_are_given():
    text = read(README)
    assert "make demo" in text and "make test" in text


def test_the_readme_links_every_chapter():
    """Each page of docs/ (and the corpus' README) is one click from the first screen."""
    linked = {(ROOT / target.split("#")[0]).resolve() for target in LINK.findall(read(README))}
    pages = {*CHAPTERS, *DOCS.glob("*.md"), ROOT / "corpus" / "README.md"}
    missing = sorted(str(p.relative_to(ROOT)) for p in pages if p.resolve() not in linked)
    assert not missing, f"README.md does not link {missing}"


@pytest.mark.parametrize("page", [README, *CHAPTERS], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_points_at_something(page):
    assert page.is_file(), f"{page.relative_to(ROOT)} is missing"
    for target in LINK.findall(prose(read(page))):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        assert dest.exists(), f"{page.relative_to(ROOT)}: {target} does not exist"
        if anchor and dest.suffix == ".md":
            assert anchor in anchors(dest), f"{page.relative_to(ROOT)}: no heading for {target}"


def test_the_web_chapter_shows_the_screenshots():
    """The screenshots moved with the web section; each one it shows exists."""
    shown = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", read(DOCS / "web.md"))
    assert len(shown) >= 6, shown
    for path in shown:
        assert (DOCS / path).is_file(), path
        assert (DOCS / path).resolve().parent == (DOCS / "screenshots").resolve(), path


def test_every_measured_figure_names_its_command():
    """docs/measured.md gives the figures with the commands that produced them."""
    text = read(DOCS / "measured.md")
    for stage in ("actors", "time", "events"):
        assert f"python -m evaluation {stage}" in text, stage
    for bench in ("actors", "events", "store"):
        assert f"python -m bench {bench}" in text, bench
    for chapter in CHAPTERS:
        if chapter.name in {"actors.md", "time.md", "events.md", "store.md", "web.md"}:
            assert "measured.md#" in read(chapter), f"{chapter.name} does not link its figures"
