"""Sphinx glossaries as concepts, without editing a source file (``aiguide_glossaries``).

Sphinx's ``glossary`` directive (reST or MyST) has already made a definition list whose
terms carry their anchors (``term-…``), their ``std:term`` objects and their index
entries, and the i18n transforms have translated it, and ``:sorted:`` has sorted it. Each
entry then becomes the node the ``concept`` directive makes: the first term is the
concept's name, the stacked terms its aliases, the definition's first paragraph its
summary and the rest the in-depth part. The term's anchors and index entries move onto
the concept, so nothing that pointed at the term breaks; :class:`.ConceptTransform` then
settles the concept like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinx_aiguide import priorities
from sphinx_aiguide.config import settings
from sphinx_aiguide.directives.concept import assemble, new_concept, take_summary
from sphinx_aiguide.nodes import aiguide_term
from sphinx_aiguide.text import fold, stacked_aliases

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def _extracting_messages(env: BuildEnvironment) -> bool:
    """Whether the build writes message catalogs (the gettext builder).

    Catalogs must offer translators the glossary as written, every stacked term included,
    so that translated builds translate it before it becomes concepts.
    """
    from sphinx.builders.gettext import MessageCatalogBuilder  # noqa: PLC0415

    builder_class = getattr(env, "_builder_cls", None)  # Sphinx 9; what its i18n reads
    if builder_class is None:  # Sphinx 8.2
        builder_class = type(env.app.builder)
    return issubclass(builder_class, MessageCatalogBuilder)


def _line_offset(glossary: addnodes.glossary) -> int:
    """What to add to the line numbers Sphinx gives a glossary's terms to get their lines.

    Sphinx numbers them from 0, and MyST from the start of the directive's content, while
    the paragraphs of the definitions carry their real lines; a definition usually starts
    on the line after its last term, so the smallest difference is the offset (1, right
    for reST, when no definition has a paragraph of its own).
    """
    found = []
    for item in glossary.findall(nodes.definition_list_item):
        terms = [child for child in item.children if isinstance(child, nodes.term)]
        definition = next((child for child in item.children
                           if isinstance(child, nodes.definition)), None)
        if not terms or terms[-1].line is None or definition is None:
            continue
        # its own paragraphs: the nodes whose lines both parsers give right
        lines = [node.line for node in definition.children
                 if isinstance(node, nodes.paragraph) and node.line
                 and node.source == terms[-1].source]
        if lines:
            found.append(min(lines) - 1 - terms[-1].line)
    return min(found, default=1)


class GlossaryTransform(SphinxTransform):
    """Make every entry of every glossary a concept, when the project asks for it."""

    default_priority = priorities.GLOSSARY

    def apply(self, **kwargs: Any) -> None:
        if not settings(self.config).glossaries_as_concepts or \
                _extracting_messages(self.env):
            return
        for glossary in list(self.document.findall(addnodes.glossary)):
            glossary.replace_self(self._replacement(glossary))

    def _replacement(self, glossary: addnodes.glossary) -> list[nodes.Node]:
        """The concepts of *glossary*; entries that cannot be one stay a glossary."""
        replacement: list[nodes.Node] = []
        kept: nodes.definition_list | None = None
        offset = _line_offset(glossary)
        for child in glossary.children:
            if not isinstance(child, nodes.definition_list):
                replacement.append(child)
                continue
            for item in child.children:
                made = self._entry(item, offset) \
                    if isinstance(item, nodes.definition_list_item) else None
                if made is not None:
                    replacement.extend(made)
                    kept = None
                    continue
                if kept is None:
                    kept = nodes.definition_list(classes=child["classes"])
                    replacement.append(addnodes.glossary("", kept, sorted=glossary["sorted"]))
                kept += item
        return replacement

    def _entry(self, item: nodes.definition_list_item,
               offset: int) -> list[nodes.Node] | None:
        """The concept of one entry followed by the problems docutils noted in it, or
        ``None`` when the entry has no term to name a concept by."""
        terms = [child for child in item.children if isinstance(child, nodes.term)]
        definition = next((child for child in item.children
                           if isinstance(child, nodes.definition)), None)
        messages = [child for child in item.children
                    if not isinstance(child, nodes.term | nodes.definition)]
        names = [fold(term.astext()) for term in terms]
        for term in terms:
            term.line = (term.line or 0) + offset
        if not names or not names[0]:
            logger.warning("glossary entry has no term text to name a concept by; it stays "
                           "a glossary entry", type="aiguide", subtype="concept",
                           location=terms[0] if terms else item)
            return None
        node = new_concept(names[0])
        node.source, node.line = terms[0].source, terms[0].line
        node["aliases"] = stacked_aliases(names)
        for term in terms:
            for term_id in term["ids"]:
                node["ids"].append(term_id)
                self.document.ids[term_id] = node
            for index in list(term.findall(addnodes.index)):
                index.parent.remove(index)
                node += index
        first = terms[0]
        node += aiguide_term(names[0], "", *first.children, classes=["aiguide-term"],
                             translatable=False)
        body = list(definition.children) if definition is not None else []
        summary, instead = take_summary(body)
        if summary is None:
            what = f"starts with {instead}, not a paragraph" if instead else \
                "has no definition"
            logger.warning("glossary entry %r %s: its concept has no summary", names[0],
                           what, type="aiguide", subtype="concept", location=first)
        assemble(node, summary, body)
        return [node, *messages]
