"""Doctree nodes of the extension and their HTML rendering.

Every node subclasses a standard docutils node, so text, LaTeX, man, Texinfo, XML and
gettext fall back to the visitors they already have; only HTML gets its own markup
(clean ``<div>`` blocks, ``<time>`` for review dates, ``<details>``/``<summary>`` for
questions and concept links described by their previews, which exist only after the
HTML-only post-transforms of :mod:`.directives.faq` and :mod:`.links`). The registration
itself is in :mod:`._extension`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.texinfo import TexinfoTranslator


#: The engines Sphinx uses for Japanese (``latex_engine``): pTeX's, with mendex for the index.
PTEX_ENGINES = frozenset({"platex", "uplatex"})


def plain_text(node: nodes.Node) -> str:
    """The text of *node* as readers see it, for bylines, structured data and exports.

    docutils keeps its problem reports (``system_message``, with the source file's path
    and the complaint) inside the nodes it had trouble with, and ``astext()`` includes
    them; the reports are for the writer's terminal, never for published text.
    """
    if isinstance(node, nodes.Text):
        return node.astext()
    assert isinstance(node, nodes.Element)
    return node.child_text_separator.join(plain_text(child) for child in node.children
                                          if not isinstance(child, nodes.system_message))


#: What each page written in this process holds that needs a script: noted by
#: :class:`.writing.AfterResolving` during its walk, read when the page's head is made, so
#: nothing walks the page again. Keyed by the doctree itself, and forgotten with it.
_HOLDS: WeakKeyDictionary[nodes.document, frozenset[str]] = WeakKeyDictionary()


def note_holds(document: nodes.document, found: Iterable[str]) -> None:
    """Note what *document* holds (``"previews"``, ``"questions"``, ``"live-notices"``)."""
    _HOLDS[document] = frozenset(found)


def holds(document: nodes.document | None, what: str) -> bool:
    """Whether the written *document* holds *what* (see :func:`note_holds`)."""
    return document is not None and what in _HOLDS.get(document, ())


class aiguide_concept(nodes.container):
    """One glossary entry: summary, in-depth part, FAQs, related list and byline.

    Attributes (plain data, also stored in the domain): ``term`` (empty until the
    section title is known), ``explicit_term`` (the directive's argument, or ""),
    ``aliases``, ``tags``, ``related``, ``reviewed_by``, ``last_reviewed``,
    ``review_every`` and ``owner``.
    """


class aiguide_concept_summary(nodes.container):
    """The short definition, shown under the label "Concept"."""


class aiguide_concept_indepth(nodes.container):
    """Everything after the summary, shown under the label "In Depth"."""


class aiguide_concept_related(nodes.container):
    """The "Related concepts" list of links."""


class aiguide_label(nodes.rubric):
    """A section label ("Concept", "In Depth", …): a rubric, so every builder shows it."""


class aiguide_term(nodes.rubric):
    """The term as a heading, for a concept named by its argument rather than its section."""


class aiguide_faq_group(nodes.container):
    """Consecutive questions under one "Frequently Asked Questions" label."""


class aiguide_faq_item(nodes.container):
    """One question and its answer. Attribute ``open``: shown expanded in HTML."""


class aiguide_faq_question(nodes.paragraph):
    """The question; a paragraph with source info, so gettext extracts it."""


class aiguide_faq_answer(nodes.container):
    """The answer: any block content."""


class aiguide_byline(nodes.paragraph):
    """``Reviewed by … · Last reviewed …``.

    Attribute ``due``: the ISO date the next review is due, when the entry has an interval.
    """


class aiguide_review_notice(nodes.paragraph):
    """``This entry was due for review on …``, right after a byline.

    Attributes ``due`` (ISO date) and ``hidden``: a website carries the notice of an entry
    not yet due too, hidden until the reader's clock reaches the due date.
    """


class aiguide_review_next(nodes.inline):
    """``Next review due …`` in a byline (``aiguide_show_due``). Attribute ``due``."""


class aiguide_separator(nodes.inline):
    """The ``·`` between the parts of a byline, with a space on each side outside it.

    LaTeX boxes it: xeCJK (Sphinx's set-up for Chinese, and any document that loads it)
    takes U+00B7 for closing punctuation and drops the space after it ("Lee ·Last"). pTeX
    (Japanese) sets it as a full-width character, centred between the spaces, unboxed.
    """


class aiguide_review_date(nodes.inline):
    """A formatted review date; attribute ``datetime`` holds the ISO date."""


class aiguide_referenced_by(nodes.container):
    """Placeholder for a concept's "Referenced by" list, filled in when writing.

    Attributes: ``docname`` and ``refid`` of the concept it belongs to; in HTML,
    ``referrers``, the ``(docname, title)`` of each page that links to it, from which the
    list is written (other builders get a list of ordinary links instead).
    """


class aiguide_index(nodes.container):
    """Placeholder for a ``concept-index`` listing, filled in when writing.

    Attribute ``tags``: only concepts with one of these tags are listed (all when empty).
    """


class aiguide_index_group(nodes.container):
    """The concepts of an A–Z listing under one letter (id ``aiguide-letter-<letter>``)."""


class aiguide_reference(nodes.reference):
    """HTML websites only: a resolved concept link, described by its preview.

    Attributes: ``summary``, the concept's summary; ``preview_id``, the id of the preview
    that describes the link; ``writes_preview``, true on the page's first link to the
    concept, which writes the preview itself. The link and its preview are written inside
    one wrapper, for hover and focus, from these attributes rather than nodes of their
    own: a page may hold hundreds of concept links, and every node is work for each later
    step and for the collector.
    """


class aiguide_details(nodes.General, nodes.Element):
    """HTML only: ``<details>`` for one question (made from :class:`aiguide_faq_item`)."""


class aiguide_summary(nodes.General, nodes.TextElement):
    """HTML only: ``<summary>`` with the question (from :class:`aiguide_faq_question`)."""


def _visit_div(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div"))


def _depart_div(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def _visit_time(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node.get("datetime", "")))


def _depart_time(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</time>")


def _visit_notice(self: HTML5Translator, node: nodes.Element) -> None:
    # the due date is data for the page's script, which reveals a hidden notice on time
    attributes = {"data-aiguide-due": node["due"]}
    if node.get("hidden"):
        attributes["hidden"] = "hidden"
    self.body.append(self.starttag(node, "p", "", **attributes))


def _depart_notice(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</p>\n")


def _visit_next(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", **{"data-aiguide-due": node["due"]}))


def _depart_next(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def _visit_reference(self: HTML5Translator, node: nodes.Element) -> None:
    # The preview describes the link (aria-describedby) instead of joining its text, so the
    # link's accessible name stays the term. Concept links are internal (resolved by the
    # domain), with a page address or, in singlehtml, an in-page id.
    href = node["refuri"] if node.get("refuri") else f"#{node.get('refid', '')}"
    self.body.append('<span class="aiguide-ref-wrap">')
    self.body.append(self.starttag(node, "a", "", CLASS="reference internal", href=href,
                                   **{"aria-describedby": node["preview_id"]}))


def _depart_reference(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</a>")
    if node.get("writes_preview"):
        # "no-search": Sphinx's search index must not count the summary as this page's
        self.body.append(f'<span class="aiguide-preview no-search" id="{node["preview_id"]}" '
                         f'role="tooltip">{self.encode(node["summary"])}</span>')
    self.body.append("</span>")


def _depart_referenced_by(self: HTML5Translator, node: nodes.Element) -> None:
    # The list Sphinx would write for links to whole pages (``:doc:``), written here from
    # the page names alone: one element per list instead of five nodes per link.
    if node.get("referrers"):
        fromdoc = node["docname"]
        self.body.append('<ul class="aiguide-referenced-by-list simple">\n')
        for docname, title in node["referrers"]:
            uri = self.builder.get_relative_uri(fromdoc, docname)
            self.body.append(f'<li><p><a class="reference internal" href="{self.attval(uri)}">'
                             f'<span class="doc">{self.encode(title)}</span></a></p></li>\n')
        self.body.append("</ul>\n")
    self.body.append("</div>\n")


def _visit_details(self: HTML5Translator, node: nodes.Element) -> None:
    attributes: dict[str, Any] = {}
    if node.get("open"):
        attributes["open"] = "open"
    self.body.append(self.starttag(node, "details", **attributes))


def _depart_details(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</details>\n")


def _visit_summary(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def _depart_summary(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</summary>\n")




def _visit_bare(self: HTML5Translator, node: nodes.Element) -> None:
    pass  # the text alone, without the <span> of an inline


def _depart_bare(self: HTML5Translator, node: nodes.Element) -> None:
    pass


def _visit_latex_box(self: LaTeXTranslator, node: nodes.Element) -> None:
    if self.config.latex_engine not in PTEX_ENGINES:
        self.body.append(r"\mbox{")


def _depart_latex_box(self: LaTeXTranslator, node: nodes.Element) -> None:
    if self.config.latex_engine not in PTEX_ENGINES:
        self.body.append("}")


def _visit_latex_block(self: LaTeXTranslator, node: nodes.Element) -> None:
    # LaTeX labels no container: give each id a \label, or links to it go nowhere
    self.body.append(self.hypertarget_to(node, anchor=True) if node["ids"] else "")
    self.visit_container(node)


def _depart_latex_block(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.depart_container(node)


def _visit_texinfo_block(self: TexinfoTranslator, node: nodes.Element) -> None:
    for node_id in node["ids"]:
        self.add_anchor(node_id, node)
    self.visit_container(node)


def _depart_texinfo_block(self: TexinfoTranslator, node: nodes.Element) -> None:
    self.depart_container(node)


#: Each node with the visitors it needs beyond its docutils base class: ``html`` covers
#: dirhtml, singlehtml and epub too; ``latex`` and ``texinfo`` keep the ids of blocks that
#: links point to (a concept, a question, an A–Z group) as real targets.
_DIV = {"html": (_visit_div, _depart_div)}
_ANCHORED = {"latex": (_visit_latex_block, _depart_latex_block),
             "texinfo": (_visit_texinfo_block, _depart_texinfo_block)}
VISITORS: dict[type[nodes.Element], dict[str, tuple[Any, Any]]] = {
    aiguide_concept: {**_DIV, **_ANCHORED},
    aiguide_index_group: {**_DIV, **_ANCHORED},
    aiguide_faq_item: _ANCHORED,
    **dict.fromkeys((aiguide_concept_summary, aiguide_concept_indepth, aiguide_concept_related,
                     aiguide_faq_group, aiguide_faq_answer, aiguide_index), _DIV),
    aiguide_referenced_by: {"html": (_visit_div, _depart_referenced_by)},
    aiguide_label: {},
    aiguide_term: {},
    aiguide_faq_question: {},
    aiguide_byline: {},
    aiguide_separator: {"html": (_visit_bare, _depart_bare),
                        "latex": (_visit_latex_box, _depart_latex_box)},
    aiguide_review_date: {"html": (_visit_time, _depart_time)},
    aiguide_review_notice: {"html": (_visit_notice, _depart_notice)},
    aiguide_review_next: {"html": (_visit_next, _depart_next)},
    aiguide_reference: {"html": (_visit_reference, _depart_reference)},
    aiguide_details: {"html": (_visit_details, _depart_details)},
    aiguide_summary: {"html": (_visit_summary, _depart_summary)},
}
