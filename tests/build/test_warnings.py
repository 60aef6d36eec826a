"""Bad input: each problem is a typed warning with file and line, and nothing is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import Build, Shared
from ..helpers import Built, copy_root, run_build

#: A review date after this build's today (``aiguide_today``) is no review.
FUTURE = ("last-reviewed 2999-01-01 is after today (2026-11-26): a review date is a day that "
          "has passed, so the entry is shown as not reviewed")
EXPECTED = {
    # option problems are reported at the option's own line
    "bad-rst": [
        ("index.rst:10", "concept: unknown option 'colour' ignored", "aiguide.concept"),
        ("index.rst:9", "unknown reviewer 'nobody': not a key of aiguide_reviewers",
         "aiguide.reviewer"),
        ("index.rst:8", "last-reviewed 'yesterday' is not a date of the form YYYY-MM-DD",
         "aiguide.date"),
        ("index.rst:7", "concept has no summary: its body starts with a list, not a "
         "paragraph; write a first paragraph or give :summary:", "aiguide.concept"),
        ("index.rst:14", "concept has no summary: write a first paragraph or give :summary:",
         "aiguide.concept"),
        ("index.rst:16", "faq has no question: give it as the directive's argument; the "
         "answer is shown as plain text", "aiguide.faq"),
        ("index.rst:20", "faq 'A question with no answer?' has no answer: write it as the "
         "directive's content", "aiguide.faq"),
        ("index.rst:23", FUTURE, "aiguide.date"),
        ("index.rst:1", "unknown reviewer 'ghost': not a key of aiguide_reviewers",
         "aiguide.reviewer"),
        ("index.rst:2", "last-reviewed '2026-13-45' is no such day: there is no month 13",
         "aiguide.date"),
        ("orphan.rst:3", "concept has no term: give it as the directive's argument or put the "
         "concept in a section whose title is the term; it is not registered",
         "aiguide.concept"),
    ],
}
EXPECTED["bad-myst"] = [
    (place.replace(".rst", ".md"), message, subtype) for place, message, subtype in [
        ("index.rst:11", *EXPECTED["bad-rst"][0][1:]),
        ("index.rst:10", *EXPECTED["bad-rst"][1][1:]),
        ("index.rst:9", *EXPECTED["bad-rst"][2][1:]),
        ("index.rst:8", *EXPECTED["bad-rst"][3][1:]),
        ("index.rst:16", *EXPECTED["bad-rst"][4][1:]),
        ("index.rst:19", *EXPECTED["bad-rst"][5][1:]),
        ("index.rst:23", *EXPECTED["bad-rst"][6][1:]),
        ("index.rst:27", *EXPECTED["bad-rst"][7][1:]),
        ("index.rst:2", *EXPECTED["bad-rst"][8][1:]),
        ("index.rst:3", "last-reviewed 'April 2026' is not a date of the form YYYY-MM-DD",
         "aiguide.date"),
        ("orphan.rst:5", *EXPECTED["bad-rst"][10][1:]),
    ]
]


def parse(result: Built) -> list[tuple[str, str, str]]:
    """``(file:line, message, type.subtype)`` for each warning line."""
    found = []
    for line in result.warning_lines():
        place, _, rest = line.partition(": WARNING: ")
        message, _, kind = rest.rpartition(" [")
        found.append((place, message, kind.rstrip("]")))
    return found


@pytest.mark.parametrize("root", sorted(EXPECTED))
def test_each_problem_is_a_typed_warning_with_file_and_line(built: Shared, root: str) -> None:
    assert parse(built(root)) == EXPECTED[root]


@pytest.mark.parametrize("root", sorted(EXPECTED))
def test_nothing_on_the_page_is_lost(built: Shared, root: str) -> None:
    result = built(root)
    html = result.body("index")
    for text in ("a list first, so there is no summary paragraph", "An answer with no question.",
                 "A question with no answer?", "Reviewed in the future.",
                 "Text after everything stays.", 'id="concept-empty"'):
        assert text in html
    assert "A concept with no term and no section around it." in result.body("orphan")
    # the first concept keeps its valid data: the known reviewer, without the bad date
    assert "Reviewed by AI Guide Editors and nobody</p>" in html


@pytest.mark.parametrize("root", sorted(EXPECTED))
def test_suppress_warnings_silences_each_subtype(built: Shared, root: str) -> None:
    subtypes = sorted({kind for _, _, kind in EXPECTED[root]})
    result = built(root, confoverrides={"suppress_warnings": subtypes})
    assert result.warnings == ""
    assert "Text after everything stays." in result.body("index")


@pytest.mark.parametrize("root", sorted(EXPECTED))
def test_dash_w_fails_the_build_without_a_traceback(tmp_path: Path, root: str) -> None:
    srcdir = copy_root(root, tmp_path / "src")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(srcdir), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "[aiguide.concept]" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_invalid_calendar_date_in_myst_front_matter_is_reported(build: Build,
                                                                    tmp_path: Path) -> None:
    """YAML itself rejects ``2026-13-45``; MyST reports it and the page still builds."""
    srcdir = copy_root("bad-myst", tmp_path / "src")
    page = srcdir / "index.md"
    page.write_text(page.read_text().replace("April 2026", "2026-13-45"))
    result = build(srcdir=srcdir)
    assert "index.md:1: WARNING: Malformed YAML [myst.topmatter]" in result.warnings
    assert "Text after everything stays." in result.body("index")


@pytest.fixture(scope="module")
def included(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The include root, built from another working directory."""
    srcdir = copy_root("include", tmp_path_factory.mktemp("include"))
    # docutils names included files relative to the working directory: build from elsewhere
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("elsewhere"))
        return run_build(srcdir)


def test_warnings_name_the_included_file_that_holds_the_concept(included: Built) -> None:
    assert included.warnings == (
        f"{included.srcdir}/_parts/entry.rst:5: WARNING: concept 'Stale One' is stale: last "
        "reviewed by no named reviewer 2521 days ago (2020-01-01); aiguide_review_max_age "
        "is 30 [aiguide.stale]\n")


def test_questions_are_recorded_as_readers_see_them(included: Built) -> None:
    assert 'id="faq-how-does-stale-one-relate-to-beta"' in included.body("index")
    (faq,) = included.domain().faqs_of("index")
    assert faq["question"] == "How does Stale One relate to Beta?"
