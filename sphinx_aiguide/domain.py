"""The ``aiguide`` domain: the one place that knows every concept, FAQ and review record.

Everything is stored per document as plain dicts, lists and strings, so that
``clear_doc`` and ``merge_domaindata`` (parallel reads) are simple and the pickled
environment stays small. Lookups by term or alias, "Referenced by" lists and the A–Z order
go through indexes built on demand from that data and dropped whenever it changes. The
domain holds data only: which pages an edit makes stale is :mod:`.collector`'s job, and
finding mentions of concepts in the text of pages is :mod:`.autolink`'s.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_aiguide import nodes as package_nodes
from sphinx_aiguide.collation import collation
from sphinx_aiguide.html.urls import is_website
from sphinx_aiguide.mentions import Matcher, name_forms
from sphinx_aiguide.nodes import aiguide_reference
from sphinx_aiguide.records import place
from sphinx_aiguide.text import term_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.records import ConceptRecord, FaqRecord, PageReview

logger = logging.getLogger(__name__)

#: Bumped whenever the shape of stored data changes (it is also the extension's
#: ``env_version``, so one number says both).
DATA_VERSION = 6

#: ``(refdomain, reftype)`` of the cross-references that can point to a concept.
LINK_TYPES = frozenset({("aiguide", "concept"), ("std", "term"), (None, "any"), ("", "any")})


class ConceptRole(XRefRole):
    """``:concept:`Term``` and ``:aiguide:concept:`Term```, both resolved by this domain."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # An unprefixed role name would otherwise be looked up in the std domain.
        self.name = "aiguide:concept"
        return super().run()


def concept_role() -> ConceptRole:
    """The role object; unknown targets are reported (as ``aiguide.ref``)."""
    return ConceptRole(innernodeclass=nodes.inline, warn_dangling=True)


class AIGuideDomain(Domain):
    """Concepts, their aliases, FAQs and review records."""

    name = "aiguide"
    label = "AI Guide"
    object_types: ClassVar[dict[str, ObjType]] = {"concept": ObjType("concept", "concept")}
    roles: ClassVar[dict[str, Any]] = {"concept": concept_role()}
    initial_data: ClassVar[dict[str, Any]] = {
        "concepts": {},  # docname -> [ConceptRecord]
        "faqs": {},  # docname -> [FaqRecord]
        "pages": {},  # docname -> PageReview
        "refs": {},  # docname -> sorted lookup keys of the concepts the page links to
        "indexes": {},  # docname -> whether one of its concept-indexes lists every concept
        "checked": "",  # ISO date whose due reviews the written pages show
        "texts": {},  # docname -> [(owners, text)]: the text mentions may be found in
        "mentions": {},  # docname -> sorted lookup keys of the names mentioned in its texts
        "mentioned_with": "",  # what the names were when "mentions" was last filled in
        "work": {},  # docname -> True: the page holds a node of the package or a concept link
    }
    data_version = DATA_VERSION
    #: The tables of :attr:`data`, all keyed by docname.
    tables: ClassVar[tuple[str, ...]] = ("concepts", "faqs", "pages", "refs", "indexes",
                                         "texts", "mentions", "work")

    _lookup: dict[str, ConceptRecord] | None = None
    _backlinks: dict[tuple[str, str], list[str]] | None = None
    _alphabetical: list[ConceptRecord] | None = None
    _letters: list[tuple[str, list[ConceptRecord]]] | None = None
    _matcher: Matcher | None = None

    def _changed(self) -> None:
        """Drop the indexes derived from :attr:`data`; they are rebuilt on demand."""
        self._lookup = self._backlinks = self._alphabetical = self._letters = None
        self._matcher = None

    @property
    def _concepts(self) -> dict[str, list[ConceptRecord]]:
        concepts: dict[str, list[ConceptRecord]] = self.data["concepts"]
        return concepts

    @property
    def _faqs(self) -> dict[str, list[FaqRecord]]:
        faqs: dict[str, list[FaqRecord]] = self.data["faqs"]
        return faqs

    @property
    def _pages(self) -> dict[str, PageReview]:
        pages: dict[str, PageReview] = self.data["pages"]
        return pages

    # -- writing ---------------------------------------------------------------------

    def note_concept(self, record: ConceptRecord) -> None:
        """Record a concept read from ``record["docname"]``."""
        self._concepts.setdefault(record["docname"], []).append(record)
        self._changed()

    def note_faq(self, docname: str, record: FaqRecord) -> None:
        """Record a question of *docname*."""
        self._faqs.setdefault(docname, []).append(record)

    def note_page_review(self, docname: str, record: PageReview) -> None:
        """Record the page-level review data of *docname*."""
        self._pages[docname] = record

    def note_index(self, docname: str, *, complete: bool) -> None:
        """Record that *docname* lists concepts (it is rewritten when any of them changes).

        *complete*: the listing has no tag filter, so it shows the whole glossary.
        """
        indexes: dict[str, bool] = self.data["indexes"]
        indexes[docname] = indexes.get(docname, False) or complete

    def note_checked(self, iso: str) -> None:
        """Record the day on which the pages were last judged due for review or not."""
        self.data["checked"] = iso
    def note_texts(self, docname: str, texts: list[tuple[tuple[str, ...], str]]) -> None:
        """Record the text of *docname* that may mention concepts.

        Each text comes with the anchors of the entries it belongs to (``""``: the page's
        primary concept), since an entry never mentions its own concept.
        """
        self.data["texts"][docname] = texts

    def note_mentions(self, found: dict[str, list[str]], names: str) -> None:
        """Record the names each page of *found* mentions (lookup keys, sorted).

        *names* describes the names they were found with: when it changes, every page's
        mentions must be found again.
        """
        self.data["mentions"].update(found)
        self.data["mentioned_with"] = names
        self._backlinks = None

    def clear_doc(self, docname: str) -> None:
        for table in self.tables:
            self.data[table].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for table in self.tables:
            for docname, value in otherdata[table].items():
                if docname in docnames:
                    self.data[table][docname] = value
        self._changed()

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Remember which concepts the page links to, for "Referenced by" lists, and
        whether writing the page has anything for the package to do (:meth:`has_work`).

        One walk over the page finds both.
        """
        keys = set()
        work = False
        for node in document.findall(nodes.Element):
            if isinstance(node, addnodes.pending_xref):
                if (node.get("refdomain"), node.get("reftype")) in LINK_TYPES:
                    keys.add(term_key(node["reftarget"]))
            elif not work and type(node).__module__ == package_nodes.__name__:
                work = True
        if keys:
            self.data["refs"][docname] = sorted(keys)
            self._changed()
        if work or keys:
            self.data["work"][docname] = True

    def has_work(self, docname: str) -> bool:
        """Whether writing *docname* has anything for the package to do.

        A page without a concept, question, byline, listing, concept link or mention is
        left alone by the package's post-transforms: on a large project that is most pages.
        """
        return docname in self.data["work"] or bool(self.data["mentions"].get(docname))

    # -- reading ---------------------------------------------------------------------

    def concepts(self) -> Iterator[ConceptRecord]:
        """Every concept, in document order of docnames sorted by name (deterministic)."""
        for docname in sorted(self._concepts):
            yield from self._concepts[docname]

    def concepts_of(self, docname: str) -> list[ConceptRecord]:
        """The concepts defined in *docname*, in source order."""
        return list(self._concepts.get(docname, ()))

    def faqs_of(self, docname: str) -> list[FaqRecord]:
        """The questions of *docname*, in source order."""
        return list(self._faqs.get(docname, ()))

    def faqs(self) -> Iterator[tuple[str, FaqRecord]]:
        """Every question with its docname, in source order of docnames sorted by name."""
        for docname in sorted(self._faqs):
            for record in self._faqs[docname]:
                yield docname, record

    def page_review(self, docname: str) -> PageReview | None:
        """The page-level review data of *docname*, if it has any."""
        return self._pages.get(docname)

    def page_reviews(self) -> Iterator[tuple[str, PageReview]]:
        """Every page-level review record, sorted by docname."""
        for docname in sorted(self._pages):
            yield docname, self._pages[docname]

    def last_checked(self) -> str:
        """The ISO day of :meth:`note_checked` ("" before the first build)."""
        return str(self.data.get("checked", ""))

    def record_at(self, docname: str, anchor: str) -> ConceptRecord | None:
        """The concept of *docname* whose anchor is *anchor*."""
        return next((r for r in self._concepts.get(docname, ()) if r["id"] == anchor), None)

    def listed(self) -> Iterator[ConceptRecord]:
        """The concepts that listings and exports show: a term defined twice shows once."""
        return (record for record in self.concepts() if self.find(record["term"]) is record)

    def alphabetical(self) -> list[ConceptRecord]:
        """The listed concepts in the A–Z order of the project's language.

        Listings, jump bars and the exports all show this one order.
        """
        if self._alphabetical is None:
            order = collation(self.env.config.language)
            self._alphabetical = sorted(
                self.listed(), key=lambda record: (order.key(sort_text(record)),
                                                   record["docname"]))
        return self._alphabetical

    def letter_groups(self) -> list[tuple[str, list[ConceptRecord]]]:
        """The A–Z groups of every listed concept, in order (what an unfiltered index shows)."""
        if self._letters is None:
            self._letters = letter_groups(self.alphabetical(), self.env.config.language)
        return self._letters

    def index_pages(self) -> list[str]:
        """The pages that hold a concept-index, sorted."""
        return sorted(self.data["indexes"])

    def glossary_page(self) -> str:
        """The page that stands for the whole glossary (its structured data defines the set).

        The first page, by name, with a concept-index that lists every concept; the root
        document when there is none.
        """
        complete = (docname for docname, full in sorted(self.data["indexes"].items()) if full)
        return next(complete, str(self.env.config.root_doc))

    def linking_pages(self) -> list[str]:
        """The pages that link to or mention at least one concept (or unknown name), sorted."""
        mentioning = {docname for docname, keys in self.data["mentions"].items() if keys}
        return sorted(self.data["refs"].keys() | mentioning)

    def links_of(self, docname: str) -> list[str]:
        """Lookup keys of the concepts (or unknown names) *docname* links to or mentions."""
        refs: list[str] = self.data["refs"].get(docname, [])
        mentions: list[str] = self.data["mentions"].get(docname, [])
        return sorted({*refs, *mentions}) if mentions else refs

    def texts_of(self, docname: str) -> list[tuple[tuple[str, ...], str]]:
        """The text of *docname* that may mention concepts (see :meth:`note_texts`)."""
        texts: list[tuple[tuple[str, ...], str]] = self.data["texts"].get(docname, [])
        return texts

    def pages_with_text(self) -> list[str]:
        """The pages whose text may mention concepts, sorted."""
        return sorted(self.data["texts"])

    def mentions_of(self, docname: str) -> list[str] | None:
        """The lookup keys of the names *docname* mentions; ``None`` until they are found."""
        found: list[str] | None = self.data["mentions"].get(docname)
        return found

    def mentioned_with(self) -> str:
        """The description of the names the recorded mentions were found with."""
        return str(self.data["mentioned_with"])

    def referrers(self, record: ConceptRecord) -> list[str]:
        """The other pages that link to *record* or mention it, sorted by docname."""
        if self._backlinks is None:
            backlinks: dict[tuple[str, str], list[str]] = {}
            for docname in self.linking_pages():
                keys = self.links_of(docname)
                targets = {(found["docname"], found["id"])
                           for found in map(self.find, keys) if found is not None}
                for target in sorted(targets):
                    if target[0] != docname:
                        backlinks.setdefault(target, []).append(docname)
            self._backlinks = backlinks
        return self._backlinks.get((record["docname"], record["id"]), [])

    def names(self, record: ConceptRecord) -> list[str]:
        """The term and the aliases of *record*."""
        return [record["term"], *record["aliases"]]

    def duplicates(self) -> Iterator[tuple[str, ConceptRecord, ConceptRecord]]:
        """``(name as the later one spells it, first, later)`` for every clash of names.

        The first definition in docname order wins; the later ones are reported.
        """
        seen: dict[str, ConceptRecord] = {}
        for record in self.concepts():
            spelt: dict[str, str] = {}
            for name in self.names(record):
                spelt.setdefault(term_key(name), name)
            for key, name in spelt.items():
                first = seen.setdefault(key, record)
                if first is not record:
                    yield name, first, record

    def find(self, name: str) -> ConceptRecord | None:
        """The concept whose term or alias is *name* (case-insensitive), or its plural.

        A name wins over another concept's name in the plural (*Models* over the plural
        of *Model*).
        """
        if self._lookup is None:
            lookup: dict[str, ConceptRecord] = {}
            for record in self.concepts():
                for alias in self.names(record):
                    lookup.setdefault(term_key(alias), record)
            for record in self.concepts():
                for alias in self.names(record):
                    for form in name_forms(alias)[1:]:
                        lookup.setdefault(term_key(form), record)
            self._lookup = lookup
        return self._lookup.get(term_key(name))

    def mention_names(self) -> list[str]:
        """Every name that mentions look for: the terms and aliases that :meth:`find` gives
        their own concept (a name defined twice counts for the first definition)."""
        return [name for record in self.concepts() for name in self.names(record)
                if self.find(name) is record]

    def matcher(self) -> Matcher:
        """The matcher of every name (built once, until the data changes)."""
        if self._matcher is None:
            self._matcher = Matcher(self.mention_names())
        return self._matcher

    def unused(self) -> list[ConceptRecord]:
        """The listed concepts that no page links to or mentions."""
        used = {(found["docname"], found["id"])
                for docname in self.linking_pages() for key in self.links_of(docname)
                if (found := self.find(key)) is not None}
        return [record for record in self.listed()
                if (record["docname"], record["id"]) not in used]

    def primary_concept(self, docname: str, title: str) -> ConceptRecord | None:
        """The page's only concept, or the one whose term equals the page title."""
        records = self._concepts.get(docname, [])
        if len(records) == 1:
            return records[0]
        key = term_key(title)
        return next((r for r in records if term_key(r["term"]) == key), None)

    # -- cross-references ------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        record = self.find(target)
        if record is None:
            return None
        if node.get("aiguide_show_term"):
            # Lists of concepts show each one under its own term, however it was written.
            contnode = nodes.inline(record["term"], record["term"])
        return concept_reference(builder, fromdocname, record, contnode,
                                 preview=not node.get("aiguide_no_preview"))

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        refnode = self.resolve_xref(env, fromdocname, builder, "concept", target, node, contnode)
        return [] if refnode is None else [("aiguide:concept", refnode)]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for record in self.concepts():
            yield record["term"], record["term"], "concept", record["docname"], record["id"], 1
            for alias in record["aliases"]:
                yield alias, alias, "concept", record["docname"], record["id"], 2


def concept_reference(builder: Builder, fromdocname: str, record: ConceptRecord,
                      contnode: nodes.Element, *, preview: bool) -> nodes.reference:
    """The finished link from *fromdocname* to *record*, showing *contnode*.

    What the ``concept`` role resolves to, and what a mention becomes directly (it knows
    its concept already). With *preview*, a website link is made as the
    :class:`~.nodes.aiguide_reference` that writes its preview.
    """
    refnode = make_refnode(builder, fromdocname, record["docname"], record["id"], contnode)
    if refnode.get("refuri", "").startswith("#"):
        # singlehtml: every page is a fragment of one file ("#document-x"), so the
        # concept's own anchor is the whole link; "#document-x#concept-y" finds nothing.
        refnode["refuri"] = f"#{record['id']}"
    refnode["classes"].append("aiguide-ref")
    if preview and is_website(builder):
        refnode = aiguide_reference("", "", *refnode.children, **refnode.attributes,
                                    summary=record["summary"])
    return refnode


def sort_text(record: ConceptRecord) -> str:
    """What a concept is sorted and filed by: its ``:sort-as:`` text, else its term."""
    return record.get("sort_as") or record["term"]


def letter_groups(records: Iterable[ConceptRecord],
                  language: str | None) -> list[tuple[str, list[ConceptRecord]]]:
    """*records* (already in A–Z order) under the heading letter each files under."""
    letter = collation(language).letter
    return [(heading, list(group)) for heading, group
            in groupby(records, key=lambda record: letter(sort_text(record)))]


def aiguide_domain(env: BuildEnvironment) -> AIGuideDomain:
    """The project's ``aiguide`` domain."""
    domain = env.get_domain(AIGuideDomain.name)
    assert isinstance(domain, AIGuideDomain)
    return domain


def warn_duplicates(app: Sphinx, env: BuildEnvironment) -> None:
    """Name both places of every term or alias defined twice, on every build.

    Run once all documents are merged (so ``-j`` builds see every definition) and on
    every build, so that ``-W`` fails consistently until the clash is fixed.
    """
    for name, first, later in aiguide_domain(env).duplicates():
        logger.warning(
            "concept name %r is defined twice: here and in %s, line %d",
            name,
            first["source"],
            first["line"],
            type="aiguide",
            subtype="duplicate",
            location=place(env, later),
        )

