"""A page's own review data: the file-wide ``reviewed-by`` and ``last-reviewed`` fields.

reST field lists at the top of a file and MyST front matter both become the same
``docinfo`` node, so one transform reads both, records the data in the domain and prints
the page's byline at its end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_aiguide import priorities
from sphinx_aiguide.config import settings
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.records import relative_source
from sphinx_aiguide.review.byline import make_byline
from sphinx_aiguide.review.dates import parse_date, today
from sphinx_aiguide.review.registry import check_reviewers
from sphinx_aiguide.text import split_list

#: File-wide metadata field names, with the ``_`` spelling accepted too.
REVIEWED_BY = ("reviewed-by", "reviewed_by")
LAST_REVIEWED = ("last-reviewed", "last_reviewed")


def page_end(document: nodes.document) -> nodes.Element:
    """The element whose last child ends the page: the deepest last section."""
    node: nodes.Element = document
    while node.children and isinstance(node[-1], nodes.section):
        node = node[-1]
    return node


def front_matter_line(source: str, name: str) -> int:
    """The line of ``name:`` in a file's front matter, which MyST does not record."""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for number, text in enumerate(lines[1:], start=2):
        if text.rstrip() == "---":
            break
        if text.split(":", 1)[0].strip().lower() == name:
            return number
    return 1


class PageReviewTransform(SphinxTransform):
    """Read page-level review data, record it, and print its byline at the end of the page.

    Runs after docutils turns the leading field list (reST) or front matter (MyST) into a
    ``docinfo`` node and before Sphinx's metadata collector removes that node.
    """

    default_priority = priorities.PAGE_REVIEW

    def apply(self, **kwargs: Any) -> None:
        fields = self._fields()
        if not fields:
            return
        docname = self.env.current_document.docname
        keys: list[str] = []
        iso = ""
        line = min(where for _value, where in fields.values())
        current = settings(self.config)
        for name, (value, where) in fields.items():
            location = (docname, where)
            if name in REVIEWED_BY:
                keys = split_list(value)
                check_reviewers(current, keys, location)
            else:
                iso = parse_date(value, location, today(current))
        source = relative_source(self.env, self.document["source"])
        aiguide_domain(self.env).note_page_review(
            docname, {"reviewers": keys, "last_reviewed": iso, "source": source, "line": line})
        byline = make_byline(self.config, keys, iso)
        if byline is not None:
            byline["classes"].append("aiguide-page-byline")
            byline.source, byline.line = self.document["source"], line
            page_end(self.document).append(byline)

    def _fields(self) -> dict[str, tuple[str, int]]:
        """``name -> (value, line)`` for the review fields of the file-wide metadata."""
        docinfo = next(self.document.findall(nodes.docinfo), None)
        found: dict[str, tuple[str, int]] = {}
        if docinfo is None:
            return found
        for field in docinfo.findall(nodes.field):
            name = field[0].astext().strip().lower()
            if name in REVIEWED_BY + LAST_REVIEWED:
                line = field.line or front_matter_line(self.document["source"], name)
                found[name] = (field[1].astext(), line)
        return found
