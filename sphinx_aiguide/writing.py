"""The package's work on each page as it is written: two post-transforms, one walk each.

Sphinx runs every post-transform over the whole doctree of every page it writes. The
package has several jobs there, and a post-transform for each would walk each page once
per job, pages without a single concept included. Instead:

- a page that holds no node of the package and no concept link or mention (recorded while
  it was read, :meth:`.AIGuideDomain.has_work`) is not walked at all, unless it may hold
  other pages (the single-page and LaTeX builders put every page into the root's doctree);
- :class:`BeforeResolving` walks the page once, before Sphinx resolves references, and
  hands what it found to auto-linking, ``:term:`` links that name concepts, "Referenced by"
  lists and A–Z listings (each adds links for the resolver to finish);
- :class:`AfterResolving` walks it once more, after they are resolved, for previews,
  review notices, questions and headings in HTML, and LaTeX index entries.

The jobs themselves live with the rest of their feature; this module only finds their
nodes and calls them in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import ReferenceType, WeakKeyDictionary, ref

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_aiguide import autolink, links, priorities
from sphinx_aiguide.directives.concept_index import expand_indexes
from sphinx_aiguide.directives.faq import as_html
from sphinx_aiguide.directives.terms import makeindex_safe
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.html.urls import WEBSITE_BUILDERS
from sphinx_aiguide.nodes import (
    PTEX_ENGINES,
    aiguide_byline,
    aiguide_faq_item,
    aiguide_index,
    aiguide_label,
    aiguide_reference,
    aiguide_referenced_by,
    aiguide_term,
    note_holds,
)
from sphinx_aiguide.review.notice import add_notices

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


#: The builder of each environment, noted when it is made (:func:`note_builder`): mentions
#: become finished links, which only the builder can address (a post-transform is told
#: the environment, not the builder). The builder is held weakly too: it holds the
#: environment, and a strong reference would keep both, and the whole application,
#: alive after the build.
_BUILDERS: WeakKeyDictionary[BuildEnvironment, ReferenceType[Builder]] = WeakKeyDictionary()


def note_builder(app: Sphinx) -> None:
    """``builder-inited``: remember the builder of the environment it writes."""
    _BUILDERS[app.env] = ref(app.builder)


def _builder(env: BuildEnvironment) -> Builder:
    """The builder writing with *env* (alive while it writes)."""
    builder = _BUILDERS[env]()
    assert builder is not None
    return builder


def _worth_walking(transform: SphinxPostTransform) -> bool:
    """Whether the page (or a page put into it) may hold anything for the package."""
    docname = transform.env.current_document.docname
    return aiguide_domain(transform.env).has_work(docname) or bool(
        transform.env.toctree_includes.get(docname))


class _Websites(SphinxPostTransform):
    """Asks Sphinx whether the builder writes a website (never applied itself)."""

    builders = tuple(sorted(WEBSITE_BUILDERS))


class _Html(SphinxPostTransform):
    """Asks Sphinx whether the builder writes HTML, epub included (never applied itself)."""

    formats = ("html",)


class _Latex(SphinxPostTransform):
    """Asks Sphinx whether the builder writes LaTeX (never applied itself)."""

    builders = ("latex",)


class BeforeResolving(SphinxPostTransform):
    """Mentions, ``:term:`` links, "Referenced by" lists and A–Z listings, in one walk."""

    default_priority = priorities.BEFORE_RESOLVING

    def run(self, **kwargs: Any) -> None:
        if not _worth_walking(self):
            return
        xrefs: list[addnodes.pending_xref] = []
        holders: list[aiguide_referenced_by] = []
        indexes: list[aiguide_index] = []
        for node in self.document.findall(nodes.Element):
            if isinstance(node, addnodes.pending_xref):
                xrefs.append(node)
            elif isinstance(node, aiguide_referenced_by):
                holders.append(node)
            elif isinstance(node, aiguide_index):
                indexes.append(node)
        docname = self.env.current_document.docname
        # on the page exactly as it was read, before the lists below add their links
        autolink.link_mentions(self.env, _builder(self.env), self.document, docname, xrefs)
        domain = aiguide_domain(self.env)
        links.concepts_for_terms(domain, xrefs)
        links.fill_referenced_by(self.env, holders, html=_Html(self.document).is_supported())
        expand_indexes(self.env, self.document, indexes)


class AfterResolving(SphinxPostTransform):
    """Previews, review notices, questions and headings, index entries, in one walk."""

    default_priority = priorities.AFTER_RESOLVING

    def run(self, **kwargs: Any) -> None:
        if not _worth_walking(self):
            return
        website = _Websites(self.document).is_supported()
        html = _Html(self.document).is_supported()
        # xindy (latex_use_xindy) and mendex (Japanese engines) file every entry
        makeindex = _Latex(self.document).is_supported() and not (
            self.config.latex_use_xindy or self.config.latex_engine in PTEX_ENGINES)
        previews: list[aiguide_reference] = []
        bylines: list[aiguide_byline] = []
        labels: list[nodes.rubric] = []
        items: list[aiguide_faq_item] = []
        entries: list[addnodes.index] = []
        for node in self.document.findall(nodes.Element):
            if isinstance(node, nodes.reference):
                if isinstance(node, aiguide_reference) and "preview_id" not in node:
                    previews.append(node)
                continue
            if isinstance(node, aiguide_byline):
                bylines.append(node)
            elif isinstance(node, aiguide_label | aiguide_term):
                labels.append(node)
            elif isinstance(node, aiguide_faq_item):
                items.append(node)
            elif isinstance(node, addnodes.index) and makeindex and node.get("aiguide_terms"):
                entries.append(node)
        links.add_previews(previews)
        hidden = add_notices(self.config, bylines, live=website)
        if html:
            as_html(labels, items)
        makeindex_safe(entries)
        # for the head of the page: which scripts it needs, without another walk
        note_holds(self.document, [name for name, found in (
            ("previews", previews), ("questions", html and items), ("live-notices", hidden),
        ) if found])
