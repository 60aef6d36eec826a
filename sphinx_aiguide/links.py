"""Links between concepts: previews, "Referenced by" lists and ``:term:`` links.

Reading records which concepts each page links to (:meth:`.AIGuideDomain.process_doc`);
writing turns that into "Referenced by" lists and adds a summary preview beside every
concept link in HTML, so none of it is stored in a page that might go stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_aiguide import priorities
from sphinx_aiguide.directives.base import make_label
from sphinx_aiguide.domain import AIGuideDomain, aiguide_domain
from sphinx_aiguide.html.urls import WEBSITE_BUILDERS
from sphinx_aiguide.i18n import _
from sphinx_aiguide.nodes import (
    aiguide_link,
    aiguide_preview,
    aiguide_reference,
    aiguide_referenced_by,
)
from sphinx_aiguide.text import did_you_mean, term_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)



def doc_link(docname: str, fromdoc: str) -> addnodes.pending_xref:
    """A link to a whole page, titled by the page, that every builder resolves."""
    return addnodes.pending_xref(
        "", nodes.inline(docname, docname), refdomain="std", reftype="doc",
        reftarget=f"/{docname}", refexplicit=False, refwarn=True, refdoc=fromdoc,
    )


class ReferencedByTransform(SphinxPostTransform):
    """Fill each concept's "Referenced by" list from the domain (or drop it when empty).

    Runs before Sphinx resolves references, so the page links it adds are resolved by the
    standard machinery in every builder, singlehtml and LaTeX included.
    """

    default_priority = priorities.REFERENCED_BY

    def run(self, **kwargs: Any) -> None:
        domain = aiguide_domain(self.env)
        for holder in list(self.document.findall(aiguide_referenced_by)):
            record = domain.record_at(holder["docname"], holder["refid"])
            referrers = domain.referrers(record) if record else []
            if not referrers:
                holder.parent.remove(holder)
                continue
            # "no-search": the page is not about the titles of the pages that link to it
            holder["classes"].append("no-search")
            items = nodes.bullet_list(classes=["aiguide-referenced-by-list"])
            for docname in referrers:
                items += nodes.list_item("", nodes.paragraph("", "",
                                                             doc_link(docname, holder["docname"])))
            holder += make_label(str(_("Referenced by")))
            holder += items


class PreviewTransform(SphinxPostTransform):
    """HTML: put the concept's summary beside each link to it, shown on hover and focus."""

    default_priority = priorities.PREVIEW
    builders = tuple(WEBSITE_BUILDERS)

    def run(self, **kwargs: Any) -> None:
        number = 0
        for ref in list(self.document.findall(nodes.reference)):
            summary = ref.get("aiguide_summary")
            if not summary or isinstance(ref, aiguide_reference):
                continue
            number += 1
            preview_id = f"aiguide-preview-{number}"
            # "no-search": Sphinx's search index must not count the summary as this page's
            preview = aiguide_preview("", summary, ids=[preview_id],
                                      classes=["aiguide-preview", "no-search"])
            described = aiguide_reference(ref.rawsource, "", *ref.children, **ref.attributes,
                                          preview_id=preview_id)
            ref.parent.replace(ref, aiguide_link("", "", described, preview))


class TermToConceptTransform(SphinxPostTransform):
    """``:term:`` links that name a concept become concept links.

    Sphinx would resolve an exact term itself, but only as a plain link: as a concept link
    it also matches any case and the aliases, and gets the preview and the CSS hook.
    """

    default_priority = priorities.TERM_TO_CONCEPT

    def run(self, **kwargs: Any) -> None:
        domain = aiguide_domain(self.env)
        for node in self.document.findall(addnodes.pending_xref):
            if (node.get("refdomain"), node.get("reftype")) == ("std", "term") and \
                    domain.find(node["reftarget"]) is not None:
                node["refdomain"], node["reftype"] = "aiguide", "concept"


def external_any_case(app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref,
                      contnode: nodes.TextElement) -> nodes.reference | None:
    """Concepts of other projects match in any case too, as this project's own do.

    Intersphinx matches ``aiguide:concept`` entries exactly; this runs after it and looks
    the name up again, ignoring case and spacing.
    """
    if (node.get("refdomain"), node.get("reftype")) != ("aiguide", "concept"):
        return None
    if "sphinx.ext.intersphinx" not in app.extensions:
        return None
    from sphinx.ext.intersphinx import InventoryAdapter  # noqa: PLC0415 - optional

    key = term_key(node["reftarget"])
    entries = InventoryAdapter(env).main_inventory.get("aiguide:concept", {})
    for name, item in sorted(entries.items()):
        if term_key(name) == key:
            uri = item.uri if hasattr(item, "uri") else item[2]
            reference = nodes.reference("", "", internal=False, refuri=uri)
            reference += contnode
            return reference
    return None


def warn_missing(app: Sphinx, domain: Domain | None, node: addnodes.pending_xref) -> bool | None:
    """Report an unknown concept as ``aiguide.ref`` with the reference's location."""
    if not isinstance(domain, AIGuideDomain):
        return None
    target = node["reftarget"]
    std: StandardDomain = domain.env.get_domain("std")  # type: ignore[assignment]
    glossary = {term_key(name) for kind, name in std.objects if kind == "term"}
    if term_key(target) in glossary:
        hint = ": it is a glossary term, not a concept; link it with :term:"
    else:
        hint = did_you_mean(target, (name for record in domain.concepts()
                                     for name in domain.names(record)))
    logger.warning("unknown concept %r%s", target, hint,
                   type="aiguide", subtype="ref", location=node)
    return True
