"""``sphinx-aiguide review`` for CI and ``sphinx-aiguide reviewed``, as editors run them."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from ..conftest import Build
from ..helpers import ROOTS, TOP, copy_root, run_cli
from .test_cli import review, run

CYCLE = str(ROOTS / "test-review-cycle")


def reviewed(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``sphinx-aiguide reviewed ARGS`` in this process: exit status, output, errors."""
    return run_cli(capsys, "reviewed", *args)


def terms(out: str) -> dict[str, dict[str, object]]:
    return {concept["term"]: concept for concept in json.loads(out)["concepts"]}


# -- review ------------------------------------------------------------------------------

def test_review_reports_due_dates_and_owners(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = review(capsys, CYCLE, "--format", "json")
    assert status == 1  # two entries are due
    found = terms(out)
    assert list(found) == ["Never Reviewed", "Overdue Entry", "Month End", "Yearly",
                           "Upcoming Entry"]
    assert {term: (row["review_due"], row["due"], row["owner"])
            for term, row in found.items()} == {
        "Never Reviewed": (None, False, None),
        "Overdue Entry": ("2026-06-01", True, "Harsh Desai"),
        "Month End": ("2026-02-28", True, None),
        "Yearly": ("2027-01-31", False, "Jo Roe"),
        "Upcoming Entry": ("2026-08-01", False, None)}
    assert found["Upcoming Entry"]["review_every"] == "3 months"


def test_due_within_counts_what_falls_due_soon(capsys: pytest.CaptureFixture[str]) -> None:
    _status, out, _err = review(capsys, CYCLE, "--json", "--due-within", "61")
    assert [term for term, row in terms(out).items() if row["due"]] == [
        "Overdue Entry", "Month End", "Upcoming Entry"]
    assert json.loads(out)["due_within"] == 61
    _status, out, _err = review(capsys, CYCLE, "--json", "--due-within", "60")
    assert not terms(out)["Upcoming Entry"]["due"]


def test_owner_picks_that_owner_s_entries(capsys: pytest.CaptureFixture[str]) -> None:
    for who in ("hdesai", "harsh desai"):
        status, out, _err = review(capsys, CYCLE, "--json", "--owner", who)
        assert list(terms(out)) == ["Overdue Entry"]
        assert status == 1
    status, out, _err = review(capsys, CYCLE, "--owner", "Jo Roe")
    assert status == 0  # Jo Roe's one entry is not due
    assert "Yearly" in out and "Month End" not in out
    status, out, _err = review(capsys, CYCLE, "--owner", "nobody")
    assert (status, out) == (0, "No concepts found.\n")


def test_github_format_annotates_files_from_the_repository_root(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TOP)
    status, out, _err = review(capsys, CYCLE, "--format", "github", "--require-review")
    assert status == 1
    assert out.splitlines() == [
        "::warning file=tests/roots/test-review-cycle/entries.rst,line=19,title=Not reviewed"
        "::Never Reviewed: no review date and no reviewer",
        "::warning file=tests/roots/test-review-cycle/overdue.rst,line=8,title=Review due"
        "::Overdue Entry: was due for review on 2026-06-01 (reviewed every 6 months); "
        "reviewed by AI Guide Editors; owner: Harsh Desai",
        "::warning file=tests/roots/test-review-cycle/entries.rst,line=12,title=Review due"
        "::Month End: was due for review on 2026-02-28 (reviewed every 1 month); reviewed by "
        "AI Guide Editors",
    ]


def test_markdown_and_json_synonym(capsys: pytest.CaptureFixture[str]) -> None:
    _status, out, _err = review(capsys, CYCLE, "--format", "markdown")
    lines = out.splitlines()
    assert lines[0] == "| Status | Age | Last reviewed | Due | Reviewers | Owner | Term | File |"
    assert "| due | 121d | 2026-01-31 | 2026-02-28 | AI Guide Editors | - | Month End | " \
           "entries.rst:12 |" in lines
    assert lines[-1] == ("5 concepts: 2 due for review by 2026-06-01; 1 never reviewed.")
    assert review(capsys, CYCLE, "--json") == review(capsys, CYCLE, "--format", "json")


def test_require_review_fails_on_unreviewed_entries(capsys: pytest.CaptureFixture[str]) -> None:
    linking = str(ROOTS / "test-linking")
    assert review(capsys, linking)[0] == 0
    status, out, _err = review(capsys, linking, "--require-review")
    assert status == 1
    assert out.splitlines()[1].startswith("unreviewed  never")
    # every entry of the review root names a reviewer and a date
    assert review(capsys, str(ROOTS / "test-review"), "--require-review")[0] == 0


def test_review_options_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    result = run("review", CYCLE, "--due-within", "-3")
    assert result.returncode == 2
    assert "argument --due-within: '-3' is not a number of days" in result.stderr
    result = run("review", CYCLE, "--format", "yaml")
    assert result.returncode == 2
    assert "invalid choice: 'yaml'" in result.stderr


def test_the_command_line_imports_no_sphinx() -> None:
    result = run("--help")
    assert result.returncode == 0
    probe = run_python("import sys, sphinx_aiguide.cli; "
                       "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sphinx'))")
    assert probe == "[]"


def run_python(code: str) -> str:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=TOP).stdout.strip()


# -- reviewed ----------------------------------------------------------------------------

CONF = """\
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_reviewers = {"hdesai": {"name": "Harsh Desai"}, "editors": {"name": "Editors"}}
aiguide_review_every = "6 months"
aiguide_today = "2026-06-01"
"""
INDEX = "Guide\n=====\n\n.. toctree::\n   :glob:\n\n   *\n"
ALIGNMENT = (":reviewed-by: editors\r\n:last-reviewed: 2025-06-01\r\n\r\nAlignment\r\n"
             "=========\r\n\r\n.. concept::\r\n   :aliases: value alignment\r\n\r\n"
             "   Making systems pursue what people mean.\r\n")
TOKENS = ("---\nreviewed-by: editors\nlast-reviewed: 2025-12-01 # first\n---\n# Tokens\n\n"
          ":::{concept}\nThe pieces text is cut into.\n:::\n")
PAIR = ("Pair\n====\n\n.. concept:: First\n   :reviewed-by: hdesai\n   :last-reviewed: "
        "2025-01-01\n\n   One.\n\n.. concept:: Second\n\n   Two.\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with an entry of each kind: reST with CRLF, MyST, two on one page."""
    files = {"conf.py": CONF, "index.rst": INDEX, "alignment.rst": ALIGNMENT,
             "tokens.md": TOKENS, "pair.rst": PAIR}
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    return tmp_path


def test_a_term_or_alias_finds_the_page_fields_of_its_entry(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = reviewed(capsys, "VALUE ALIGNMENT", "--source", str(project))
    assert status == 0, err
    assert out == f"{project / 'alignment.rst'}:2: last-reviewed: 2026-06-01 (was 2025-06-01)\n"
    # only the date changed: every other byte, CRLF line ends included, is as it was
    assert (project / "alignment.rst").read_bytes() == \
        ALIGNMENT.replace("2025-06-01", "2026-06-01").encode("utf-8")


def test_a_myst_entry_records_in_front_matter(project: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    status, out, err = reviewed(capsys, "tokens.md", "--by", "hdesai", "--date", "2026-05-30")
    assert status == 0, err
    assert out.splitlines() == ["tokens.md:2: reviewed-by: hdesai (was editors)",
                                "tokens.md:3: last-reviewed: 2026-05-30 (was 2025-12-01 # first)"]
    assert (project / "tokens.md").read_text(encoding="utf-8") == TOKENS.replace(
        "editors", "hdesai").replace("2025-12-01 # first", "2026-05-30")


def test_a_concept_that_shares_its_page_gets_options_of_its_own(
        project: Path, capsys: pytest.CaptureFixture[str], build: Build) -> None:
    status, out, err = reviewed(capsys, "second", "--by", "editors", "--source", str(project))
    assert status == 0, err
    pair = project / "pair.rst"
    assert out.splitlines() == [f"{pair}:11: reviewed-by: editors",
                                f"{pair}:12: last-reviewed: 2026-06-01"]
    assert pair.read_text(encoding="utf-8") == PAIR.replace(
        ".. concept:: Second\n", ".. concept:: Second\n   :reviewed-by: editors\n"
        "   :last-reviewed: 2026-06-01\n")
    status, out, _err = reviewed(capsys, "First", "--source", str(project))
    assert out == f"{pair}:6: last-reviewed: 2026-06-01 (was 2025-01-01)\n"
    # the page still builds cleanly, and neither entry is due any more
    result = build(srcdir=project)
    assert "pair.rst" not in result.warnings
    assert result.body("pair").count('data-aiguide-due="2026-12-01" hidden="hidden"') == 2


def test_a_page_without_review_data_gets_a_field_list(
        project: Path, capsys: pytest.CaptureFixture[str], build: Build) -> None:
    (project / "plain.rst").write_text("Plain\n=====\n\nNo concept.\n", encoding="utf-8")
    status, _out, err = reviewed(capsys, str(project / "plain.rst"), "--by", "Jo Roe")
    assert status == 0, err
    assert (project / "plain.rst").read_text(encoding="utf-8") == (
        ":reviewed-by: Jo Roe\n:last-reviewed: 2026-06-01\n\nPlain\n=====\n\nNo concept.\n")
    assert "Reviewed by Jo Roe · Last reviewed" in build(srcdir=project).body("plain")


def test_a_read_only_file_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = project / "alignment.rst"
    entry.chmod(0o444)
    status, out, err = reviewed(capsys, "Alignment", "--source", str(project))
    assert (status, out) == (2, "")
    assert err == (f"sphinx-aiguide reviewed: {entry} is read-only; nothing was changed\n")
    assert entry.read_bytes() == ALIGNMENT.encode("utf-8")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o444


def test_broken_front_matter_is_refused(project: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    broken = TOKENS.replace("reviewed-by: editors", "reviewed-by: [editors")
    (project / "tokens.md").write_text(broken, encoding="utf-8")
    status, _out, err = reviewed(capsys, str(project / "tokens.md"))
    assert status == 2
    assert err.startswith(f"sphinx-aiguide reviewed: cannot record the review of page "
                          f"tokens.md in {project / 'tokens.md'}: its front matter is not "
                          "valid YAML: ")
    assert err.endswith("; nothing was changed\n")
    assert len(err.splitlines()) == 1
    assert (project / "tokens.md").read_text(encoding="utf-8") == broken
    assert [path.name for path in project.iterdir() if path.name.startswith(".")] == []


def test_unknown_and_ambiguous_terms_are_refused(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = reviewed(capsys, "Alignmnet", "--source", str(project))
    assert status == 2
    assert err == ("sphinx-aiguide reviewed: no concept is called 'Alignmnet'; did you mean "
                   "'Alignment'?; nothing was changed\n")
    (project / "again.rst").write_text("Again\n=====\n\n.. concept:: tokens\n\n   Twice.\n",
                                       encoding="utf-8")
    before = {path: path.read_bytes() for path in project.iterdir() if path.is_file()}
    status, _out, err = reviewed(capsys, "Tokens", "--source", str(project))
    assert status == 2
    assert err == ("sphinx-aiguide reviewed: 'Tokens' is ambiguous: it names 'tokens' in "
                   "again.rst:4, 'Tokens' in tokens.md:7; rename one, or give the file "
                   "instead of the term; nothing was changed\n")
    assert before == {path: path.read_bytes() for path in project.iterdir() if path.is_file()}


def test_review_data_in_an_included_file_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_root("include", tmp_path / "include")
    part = project / "_parts" / "entry.rst"
    before = part.read_bytes()
    status, _out, err = reviewed(capsys, "stale one", "--source", str(project))
    assert status == 2
    assert err == ("sphinx-aiguide reviewed: the review data of concept 'Stale One' is "
                   "written in _parts/entry.rst, a file that index.rst includes; it is not "
                   "edited here, since other pages may include it too: edit it by hand; "
                   "nothing was changed\n")
    status, _out, err = reviewed(capsys, str(part))
    assert status == 2
    assert "_parts/entry.rst is not a page but a file that index.rst includes" in err
    assert part.read_bytes() == before


def test_bad_dates_and_missing_projects_are_refused(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for date, reason in (("21 April 2026", "--date '21 April 2026' is not a date of the form "
                                           "YYYY-MM-DD"),
                         ("2026-02-30", "--date '2026-02-30' is not a date of the form "
                                        "YYYY-MM-DD"),
                         ("2026-06-02", "--date 2026-06-02 is after today (2026-06-01)")):
        status, _out, err = reviewed(capsys, "Alignment", "--date", date, "--source",
                                     str(project))
        assert (status, err) == (2, f"sphinx-aiguide reviewed: {reason}; nothing was changed\n")
    status, _out, err = reviewed(capsys, "Alignment", "--by", " ", "--source", str(project))
    assert (status, err) == (2, "sphinx-aiguide reviewed: --by is empty; nothing was changed\n")
    status, _out, err = reviewed(capsys, "glossary/nowhere.rst", "--source", str(project))
    assert (status, err) == (2, "sphinx-aiguide reviewed: glossary/nowhere.rst is no file; "
                                "nothing was changed\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _out, err = reviewed(capsys, "Alignment", "--source", str(empty))
    assert status == 2
    assert "no Sphinx source folder (with a conf.py) found for 'Alignment'" in err
    assert (project / "alignment.rst").read_bytes() == ALIGNMENT.encode("utf-8")


def test_reviewed_as_a_shell_runs_it(project: Path) -> None:
    pair = project / "pair.rst"
    result = run("reviewed", str(pair), "--date", "2026-05-01")
    assert result.returncode == 0, result.stderr
    # a page of two concepts gets a review of its own, which "Second" inherits
    assert result.stdout == f"{pair}:1: last-reviewed: 2026-05-01\n"
    assert pair.read_text(encoding="utf-8") == ":last-reviewed: 2026-05-01\n\n" + PAIR
