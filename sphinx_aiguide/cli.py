"""``sphinx-aiguide``: scaffold a new entry, report on reviews for editors and CI, record one,
or rewrite Sphinx glossaries as concepts (:mod:`.migrate`).

``review`` and ``reviewed`` read the project with Sphinx itself (the ``dummy`` builder
writes nothing), so they see exactly what a build sees: reST and MyST pages, page-level
review data, the reviewer registry and the project's review settings; ``review`` judges
with the build's own rules (:mod:`.review.checks`) and ``reviewed`` finds an entry the way
the extension does (:mod:`.review.locate`). Sphinx is imported only inside those commands,
so ``--help`` and ``new`` start at once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_aiguide._version import __version__
from sphinx_aiguide.review.report import (
    FORMATS,
    Report,
    ReviewRow,
    github,
    json_text,
    markdown,
    order,
    table,
)
from sphinx_aiguide.template import file_stem, render_entry
from sphinx_aiguide.text import fold

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from sphinx.application import Sphinx

    from sphinx_aiguide.review.locate import Target

#: Exit statuses: all is well; something is stale, due or unreviewed; the command could
#: not run (or refused to change a file).
OK, STALE, ERROR = 0, 1, 2


def cmd_new(args: argparse.Namespace) -> int:
    term = fold(args.term)
    if not term:
        print("sphinx-aiguide new: the term is empty", file=sys.stderr)
        return ERROR
    folder = Path(args.dir)
    target = folder / f"{file_stem(term)}.{args.format}"
    if target.exists():
        print(f"sphinx-aiguide new: {target} exists already; not overwritten", file=sys.stderr)
        return ERROR
    if folder.exists() and not folder.is_dir():
        print(f"sphinx-aiguide new: {folder} is not a folder", file=sys.stderr)
        return ERROR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as entry:
            entry.write(render_entry(term, args.format, args.reviewer))
    except OSError as error:
        print(f"sphinx-aiguide new: cannot write {target}: {error.strerror or error}",
              file=sys.stderr)
        return ERROR
    print(target)
    return OK


@contextmanager
def _project(sourcedir: Path) -> Iterator[Sphinx]:
    """The project in *sourcedir*, read as a build reads it; nothing is written."""
    # only the commands that read a project need Sphinx and the extension
    from sphinx.application import Sphinx  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as scratch:
        app = Sphinx(str(sourcedir), str(sourcedir), f"{scratch}/out", f"{scratch}/doctrees",
                     "dummy", status=None, warning=StringIO(), freshenv=True)
        app.build()
        yield app


def collect_reviews(sourcedir: Path, max_age: int | None = None, *, due_within: int = 0,
                    owner: str | None = None, require_review: bool = False) -> Report:
    """Read the project and report on every concept (only *owner*'s, when given).

    *max_age* overrides the project's ``aiguide_review_max_age``; *require_review* adds
    to the project's ``aiguide_require_review``.
    """
    from sphinx_aiguide.config import settings  # noqa: PLC0415
    from sphinx_aiguide.domain import aiguide_domain  # noqa: PLC0415
    from sphinx_aiguide.review.checks import Rules, concept_states  # noqa: PLC0415
    from sphinx_aiguide.review.dates import today  # noqa: PLC0415
    from sphinx_aiguide.review.registry import lookup  # noqa: PLC0415

    with _project(sourcedir) as app:
        current = settings(app.config)
        now = today(current)
        rules = Rules(max_age=current.review_max_age if max_age is None else max_age,
                      every=current.review_every, due_within=due_within)
        wanted = owner.casefold() if owner else None
        rows: list[ReviewRow] = []
        for record, state in concept_states(aiguide_domain(app.env), now, rules):
            owner_name = lookup(current, state.owner).name if state.owner else None
            if wanted is not None and wanted not in {state.owner.casefold(),
                                                     (owner_name or "").casefold()}:
                continue
            rows.append({
                "term": record["term"],
                "file": record["source"],
                "line": record["line"],
                "reviewers": [lookup(current, key).name for key in state.reviewers],
                "last_reviewed": state.last_reviewed or None,
                "age_days": state.age_days,
                "stale": state.stale,
                "review_every": state.every or None,
                "review_due": state.due or None,
                "due": state.is_due,
                "owner": owner_name,
            })
        return Report(order(rows), now, rules.max_age, due_within,
                      require_review or current.require_review)


def _shown(path: Path) -> str:
    """*path* relative to the working folder when it is inside it (as CI annotations want)."""
    absolute = path.resolve()
    here = Path.cwd().resolve()
    return absolute.relative_to(here).as_posix() if absolute.is_relative_to(here) \
        else absolute.as_posix()


def source_problem(sourcedir: Path) -> str:
    """Why *sourcedir* is not a Sphinx source folder (and which folder may be), or ""."""
    if (sourcedir / "conf.py").is_file():
        return ""
    if not sourcedir.exists():
        return f"{sourcedir} does not exist"
    if not sourcedir.is_dir():
        return f"{sourcedir} is not a folder"
    # the sources usually sit in docs/ (or docs/source/) beside the project's own files
    found = sorted({conf.parent for pattern in ("*/conf.py", "*/*/conf.py")
                    for conf in sourcedir.glob(pattern)})
    commands = " or ".join(f"'sphinx-aiguide review {folder}'" for folder in found[:3])
    hint = f"; did you mean {commands}?" if found else ""
    return f"{sourcedir} is not a Sphinx source folder (no conf.py){hint}"


def cmd_review(args: argparse.Namespace) -> int:
    sourcedir = Path(args.sourcedir)
    problem = source_problem(sourcedir)
    if problem:
        print(f"sphinx-aiguide review: {problem}", file=sys.stderr)
        return ERROR
    try:
        report = collect_reviews(sourcedir, args.max_age, due_within=args.due_within,
                                 owner=args.owner, require_review=args.require_review)
    except Exception as error:  # any failure to read the project is reported, not raised
        print(f"sphinx-aiguide review: could not read {sourcedir}: {error}", file=sys.stderr)
        return ERROR
    if args.format == "github":
        text = github(report, lambda file: _shown(sourcedir / file))
    else:
        text = {"json": json_text, "markdown": markdown, "table": table}[args.format](report)
    if text:
        print(text)
    return STALE if report.failed else OK


def _find_sourcedir(path: Path | None) -> Path | None:
    """The nearest folder above *path* with a conf.py; for a term, ``.``, ``docs``, ``doc``."""
    folders = path.resolve().parents if path is not None \
        else [Path.cwd(), Path.cwd() / "docs", Path.cwd() / "doc"]
    return next((folder for folder in folders if (folder / "conf.py").is_file()), None)


def _refuse(message: str) -> int:
    print(f"sphinx-aiguide reviewed: {message}; nothing was changed", file=sys.stderr)
    return ERROR


def cmd_reviewed(args: argparse.Namespace) -> int:
    from sphinx_aiguide.config import settings  # noqa: PLC0415
    from sphinx_aiguide.review.dates import iso_date, today  # noqa: PLC0415
    from sphinx_aiguide.review.locate import Refusal, locate_path, locate_term  # noqa: PLC0415

    named = Path(args.target)
    is_path = named.is_file()
    if not is_path and (named.suffix in {".rst", ".md", ".txt"} or "/" in args.target):
        return _refuse(f"{args.target} is no file")
    sourcedir = Path(args.source) if args.source else _find_sourcedir(named if is_path else None)
    if sourcedir is None or not (sourcedir / "conf.py").is_file():
        return _refuse(f"no Sphinx source folder (with a conf.py) found for {args.target!r}; "
                       "give it with --source")
    if args.date is not None and not iso_date(args.date):
        return _refuse(f"--date {args.date!r} is not a date of the form YYYY-MM-DD")
    by = fold(args.by) if args.by is not None else ""
    if args.by is not None and not by:
        return _refuse("--by is empty")
    try:
        with _project(sourcedir) as app:
            target = locate_path(app, named) if is_path else locate_term(app, args.target)
            now = today(settings(app.config))
    except Refusal as refusal:
        return _refuse(str(refusal))
    except Exception as error:  # any failure to read the project is reported, not raised
        return _refuse(f"could not read {sourcedir}: {error}")
    day = args.date.strip() if args.date else now.isoformat()
    if day > now.isoformat():
        return _refuse(f"--date {day} is after today ({now.isoformat()})")
    values = {"reviewed-by": by, "last-reviewed": day} if by else {"last-reviewed": day}
    return _record(target, values)


def _record(target: Target, values: dict[str, str]) -> int:
    """Write *values* where *target* says, all at once, and say what changed."""
    from sphinx_aiguide.review.edit import (  # noqa: PLC0415
        EditError,
        record_in_concept,
        record_in_page,
    )
    from sphinx_aiguide.review.write import is_read_only, write_file  # noqa: PLC0415

    shown = _shown(target.file)
    try:
        if is_read_only(target.file):
            return _refuse(f"{shown} is read-only")
        text = target.file.read_bytes().decode("utf-8")
        if target.kind == "concept" and target.line is not None:
            new, changes = record_in_concept(text, target.line, values, target.syntax)
        else:
            new, changes = record_in_page(text, target.line, values, target.syntax)
        write_file(target.file, new.encode("utf-8"))
    except UnicodeDecodeError:
        return _refuse(f"{shown} is not UTF-8 text")
    except EditError as error:
        return _refuse(f"cannot record the review of {target.label} in {shown}: {error}")
    except OSError as error:
        return _refuse(f"cannot write {shown}: {error.strerror or error}")
    for change in changes:
        was = f" (was {change.old})" if change.old else ""
        print(f"{shown}:{change.line}: {change.name}: {values[change.name]}{was}")
    return OK


def _days(text: str) -> int:
    """A number of days, zero or more."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days")
    return int(text)


def days(text: str) -> int:
    """A positive whole number of days, as ``--max-age`` takes it."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a positive number of days, not {text!r}")
    return int(text)


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
    """The command line: ``new``, ``review``, ``reviewed`` and ``migrate``."""
    main_parser = argparse.ArgumentParser(
        prog="sphinx-aiguide", description="Write and check AI glossary entries.")
    main_parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main_parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="write a new entry from a template")
    new.add_argument("term", help="the term the entry defines")
    new.add_argument("--dir", default=".", help="folder to write it in (default: here)")
    new.add_argument("--format", choices=("rst", "md"), default="rst")
    new.add_argument("--reviewer", default="", help="reviewer registry key or name")
    new.set_defaults(run=cmd_new)
    review = commands.add_parser(
        "review", help="list every concept's review, never reviewed and oldest first; "
                       "exit status 1 if any is stale, due or (when required) unreviewed")
    review.add_argument("sourcedir", help="the Sphinx source folder (with conf.py)")
    review.add_argument("--max-age", type=days, default=None, metavar="DAYS",
                        help="days (default: the project's aiguide_review_max_age)")
    review.add_argument("--due-within", type=_days, default=0, metavar="DAYS",
                        help="entries falling due within DAYS days count as due already")
    review.add_argument("--owner", metavar="WHO",
                        help="only the entries of this owner (registry key or name)")
    review.add_argument("--format", choices=FORMATS, default="table",
                        help="table (default), json, markdown, or github (workflow "
                             "commands that annotate the files)")
    review.add_argument("--json", dest="format", action="store_const", const="json",
                        help="the same as --format json")
    review.add_argument("--require-review", action="store_true",
                        help="entries without a review date or a reviewer fail too "
                             "(default: the project's aiguide_require_review)")
    review.set_defaults(run=cmd_review)
    reviewed = commands.add_parser(
        "reviewed", help="record a review: set last-reviewed (and reviewed-by) where the "
                         "entry's review data is written")
    reviewed.add_argument("target", metavar="PATH|TERM",
                          help="the entry's file, or its term (or an alias)")
    reviewed.add_argument("--by", metavar="WHO",
                          help="who reviewed it (registry keys or names, comma-separated)")
    reviewed.add_argument("--date", metavar="YYYY-MM-DD", help="the review date "
                          "(default: today, as the project counts it)")
    reviewed.add_argument("--source", metavar="SOURCEDIR",
                          help="the Sphinx source folder (default: the nearest folder with "
                               "a conf.py above PATH; for a TERM the working folder, "
                               "docs/ or doc/)")
    reviewed.set_defaults(run=cmd_reviewed)
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
