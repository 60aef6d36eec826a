"""``sphinx-aiguide new`` and ``review``, as a writer or a CI job runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_aiguide import __version__
from sphinx_aiguide.cli import main

from ..conftest import Build
from ..helpers import ROOTS, run_cli


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a shell runs it."""
    return subprocess.run([sys.executable, "-m", "sphinx_aiguide", *args],
                          capture_output=True, text=True, check=False)


def review(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``sphinx-aiguide review ARGS`` in this process: exit status, output, errors."""
    return run_cli(capsys, "review", *args)


def project(folder: Path) -> Path:
    """A MyST-enabled project whose start page lists every page in *folder*/glossary."""
    (folder / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_aiguide"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'aiguide_reviewers = {"hdesai": {"name": "Harsh Desai"}}\n'
        'aiguide_reviewers_strict = True\n', encoding="utf-8")
    (folder / "index.rst").write_text(
        "Guide\n=====\n\n.. toctree::\n   :glob:\n\n   glossary/*\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_a_new_entry_warns_until_its_placeholders_are_replaced(
        build: Build, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    srcdir = project(tmp_path)
    status = main(["new", "Large Language Model", "--dir", str(srcdir / "glossary"),
                   "--format", fmt, "--reviewer", "hdesai"])
    assert status == 0, capsys.readouterr().err
    entry = srcdir / "glossary" / f"large-language-model.{fmt}"  # the folder is created
    assert capsys.readouterr().out.strip() == str(entry)
    result = build(srcdir=srcdir)
    line = 11 if fmt == "rst" else 10  # the summary's line: the first placeholder
    assert result.warning_lines() == [
        f"glossary/large-language-model.{fmt}:{line}: WARNING: this entry still holds 4 "
        "placeholder sentences of 'sphinx-aiguide new' (the first here): replace them with "
        "the entry's own words before publishing [aiguide.concept]"]
    html = result.read("glossary/large-language-model.html")
    assert 'id="concept-large-language-model"' in html
    # a stub is not reviewed: the reviewer is named, but no review date is claimed
    assert "Reviewed by Harsh Desai</p>" in html
    assert "Last reviewed" not in html
    assert "What do readers most often ask about Large Language Model?" in html

    text = entry.read_text(encoding="utf-8")
    for placeholder in ("One or two sentences that define Large Language Model for a "
                        "newcomer: this first paragraph is the summary.",
                        "The in-depth explanation: how it works, why it matters, examples.",
                        "What do readers most often ask about Large Language Model?",
                        "The answer, in a few sentences."):
        assert placeholder in text
        text = text.replace(placeholder, "Written by the editor.")
    entry.write_text(text, encoding="utf-8")
    assert build(srcdir=srcdir, freshenv=True).warnings == ""


#: Terms whose characters are markup, or do not belong in a file name or a URL.
AWKWARD_TERMS = {"C++": "c++", "A* search": "a-search", "*args_": "args_",
                 "Q&A <bots>": "q-a-bots", "GPT-4.5": "gpt-4.5", "`tick`": "tick",
                 "[draft] #1": "draft-1", "大規模言語モデル": "大規模言語モデル"}


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_new_entries_keep_awkward_terms_as_written(build: Build, tmp_path: Path,
                                                   fmt: str) -> None:
    srcdir = project(tmp_path)
    for term in AWKWARD_TERMS:
        assert main(["new", term, "--dir", str(srcdir / "glossary"), "--format", fmt]) == 0
    assert sorted(path.stem for path in (srcdir / "glossary").iterdir()) == \
        sorted(AWKWARD_TERMS.values())
    result = build(srcdir=srcdir)
    # nothing but the placeholders is a problem, once per entry
    assert len(result.warning_lines()) == len(AWKWARD_TERMS)
    assert all("placeholder sentences" in line for line in result.warning_lines())
    assert sorted(record["term"] for record in result.domain().concepts()) == \
        sorted(AWKWARD_TERMS)


def test_new_explains_what_it_cannot_do(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run("new", "Alignment", "--dir", str(tmp_path / "file"))
    assert (result.returncode, result.stderr) == (
        2, f"sphinx-aiguide new: {tmp_path / 'file'} is not a folder\n")
    result = run("new", "Alignment", "--dir", str(tmp_path / "file" / "below"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"sphinx-aiguide new: cannot write "
                                    f"{tmp_path / 'file' / 'below' / 'alignment.rst'}: ")
    assert "Traceback" not in result.stderr
    result = run("new", "  ", "--dir", str(tmp_path))
    assert (result.returncode, result.stderr) == (2, "sphinx-aiguide new: the term is empty\n")


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
    assert (status, err) == (2, f"sphinx-aiguide review: {tmp_path / 'nowhere'} does not "
                                "exist\n")
    status, _out, err = review(capsys, str(tmp_path))
    assert (status, err) == (2, f"sphinx-aiguide review: {tmp_path} is not a Sphinx source "
                                "folder (no conf.py)\n")
    (tmp_path / "conf.py").write_text("extensions = [\n", encoding="utf-8")
    status, _out, err = review(capsys, str(tmp_path))
    assert status == 2
    assert err.startswith(f"sphinx-aiguide review: could not read {tmp_path}:")
    assert len(err.strip().splitlines()) == 1  # the reason, not a traceback


def test_review_from_the_project_root_suggests_the_source_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("review", ".")
    assert (result.returncode, result.stderr) == (
        2, "sphinx-aiguide review: . is not a Sphinx source folder (no conf.py); did you "
           "mean 'sphinx-aiguide review docs'?\n")


@pytest.mark.parametrize("days", ["-30", "0", "1.5", "a year"])
def test_max_age_is_a_positive_number_of_days(days: str) -> None:
    result = run("review", str(ROOTS / "test-review"), "--max-age", days)
    assert result.returncode == 2
    assert result.stderr.endswith(f"error: argument --max-age: must be a positive number of "
                                  f"days, not {days!r}\n")


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"sphinx-aiguide {__version__}\n")
