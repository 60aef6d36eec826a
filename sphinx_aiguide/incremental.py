"""Rewrite the pages that show another page's concepts when those concepts change.

Sphinx rewrites a page only when its own source changed. A page also shows data of other
pages: link previews and link targets, related lists, "Referenced by" lists and A–Z
listings. Before reading, the domain's view of that data is taken; after reading, every
page whose view changed is handed back to Sphinx to be written again, and no other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sphinx_aiguide.domain import aiguide_domain, page_title

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.domain import AIGuideDomain, ConceptRecord

#: What another page shows of a concept: where it is, its term, summary, aliases, tags.
Shown = tuple[str, str, str, str, tuple[str, ...], tuple[str, ...]]


class View(NamedTuple):
    """What pages show of other pages' concepts, at one moment."""

    #: docname -> what each of its links shows
    links: dict[str, tuple[tuple[str, Shown | None], ...]]
    #: (docname, anchor) of a concept -> the pages that link to it, with their titles
    backlinks: dict[tuple[str, str], tuple[tuple[str, str], ...]]
    #: every listed concept, in a fixed order (A–Z listings show these)
    listing: tuple[Shown, ...]
    #: the letters that have concepts (the aiguide theme's A–Z bar on every page)
    letters: frozenset[str]


def _shown(record: ConceptRecord | None) -> Shown | None:
    if record is None:
        return None
    return (record["docname"], record["id"], record["term"], record["summary"],
            tuple(record["aliases"]), tuple(record["tags"]))


def view(domain: AIGuideDomain) -> View:
    """Take the current view from the domain."""
    records = list(domain.concepts())
    env = domain.env
    return View(
        links={docname: tuple((key, _shown(domain.find(key))) for key in domain.links_of(docname))
               for docname in domain.linking_pages()},
        backlinks={(r["docname"], r["id"]): tuple((doc, page_title(env, doc))
                                                  for doc in domain.referrers(r))
                   for r in records},
        listing=tuple(s for s in map(_shown, domain.listed()) if s is not None),
        letters=frozenset(domain.index_letters()),
    )


def pages_to_rewrite(
    before: View, after: View, existing: Set[str], indexes: list[str], *, every_page: bool
) -> set[str]:
    """The pages whose shown data differs between *before* and *after*.

    With *every_page*, the pages all show the A–Z bar (the aiguide theme), so a change of
    its letters rewrites them all.
    """
    if every_page and before.letters != after.letters:
        return set(existing)
    pages = {docname for docname, links in after.links.items()
             if before.links.get(docname) != links}
    for target in before.backlinks.keys() | after.backlinks.keys():
        if before.backlinks.get(target) != after.backlinks.get(target):
            pages.add(target[0])
    if before.listing != after.listing:
        pages.update(indexes)
    return pages & existing



def _take_view(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
               removed: Set[str]) -> list[str]:
    domain = aiguide_domain(env)
    domain.view_before_read = view(domain)
    return []


def _pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = aiguide_domain(env)
    before = domain.view_before_read
    if before is None:
        return []
    domain.view_before_read = None
    theme = env.config.html_theme
    bar = theme == "aiguide" and bool(env.config.html_theme_options.get("concept_index_page"))
    pages = pages_to_rewrite(before, view(domain), env.found_docs, domain.index_pages(),
                             every_page=bar)
    return sorted(pages)


def setup_incremental(app: Sphinx) -> None:
    """Take the view before reading and compare it after reading."""
    app.connect("env-get-outdated", _take_view)
    app.connect("env-get-updated", _pages_to_rewrite)
