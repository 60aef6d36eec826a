"""The ``concept-index`` directive: every concept A–Z, with its summary and a jump bar.

The directive leaves a placeholder; the listing is built when the page is written, from
the domain, so it always shows the current concepts. Its term links are ordinary pending
cross-references, which Sphinx resolves in every builder, singlehtml and LaTeX included.
The same letter groups, with the same anchors, are handed to HTML templates as
``aiguide_letters``, so a theme's jump bar on every page matches the index exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, overload

from docutils import nodes
from sphinx import addnodes

from sphinx_aiguide.directives.base import AIGuideDirective, lenient, make_label, unique_id
from sphinx_aiguide.domain import AIGuideDomain, aiguide_domain, letter_groups
from sphinx_aiguide.nodes import aiguide_index, aiguide_index_group
from sphinx_aiguide.text import slugify, split_list, term_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.records import ConceptRecord


def letter_anchor(letter: str) -> str:
    """``aiguide-letter-a`` for A; terms that start with no letter share ``-other``."""
    return f"aiguide-letter-{'other' if letter == '#' else slugify(letter)}"


class ConceptIndexDirective(AIGuideDirective):
    """``.. concept-index::`` with an optional ``:tags:`` filter."""

    subtype = "concept"
    option_spec: ClassVar[dict[str, Any]] = lenient("tags", "class")

    def run(self) -> list[nodes.Node]:
        self.report_unknown_options()
        node = aiguide_index(
            classes=["aiguide-index", *self.text_option("class").split()],
            tags=split_list(str(self.options.get("tags") or "")),
        )
        self.set_source_info(node)
        aiguide_domain(self.env).note_index(self.env.docname, complete=not node["tags"])
        return [node]


def _listing_item(record: ConceptRecord, fromdoc: str) -> nodes.definition_list_item:
    """One concept of the listing: its term, linked, and its summary."""
    term = record["term"]
    link = addnodes.pending_xref(
        term, nodes.inline(term, term), refdomain="aiguide", reftype="concept",
        reftarget=term, refexplicit=False, refwarn=True, refdoc=fromdoc,
        aiguide_show_term=True, aiguide_no_preview=True,
    )
    return nodes.definition_list_item(
        "",
        nodes.term("", "", link),
        nodes.definition("", nodes.paragraph(record["summary"], record["summary"])),
    )


def expand_indexes(env: BuildEnvironment, document: nodes.document,
                   holders: list[aiguide_index]) -> None:
    """Expand each placeholder into the A–Z listing (before references are resolved)."""
    domain = aiguide_domain(env)
    for holder in holders:
        wanted = {term_key(tag) for tag in holder["tags"]}
        records = [record for record in domain.alphabetical()
                   if not wanted or wanted & {term_key(tag) for tag in record["tags"]}]
        _expand(env, document, holder, letter_groups(records, env.config.language))


def _expand(env: BuildEnvironment, document: nodes.document, holder: aiguide_index,
            groups: list[tuple[str, list[ConceptRecord]]]) -> None:
    fromdoc = env.current_document.docname
    jump = nodes.paragraph(classes=["aiguide-index-jump"])
    for letter, records in groups:
        anchor = unique_id(document, letter_anchor(letter))
        document.ids[anchor] = holder
        if len(jump):
            jump += nodes.Text(" ")
        jump += nodes.reference(letter, letter, refid=anchor)
        entries = nodes.definition_list(classes=["aiguide-index-list"])
        entries.extend(_listing_item(record, fromdoc) for record in records)
        holder += aiguide_index_group("", make_label(letter), entries,
                                      classes=["aiguide-index-group"], ids=[anchor])
    if len(jump):
        holder.insert(0, jump)


class _Letters(Sequence[tuple[str, str]]):
    """The index's letter groups as (letter, anchor), worked out when a template reads them.

    Sorting every concept takes a collation (with PyICU, loading it); most themes never
    show the letters, so pages written with them pay nothing.
    """

    def __init__(self, domain: AIGuideDomain) -> None:
        self._domain = domain
        self._letters: list[tuple[str, str]] | None = None

    def _all(self) -> list[tuple[str, str]]:
        if self._letters is None:
            self._letters = [(letter, letter_anchor(letter))
                             for letter, _records in self._domain.letter_groups()]
        return self._letters

    @overload
    def __getitem__(self, index: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, str]]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())


def letters_context(app: Sphinx, pagename: str, templatename: str,
                    context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Give templates the index's letter groups as ``aiguide_letters``: (letter, anchor)."""
    context["aiguide_letters"] = _Letters(aiguide_domain(app.env))
