"""What the project stores of each entry, and where in the sources it came from.

Records are plain dicts of strings and lists, so that the pickled environment stays
small and parallel reads can merge them; warnings name a record's file and line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from sphinx_aiguide.nodes import plain_text
from sphinx_aiguide.text import fold

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class ConceptRecord(TypedDict):
    """What the project knows of one concept."""

    term: str
    #: What the concept is sorted and filed under in A–Z listings ("" : the term).
    sort_as: str
    docname: str
    id: str
    line: int
    summary: str
    aliases: list[str]
    tags: list[str]
    related: list[str]
    #: The concept's own review data; :func:`.review.effective_review` adds the page's.
    reviewers: list[str]
    last_reviewed: str
    #: The concept's own review interval (``6 months``), or "" to take the page's.
    review_every: str
    #: The concept's own owner (registry key or plain name), or "" to take the page's.
    owner: str
    #: The file the concept is written in (the page, or a file it includes), relative to
    #: the source folder so that the stored data does not depend on where the project is.
    source: str


class FaqRecord(TypedDict):
    """One question, its plain-text answer and the concept it belongs to (term or "")."""

    question: str
    answer: str
    id: str
    line: int
    concept: str


class PageReview(TypedDict):
    """Page-level review data from file-wide metadata."""

    reviewers: list[str]
    last_reviewed: str
    review_every: str
    owner: str
    #: The file the fields are written in (the page, or a file it includes at its top).
    source: str
    line: int


def place(env: BuildEnvironment, record: ConceptRecord | PageReview) -> str:
    """``file:line`` of a record, for warnings (an included file is named, not the page)."""
    return f"{env.srcdir / record['source']}:{record['line']}"


def relative_source(env: BuildEnvironment, source: str) -> str:
    """*source* relative to the source folder (absolute when outside it).

    docutils names an included file relative to the working directory, which need not be
    the source folder; the path is made absolute first.
    """
    path = Path(os.path.abspath(source))  # noqa: PTH100 - normalises "..", unlike resolve()
    srcdir = Path(os.path.abspath(env.srcdir))  # noqa: PTH100
    return path.relative_to(srcdir).as_posix() if path.is_relative_to(srcdir) \
        else path.as_posix()


def page_title(env: BuildEnvironment, docname: str, default: str = "") -> str:
    """The title of *docname* as plain text, or *default* when it has none."""
    title = env.titles.get(docname)
    return fold(plain_text(title)) if title is not None else default
