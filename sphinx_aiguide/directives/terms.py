"""A concept is a Sphinx glossary term too: the same anchors, objects and index entries.

Sphinx's glossary gives each term an anchor ``term-…`` (made by
:func:`sphinx.util.nodes.make_id`), an ``std:term`` object (so ``:term:`` and other
projects' intersphinx links find it) and a main entry in the general index, which is also
the LaTeX index. Each concept and each of its aliases gets the same three, so old deep
links, ``:term:`` links and the index keep finding an entry that was once a glossary
term. A concept made from a glossary entry already carries them: nothing is made twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx import addnodes
from sphinx.util.nodes import make_id

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.nodes import aiguide_concept


def add_term_targets(env: BuildEnvironment, document: nodes.document, node: aiguide_concept,
                     names: list[str], anchor: str) -> None:
    """Give *node* a term anchor, an ``std:term`` object and an index entry for each name.

    *anchor* is the concept's own id, which the objects and index entries point to.
    """
    std: StandardDomain = env.get_domain("std")  # type: ignore[assignment]
    docname = env.current_document.docname
    indexed = {entry[1] for child in node.children if isinstance(child, addnodes.index)
               for entry in child["entries"]}
    entries = []
    for name in dict.fromkeys(names):
        known = std.objects.get(("term", name))
        # a glossary entry made into a concept keeps the anchor Sphinx gave its term
        if known is None or known[0] != docname or known[1] not in node["ids"]:
            term_id = make_id(env, document, "term", name)
            node["ids"].append(term_id)
            document.ids[term_id] = node
        # A name defined twice is reported once, by the duplicate check, not a second
        # time by the std domain.
        if known is None:
            std.note_object("term", name, anchor, location=node)
        if name not in indexed:
            entries.append(("single", name, anchor, "main", None))
    if entries:
        index = addnodes.index(entries=entries, aiguide_terms=True)
        index.source, index.line = node.source, node.line
        node.insert(0, index)


def makeindex_safe(indexes: list[addnodes.index]) -> None:
    """LaTeX with makeindex: leave out the index entries of names that start outside ASCII.

    makeindex files an entry under its first byte, which splits a UTF-8 letter such as Ü
    and stops pdflatex (a Sphinx glossary term does the same). xindy, Sphinx's
    ``latex_use_xindy`` (the default with xelatex and lualatex), and mendex, which Sphinx
    uses with platex and uplatex (Japanese), read UTF-8: with them every entry stays (the
    caller checks). *indexes* are the index nodes the package made for concepts' names.
    """
    for index in indexes:
        index["entries"] = [entry for entry in index["entries"] if entry[1][:1].isascii()]
