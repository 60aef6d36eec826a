"""The schema.org graph of a page and the ``<script>`` element that carries it.

A page's graph has a ``WebPage`` (with its review data), a ``DefinedTerm`` for every
concept on it and a ``FAQPage`` with every question on it. Each concept names the
``DefinedTermSet`` it belongs to, the project's glossary, by ``@id`` only: the set itself,
with every concept in A–Z order, is defined once, on the glossary page (the page with the
complete concept index, else the root document), whose ``CollectionPage`` has it as its
main entity. Nodes refer to each other by ``@id``: absolute when ``html_baseurl`` is set,
otherwise relative to the page, which a JSON-LD processor resolves against the page's own
address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_aiguide.config import settings
from sphinx_aiguide.html.urls import absolute, from_page, page_uri
from sphinx_aiguide.review.checks import effective_review
from sphinx_aiguide.review.registry import lookup

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinx_aiguide.domain import AIGuideDomain
    from sphinx_aiguide.html.anchors import Anchors
    from sphinx_aiguide.records import ConceptRecord, FaqRecord

Node = dict[str, Any]

#: What a JSON string may not contain inside ``<script>``: ``</script>`` and ``<!--``
#: change how the HTML parser reads the element, ``&`` is escaped for XHTML readers.
_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
#: The fragment naming the glossary as a whole on the root page.
GLOSSARY_FRAGMENT = "aiguide-glossary"


def script_tag(graph: list[Node]) -> str:
    """A ``<script type="application/ld+json">`` element no text inside it can close.

    Values that are not JSON types (lazy translation strings, for one) are written as
    their text.
    """
    text = json.dumps({"@context": "https://schema.org", "@graph": graph},
                      ensure_ascii=False, separators=(",", ":"), default=str)
    for char, escape in _SCRIPT_UNSAFE.items():
        text = text.replace(char, escape)
    return f'<script type="application/ld+json">{text}</script>\n'


@dataclass(frozen=True)
class PageGraph:
    """Builds the graph of the page at ``current`` (a URI relative to the output root)."""

    builder: Builder
    domain: AIGuideDomain
    current: str
    #: Where each concept and question is (ids are renamed in singlehtml).
    anchors: Anchors

    @property
    def _config(self) -> Any:
        return self.builder.config

    def _ref(self, uri: str) -> str:
        """An ``@id`` for *uri*: absolute with a base URL, else relative to this page."""
        return absolute(self._config, uri) or from_page(self.current, uri)

    def _glossary_uri(self) -> str:
        return f"{page_uri(self.builder, self.domain.glossary_page())}#{GLOSSARY_FRAGMENT}"

    @property
    def is_glossary_page(self) -> bool:
        """Whether this page defines the glossary's ``DefinedTermSet``."""
        return self.current == page_uri(self.builder, self.domain.glossary_page())

    def _people(self, keys: list[str]) -> list[Node]:
        people: list[Node] = []
        current = settings(self._config)
        for key in keys:
            reviewer = lookup(current, key)
            person: Node = {"@type": "Person", "name": reviewer.name}
            if reviewer.url:
                person["url"] = reviewer.url
            if reviewer.title:
                person["jobTitle"] = reviewer.title
            people.append(person)
        return people

    def web_page(self, name: str, keys: list[str], iso: str,
                 primary: ConceptRecord | None, *, glossary: bool = False) -> Node:
        """The page itself, with the review data readers see in its byline.

        Its description is its main entity's, once (the page's ``<meta name="description">``
        says it to search engines that read no structured data). The *glossary* page is a
        ``CollectionPage`` whose main entity is the whole set.
        """
        node: Node = {"@type": "CollectionPage" if glossary else "WebPage", "name": name}
        url = absolute(self._config, self.current)
        if url:
            node["@id"] = node["url"] = url
        language = self._config.language
        if language:
            node["inLanguage"] = str(language).replace("_", "-")
        if glossary:
            node["mainEntity"] = {"@id": self._ref(self._glossary_uri())}
        elif primary is not None:
            node["mainEntity"] = {"@id": self._term_ref(primary)}
        if keys:
            node["reviewedBy"] = self._people(keys)
        if iso:
            node["lastReviewed"] = iso
        if not glossary:
            node["isPartOf"] = {"@id": self._ref(self._glossary_uri())}
        return node

    def _term_ref(self, record: ConceptRecord) -> str:
        return self._ref(self.anchors.uri(record["docname"], record["id"]))

    def defined_term(self, record: ConceptRecord) -> Node:
        """One concept: its term, other names, summary and place in the glossary."""
        node: Node = {"@type": "DefinedTerm", "@id": self._term_ref(record),
                      "name": record["term"]}
        if record["aliases"]:
            node["alternateName"] = list(record["aliases"])
        if record["summary"]:
            node["description"] = record["summary"]
        url = absolute(self._config, self.anchors.uri(record["docname"], record["id"]))
        if url:
            node["url"] = url
        node["inDefinedTermSet"] = {"@id": self._ref(self._glossary_uri())}
        return node

    def member(self, record: ConceptRecord) -> Node:
        """One concept as the set lists it: enough to find and name it."""
        target = self.anchors.uri(record["docname"], record["id"])
        node: Node = {"@type": "DefinedTerm", "@id": self._ref(target), "name": record["term"],
                      "url": absolute(self._config, target) or from_page(self.current, target)}
        if record["aliases"]:
            node["alternateName"] = list(record["aliases"])
        if record["summary"]:
            node["description"] = record["summary"]
        return node

    def term_set(self) -> Node:
        """The project's glossary with every concept, in the A–Z order of its language."""
        page = page_uri(self.builder, self.domain.glossary_page())
        return {"@type": "DefinedTermSet", "@id": self._ref(self._glossary_uri()),
                "name": str(self._config.project),
                "url": absolute(self._config, page) or from_page(self.current, page),
                "hasDefinedTerm": [self.member(record) for record in self.domain.alphabetical()]}

    def faq_page(self, docname_faqs: list[tuple[str, FaqRecord]]) -> Node:
        """Every question of the page, each with its answer as plain text."""
        questions: list[Node] = []
        for docname, faq in docname_faqs:
            question: Node = {"@type": "Question", "name": faq["question"],
                              "acceptedAnswer": {"@type": "Answer", "text": faq["answer"]}}
            url = absolute(self._config, self.anchors.uri(docname, faq["id"]))
            if url:
                question["url"] = url
            questions.append(question)
        node: Node = {"@type": "FAQPage"}
        url = absolute(self._config, self.current)
        if url:
            node["url"] = url
        node["mainEntity"] = questions
        return node

    def graph(self, docnames: list[str], name: str,
              primary: ConceptRecord | None) -> list[Node]:
        """The graph of a page that shows *docnames* (one, or all of them in singlehtml).

        Review data is the primary concept's (which falls back on the page's), else the
        page's own; a page with no concept, review data or question has no graph, unless
        it is the glossary page of a project that has concepts.
        """
        glossary = self.is_glossary_page and bool(self.domain.alphabetical())
        concepts = [r for doc in docnames for r in self.domain.concepts_of(doc)]
        faqs = [(doc, f) for doc in docnames for f in self.domain.faqs_of(doc)]
        keys: list[str] = []
        iso = ""
        if primary is not None:
            keys, iso = effective_review(self.domain, primary)
        elif docnames and (page := self.domain.page_review(docnames[0])) is not None:
            keys, iso = page["reviewers"], page["last_reviewed"]
        if not (concepts or faqs or keys or iso or glossary):
            return []
        graph = [self.web_page(name, keys, iso, primary, glossary=glossary)]
        graph.extend(self.defined_term(record) for record in concepts)
        if glossary:
            graph.append(self.term_set())
        if faqs:
            graph.append(self.faq_page(faqs))
        return graph
