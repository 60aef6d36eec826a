"""What Sphinx makes of a project's glossaries: where each one is and what each entry is.

``sphinx-aiguide migrate`` reads the project with Sphinx itself (the ``dummy`` builder
writes nothing), so it rewrites only the glossaries Sphinx reads — never an example of
one inside a code block, in reST or MyST alike — and judges each entry by the nodes
Sphinx makes of it: the text of its terms, their index keys, and what its definition
starts with, by the same rule as the ``concept`` directive.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import Glossary, split_term_classifiers
from sphinx.util.docutils import docutils_namespace

from sphinx_aiguide.directives.concept import take_summary
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.text import fold

if TYPE_CHECKING:
    from docutils.nodes import Node


@dataclass(frozen=True)
class SeenEntry:
    """One glossary entry as Sphinx reads it."""

    #: Each term line as written (index key included), the term as written (without
    #: it), and the text of each term as readers see it.
    lines: tuple[str, ...]
    written: tuple[str, ...]
    names: tuple[str, ...]
    #: Index keys given as ``term : key``.
    keys: tuple[str, ...]
    #: ``None`` when the definition starts with a paragraph; else what it starts with
    #: ("a code block"), "" when it is empty.
    starts_with: str | None
    #: Sphinx reported a problem in a term (broken inline markup).
    troubled: bool
    #: The key ``:sorted:`` sorts by.
    sort_key: str


@dataclass(frozen=True)
class SeenGlossary:
    """One glossary directive as Sphinx reads it."""

    source: Path
    #: Line (1-based) of the directive.
    line: int
    sorted: bool
    entries: tuple[SeenEntry, ...]
    #: Sphinx's own complaints about the glossary's layout (terms, indentation).
    complaints: tuple[str, ...]


@dataclass(frozen=True)
class SeenProject:
    """Every glossary of the project, and the names its concepts already use."""

    glossaries: list[SeenGlossary]
    #: ``(name, file, line)`` of every concept and alias defined by a directive.
    concepts: list[tuple[str, Path, int]]


class ProjectError(Exception):
    """The project cannot be read, or cannot take concepts."""


def _entry(item: nodes.definition_list_item) -> SeenEntry:
    terms = [child for child in item.children if isinstance(child, nodes.term)]
    definition = next((child for child in item.children
                       if isinstance(child, nodes.definition)), None)
    lines = tuple(term.rawsource for term in terms)
    summary, starts_with = take_summary(list(definition.children) if definition else [])
    split = [split_term_classifiers(line) for line in lines]
    return SeenEntry(
        lines=lines,
        written=tuple(fold(term) for term, _key in split),
        names=tuple(fold(term.astext()) for term in terms),
        keys=tuple(key for _term, key in split if key),
        starts_with=None if summary is not None else starts_with,
        troubled=any(isinstance(child, nodes.system_message) for child in item.children),
        sort_key=unicodedata.normalize("NFD", terms[0].astext().lower()) if terms else "",
    )


def _noting(seen: list[SeenGlossary]) -> type[Glossary]:
    """Sphinx's glossary directive, noting what it reads in *seen*."""

    class NotingGlossary(Glossary):
        def run(self) -> list[Node]:
            result = super().run()
            source, line = self.get_source_info()
            glossary = next(node for node in result if isinstance(node, addnodes.glossary))
            items = [item for child in glossary.children if isinstance(child, nodes.Element)
                     for item in child.children
                     if isinstance(item, nodes.definition_list_item)]
            seen.append(SeenGlossary(
                source=Path(os.path.abspath(source)),  # noqa: PTH100 - keeps symlinks
                line=line or 0,
                sorted=bool(glossary["sorted"]),
                entries=tuple(map(_entry, items)),
                complaints=tuple(fold(node.astext()) for node in result
                                 if isinstance(node, nodes.system_message)),
            ))
            return result

    return NotingGlossary


def read_project(sourcedir: Path) -> SeenProject:
    """Read the project in *sourcedir* as a build does; raise :class:`ProjectError`."""
    seen: list[SeenGlossary] = []
    with tempfile.TemporaryDirectory() as scratch, docutils_namespace():
        app = Sphinx(str(sourcedir), str(sourcedir), f"{scratch}/out", f"{scratch}/doctrees",
                     "dummy", status=None, warning=StringIO(), freshenv=True,
                     # the glossaries as written, not as concepts
                     confoverrides={"aiguide_glossaries": "keep"})
        if "sphinx_aiguide" not in app.extensions:
            raise ProjectError("conf.py does not load sphinx_aiguide: add it to "
                               "`extensions`, or the concepts written cannot be built")
        # A domain's directives are its own to extend; only this reading notes glossaries.
        app.env.get_domain("std").directives["glossary"] = _noting(seen)
        app.build()
        concepts = [(name, Path(app.srcdir, record["source"]), record["line"])
                    for record in aiguide_domain(app.env).concepts()
                    for name in [record["term"], *record["aliases"]]]
    unique = {(glossary.source, glossary.line): glossary for glossary in seen}
    return SeenProject(sorted(unique.values(), key=lambda g: (str(g.source), g.line)),
                       concepts)
