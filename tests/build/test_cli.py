"""``sphinx-aiguide new`` and ``review``, as a writer or a CI job runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sphinx.locale
from sphinx.util.docutils import docutils_namespace

from sphinx_aiguide.cli import main

from ..conftest import Build
from ..helpers import ROOTS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a shell runs it."""
    return subprocess.run([sys.executable, "-m", "sphinx_aiguide", *args],
                          capture_output=True, text=True, check=False)


def review(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``sphinx-aiguide review ARGS`` in this process: exit status, output, errors.

    The command reads the project with Sphinx, which registers nodes, directives and
    translations globally; they are put back as they were afterwards.
    """
    with docutils_namespace():
        try:
            status = main(["review", *args])
        finally:
            sphinx.locale.translators.clear()
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_new_entry_builds_without_a_warning(build: Build, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            fmt: str) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_aiguide"]\n'
        'aiguide_reviewers = {"hdesai": {"name": "Harsh Desai"}}\n'
        'aiguide_reviewers_strict = True\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text(
        "Guide\n=====\n\n.. toctree::\n   :glob:\n\n   *\n", encoding="utf-8")
    status = main(["new", "Large Language Model", "--dir", str(tmp_path), "--format", fmt,
                   "--reviewer", "hdesai"])
    assert status == 0, capsys.readouterr().err
    entry = tmp_path / f"large-language-model.{fmt}"
    assert capsys.readouterr().out.strip() == str(entry)
    result = build(srcdir=tmp_path)
    assert result.warnings == ""
    html = result.read("large-language-model.html")
    assert 'id="concept-large-language-model"' in html
    assert "Reviewed by Harsh Desai · Last reviewed" in html
    assert "What do readers most often ask about Large Language Model?" in html


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    entry = tmp_path / "alignment.md"
    entry.write_text("mine", encoding="utf-8")
    result = run("new", "Alignment", "--dir", str(tmp_path), "--format", "md")
    assert result.returncode == 2
    assert f"{entry} exists already; not overwritten" in result.stderr
    assert entry.read_text(encoding="utf-8") == "mine"


def test_review_lists_oldest_first(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = review(capsys, str(ROOTS / "test-review"))
    assert status == 0, err
    assert out.splitlines() == [
        "STATUS  AGE   LAST REVIEWED  DUE  REVIEWERS                     OWNER  TERM          "
        "FILE",
        "ok      142d  2026-01-10     -    AI Guide Editors              -      Inherits      "
        "index.rst:11",
        "ok      142d  2026-01-10     -    Harsh Desai, Jo Roe, Sam Lee  -      Own Reviewer  "
        "index.rst:15",
        "ok      78d   2026-03-15     -    AI Guide Editors              -      Own Date      "
        "index.rst:20",
        "",
        "3 concepts: 0 reviewed more than 180 days before 2026-06-01; 0 never reviewed.",
    ]


def test_review_fails_when_an_entry_is_stale(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = review(capsys, str(ROOTS / "test-review"), "--max-age", "100",
                               "--json")
    assert status == 1
    report = json.loads(out)
    assert report["today"] == "2026-06-01"
    assert report["max_age"] == 100
    assert [(c["term"], c["age_days"], c["stale"]) for c in report["concepts"]] == [
        ("Inherits", 142, True), ("Own Reviewer", 142, True), ("Own Date", 78, False)]
    assert report["concepts"][1]["reviewers"] == ["Harsh Desai", "Jo Roe", "Sam Lee"]


def test_review_lists_never_reviewed_entries_first(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = review(capsys, str(ROOTS / "test-linking"), "--json")
    assert status == 0
    concepts = json.loads(out)["concepts"]
    assert [c["term"] for c in concepts] == ["Value Alignment", "Zero-Shot Learning",
                                             "Überanpassung"]
    assert all(c["last_reviewed"] is None for c in concepts)


def test_review_explains_a_missing_or_broken_project(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = review(capsys, str(tmp_path / "nowhere"))
    assert status == 2
    assert "is not a Sphinx source folder (no conf.py)" in err
    (tmp_path / "conf.py").write_text("extensions = [\n", encoding="utf-8")
    status, _out, err = review(capsys, str(tmp_path))
    assert status == 2
    assert err.startswith(f"sphinx-aiguide review: could not read {tmp_path}:")
    assert len(err.strip().splitlines()) == 1  # the reason, not a traceback
