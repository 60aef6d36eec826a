"""The getting-started guide, followed literally: its blocks are written, its commands run.

``docs/getting-started.md`` is a walkthrough in plain fenced code blocks. The words after
a block's language (which GitHub and MyST ignore) say what the block is:

- ```` ```LANG PATH ```` a file to write; ```` ```LANG >>PATH ```` lines to add to one;
- ```` ```sh ```` commands, run one by one from the project folder (``sphinx-build`` and
  ``sphinx-aiguide``; the set-up lines that make a virtual environment are skipped);
- ```` ```text PATH ```` text the built page PATH shows;
- ```` ```text ```` what the commands just run print; a build whose output the guide shows
  with a ``WARNING`` is expected to fail under ``-W``;
- a last word ``rst`` or ``myst`` keeps a block to the guide for that syntax.

The guide is followed once for each syntax, in a new folder, exactly as a reader would;
other pages' blocks marked the same way are then pasted into the finished project.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sphinx_aiguide.template import PLACEHOLDERS

from ..helpers import TOP, text_of

GUIDE = TOP / "docs" / "getting-started.md"
SYNTAXES = ("rst", "myst")
#: Commands of the guide that set up the reader's machine, not the project.
SET_UP = ("python -m venv ", ". .venv/bin/activate", "pip install ")
#: The commands the guide runs, as this Python runs them.
COMMANDS = {"sphinx-build": [sys.executable, "-m", "sphinx"],
            "sphinx-aiguide": [sys.executable, "-m", "sphinx_aiguide"]}
#: Today, for the guide's review dates (the day this test was written).
TODAY = datetime(2026, 11, 26, tzinfo=UTC)

_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")


@dataclass(frozen=True)
class Block:
    """One fenced block of a page: its language, what it is for, its text."""

    language: str
    target: str  # a path, ">>path", or ""
    syntax: str  # "rst", "myst", or "" for both
    text: str
    line: int


def blocks(page: Path) -> list[Block]:
    """Every top-level fenced block of a Markdown *page*, in order."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    number = 0
    while number < len(lines):
        opening = _FENCE.fullmatch(lines[number])
        number += 1
        if opening is None:
            continue
        fence, words = opening.group(1), opening.group(2).split()
        start = number
        while number < len(lines) and not (
                lines[number].startswith(fence) and not lines[number].strip(fence[0])):
            number += 1
        text = "\n".join(lines[start:number]) + "\n"
        number += 1
        language = words[0] if words else ""
        syntax = words[-1] if len(words) > 1 and words[-1] in SYNTAXES else ""
        target = words[1] if len(words) > 1 and words[1] not in SYNTAXES else ""
        found.append(Block(language, target, syntax, text, start))
    return found


@dataclass
class Reader:
    """A reader following pages of the guide in *folder*, for one syntax."""

    folder: Path
    syntax: str
    builds: int = 0
    output: str = ""

    def follow(self, page: Path) -> None:
        """Do what each block of *page* says, in order."""
        steps = [block for block in blocks(page) if block.syntax in {"", self.syntax}]
        for index, block in enumerate(steps):
            where = f"{page.name}:{block.line}"
            following = steps[index + 1] if index + 1 < len(steps) else None
            if block.language == "sh":
                fails = following is not None and following.language == "text" and \
                    not following.target and "WARNING:" in following.text
                self.run(block.text, where, fails=fails)
            elif block.language == "text":
                self.check(block, where)
            elif block.target.startswith(">>"):
                with (self.folder / block.target[2:]).open("a", encoding="utf-8") as file:
                    file.write(block.text)
            elif block.target:
                path = self.folder / block.target
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(block.text, encoding="utf-8")

    def run(self, commands: str, where: str, *, fails: bool = False) -> None:
        """Run the commands of a ``sh`` block; they succeed unless the guide shows otherwise."""
        environment = {**os.environ, "SOURCE_DATE_EPOCH": str(int(TODAY.timestamp())),
                       "PYTHONPATH": os.pathsep.join(
                           filter(None, [str(TOP), os.environ.get("PYTHONPATH")]))}
        self.output = ""
        for line in commands.splitlines():
            if not line.strip() or line.startswith(SET_UP):
                continue
            name, *arguments = shlex.split(line)
            assert name in COMMANDS, f"{where}: the test cannot run {line!r}"
            result = subprocess.run([*COMMANDS[name], *arguments], cwd=self.folder,
                                    env=environment, capture_output=True, text=True,
                                    check=False)
            self.output += result.stdout + result.stderr
            self.builds += name == "sphinx-build"
            assert (result.returncode != 0) == fails, f"{where}: {line}\n{self.output}"

    def check(self, block: Block, where: str) -> None:
        """The text of a ``text`` block is in the page it names, or in the output."""
        if block.target:
            shown = text_of((self.folder / block.target).read_text(encoding="utf-8"))
            assert " ".join(block.text.split()) in shown, where
            return
        for line in block.text.splitlines():
            # the guide shows the reST file's name and line; Markdown has its own
            expected = line if self.syntax == "rst" else line[line.index("WARNING:"):]
            assert expected in self.output, f"{where}: {expected}\n{self.output}"

    def finish_the_stubs(self) -> None:
        """What the guide leaves to the reader: their own words for the placeholders."""
        for entry in (self.folder / "docs" / "glossary").iterdir():
            text = entry.read_text(encoding="utf-8")
            for placeholder in PLACEHOLDERS.values():
                term = "Reward Hacking"
                text = text.replace(placeholder.format(term=term), f"Words about {term}.")
            entry.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def followed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Reader]:
    """The guide followed to its end, once in each syntax."""
    readers = {}
    for syntax in SYNTAXES:
        reader = Reader(tmp_path_factory.mktemp(f"guide-{syntax}"), syntax)
        reader.follow(GUIDE)
        readers[syntax] = reader
    return readers


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_the_guide_builds_as_written(followed: dict[str, Reader], syntax: str) -> None:
    reader = followed[syntax]
    suffix = "rst" if syntax == "rst" else "md"
    # the guide really is a project: a start page, three entries and four builds
    assert sorted(path.relative_to(reader.folder).as_posix()
                  for path in (reader.folder / "docs").rglob(f"*.{suffix}")) == [
        f"docs/glossary/instrumental-convergence.{suffix}",
        f"docs/glossary/orthogonality-thesis.{suffix}",
        f"docs/glossary/reward-hacking.{suffix}",
        f"docs/index.{suffix}"]
    assert reader.builds == 3
    # what the guide leaves to the reader, done: the last build is clean
    reader.finish_the_stubs()
    reader.run("sphinx-build -W --keep-going docs docs/_build/html", "the end")
    page = (reader.folder / "docs/_build/html/glossary/reward-hacking.html").read_text(
        encoding="utf-8")
    assert "Reviewed by AI Guide Editors" in text_of(page)
    assert "Last reviewed" not in text_of(page)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_the_themes_snippet_pastes_into_the_guides_project(
        followed: dict[str, Reader], tmp_path: Path, syntax: str) -> None:
    reader = Reader(tmp_path / "guide", syntax)
    shutil.copytree(followed[syntax].folder, reader.folder)
    reader.finish_the_stubs()
    reader.follow(TOP / "docs" / "themes.md")
    assert "html_theme" in (reader.folder / "docs" / "conf.py").read_text(encoding="utf-8")
    reader.run("sphinx-build -W --keep-going -E docs docs/_build/html", "themes.md")
    page = (reader.folder / "docs/_build/html/glossary/orthogonality-thesis.html").read_text(
        encoding="utf-8")
    assert '<body class="ag-theme"' in page
    assert '<a href="../index.html#aiguide-letter-i">I</a>' in page
