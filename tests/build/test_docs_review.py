"""The review pages of the guide say what the code does: their snippets run as written."""

from __future__ import annotations

import re
import shlex
import textwrap
from pathlib import Path

import pytest
import yaml

from sphinx_aiguide.cli import parser

from ..conftest import Build
from ..helpers import TOP, text_of

FRESH = (TOP / "docs" / "keeping-entries-fresh.md").read_text(encoding="utf-8")
CLI = (TOP / "docs" / "cli.md").read_text(encoding="utf-8")


def blocks(page: str, language: str) -> list[str]:
    """The code blocks of *language* in a page, those in list tables included."""
    found = re.findall(rf"^[ *-]*(`{{3,4}}){language}\n(.*?)^ *\1$", page, re.M | re.S)
    return [textwrap.dedent(body) for _fence, body in found]


@pytest.mark.parametrize(("language", "name"), [("rst", "prompt-injection.rst"),
                                                ("md", "prompt-injection.md")])
def test_the_interval_example_warns_and_shows_the_notice(
        tmp_path: Path, build: Build, language: str, name: str) -> None:
    conf = blocks(FRESH, "python")[0]
    (tmp_path / "conf.py").write_text(
        conf + 'extensions += ["myst_parser"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'aiguide_today = "2026-07-22"\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Guide\n=====\n\n.. toctree::\n\n   prompt-injection\n",
                                        encoding="utf-8")
    (tmp_path / name).write_text(blocks(FRESH, language)[0], encoding="utf-8")
    result = build(srcdir=tmp_path)
    warning = re.search(r"^…/docs/glossary/prompt-injection\.rst:8: WARNING: (.*)$", FRESH,
                        re.M)
    assert warning is not None
    assert result.warning_lines() == [f"{name}:8: WARNING: {warning[1]}"]
    page = text_of(result.read("prompt-injection.html"))
    assert ("Reviewed by AI Guide Editors · Last reviewed 21 April 2026 This entry was due "
            "for review on 21 July 2026. It may be out of date.") in page
    assert "> This entry was due for review on 21 July 2026. It may be out of date." in FRESH


def workflows() -> list[dict[str, object]]:
    return [yaml.safe_load(block) for block in blocks(CLI, "yaml")]


def commands(workflow: dict[str, object]) -> list[list[str]]:
    """The arguments of every ``sphinx-aiguide`` command the workflow runs."""
    found = []
    for job in workflow["jobs"].values():  # type: ignore[attr-defined]
        for step in job["steps"]:
            for line in str(step.get("run", "")).splitlines():
                words = shlex.split(line.split("|")[0])
                if words and words[0] == "sphinx-aiguide":
                    found.append(words[1:])
    return found


def test_the_ci_workflows_are_complete_and_their_commands_parse() -> None:
    annotate, scheduled = workflows()
    assert set(annotate[True]) == {"pull_request", "push"}  # type: ignore[index]
    assert scheduled[True]["schedule"] == [{"cron": "0 6 * * 1"}]  # type: ignore[index]
    for workflow in (annotate, scheduled):
        steps = workflow["jobs"]  # type: ignore[index]
        assert [step.get("uses") for job in steps.values() for step in job["steps"]][:2] == [
            "actions/checkout@v4", "actions/setup-python@v5"]
    (github,) = commands(annotate)
    assert parser().parse_args(github).format == "github"
    (due,) = commands(scheduled)
    args = parser().parse_args(due)
    assert (args.due_within, args.format) == (14, "markdown")
