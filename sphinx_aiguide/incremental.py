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


def view(domain: AIGuideDomain, *, letters: bool) -> View:
    """Take the current view from the domain (the bar's *letters* only when shown)."""
    records = list(domain.concepts())
    titles: dict[str, str] = {}
    for docname in domain.linking_pages():
        titles[docname] = page_title(domain.env, docname)
    return View(
        links={docname: tuple((key, _shown(domain.find(key))) for key in domain.links_of(docname))
               for docname in titles},
        backlinks={(r["docname"], r["id"]): tuple((doc, titles[doc])
                                                  for doc in domain.referrers(r))
                   for r in records},
        listing=tuple(s for s in map(_shown, domain.listed()) if s is not None),
        letters=frozenset(domain.index_letters()) if letters else frozenset(),
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



def _letter_bar(env: BuildEnvironment) -> bool:
    """Whether every page shows the A–Z bar (the aiguide theme with an index page)."""
    options = env.config.html_theme_options or {}
    return env.config.html_theme == "aiguide" and bool(options.get("concept_index_page"))


def _take_view(env: BuildEnvironment) -> None:
    """Take the view once, before the first page of this build is purged or read."""
    domain = aiguide_domain(env)
    domain.sources_changed = True
    if domain.view_before_read is None:
        domain.view_before_read = view(domain, letters=_letter_bar(env))


def _before_purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _take_view(env)


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if docnames:
        _take_view(env)


def _pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = aiguide_domain(env)
    before = domain.view_before_read
    if before is None:  # nothing was read or removed: nothing others show has changed
        return []
    domain.view_before_read = None
    bar = _letter_bar(env)
    pages = pages_to_rewrite(before, view(domain, letters=bar), env.found_docs,
                             domain.index_pages(), every_page=bar)
    return sorted(pages)


def setup_incremental(app: Sphinx) -> None:
    """Take the view before a build changes the data, and compare it after reading.

    A no-op build purges and reads nothing, so it takes no view at all.
    """
    app.connect("env-purge-doc", _before_purge)
    app.connect("env-before-read-docs", _before_read)
    app.connect("env-get-updated", _pages_to_rewrite)
