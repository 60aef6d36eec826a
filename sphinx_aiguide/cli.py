"""``sphinx-aiguide``: scaffold a new entry, report review ages for editors and CI, or
rewrite Sphinx glossaries as concepts (:mod:`.migrate`).

``review`` reads the project with Sphinx itself (the ``dummy`` builder writes nothing), so
it sees exactly what a build sees: reST and MyST pages, page-level review data, the
reviewer registry and the project's ``aiguide_review_max_age``; and it judges staleness
with the build's own rules (:mod:`.review.checks`). Sphinx is imported only then, so
``--help`` and ``new`` start at once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from datetime import date
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from docutils.utils import column_width

from sphinx_aiguide.text import fold, slugify

if TYPE_CHECKING:
    from collections.abc import Sequence


class ReviewRow(TypedDict):
    """One concept in the review report."""

    term: str
    file: str
    line: int
    reviewers: list[str]
    last_reviewed: str | None
    age_days: int | None
    stale: bool


#: Exit statuses: everything fresh, something stale, the command could not run.
OK, STALE, ERROR = 0, 1, 2
_PLAIN_YAML = re.compile(r"[\w][\w .'-]*")

RST_TEMPLATE = """\
{fields}
{term}
{underline}

.. Add :aliases:, :tags: and :related: options to the concept as you need them.

.. concept::

   {summary}

   {indepth}

.. faq:: {question}

   {answer}
"""

MD_TEMPLATE = """\
---
{fields}---
# {term}

<!-- Add :aliases:, :tags: and :related: options to the concept as you need them. -->

```{{concept}}
{summary}

{indepth}
```

```{{faq}} {question}
{answer}
```
"""


def _placeholders(term: str) -> dict[str, str]:
    return {
        "summary": f"One or two sentences that define {term} for a newcomer: this first "
                   "paragraph is the summary.",
        "indepth": "The in-depth explanation: how it works, why it matters, examples.",
        "question": f"What do readers most often ask about {term}?",
        "answer": "The answer, in a few sentences.",
    }


def render_entry(term: str, fmt: str, reviewer: str, today: date) -> str:
    """The text of a new entry for *term* in ``rst`` or ``md``."""
    if fmt == "rst":
        fields = (f":reviewed-by: {reviewer}\n" if reviewer else "") + \
            f":last-reviewed: {today.isoformat()}\n"
        return RST_TEMPLATE.format(fields=fields, term=term,
                                   underline="=" * column_width(term), **_placeholders(term))
    who = reviewer if _PLAIN_YAML.fullmatch(reviewer) else json.dumps(reviewer)
    fields = (f"reviewed-by: {who}\n" if reviewer else "") + \
        f"last-reviewed: {today.isoformat()}\n"
    return MD_TEMPLATE.format(fields=fields, term=term, **_placeholders(term))


def cmd_new(args: argparse.Namespace) -> int:
    term = fold(args.term)
    if not term:
        print("sphinx-aiguide new: the term is empty", file=sys.stderr)
        return ERROR
    folder = Path(args.dir)
    if not folder.is_dir():
        print(f"sphinx-aiguide new: {folder} is not a folder", file=sys.stderr)
        return ERROR
    target = folder / f"{slugify(term)}.{args.format}"
    if target.exists():
        print(f"sphinx-aiguide new: {target} exists already; not overwritten", file=sys.stderr)
        return ERROR
    target.write_text(render_entry(term, args.format, args.reviewer, date.today()),
                      encoding="utf-8")
    print(target)
    return OK


def collect_reviews(sourcedir: Path,
                    max_age: int | None = None) -> tuple[list[ReviewRow], int | None, date]:
    """Read the project; return one row per concept, the max age applied, and today.

    *max_age* overrides the project's ``aiguide_review_max_age``.
    """
    # only this command needs Sphinx and the extension
    from sphinx.application import Sphinx  # noqa: PLC0415

    from sphinx_aiguide.config import settings  # noqa: PLC0415
    from sphinx_aiguide.domain import aiguide_domain  # noqa: PLC0415
    from sphinx_aiguide.review.checks import concept_states  # noqa: PLC0415
    from sphinx_aiguide.review.dates import today  # noqa: PLC0415
    from sphinx_aiguide.review.registry import lookup  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as scratch:
        app = Sphinx(str(sourcedir), str(sourcedir), f"{scratch}/out", f"{scratch}/doctrees",
                     "dummy", status=None, warning=StringIO(), freshenv=True)
        app.build()
        current = settings(app.config)
        now = today(current)
        if max_age is None:
            max_age = current.review_max_age
        rows: list[ReviewRow] = [{
            "term": record["term"],
            "file": record["source"],
            "line": record["line"],
            "reviewers": [lookup(current, key).name for key in state.reviewers],
            "last_reviewed": state.last_reviewed or None,
            "age_days": state.age_days,
            "stale": state.stale,
        } for record, state in concept_states(aiguide_domain(app.env), now, max_age)]
    # never reviewed first, then the oldest review
    rows.sort(key=lambda row: (row["age_days"] is not None, -(row["age_days"] or 0),
                               row["term"].casefold()))
    return rows, max_age, now


def _table(rows: list[ReviewRow]) -> str:
    header = ("AGE", "LAST REVIEWED", "REVIEWERS", "TERM", "FILE")
    lines = [header] + [(
        "never" if row["age_days"] is None else f"{row['age_days']}d",
        row["last_reviewed"] or "-",
        ", ".join(row["reviewers"]) or "-",
        row["term"] + (" (stale)" if row["stale"] else ""),
        f"{row['file']}:{row['line']}",
    ) for row in rows]
    widths = [max(column_width(line[i]) for line in lines) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell + " " * (widths[i] - column_width(cell)) if i < len(widths) else cell
                  for i, cell in enumerate(line)).rstrip()
        for line in lines)


def cmd_review(args: argparse.Namespace) -> int:
    sourcedir = Path(args.sourcedir)
    if not (sourcedir / "conf.py").is_file():
        print(f"sphinx-aiguide review: {sourcedir} is not a Sphinx source folder "
              "(no conf.py)", file=sys.stderr)
        return ERROR
    try:
        rows, max_age, now = collect_reviews(sourcedir, args.max_age)
    except Exception as error:  # any failure to read the project is reported, not raised
        print(f"sphinx-aiguide review: could not read {sourcedir}: {error}", file=sys.stderr)
        return ERROR
    if args.json:
        print(json.dumps({"today": now.isoformat(), "max_age": max_age, "concepts": rows},
                         ensure_ascii=False, indent=2))
    else:
        print(_table(rows) if rows else "No concepts found.")
        stale = sum(row["stale"] for row in rows)
        if max_age is not None:
            print(f"\n{stale} of {len(rows)} concepts reviewed more than {max_age} days "
                  f"before {now.isoformat()}.")
    return STALE if any(row["stale"] for row in rows) else OK


def cmd_migrate(args: argparse.Namespace) -> int:
    sourcedir = Path(args.sourcedir)
    if not (sourcedir / "conf.py").is_file():
        print(f"sphinx-aiguide migrate: {sourcedir} is not a Sphinx source folder "
              "(no conf.py)", file=sys.stderr)
        return ERROR
    from sphinx_aiguide import migrate  # noqa: PLC0415 - reads the project with Sphinx

    try:
        return migrate.run(sourcedir, write=args.write, out=sys.stdout, err=sys.stderr)
    except Exception as error:  # any failure to read the project is reported, not raised
        print(f"sphinx-aiguide migrate: could not read {sourcedir}: {error}", file=sys.stderr)
        return ERROR


def parser() -> argparse.ArgumentParser:
    """The command line: ``new``, ``review`` and ``migrate``."""
    main_parser = argparse.ArgumentParser(
        prog="sphinx-aiguide", description="Write and check AI glossary entries.")
    commands = main_parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="write a new entry from a template")
    new.add_argument("term", help="the term the entry defines")
    new.add_argument("--dir", default=".", help="folder to write it in (default: here)")
    new.add_argument("--format", choices=("rst", "md"), default="rst")
    new.add_argument("--reviewer", default="", help="reviewer registry key or name")
    new.set_defaults(run=cmd_new)
    review = commands.add_parser(
        "review", help="list review ages, oldest first; exit status 1 if any is stale")
    review.add_argument("sourcedir", help="the Sphinx source folder (with conf.py)")
    review.add_argument("--max-age", type=int, default=None,
                        help="days (default: the project's aiguide_review_max_age)")
    review.add_argument("--json", action="store_true", help="print JSON instead of a table")
    review.set_defaults(run=cmd_review)
    migrate = commands.add_parser(
        "migrate", help="rewrite Sphinx glossaries as concept directives; print the diff")
    migrate.add_argument("sourcedir", help="the Sphinx source folder (with conf.py)")
    migrate.add_argument("--write", action="store_true",
                         help="change the files (without it, only the diff is printed)")
    migrate.set_defaults(run=cmd_migrate)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = parser().parse_args(argv)
    status: int = args.run(args)
    return status
