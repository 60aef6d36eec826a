"""Links between concepts: previews, "Referenced by" lists and ``:term:`` links.

Reading records which concepts each page links to (:meth:`.AIGuideDomain.process_doc`);
writing turns that into "Referenced by" lists and gives every concept link in HTML its
summary as a preview, so none of it is stored in a page that might go stale. The functions
here are called from the post-transforms of :mod:`.writing`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.nodes import clean_astext

from sphinx_aiguide.directives.base import make_label
from sphinx_aiguide.domain import AIGuideDomain, aiguide_domain
from sphinx_aiguide.i18n import _
from sphinx_aiguide.nodes import aiguide_reference, aiguide_referenced_by
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


def concepts_for_terms(domain: AIGuideDomain, links: list[addnodes.pending_xref]) -> None:
    """``:term:`` links that name a concept become concept links.

    Sphinx would resolve an exact term itself, but only as a plain link: as a concept link
    it also matches any case and the aliases, and gets the preview and the CSS hook.
    Runs before references are resolved.
    """
    for node in links:
        if (node.get("refdomain"), node.get("reftype")) == ("std", "term") and \
                domain.find(node["reftarget"]) is not None:
            node["refdomain"], node["reftype"] = "aiguide", "concept"


def fill_referenced_by(env: BuildEnvironment, holders: list[aiguide_referenced_by], *,
                       html: bool) -> None:
    """Fill each concept's "Referenced by" list from the domain (or drop it when empty).

    Runs before Sphinx resolves references, so the page links it adds are resolved by the
    standard machinery in every builder, singlehtml and LaTeX included. In HTML the list is
    written from the page names and titles the holder carries (:mod:`.nodes`): the same
    markup, without five nodes per link that the page would otherwise carry to the end.
    """
    domain = aiguide_domain(env)
    for holder in holders:
        record = domain.record_at(holder["docname"], holder["refid"])
        referrers = domain.referrers(record) if record else []
        if not referrers:
            holder.parent.remove(holder)
            continue
        # "no-search": the page is not about the titles of the pages that link to it
        holder["classes"].append("no-search")
        holder += make_label(str(_("Referenced by")))
        if html:
            holder["referrers"] = [(docname, clean_astext(env.titles[docname]))
                                   for docname in referrers if docname in env.titles]
            continue
        items = nodes.bullet_list(classes=["aiguide-referenced-by-list"])
        for docname in referrers:
            items += nodes.list_item("", nodes.paragraph("", "",
                                                         doc_link(docname, holder["docname"])))
        holder += items


def add_previews(links: list[aiguide_reference]) -> None:
    """Websites: number the previews of the page's concept links (after resolving).

    A page holds one preview per concept: the first link to it writes the preview, and
    every later link is described by the same element (``aria-describedby``); the preview
    script moves it beside whichever of them the reader points at or focuses.
    """
    shared: dict[tuple[str, str], str] = {}
    for ref in links:
        target = (ref.get("refuri") or ref.get("refid") or "", ref["summary"])
        preview_id = shared.get(target)
        if preview_id is None:
            preview_id = shared[target] = f"aiguide-preview-{len(shared) + 1}"
            ref["writes_preview"] = True
        ref["preview_id"] = preview_id


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
