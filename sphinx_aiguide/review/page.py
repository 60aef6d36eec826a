"""A page's own review data: the file-wide ``reviewed-by``, ``last-reviewed``,
``review-every`` and ``owner`` fields.

reST field lists at the top of a file and MyST front matter both become the same
``docinfo`` node, so one transform reads both, records the data in the domain and prints
the page's byline at its end.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_aiguide import priorities
from sphinx_aiguide.config import settings
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.nodes import plain_text
from sphinx_aiguide.records import relative_source
from sphinx_aiguide.review.byline import make_byline
from sphinx_aiguide.review.checks import interval_of, page_entry
from sphinx_aiguide.review.dates import parse_date, parse_every, today
from sphinx_aiguide.review.interval import due_date
from sphinx_aiguide.review.registry import check_reviewers
from sphinx_aiguide.text import fold, split_list

if TYPE_CHECKING:
    from sphinx_aiguide.records import PageReview

#: File-wide metadata field names, with the ``_`` spelling accepted too.
REVIEWED_BY = ("reviewed-by", "reviewed_by")
LAST_REVIEWED = ("last-reviewed", "last_reviewed")
REVIEW_EVERY = ("review-every", "review_every")
OWNER = ("owner",)
FIELDS = REVIEWED_BY + LAST_REVIEWED + REVIEW_EVERY + OWNER


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
        current = settings(self.config)
        record: PageReview = {"reviewers": [], "last_reviewed": "", "review_every": "",
                              "owner": "", "source": "", "line": 0}
        for name, (value, source, where) in fields.items():
            location = f"{source}:{where}"
            if name in REVIEWED_BY:
                record["reviewers"] = split_list(value)
                check_reviewers(current, record["reviewers"], location)
            elif name in LAST_REVIEWED:
                record["last_reviewed"] = parse_date(value, location, today(current))
            elif name in REVIEW_EVERY:
                record["review_every"] = parse_every(value, location)
            else:
                record["owner"] = fold(value)
                check_reviewers(current, [record["owner"]], location, role="owner")
        # the first field says where the page's review data is written
        _value, source, record["line"] = min(fields.values(), key=lambda field: field[2])
        record["source"] = relative_source(self.env, source)
        aiguide_domain(self.env).note_page_review(docname, record)
        review = page_entry(record)
        byline = make_byline(self.config, review.reviewers, review.last_reviewed,
                             due=due_date(review.last_reviewed,
                                          interval_of(review, current.review_every)),
                             owner=review.owner)
        if byline is not None:
            byline["classes"].append("aiguide-page-byline")
            byline.source, byline.line = self.document["source"], record["line"]
            page_end(self.document).append(byline)

    def _fields(self) -> dict[str, tuple[str, str, int]]:
        """``name -> (value, file, line)`` for the review fields of the file-wide metadata."""
        docinfo = next(self.document.findall(nodes.docinfo), None)
        found: dict[str, tuple[str, str, int]] = {}
        if docinfo is None:
            return found
        for field in docinfo.findall(nodes.field):
            name = field[0].astext().strip().lower()
            if name in FIELDS:
                if field.line:  # reST: the field's own file, which may be an included one
                    source, line = field.source or self.document["source"], field.line
                else:  # MyST front matter records no place
                    source = self.document["source"]
                    line = front_matter_line(source, name)
                found[name] = (plain_text(field[1]), source, line)
        return found
