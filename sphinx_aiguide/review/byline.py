"""``Reviewed by A and B · Last reviewed 21 April 2026`` as nodes, in the build language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from babel.lists import format_list
from docutils import nodes

from sphinx_aiguide.config import settings
from sphinx_aiguide.i18n import _
from sphinx_aiguide.locales import ENGLISH, reader_locale
from sphinx_aiguide.nodes import aiguide_byline, aiguide_review_date, aiguide_separator
from sphinx_aiguide.review.dates import format_review_date
from sphinx_aiguide.review.registry import lookup

if TYPE_CHECKING:
    from babel import Locale
    from sphinx.config import Config

    from sphinx_aiguide.config import Reviewer

_PLACEHOLDER = re.compile(r"(\{\w+\})")


def fill_template(template: str, parts: dict[str, list[nodes.Node]]) -> list[nodes.Node]:
    """Turn a translated template with ``{name}`` placeholders into nodes.

    Translators move placeholders where their language puts them; the parts may be links.
    """
    result: list[nodes.Node] = []
    for piece in _PLACEHOLDER.split(template):
        key = piece[1:-1]
        if piece.startswith("{") and key in parts:
            result.extend(parts[key])
        elif piece:
            result.append(nodes.Text(piece))
    return result


def _reviewer_node(reviewer: Reviewer) -> nodes.Node:
    if reviewer.url:
        ref = nodes.reference(reviewer.name, reviewer.name, refuri=reviewer.url)
        if reviewer.title:
            ref["reftitle"] = reviewer.title
        return ref
    return nodes.Text(reviewer.name)


def join(items: list[nodes.Node], locale: Locale) -> list[nodes.Node]:
    """``A``, ``A and B``, ``A, B and C`` as *locale* writes a list (CLDR's patterns).

    German says ``A, B und C``, Japanese ``A、B、C``; the items may be links, so the
    pattern is made with placeholders and the items are put in their places.
    """
    pattern = format_list([f"{{{index}}}" for index in range(len(items))], locale=locale)
    return fill_template(pattern, {str(index): [item] for index, item in enumerate(items)})


def reviewer_names(config: Config, keys: list[str]) -> str:
    """The reviewers as an English list, as warnings (which are English) name them."""
    current = settings(config)
    names: list[nodes.Node] = [nodes.Text(lookup(current, key).name) for key in keys]
    return "".join(node.astext() for node in join(names, ENGLISH)) if keys else ""


def make_byline(config: Config, keys: list[str], iso: str, *, due: str = "",
                owner: str = "") -> aiguide_byline | None:
    """The byline of *keys* and *iso* (either half may be absent; ``None`` when both are).

    *due* (an ISO date) is kept on the node: whether the entry is due is decided when the
    page is written (:mod:`.review.notice`), since an unchanged page is not read again.
    *owner* is printed only with ``aiguide_show_owner``.
    """
    current = settings(config)
    halves: list[list[nodes.Node]] = []
    if keys:
        people = join([_reviewer_node(lookup(current, who)) for who in keys],
                      reader_locale(config.language))
        halves.append(fill_template(str(_("Reviewed by {reviewers}")), {"reviewers": people}))
    if iso:
        halves.append(fill_template(str(_("Last reviewed {date}")),
                                    {"date": [date_node(config, iso)]}))
    if owner and current.show_owner:
        halves.append(fill_template(str(_("Owner: {owner}")),
                                    {"owner": [_reviewer_node(lookup(current, owner))]}))
    if not halves:
        return None
    line = aiguide_byline(classes=["aiguide-byline"], translatable=False)
    if due:
        line["due"] = due
    for index, half in enumerate(halves):
        if index:
            line.extend(separator())
        line.extend(half)
    return line


def separator() -> list[nodes.Node]:
    """`` · ``, which parts a byline."""
    return [nodes.Text(" "), aiguide_separator("", "·"), nodes.Text(" ")]


def date_node(config: Config, iso: str) -> aiguide_review_date:
    """*iso* as readers see it, with the ISO date kept for machines (``<time>`` in HTML)."""
    return aiguide_review_date("", format_review_date(config, iso), datetime=iso)
