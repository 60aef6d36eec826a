"""``sphinx-aiguide new`` and ``review``, as a writer or a CI job runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_aiguide.cli import main

from .conftest import ROOTS, copy_root


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx_aiguide", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_new_entry_builds_without_a_warning(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_aiguide"]\n'
        'aiguide_reviewers = {"hdesai": {"name": "Harsh Desai"}}\n'
        'aiguide_reviewers_strict = True\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text(
        "Guide\n=====\n\n.. toctree::\n   :glob:\n\n   *\n", encoding="utf-8")
    result = run("new", "Large Language Model", "--dir", str(tmp_path), "--format", fmt,
                 "--reviewer", "hdesai")
    assert result.returncode == 0, result.stderr
    entry = tmp_path / f"large-language-model.{fmt}"
    assert result.stdout.strip() == str(entry)
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(tmp_path),
         str(tmp_path / "_build")], capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr
    html = (tmp_path / "_build" / "large-language-model.html").read_text(encoding="utf-8")
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


def test_new_underlines_wide_characters_to_their_width(tmp_path: Path) -> None:
    assert main(["new", "大規模言語モデル", "--dir", str(tmp_path)]) == 0
    text = (tmp_path / "大規模言語モデル.rst").read_text(encoding="utf-8")
    assert "\n大規模言語モデル\n================\n" in text
    assert ":reviewed-by:" not in text  # no reviewer given, no empty field


def test_review_lists_oldest_first(tmp_path: Path) -> None:
    result = run("review", str(ROOTS / "test-review"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "AGE   LAST REVIEWED  REVIEWERS                     TERM          FILE",
        "142d  2026-01-10     AI Guide Editors              Inherits      index.rst:11",
        "142d  2026-01-10     Harsh Desai, Jo Roe, Sam Lee  Own Reviewer  index.rst:15",
        "78d   2026-03-15     AI Guide Editors              Own Date      index.rst:20",
        "",
        "0 of 3 concepts reviewed more than 180 days before 2026-06-01.",
    ]


def test_review_fails_when_an_entry_is_stale(tmp_path: Path) -> None:
    result = run("review", str(ROOTS / "test-review"), "--max-age", "100", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["today"] == "2026-06-01"
    assert report["max_age"] == 100
    assert [(c["term"], c["age_days"], c["stale"]) for c in report["concepts"]] == [
        ("Inherits", 142, True), ("Own Reviewer", 142, True), ("Own Date", 78, False)]
    assert report["concepts"][1]["reviewers"] == ["Harsh Desai", "Jo Roe", "Sam Lee"]


def test_review_lists_never_reviewed_entries_first(tmp_path: Path) -> None:
    srcdir = copy_root("linking", tmp_path / "src")
    result = run("review", str(srcdir), "--json")
    assert result.returncode == 0
    concepts = json.loads(result.stdout)["concepts"]
    assert [c["term"] for c in concepts] == ["Value Alignment", "Zero-Shot Learning",
                                             "Überanpassung"]
    assert all(c["last_reviewed"] is None for c in concepts)


def test_review_explains_a_missing_or_broken_project(tmp_path: Path) -> None:
    missing = run("review", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "is not a Sphinx source folder (no conf.py)" in missing.stderr
    (tmp_path / "conf.py").write_text("extensions = [\n", encoding="utf-8")
    broken = run("review", str(tmp_path))
    assert broken.returncode == 2
    assert f"sphinx-aiguide review: could not read {tmp_path}:" in broken.stderr
    assert "Traceback" not in broken.stderr
