"""The ``faq`` directive: one question each, grouped under "Frequently Asked Questions".

Questions are portable nodes while reading: after reading, consecutive questions are
grouped, recorded in the domain and set in bold, which every builder prints as it is.
When writing HTML, each becomes ``<details>`` with the question as its ``<summary>``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import traverse_parent

from sphinx_aiguide import priorities
from sphinx_aiguide.directives.base import AIGuideDirective, lenient, make_label, unique_id
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
    plain_text,
)
from sphinx_aiguide.text import fold, slugify

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
        self.check_fences()
        question = fold(self.arguments[0]) if self.arguments else ""
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


def _concept_of(node: nodes.Element) -> aiguide_concept | None:
    """The concept that holds *node*, if any."""
    for concept in traverse_parent(node, aiguide_concept):
        assert isinstance(concept, aiguide_concept)
        return concept
    return None


def _plain(answer: nodes.Element) -> str:
    """The answer as plain text: paragraphs apart, white space inside them folded."""
    return "\n\n".join(fold(plain_text(child)) for child in answer.children
                       if not isinstance(child, nodes.Invisible | nodes.system_message))


class FaqTransform(SphinxTransform):
    """Group consecutive questions, give each its ``faq-`` anchor, record it, set it bold.

    Runs after :class:`~sphinx_aiguide.directives.concept.ConceptTransform` so a question
    knows the term of the concept it sits in, and after the i18n transforms, so the bold
    wraps the translated question.
    """

    default_priority = priorities.FAQ

    def apply(self, **kwargs: Any) -> None:
        domain = aiguide_domain(self.env)
        docname = self.env.current_document.docname
        for item in list(self.document.findall(aiguide_faq_item)):
            # the question as readers see it: markup rendered, translated where the
            # project is (the i18n transforms have run), for the anchor and the exports
            asked = item.next_node(aiguide_faq_question)
            question = fold(plain_text(asked)) if asked else ""
            anchor = unique_id(self.document, f"faq-{slugify(question)}")
            item["ids"].insert(0, anchor)
            self.document.ids[anchor] = item
            concept = _concept_of(item)
            domain.note_faq(docname, {
                "question": question,
                "answer": _plain(item.next_node(aiguide_faq_answer) or item),
                "id": anchor,
                "line": item.line or 1,
                "concept": str(concept.get("term", "")) if concept is not None else "",
            })
            if asked is not None and asked.children and not isinstance(asked[0], nodes.strong):
                asked[:] = [nodes.strong("", "", *asked.children)]
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


def _section_depth(node: nodes.Element) -> int:
    return sum(1 for _section in traverse_parent(node, nodes.section))


def _under_term(node: nodes.Element) -> bool:
    """Whether *node* sits in a concept that shows its term as a heading."""
    concept = _concept_of(node)
    return concept is not None and any(isinstance(c, aiguide_term) for c in concept.children)


def as_html(labels: list[nodes.rubric], items: list[aiguide_faq_item]) -> None:
    """HTML: questions become ``<details>``/``<summary>``, labels and terms real headings.

    *labels* are the package's labels and terms (:class:`aiguide_label`,
    :class:`aiguide_term`) on the page, *items* its questions, each in document order.
    """
    for label in labels:
        level = _section_depth(label) + 1
        if isinstance(label, aiguide_label) and _under_term(label):
            level += 1
        label["heading-level"] = min(max(level, _MIN_LEVEL), _MAX_LEVEL)
    for item in items:
        question = item.next_node(aiguide_faq_question)
        answer = item.next_node(aiguide_faq_answer)
        if question is None or answer is None:
            continue
        # <summary> shows the question in its own style, not in the bold of the other
        # builders. It must be the first child of <details>: ids from :name: go on it
        # instead of becoming <span> elements in front of it.
        asked = question.children
        if len(asked) == 1 and isinstance(asked[0], nodes.strong):
            asked = asked[0].children
        shown = aiguide_summary("", "", *asked, classes=question["classes"],
                                ids=item["ids"][1:])
        details = aiguide_details(
            "", shown, answer, ids=item["ids"][:1], classes=item["classes"],
            open=item.get("open", False),
        )
        details.source, details.line = item.source, item.line
        # not replace_self(), which would copy every id back onto <details>
        item.parent.replace(item, details)
