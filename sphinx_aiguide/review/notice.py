"""Telling readers that an entry is due for review: when a page is written, and again later.

A byline carries its entry's due date from reading; whether that date has come is decided
when the page is written, for every builder (:func:`add_notices`). A website also
carries the notice of an entry not yet due, hidden,
and ``aiguide-review.js`` — added only to pages that hold such a notice — shows it once the
reader's clock reaches the date, so a page served long after its build stays honest.
Pages whose entries fell due since the last build are written again
(:func:`pages_falling_due`), although their sources did not change.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_aiguide.config import settings
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.i18n import _
from sphinx_aiguide.nodes import (
    aiguide_byline,
    aiguide_review_next,
    aiguide_review_notice,
    holds,
)
from sphinx_aiguide.review.byline import date_node, fill_template, separator
from sphinx_aiguide.review.checks import Rules, concept_states, falls_due, page_states
from sphinx_aiguide.review.dates import today

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: The script that shows hidden notices when they fall due (in the package's static files).
SCRIPT = "aiguide-review.js"


def _notice(config: Config, due: str, *, hidden: bool) -> aiguide_review_notice:
    text = str(_("This entry was due for review on {date}. It may be out of date."))
    parts = fill_template(text, {"date": [date_node(config, due)]})
    notice = aiguide_review_notice("", "", *parts, classes=["aiguide-review-due"], due=due,
                                   translatable=False)
    if hidden:
        notice["hidden"] = True
    return notice


def _next_review(config: Config, due: str) -> aiguide_review_next:
    # the separator belongs to the part: when the part is hidden, no "·" is left over
    text = str(_("Next review due {date}"))
    return aiguide_review_next("", "", *separator(),
                               *fill_template(text, {"date": [date_node(config, due)]}),
                               classes=["aiguide-review-next"], due=due)


def _after(node: nodes.Element, new: nodes.Element) -> None:
    parent = node.parent
    assert parent is not None
    parent.insert(parent.index(node) + 1, new)


def add_notices(config: Config, bylines: list[aiguide_byline], *, live: bool) -> bool:
    """The notices at the bylines of entries with a due date, when the page is written.

    Every builder: the notice after the byline of an entry due on the day of the build;
    with ``aiguide_show_due``, the byline of an entry not yet due says when it will be.
    *live* (websites): the notice of an entry not yet due is there too, hidden until the
    reader's clock says so. Returns whether it added such a hidden notice.
    """
    current = settings(config)
    now = today(current)
    hidden = False
    for byline in bylines:
        due = byline.get("due")
        if not due:
            continue
        if falls_due(due, now):
            _after(byline, _notice(config, due, hidden=False))
            continue
        if current.show_due:
            byline += _next_review(config, due)
        if live:
            _after(byline, _notice(config, due, hidden=True))
            hidden = True
    return hidden


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: nodes.document | None) -> None:
    """Add the script to the pages that hold a hidden notice, and to no other page."""
    if holds(doctree, "live-notices"):
        app.add_js_file(SCRIPT, loading_method="defer")


def pages_falling_due(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose entries fell due since the last build, to be written again.

    A clock set back counts too: what a page says must be true on the day of its build.
    """
    domain = aiguide_domain(env)
    now = today(settings(env.config))
    checked = domain.last_checked()
    domain.note_checked(now.isoformat())
    if not checked or checked == now.isoformat():
        return []
    before, rules = date.fromisoformat(checked), Rules.of(settings(env.config))
    states = [(record["docname"], state) for record, state in concept_states(domain, now, rules)]
    states += [(docname, state) for docname, _page, state in page_states(domain, now, rules)]
    pages = {docname for docname, state in states
             if state.due and falls_due(state.due, before) != falls_due(state.due, now)}
    return sorted(pages & env.found_docs)
