"""``sphinx-aiguide migrate``: rewrite a project's Sphinx glossaries as ``concept`` directives.

Sphinx reads the project first (:mod:`.project`), so only real glossaries are touched and
each entry is judged by what Sphinx makes of it; the text of each glossary is then
rewritten entry by entry (:mod:`.source`). An entry that cannot become a concept without
losing something stays a glossary entry, byte for byte, and is reported with its file and
line. Nothing is written without ``write``; a second run finds nothing left to change.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_aiguide.migrate.project import ProjectError, SeenEntry, SeenGlossary, read_project
from sphinx_aiguide.migrate.source import (
    Block,
    Comment,
    Entry,
    parse_block,
    render_comment,
    render_concept,
    render_glossary,
)
from sphinx_aiguide.text import split_list, stacked_aliases, term_key

if TYPE_CHECKING:
    from typing import TextIO

#: Exit statuses: all converted, some entries left as they are, the command could not run.
OK, LEFT, ERROR = 0, 1, 2


@dataclass(frozen=True)
class Problem:
    """Something left as it is, and why."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{os.path.relpath(self.path)}:{self.line}: {self.message}"


@dataclass
class Plan:
    """What a run changes: each file's new text, and what it leaves and why."""

    #: path -> (old text, new text), only files that change.
    changes: dict[Path, tuple[str, str]]
    problems: list[Problem]
    #: Entries that become concepts, and entries left as they are.
    converted: int = 0
    left: int = 0


def _reason(entry: Entry, seen: SeenEntry, block: Block,
            known: dict[str, tuple[Path, int]]) -> str:
    """Why *entry* cannot become a concept without losing something ("" when it can)."""
    if seen.troubled:
        return "Sphinx reports a problem in its term"
    for written, name in zip(seen.written, seen.names, strict=True):
        if written != name:
            return f"its term {written!r} has inline markup, which a concept's name cannot carry"
    if seen.keys:
        return f"its term has an index key ({seen.keys[0]!r}), which a concept cannot carry"
    if entry.irregular:
        return entry.irregular
    if seen.starts_with == "":
        return "it has no definition, so its concept would have no summary"
    if seen.starts_with:
        return (f"its definition starts with {seen.starts_with}, not a paragraph, so its "
                "concept would have no summary")
    for alias in stacked_aliases(seen.names):
        if split_list(alias) != [alias] or (block.syntax == "md" and "#" in alias):
            return f"its term {alias!r} cannot be written in :aliases: (commas, quotes, #)"
    for name in seen.names:
        if term_key(name) in known:
            where, line = known[term_key(name)]
            return f"{name!r} is also defined in {os.path.relpath(where)}:{line}"
    return ""


def _rewrite(block: Block, seen: SeenGlossary, reasons: list[str]) -> list[str]:
    """The lines that replace *block*: concepts, comments, and glossaries of what stays."""
    groups: list[tuple[list[Comment], Entry, SeenEntry, str]] = []
    comments: list[Comment] = []
    entries = iter(zip(block.entries, seen.entries, reasons, strict=True))
    for chunk in block.chunks:
        if isinstance(chunk, Comment):
            comments.append(chunk)
        else:
            entry, seen_entry, reason = next(entries)
            groups.append((comments, entry, seen_entry, reason))
            comments = []
    if seen.sorted:  # the order readers saw; comments move with the entry they precede
        groups.sort(key=lambda group: group[2].sort_key)
    out: list[str] = []
    kept: list[Entry] = []

    def add(lines: list[str]) -> None:
        out.extend([""] * bool(out) + lines)

    def flush() -> None:
        if kept:
            add(render_glossary(block, kept))
            kept.clear()

    for before, entry, seen_entry, reason in groups:
        if before:
            flush()
        for comment in before:
            add(render_comment(block, comment))
        if reason:
            kept.append(entry)
        else:
            flush()
            add(render_concept(block, seen_entry.names[0], stacked_aliases(seen_entry.names),
                               entry))
    flush()
    for comment in comments:
        add(render_comment(block, comment))
    return out


def plan(sourcedir: Path) -> Plan:
    """Read the project in *sourcedir* and work out every change; raise ProjectError."""
    project = read_project(sourcedir)
    known: dict[str, tuple[Path, int]] = {}
    for name, where, line in project.concepts:
        known.setdefault(term_key(name), (where, line))
    result = Plan({}, [])
    by_file: dict[Path, list[SeenGlossary]] = {}
    for glossary in project.glossaries:
        by_file.setdefault(glossary.source, []).append(glossary)
    root = Path(os.path.abspath(sourcedir))  # noqa: PTH100 - as project.py names files
    for path, glossaries in by_file.items():
        if not path.is_relative_to(root):
            result.problems += [Problem(path, g.line, "glossary outside the source folder "
                                        "left as it is") for g in glossaries]
            continue
        with path.open(encoding="utf-8", newline="") as file:  # keeps "\r\n" as written
            text = file.read()
        lines = text.splitlines()
        # in source order, so that the first of two entries with one name is the one
        # converted; replaced from the last, so that earlier lines stay where they are
        planned = [_plan_block(path, lines, glossary, known, result) for glossary in glossaries]
        replaced = list(lines)
        for start, end, block_lines in reversed([new for new in planned if new is not None]):
            replaced[start:end] = block_lines
        if replaced != lines:
            newline = "\r\n" if "\r\n" in text else "\n"
            ending = newline if text.endswith(("\n", "\r")) else ""
            result.changes[path] = (text, newline.join(replaced) + ending)
    return result


def _plan_block(path: Path, lines: list[str], glossary: SeenGlossary,
                known: dict[str, tuple[Path, int]],
                result: Plan) -> tuple[int, int, list[str]] | None:
    """``(start, end, new lines)`` for one glossary, or ``None`` when it stays as it is."""
    block = parse_block(lines, glossary.line - 1, "rst") or \
        parse_block(lines, glossary.line - 1, "md")
    matches = block is not None and len(block.entries) == len(glossary.entries) and all(
        [term.rstrip() for term in entry.terms] == [line.rstrip() for line in seen.lines]
        for entry, seen in zip(block.entries, glossary.entries, strict=False))
    if block is None or not matches or glossary.complaints:
        why = (f"Sphinx reports a problem in it ({glossary.complaints[0]})"
               if glossary.complaints else "its text is not what Sphinx reads here")
        result.problems.append(Problem(path, glossary.line, f"glossary left as it is: {why}"))
        return None
    reasons = []
    for entry, seen in zip(block.entries, glossary.entries, strict=True):
        reason = _reason(entry, seen, block, known)
        for name in seen.names:
            known.setdefault(term_key(name), (path, entry.first + 1))
        reasons.append(reason)
        if reason:
            result.left += 1
            result.problems.append(Problem(
                path, entry.first + 1,
                f"glossary entry {seen.names[0]!r} left as it is: {reason}"))
    if all(reasons):
        return None
    result.converted += reasons.count("")
    return block.start, block.end, _rewrite(block, glossary, reasons)


def run(sourcedir: Path, *, write: bool, out: TextIO, err: TextIO) -> int:
    """Print the diff (and write it with *write*); report what stays. Returns the status."""
    try:
        result = plan(sourcedir)
    except ProjectError as error:
        print(f"sphinx-aiguide migrate: {error}", file=err)
        return ERROR
    for path, (old, new) in result.changes.items():
        name = os.path.relpath(path)
        out.writelines(difflib.unified_diff(old.splitlines(keepends=True),
                                            new.splitlines(keepends=True),
                                            f"a/{name}", f"b/{name}"))
        if write:
            path.write_text(new, encoding="utf-8", newline="")
    for problem in sorted(result.problems, key=lambda p: (str(p.path), p.line)):
        print(problem, file=err)
    done = "converted" if write else "to convert (run again with --write)"
    print(f"{result.converted} glossary entries in {len(result.changes)} files {done}; "
          f"{result.left} left as they are",
          file=err)
    return LEFT if result.problems else OK
