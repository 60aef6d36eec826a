"""The report of ``sphinx-aiguide review``: one row per concept, in four formats.

The rows come from the build's own rules (:mod:`.checks`, through the command line, which
reads the project with Sphinx); this module only orders and prints them, and imports no
Sphinx. ``github`` prints workflow commands, which GitHub Actions turns into annotations
on the files of a pull request or a run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from collections.abc import Callable

FORMATS = ("table", "json", "markdown", "github")


class ReviewRow(TypedDict):
    """One concept in the review report."""

    term: str
    #: The file the concept is written in, relative to the source folder.
    file: str
    line: int
    #: Reviewer names, as readers see them.
    reviewers: list[str]
    last_reviewed: str | None
    age_days: int | None
    stale: bool
    #: The interval that applies (``6 months``), or ``None``.
    review_every: str | None
    review_due: str | None
    #: Due on the report's day (or within its ``due_within`` days).
    due: bool
    owner: str | None


@dataclass(frozen=True)
class Report:
    """Every concept's review on one day, and the rules it was judged by."""

    rows: list[ReviewRow]
    today: date
    max_age: int | None
    due_within: int
    #: A concept without a review date or a reviewer counts as a problem.
    require_review: bool

    def problems(self, row: ReviewRow) -> list[str]:
        """What is wrong with *row*: ``stale``, ``due``, ``unreviewed``."""
        found = []
        if row["stale"]:
            found.append("stale")
        if row["due"]:
            found.append("due")
        if self.require_review and not (row["last_reviewed"] and row["reviewers"]):
            found.append("unreviewed")
        return found

    @property
    def failed(self) -> bool:
        """Whether any concept is stale, due or (when required) unreviewed."""
        return any(self.problems(row) for row in self.rows)

    def summary(self) -> str:
        """One sentence of counts."""
        rows = self.rows
        parts = []
        if self.max_age is not None:
            stale = sum(row["stale"] for row in rows)
            parts.append(f"{stale} reviewed more than {self.max_age} days before "
                         f"{self.today.isoformat()}")
        if any(row["review_due"] for row in rows):
            horizon = self.today + timedelta(days=self.due_within)
            parts.append(f"{sum(row['due'] for row in rows)} due for review by "
                         f"{horizon.isoformat()}")
        parts.append(f"{sum(row['last_reviewed'] is None for row in rows)} never reviewed")
        if self.require_review:
            unreviewed = sum("unreviewed" in self.problems(row) for row in rows)
            parts.append(f"{unreviewed} without a review date or a reviewer")
        noun = "concept" if len(rows) == 1 else "concepts"
        return f"{len(rows)} {noun}: {'; '.join(parts)}."


def order(rows: list[ReviewRow]) -> list[ReviewRow]:
    """Never reviewed first, then the oldest review first, then by term."""
    return sorted(rows, key=lambda row: (row["age_days"] is not None, -(row["age_days"] or 0),
                                         row["term"].casefold()))


_HEADER = ("STATUS", "AGE", "LAST REVIEWED", "DUE", "REVIEWERS", "OWNER", "TERM", "FILE")


def _cells(report: Report, row: ReviewRow) -> tuple[str, ...]:
    return (
        ", ".join(report.problems(row)) or "ok",
        "never" if row["age_days"] is None else f"{row['age_days']}d",
        row["last_reviewed"] or "-",
        row["review_due"] or "-",
        ", ".join(row["reviewers"]) or "-",
        row["owner"] or "-",
        row["term"],
        f"{row['file']}:{row['line']}",
    )


def table(report: Report) -> str:
    """Columns aligned for a terminal (wide characters count double), then the summary."""
    from docutils.utils import column_width  # noqa: PLC0415 - keeps the CLI's start cheap

    if not report.rows:
        return "No concepts found."
    lines = [_HEADER, *(_cells(report, row) for row in report.rows)]
    widths = [max(column_width(line[i]) for line in lines) for i in range(len(_HEADER) - 1)]
    text = "\n".join(
        "  ".join(cell + " " * (widths[i] - column_width(cell)) if i < len(widths) else cell
                  for i, cell in enumerate(line)).rstrip()
        for line in lines)
    return f"{text}\n\n{report.summary()}"


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(report: Report) -> str:
    """A Markdown table (for an issue, a pull request or a job summary), then the summary."""
    if not report.rows:
        return "No concepts found."
    lines = ["| " + " | ".join(name.capitalize() for name in _HEADER) + " |",
             "|" + "---|" * len(_HEADER)]
    for row in report.rows:
        lines.append("| " + " | ".join(map(_markdown_cell, _cells(report, row))) + " |")
    return "\n".join(lines) + f"\n\n{report.summary()}"


def json_text(report: Report) -> str:
    """The rows and the rules as JSON, for dashboards and bots."""
    return json.dumps({"today": report.today.isoformat(), "max_age": report.max_age,
                       "due_within": report.due_within,
                       "require_review": report.require_review, "concepts": report.rows},
                      ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_TITLES = {"stale": "Stale review", "due": "Review due", "unreviewed": "Not reviewed"}


def _message(report: Report, row: ReviewRow, problems: list[str]) -> str:
    said = []
    if "stale" in problems:
        said.append(f"last reviewed {row['age_days']} days ago ({row['last_reviewed']}), "
                    f"more than the {report.max_age} days allowed")
    if "due" in problems:
        due = row["review_due"] or ""
        verb = "was due" if due <= report.today.isoformat() else "falls due"
        said.append(f"{verb} for review on {due} (reviewed every {row['review_every']})")
    if "unreviewed" in problems:
        missing = [name for name, value in (("review date", row["last_reviewed"]),
                                            ("reviewer", row["reviewers"])) if not value]
        said.append("no " + " and no ".join(missing))
    if row["reviewers"]:
        said.append(f"reviewed by {', '.join(row['reviewers'])}")
    if row["owner"]:
        said.append(f"owner: {row['owner']}")
    return f"{row['term']}: {'; '.join(said)}"


def github(report: Report, path: Callable[[str], str]) -> str:
    """One ``::warning`` workflow command per concept with a problem.

    *path* turns a row's file (relative to the source folder) into the path GitHub
    expects: relative to the repository's root, where the job runs.
    """
    lines = []
    for row in report.rows:
        problems = report.problems(row)
        if problems:
            properties = {"file": path(row["file"]), "line": str(row["line"]),
                          "title": _TITLES[problems[0]]}
            head = ",".join(f"{key}={_escape_property(value)}"
                            for key, value in properties.items())
            lines.append(f"::warning {head}::{_escape_data(_message(report, row, problems))}")
    return "\n".join(lines)
