"""The review report as text: its order, its problems and its four formats."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sphinx_aiguide.review.report import Report, ReviewRow, github, json_text, markdown, order
from sphinx_aiguide.review.report import table as table_text

TODAY = date(2026, 6, 1)


def row(term: str, **fields: Any) -> ReviewRow:
    values: dict[str, Any] = {
        "term": term, "file": "glossary/x.rst", "line": 7, "reviewers": ["Harsh Desai"],
        "last_reviewed": "2026-01-10", "age_days": 142, "stale": False, "review_every": None,
        "review_due": None, "due": False, "owner": None}
    values.update(fields)
    return values  # type: ignore[return-value]


ROWS = order([
    row("Fresh", age_days=10, last_reviewed="2026-05-22"),
    row("Due, Soon | Now", review_every="6 months", review_due="2026-05-31", due=True,
        owner="Jo Roe", file="a,b:c.rst", line=3),
    row("Never", reviewers=[], last_reviewed=None, age_days=None),
    row("Stale", stale=True, age_days=400, last_reviewed="2025-04-27"),
    row("Ahead", review_every="1 year", review_due="2026-06-10", due=True, reviewers=[]),
])


def report(**rules: Any) -> Report:
    values: dict[str, Any] = {"max_age": 365, "due_within": 14, "require_review": False}
    values.update(rules)
    return Report(ROWS, TODAY, **values)


def test_never_reviewed_first_then_the_oldest() -> None:
    # equal ages: by term
    assert [r["term"] for r in ROWS] == ["Never", "Stale", "Ahead", "Due, Soon | Now", "Fresh"]


def test_problems_and_exit() -> None:
    plain = report()
    assert [plain.problems(r) for r in ROWS] == [[], ["stale"], ["due"], ["due"], []]
    assert plain.failed
    strict = report(require_review=True)
    assert [strict.problems(r) for r in ROWS] == [
        ["unreviewed"], ["stale"], ["due", "unreviewed"], ["due"], []]
    calm = Report([ROWS[0], ROWS[-1]], TODAY, None, 0, False)
    assert not calm.failed
    assert Report([ROWS[0]], TODAY, None, 0, True).failed


def test_table_lines_up_and_counts() -> None:
    assert table_text(report()).splitlines() == [
        "STATUS  AGE    LAST REVIEWED  DUE         REVIEWERS    OWNER   TERM             FILE",
        "ok      never  -              -           -            -       Never            "
        "glossary/x.rst:7",
        "stale   400d   2025-04-27     -           Harsh Desai  -       Stale            "
        "glossary/x.rst:7",
        "due     142d   2026-01-10     2026-06-10  -            -       Ahead            "
        "glossary/x.rst:7",
        "due     142d   2026-01-10     2026-05-31  Harsh Desai  Jo Roe  Due, Soon | Now  "
        "a,b:c.rst:3",
        "ok      10d    2026-05-22     -           Harsh Desai  -       Fresh            "
        "glossary/x.rst:7",
        "",
        "5 concepts: 1 reviewed more than 365 days before 2026-06-01; 2 due for review by "
        "2026-06-15; 1 never reviewed.",
    ]
    assert table_text(Report([], TODAY, None, 0, False)) == "No concepts found."


def test_markdown_escapes_the_cells() -> None:
    lines = markdown(report(require_review=True)).splitlines()
    assert lines[:2] == [
        "| Status | Age | Last reviewed | Due | Reviewers | Owner | Term | File |",
        "|---|---|---|---|---|---|---|---|"]
    assert lines[4] == ("| due, unreviewed | 142d | 2026-01-10 | 2026-06-10 | - | - | Ahead | "
                        "glossary/x.rst:7 |")
    assert lines[5] == ("| due | 142d | 2026-01-10 | 2026-05-31 | Harsh Desai | Jo Roe | "
                        "Due, Soon \\| Now | a,b:c.rst:3 |")
    assert lines[-1].endswith("; 2 without a review date or a reviewer.")


def test_github_annotates_each_entry_with_a_problem() -> None:
    lines = github(report(require_review=True), lambda file: f"docs/{file}").splitlines()
    assert lines == [
        "::warning file=docs/glossary/x.rst,line=7,title=Not reviewed::Never: no review date "
        "and no reviewer",
        "::warning file=docs/glossary/x.rst,line=7,title=Stale review::Stale: last reviewed "
        "400 days ago (2025-04-27), more than the 365 days allowed; reviewed by Harsh Desai",
        "::warning file=docs/glossary/x.rst,line=7,title=Review due::Ahead: falls due for "
        "review on 2026-06-10 (reviewed every 1 year); no reviewer",
        # commas and colons in a property would end it: they are escaped
        "::warning file=docs/a%2Cb%3Ac.rst,line=3,title=Review due::Due, Soon | Now: was due "
        "for review on 2026-05-31 (reviewed every 6 months); reviewed by Harsh Desai; "
        "owner: Jo Roe",
    ]
    assert github(Report([ROWS[-1]], TODAY, None, 0, True), str) == ""


def test_github_messages_stay_on_one_line() -> None:
    odd = Report([row("Line\nbreak 100%", stale=True)], TODAY, 30, 0, False)
    assert github(odd, str) == ("::warning file=glossary/x.rst,line=7,title=Stale review::"
                                "Line%0Abreak 100%25: last reviewed 142 days ago (2026-01-10), "
                                "more than the 30 days allowed; reviewed by Harsh Desai")


def test_json_keeps_the_rules_beside_the_rows() -> None:
    data = json.loads(json_text(report()))
    assert {key: data[key] for key in ("today", "max_age", "due_within", "require_review")} \
        == {"today": "2026-06-01", "max_age": 365, "due_within": 14, "require_review": False}
    assert data["concepts"] == ROWS
