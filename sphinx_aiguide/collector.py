"""Which pages must be written again because data they show from other pages changed.

Sphinx rewrites a page only when its own source changed. A page also shows data of other
pages: link previews and link targets, related lists, "Referenced by" lists and A–Z
listings. Before the first page of a build is purged or read, :class:`ViewCollector` takes
the domain's :class:`View` of that data; after reading, every page whose view changed is
handed back to Sphinx to be written again, and no other. A no-op build purges and reads
nothing, so it takes no view at all.

Pages that show the A–Z letter groups on every page (a theme's jump bar) say so by
answering the ``aiguide-letters-changed`` event with their docnames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sphinx.environment.collectors import EnvironmentCollector

from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.records import page_title

if TYPE_CHECKING:
    from collections.abc import Set

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.domain import AIGuideDomain
    from sphinx_aiguide.records import ConceptRecord

#: Emitted with ``(env)`` when the A–Z letter groups change; handlers return the docnames
#: of the pages that show them.
LETTERS_CHANGED = "aiguide-letters-changed"

#: What another page shows of a concept: where it is, its term, summary, aliases, tags.
Shown = tuple[str, str, str, str, tuple[str, ...], tuple[str, ...]]


class View(NamedTuple):
    """What pages show of other pages' concepts, at one moment."""

    #: docname -> what each of its links shows
    links: dict[str, tuple[tuple[str, Shown | None], ...]]
    #: (docname, anchor) of a concept -> the pages that link to it, with their titles
    backlinks: dict[tuple[str, str], tuple[tuple[str, str], ...]]
    #: every listed concept in A–Z order, with its letter (A–Z listings show these; a
    #: ``:sort-as:`` can move a concept without changing what it shows)
    listing: tuple[tuple[str, Shown | None], ...]
    #: the A–Z letter groups, in order (jump bars show these)
    letters: tuple[str, ...]
    #: the page whose structured data defines the glossary (every concept points at it)
    glossary: str


def _shown(record: ConceptRecord | None) -> Shown | None:
    if record is None:
        return None
    return (record["docname"], record["id"], record["term"], record["summary"],
            tuple(record["aliases"]), tuple(record["tags"]))


def view(domain: AIGuideDomain) -> View:
    """Take the current view from the domain."""
    titles = {docname: page_title(domain.env, docname) for docname in domain.linking_pages()}
    return View(
        links={docname: tuple((key, _shown(domain.find(key))) for key in domain.links_of(docname))
               for docname in titles},
        backlinks={(r["docname"], r["id"]): tuple((doc, titles[doc])
                                                  for doc in domain.referrers(r))
                   for r in domain.concepts()},
        listing=tuple((letter, _shown(record)) for letter, records in domain.letter_groups()
                      for record in records),
        letters=tuple(letter for letter, _records in domain.letter_groups()),
        glossary=domain.glossary_page(),
    )


def pages_to_rewrite(before: View, after: View, indexes: Set[str]) -> set[str]:
    """The pages whose links, "Referenced by" lists or A–Z listings differ.

    *indexes* are the pages that hold an A–Z listing; the glossary page lists every
    concept in its structured data too. Letter groups are not looked at here: the pages
    that show them on their own are asked through an event.
    """
    # a page may lose every link without being edited: its mentions of a removed concept
    pages = {docname for docname in before.links.keys() | after.links.keys()
             if before.links.get(docname) != after.links.get(docname)}
    for target in before.backlinks.keys() | after.backlinks.keys():
        if before.backlinks.get(target) != after.backlinks.get(target):
            pages.add(target[0])
    if before.listing != after.listing:
        pages.update(indexes)
        pages.add(after.glossary)
    return pages


class ViewCollector(EnvironmentCollector):
    """Takes the view before a build changes the data, and compares it after reading."""

    def __init__(self) -> None:
        #: The view before this build purged or read its first page, until compared.
        self.before: View | None = None
        #: Whether this build read or removed any page (the exports read it).
        self.sources_changed = False

    def enable(self, app: Sphinx) -> None:
        super().enable(app)
        app.connect("env-before-read-docs", self._before_read)

    def _take_view(self, env: BuildEnvironment) -> None:
        self.sources_changed = True
        if self.before is None:
            self.before = view(aiguide_domain(env))

    def _before_read(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        if docnames:
            self._take_view(env)

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        """Called before a page is purged: the last moment its old data is there."""
        self._take_view(env)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: Set[str],
                    other: BuildEnvironment) -> None:
        """The data itself lives in the domain, which merges it."""

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """The domain records what a page links to (:meth:`.AIGuideDomain.process_doc`)."""

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        before, self.before = self.before, None
        if before is None:  # nothing was read or removed: nothing others show has changed
            return []
        domain = aiguide_domain(env)
        after = view(domain)
        if before.glossary != after.glossary:
            # every page's structured data points at the glossary page
            return sorted(env.found_docs)
        pages = pages_to_rewrite(before, after, set(domain.index_pages()))
        if before.letters != after.letters:
            for shown in app.emit(LETTERS_CHANGED, env):
                pages.update(shown)
        return sorted(pages & env.found_docs)
