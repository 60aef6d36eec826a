"""The ``faq`` directive: one question each, grouped under "Frequently Asked Questions".

Questions are portable nodes while reading. After reading, consecutive questions are
grouped and recorded in the domain; when writing, HTML turns each into
``<details>``/``<summary>`` and every other builder prints the question in bold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_aiguide.concept import make_label, unique_id
from sphinx_aiguide.directive import AIGuideDirective, lenient
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.i18n import _
from sphinx_aiguide.nodes import (
    aiguide_concept,
    aiguide_details,
    aiguide_faq_answer,
    aiguide_faq_group,
    aiguide_faq_item,
    aiguide_faq_question,
    aiguide_label,
    aiguide_summary,
    aiguide_term,
)
from sphinx_aiguide.text import slugify

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: Heading level of the labels inside a section of depth 1 (the page title is ``<h1>``).
_MIN_LEVEL, _MAX_LEVEL = 2, 6


class FaqDirective(AIGuideDirective):
    """``.. faq:: QUESTION`` with the answer as content."""

    subtype = "faq"
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = lenient("open", "name", "class")

    def run(self) -> list[nodes.Node]:
        self.report_unknown_options()
        question = " ".join(self.arguments[0].split()) if self.arguments else ""
        answer = aiguide_faq_answer(classes=["aiguide-faq-answer"])
        answer.extend(self.parse_content_to_nodes())
        self.set_source_info(answer)
        if not question:
            self.warn("faq has no question: give it as the directive's argument; "
                      "the answer is shown as plain text")
            return [answer]
        if not self.content:
            self.warn("faq %r has no answer: write it as the directive's content", question)
        item = aiguide_faq_item(
            classes=["aiguide-faq-item", *self.text_option("class").split()],
            open="open" in self.options,
        )
        self.set_source_info(item)
        inline, messages = self.parse_inline(question, lineno=self.lineno)
        asked = aiguide_faq_question(question, "", *inline,
                                           classes=["aiguide-faq-question"])
        self.set_source_info(asked)
        item += asked
        item += answer
        if "name" in self.options:
            self.options["name"] = self.text_option("name")
            self.add_name(item)
        return [item, *messages]


def _owner(node: nodes.Element) -> str:
    """The term of the concept that holds *node*, or ""."""
    parent = node.parent
    while parent is not None and not isinstance(parent, aiguide_concept):
        parent = parent.parent
    return str(parent.get("term", "")) if parent is not None else ""


def _plain(answer: nodes.Element) -> str:
    """The answer as plain text: paragraphs apart, white space inside them folded."""
    return "\n\n".join(" ".join(child.astext().split()) for child in answer.children
                       if not isinstance(child, nodes.Invisible))


class FaqTransform(SphinxTransform):
    """Group consecutive questions, give each its ``faq-`` anchor and record it.

    Runs after :class:`~sphinx_aiguide.concept.ConceptTransform` so a question knows the
    term of the concept it sits in.
    """

    default_priority = 520

    def apply(self, **kwargs: Any) -> None:
        domain = aiguide_domain(self.env)
        docname = self.env.current_document.docname
        for item in list(self.document.findall(aiguide_faq_item)):
            # the question as readers see it: markup rendered, translated where the
            # project is (the i18n transforms have run), for the anchor and the exports
            asked = item.next_node(aiguide_faq_question)
            question = " ".join((asked or item).astext().split()) if asked else ""
            anchor = unique_id(self.document, f"faq-{slugify(question)}")
            item["ids"].insert(0, anchor)
            self.document.ids[anchor] = item
            domain.note_faq(docname, {
                "question": question,
                "answer": _plain(item.next_node(aiguide_faq_answer) or item),
                "id": anchor,
                "line": item.line or 1,
                "concept": _owner(item),
            })
            self._group(item)

    def _group(self, item: aiguide_faq_item) -> None:
        """Put *item* and the questions right after it in one group (once per run)."""
        parent = item.parent
        if parent is None or isinstance(parent, aiguide_faq_group):
            return
        start = parent.index(item)
        end = start
        while end + 1 < len(parent) and isinstance(parent[end + 1], aiguide_faq_item):
            end += 1
        members = parent[start:end + 1]
        group = aiguide_faq_group(
            "", make_label(str(_("Frequently Asked Questions"))), classes=["aiguide-faq"]
        )
        group.source, group.line = item.source, item.line
        del parent[start:end + 1]
        group.extend(members)
        parent.insert(start, group)


def _section_depth(node: nodes.Node) -> int:
    depth = 0
    parent = node.parent
    while parent is not None:
        depth += isinstance(parent, nodes.section)
        parent = parent.parent
    return depth


def _under_term(node: nodes.Node) -> bool:
    """Whether *node* sits in a concept that shows its term as a heading."""
    parent = node.parent
    while parent is not None and not isinstance(parent, aiguide_concept):
        parent = parent.parent
    return parent is not None and any(isinstance(c, aiguide_term) for c in parent.children)


class HtmlFaqTransform(SphinxPostTransform):
    """HTML: questions become ``<details>``/``<summary>``, labels and terms real headings."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for label in self.document.findall(nodes.rubric):
            if not isinstance(label, aiguide_label | aiguide_term):
                continue
            level = _section_depth(label) + 1
            if isinstance(label, aiguide_label) and _under_term(label):
                level += 1
            label["heading-level"] = min(max(level, _MIN_LEVEL), _MAX_LEVEL)
        for item in list(self.document.findall(aiguide_faq_item)):
            question = item.next_node(aiguide_faq_question)
            answer = item.next_node(aiguide_faq_answer)
            if question is None or answer is None:
                continue
            # <summary> must be the first child of <details>: ids from :name: go on it
            # instead of becoming <span> elements in front of it.
            shown = aiguide_summary("", "", *question.children, classes=question["classes"],
                                    ids=item["ids"][1:])
            details = aiguide_details(
                "", shown, answer, ids=item["ids"][:1], classes=item["classes"],
                open=item.get("open", False),
            )
            details.source, details.line = item.source, item.line
            # not replace_self(), which would copy every id back onto <details>
            item.parent.replace(item, details)


class BoldQuestionTransform(SphinxPostTransform):
    """Every other builder: the question in bold, then the answer."""

    default_priority = 201

    def run(self, **kwargs: Any) -> None:
        for question in self.document.findall(aiguide_faq_question):
            if question.children and not isinstance(question[0], nodes.strong):
                children = list(question.children)
                question.clear()
                question += nodes.strong("", "", *children)


def setup_faq(app: Sphinx) -> None:
    """Register the directive and its transforms."""
    app.add_directive("faq", FaqDirective)
    app.add_transform(FaqTransform)
    app.add_post_transform(HtmlFaqTransform)
    app.add_post_transform(BoldQuestionTransform)
