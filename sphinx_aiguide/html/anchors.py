"""Ids that stay unique when every document is written into one page (singlehtml).

An id is unique within its own document: the same question on two pages gets the same
``faq-…`` id on both, which is right for pages of their own (``page.html#faq-…`` links keep
working) and wrong in the one page of singlehtml. There an id that another document
already holds gets that document's name: ``faq-is-it-a-bug--reward-hacking``.

Which concept and question keeps the plain id is decided from the domain alone (the first
document by name keeps it; that is also the concept links go to when a term is defined
twice), so the structured data and ``glossary.json`` name the ids the page really has.
Other ids of the package's own nodes (term anchors such as Sphinx's ``term-0`` for a
Japanese term) are made unique in the order the page shows them. Slugs and Sphinx's ids
never hold ``--``, so a name made this way cannot be an id of something else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_aiguide import priorities
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.html.urls import is_single_page, page_uri
from sphinx_aiguide.nodes import (
    aiguide_concept,
    aiguide_details,
    aiguide_faq_item,
    aiguide_index_group,
    aiguide_summary,
)
from sphinx_aiguide.text import slugify

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Mapping

    from sphinx.builders import Builder

    from sphinx_aiguide.domain import AIGuideDomain

#: The package's nodes that carry ids: only their ids are renamed (Sphinx's own, sections
#: and labels, are linked to by Sphinx's own machinery).
OWN_NODES = (aiguide_concept, aiguide_faq_item, aiguide_details, aiguide_summary,
             aiguide_index_group)


def qualified(anchor: str, docname: str, taken: Collection[str]) -> str:
    """*anchor* with the name of *docname*, numbered when even that is *taken*."""
    wanted = f"{anchor}--{slugify(docname)}"
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def renamed_anchors(domain: AIGuideDomain) -> dict[tuple[str, str], str]:
    """``(docname, id) -> id in the one page`` for the concepts and questions whose id a
    document earlier by name holds too (all others keep theirs)."""
    pairs = sorted({(record["docname"], record["id"]) for record in domain.concepts()}
                   | {(docname, faq["id"]) for docname, faq in domain.faqs()})
    taken = {anchor for _docname, anchor in pairs}
    holders: dict[str, str] = {}
    renamed: dict[tuple[str, str], str] = {}
    for docname, anchor in pairs:
        if holders.setdefault(anchor, docname) != docname:
            renamed[docname, anchor] = new = qualified(anchor, docname, taken)
            taken.add(new)
    return renamed


@dataclass(frozen=True)
class Anchors:
    """Where a concept or a question is in the pages a builder writes."""

    builder: Builder
    renamed: Mapping[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, builder: Builder, domain: AIGuideDomain) -> Anchors:
        """The anchors of *builder*: renamed ones only when every page is one page."""
        return cls(builder, renamed_anchors(domain) if is_single_page(builder) else {})

    def id(self, docname: str, anchor: str) -> str:
        """The id that *anchor* of *docname* has in the output."""
        return self.renamed.get((docname, anchor), anchor)

    def uri(self, docname: str, anchor: str) -> str:
        """``page#id`` of *anchor* of *docname*, relative to the output root."""
        return f"{page_uri(self.builder, docname)}#{self.id(docname, anchor)}"


def _elements(node: nodes.Element, docname: str) -> Iterator[tuple[nodes.Element, str]]:
    """Every element under *node* with the document it comes from."""
    for child in node.children:
        if isinstance(child, nodes.Element):
            inner = str(child["docname"]) if isinstance(child, addnodes.start_of_file) \
                else docname
            yield child, inner
            yield from _elements(child, inner)


class SinglePageIdsTransform(SphinxPostTransform):
    """singlehtml: rename the package's ids that an earlier document in the page holds."""

    builders = ("singlehtml",)
    default_priority = priorities.SINGLE_PAGE_IDS

    def run(self, **kwargs: Any) -> None:
        renamed = renamed_anchors(aiguide_domain(self.env))
        elements = list(_elements(self.document, str(self.config.root_doc)))
        taken = {anchor for element, _docname in elements for anchor in element["ids"]}
        taken.update(renamed.values())
        holders: dict[str, str] = {}
        for element, docname in elements:
            ids = element["ids"]
            for position, anchor in enumerate(ids):
                new = renamed.get((docname, anchor))
                if new is None and isinstance(element, OWN_NODES) and \
                        holders.get(anchor, docname) != docname:
                    new = qualified(anchor, docname, taken)
                    taken.add(new)
                if new is not None:
                    ids[position] = new
                    self.document.ids[new] = element
                holders.setdefault(ids[position], docname)
