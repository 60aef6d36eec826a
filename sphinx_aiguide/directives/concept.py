"""The ``concept`` directive: one glossary entry with summary, in-depth part and byline.

The directive builds the portable structure; :class:`ConceptTransform` then settles what
depends on the whole page (the term from the section title, unique anchor ids, the page's
review data for the byline) and records the concept in the domain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import traverse_parent

from sphinx_aiguide import priorities
from sphinx_aiguide.config import settings
from sphinx_aiguide.directives.base import AIGuideDirective, lenient, make_label, unique_id
from sphinx_aiguide.directives.terms import add_term_targets
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.i18n import _
from sphinx_aiguide.nodes import (
    aiguide_concept,
    aiguide_concept_indepth,
    aiguide_concept_related,
    aiguide_concept_summary,
    aiguide_faq_item,
    aiguide_referenced_by,
    aiguide_term,
    plain_text,
)
from sphinx_aiguide.records import relative_source
from sphinx_aiguide.review.byline import make_byline
from sphinx_aiguide.review.checks import entry_review, interval_of
from sphinx_aiguide.review.dates import parse_date, parse_every, today
from sphinx_aiguide.review.interval import due_date
from sphinx_aiguide.review.registry import check_reviewers
from sphinx_aiguide.text import fold, slugify, split_list, term_key

if TYPE_CHECKING:
    from sphinx.domains.std import StandardDomain

    from sphinx_aiguide.records import ConceptRecord


logger = logging.getLogger(__name__)

#: Options whose value is a comma-separated list.
LIST_OPTIONS = ("aliases", "tags", "related", "reviewed-by")


def _first_visible(body: list[nodes.Node]) -> int | None:
    """Index of the first child a reader sees (comments and targets are skipped)."""
    for index, child in enumerate(body):
        if not isinstance(child, nodes.Invisible | nodes.system_message):
            return index
    return None


#: How a writer calls the blocks a concept's body may start with.
_BLOCK_NAMES = {"bullet_list": "a list", "enumerated_list": "a numbered list",
                "definition_list": "a definition list", "literal_block": "a code block",
                "table": "a table", "block_quote": "a quotation", "figure": "a figure",
                "image": "an image", "aiguide_faq_item": "a question (faq)",
                "aiguide_concept": "another concept", "container": "a container"}


def _block_name(node: nodes.Node) -> str:
    name = type(node).__name__
    if isinstance(node, nodes.Admonition):
        return f"a {name} admonition"
    return _BLOCK_NAMES.get(name, f"a {name.replace('_', ' ')}")


def new_concept(explicit_term: str, classes: list[str] | None = None) -> aiguide_concept:
    """An empty concept node with every attribute at its default ("" and empty lists).

    *explicit_term*: the term as the writer gave it, or "" to take the section title.
    """
    return aiguide_concept(classes=["aiguide-concept", *(classes or [])],
                           explicit_term=explicit_term, term="", sort_as="", aliases=[],
                           tags=[], related=[], reviewed_by=[], last_reviewed="",
                           review_every="", owner="")


def take_summary(body: list[nodes.Node]) -> tuple[nodes.paragraph | None, str]:
    """Take the summary, the first paragraph a reader sees, out of *body*.

    Returns the paragraph and ""; or ``None`` and what the body starts with instead, as a
    writer calls it ("a code block"), "" when it shows nothing at all.
    """
    index = _first_visible(body)
    if index is None:
        return None, ""
    if not isinstance(body[index], nodes.paragraph):
        return None, _block_name(body[index])
    found = body.pop(index)
    assert isinstance(found, nodes.paragraph)
    return found, ""


def assemble(node: aiguide_concept, summary: nodes.paragraph | None, body: list[nodes.Node],
             related: aiguide_concept_related | None = None) -> None:
    """Fill *node*: the labelled summary and in-depth part, the related list, the questions.

    The same order as a page whose questions follow the concept: lists, then questions.
    """
    if summary is not None:
        node += aiguide_concept_summary(
            "", make_label(str(_("Concept"))), summary, classes=["aiguide-summary"]
        )
    faqs = [child for child in body if isinstance(child, aiguide_faq_item)]
    indepth = [child for child in body if not isinstance(child, aiguide_faq_item)]
    if any(not isinstance(child, nodes.Invisible) for child in indepth):
        node += aiguide_concept_indepth(
            "", make_label(str(_("In Depth"))), *indepth, classes=["aiguide-indepth"]
        )
    else:
        node.extend(indepth)
    if related is not None:
        node += related
    node.extend(faqs)


class ConceptDirective(AIGuideDirective):
    """``.. concept:: [TERM]`` — the options are listed in docs/reference.md."""

    subtype = "concept"
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = lenient(
        "summary", "aliases", "tags", "related", "reviewed-by", "last-reviewed", "sort-as",
        "review-every", "owner", "name", "class"
    )

    def run(self) -> list[nodes.Node]:
        self.report_unknown_options()
        self.check_fences()
        node = new_concept(fold(self.arguments[0]) if self.arguments else "",
                           classes=self.text_option("class").split())
        node["sort_as"] = self.text_option("sort-as")
        self.set_source_info(node)
        for name in LIST_OPTIONS:
            node[name.replace("-", "_")] = split_list(str(self.options.get(name) or ""))
        current = settings(self.config)
        if node["reviewed_by"] and current.reviewers_strict:
            check_reviewers(current, node["reviewed_by"], self.option_location("reviewed-by"))
        node["last_reviewed"] = ""
        if "last-reviewed" in self.options:
            node["last_reviewed"] = parse_date(self.text_option("last-reviewed"),
                                               self.option_location("last-reviewed"),
                                               today(current))
        node["review_every"] = ""
        if "review-every" in self.options:
            node["review_every"] = parse_every(self.text_option("review-every"),
                                               self.option_location("review-every"))
        node["owner"] = self.text_option("owner")
        if node["owner"]:
            check_reviewers(current, [node["owner"]], self.option_location("owner"),
                            role="owner")
        if "name" in self.options:
            self.options["name"] = self.text_option("name")
            self.add_name(node)

        body = self.parse_content_to_nodes()
        summary = self._summary(body)
        related = self._related(node["related"]) if node["related"] else None
        assemble(node, summary, body, related)
        return [node]

    def _summary(self, body: list[nodes.Node]) -> nodes.paragraph | None:
        """The summary paragraph: from ``:summary:``, else taken out of *body*."""
        text = self.text_option("summary")
        if text:
            inline, messages = self.parse_inline(text, lineno=self.lineno)
            paragraph = nodes.paragraph(text, "", *inline)
            self.set_source_info(paragraph)
            body[:0] = messages
            return paragraph
        summary, instead = take_summary(body)
        if summary is None and not instead:
            self.warn("concept has no summary: write a first paragraph or give :summary:")
        elif summary is None:
            self.warn("concept has no summary: its body starts with %s, not a paragraph; "
                      "write a first paragraph or give :summary:", instead)
        return summary

    def _related(self, names: list[str]) -> aiguide_concept_related:
        """A "Related concepts" list whose links the domain resolves (unknown ones warn)."""
        items = nodes.bullet_list(classes=["aiguide-related-list"])
        for name in names:
            ref = addnodes.pending_xref(
                name, nodes.inline(name, name), refdomain="aiguide", reftype="concept",
                reftarget=name, refexplicit=False, refwarn=True, refdoc=self.env.docname,
                aiguide_show_term=True,
            )
            self.set_source_info(ref)
            items += nodes.list_item("", nodes.paragraph("", "", ref))
        return aiguide_concept_related(
            "", make_label(str(_("Related concepts"))), items, classes=["aiguide-related"]
        )


def _section_title(node: nodes.Element) -> str:
    """The title of the section that holds *node*, or ""."""
    section = next(iter(traverse_parent(node, nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        return fold(plain_text(section[0]))
    return ""


def _show_term(node: aiguide_concept, term: str) -> None:
    """Show the term as a heading when it is not the title of the concept's section.

    Several concepts then share the section, and each shows its own term. A heading that
    is already there (a glossary entry's term, with its markup) is kept or dropped.
    """
    given = [child for child in node.children if isinstance(child, aiguide_term)]
    if not node["explicit_term"] or term_key(term) == term_key(_section_title(node)):
        for heading in given:
            node.remove(heading)
    elif not given:
        node.insert(0, aiguide_term(term, term, classes=["aiguide-term"], translatable=False))


class ConceptTransform(SphinxTransform):
    """Give each concept its term, anchor and byline, and record it in the domain.

    Runs after the i18n transforms (so a translated title names the term) and after
    :class:`~sphinx_aiguide.review.page.PageReviewTransform` (the byline falls back on the
    page's review data for what the concept leaves out).
    """

    default_priority = priorities.CONCEPT

    def apply(self, **kwargs: Any) -> None:
        domain = aiguide_domain(self.env)
        docname = self.env.current_document.docname
        std: StandardDomain = self.env.get_domain("std")  # type: ignore[assignment]
        for node in list(self.document.findall(aiguide_concept)):
            term = node["explicit_term"] or _section_title(node)
            if not term:
                logger.warning(
                    "concept has no term: give it as the directive's argument or put the "
                    "concept in a section whose title is the term; it is not registered",
                    type="aiguide", subtype="concept", location=node,
                )
                continue
            node["term"] = term
            _show_term(node, term)
            anchor = unique_id(self.document, f"concept-{slugify(term)}")
            node["ids"].insert(0, anchor)
            self.document.ids[anchor] = node
            questions = [i for i, child in enumerate(node.children)
                         if isinstance(child, aiguide_faq_item)]
            node.insert(questions[0] if questions else len(node),
                        aiguide_referenced_by(classes=["aiguide-referenced-by"],
                                              docname=docname, refid=anchor))
            # A concept is a glossary term too (:term: and intersphinx find it). A term of a
            # Sphinx glossary on another page that is not made a concept is reported here
            # (the std domain reports it when the glossary is read after the concept).
            glossary = std.objects.get(("term", term))
            if glossary is not None and glossary[0] != docname \
                    and not settings(self.config).glossaries_as_concepts and not any(
                        record["id"] == glossary[1]
                        for record in domain.concepts_of(glossary[0])):
                logger.warning(
                    "concept %r is also a glossary term in %s; :term: links go to the "
                    "concept: remove the term from the glossary", term,
                    self.env.doc2path(glossary[0], False), type="aiguide",
                    subtype="duplicate", location=node)
            add_term_targets(self.env, self.document, node, [term, *node["aliases"]], anchor)
            summary = next((c for c in node.children
                            if isinstance(c, aiguide_concept_summary)), None)
            record: ConceptRecord = {
                "term": term,
                "sort_as": node["sort_as"],
                "docname": docname,
                "id": anchor,
                "line": node.line or 1,
                "summary": fold(plain_text(summary[-1])) if summary else "",
                "aliases": node["aliases"],
                "tags": node["tags"],
                "related": node["related"],
                "reviewers": node["reviewed_by"],
                "last_reviewed": node["last_reviewed"],
                "review_every": node["review_every"],
                "owner": node["owner"],
                "source": relative_source(self.env, node.source or self.document["source"]),
            }
            domain.note_concept(record)
            self._add_byline(node, record)

    def _add_byline(self, node: aiguide_concept, record: ConceptRecord) -> None:
        """The concept's own byline, when it has review data of its own.

        What it leaves out comes from the page, whose own byline is at the page's end.
        """
        current = settings(self.config)
        own = (record["reviewers"] or record["last_reviewed"] or record["review_every"]
               or (record["owner"] and current.show_owner))
        if not own:
            return
        review = entry_review(aiguide_domain(self.env), record)
        due = due_date(review.last_reviewed, interval_of(review, current.review_every))
        byline = make_byline(self.config, review.reviewers, review.last_reviewed, due=due,
                             owner=review.owner)
        if byline is not None:
            byline.source, byline.line = node.source, node.line
            node += byline
