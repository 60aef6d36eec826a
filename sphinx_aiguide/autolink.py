"""Mentions link themselves (``aiguide_autolink``), and concepts no page links to are named.

Whether a word is a mention depends on every concept of the project, which no page knows
while it is read (under ``-j`` not even the reading process). So the work is split in three,
each step seeing exactly what it needs:

1. **Reading** (:class:`MentionTextTransform`): the text a mention may be linked in — the
   page's text outside code, titles, links, ``only`` blocks and the other places listed in
   :data:`SKIPPED` — is stored in the domain, with the anchors of the entries each piece
   belongs to (a concept's own entry never links to it). A page that opts out, or a
   project without auto-links, stores nothing.
2. **After reading** (:func:`find_mentions`, ``env-updated``, main process, every page
   merged): one :class:`~sphinx_aiguide.mentions.Matcher` of every name finds which names
   each page mentions; the domain keeps their lookup keys beside the keys of the page's
   explicit links. From then on "Referenced by" lists, the exports, the unused-concept
   warning and :mod:`.collector`'s rewrite decisions see mentions as links. Only pages
   read in this build are searched, unless the names changed (a concept was added,
   renamed or removed, or an alias changed), in which case every page is searched again;
   a page whose mentions changed is then rewritten like any page whose links changed.
3. **Writing** (:func:`link_mentions`, called by :mod:`.writing` before references are
   resolved): the same matcher runs once over each text node of the same text, and
   mentions become the links the ``concept`` role's references resolve to (made by the
   same function, :func:`.domain.concept_reference`), so previews, CSS, LaTeX links and
   every other builder follow unchanged. With
   ``"first"``, a concept is linked once per page and not at all when the page already
   links to it; the stored mentions count either way, so the mode needs no new reading.

Steps 2 and 3 apply the same function to the same text, so what a page shows and what the
domain counts cannot disagree; and since step 2 runs in the main process, ``-j`` builds
count what ``-j 1`` builds count.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinx_aiguide import priorities
from sphinx_aiguide.config import settings
from sphinx_aiguide.domain import LINK_TYPES, aiguide_domain, concept_reference
from sphinx_aiguide.mentions import SEPARATOR
from sphinx_aiguide.nodes import (
    aiguide_byline,
    aiguide_concept,
    aiguide_concept_related,
    aiguide_faq_item,
    aiguide_faq_question,
    aiguide_index,
    aiguide_referenced_by,
)
from sphinx_aiguide.records import page_title, place
from sphinx_aiguide.review.page import front_matter_line

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.domain import AIGuideDomain
    from sphinx_aiguide.mentions import Mention
    from sphinx_aiguide.records import ConceptRecord

logger = logging.getLogger(__name__)

#: The file-wide field (MyST: front matter key) by which a page opts out.
FIELD = "aiguide-autolink"
_OFF = frozenset({"off", "no", "false", "none", "0"})
_ON = frozenset({"on", "yes", "true", "1"})

#: Elements whose text is never linked: code, literal, raw and math text; titles, labels
#: and terms; links, link targets and footnote marks; abbreviations; broken markup and its
#: reports; ``only`` blocks (what they show depends on the builder, while mentions are
#: counted once for all builders); questions (headings of their answers); bylines and the
#: lists and listings the package fills in itself. Text a role marks ``xref`` is skipped
#: too: it is a link, or a role's target with links turned off (``:concept:`!Term```).
SKIPPED: tuple[type, ...] = (
    nodes.FixedTextElement, nodes.literal, nodes.math, nodes.title_reference,
    addnodes.literal_emphasis, addnodes.literal_strong,
    nodes.title, nodes.subtitle, nodes.rubric, nodes.term, nodes.classifier,
    nodes.field_name, nodes.option_string, nodes.option_argument, nodes.thead,
    nodes.reference, nodes.target, addnodes.pending_xref, nodes.footnote_reference,
    nodes.citation_reference, nodes.substitution_reference, nodes.label,
    nodes.abbreviation, nodes.acronym, nodes.problematic, nodes.system_message,
    nodes.docinfo, nodes.Invisible, addnodes.only, addnodes.toctree, addnodes.index,
    addnodes.desc_signature, addnodes.productionlist,
    aiguide_faq_question, aiguide_byline, aiguide_referenced_by, aiguide_index,
    aiguide_concept_related,
)

#: Where a text stands on its page: the anchors of the entries it belongs to
#: (``""``: the page's primary concept, which owns the questions outside any concept).
Owners = tuple[str, ...]


def linkable_texts(document: nodes.Element, docname: str
                   ) -> list[tuple[nodes.Text, str, Owners]]:
    """Every text node a mention may be linked in, in document order, with its place.

    The pages the single-page and LaTeX builders put into one document keep their own
    names (``start_of_file``).
    """
    found: list[tuple[nodes.Text, str, Owners]] = []

    def visit(element: nodes.Element, page: str, owners: Owners) -> None:
        for child in element.children:
            if isinstance(child, nodes.Text):
                found.append((child, page, owners))
            elif isinstance(child, SKIPPED) or not isinstance(child, nodes.Element) \
                    or "xref" in child["classes"]:
                continue
            elif isinstance(child, addnodes.start_of_file):
                visit(child, child["docname"], ())
            elif isinstance(child, aiguide_concept) and child.get("term") and child["ids"]:
                visit(child, page, (*owners, child["ids"][0]))
            elif isinstance(child, aiguide_faq_item) and not owners:
                visit(child, page, ("",))
            else:
                visit(child, page, owners)

    visit(document, docname, ())
    return found


def page_texts(document: nodes.document, docname: str) -> list[tuple[Owners, str]]:
    """The linkable text of a page as stored: the texts of each run of the same owners,
    joined by :data:`~sphinx_aiguide.mentions.SEPARATOR` (no mention spans it)."""
    runs: list[tuple[Owners, list[str]]] = []
    for text, _page, owners in linkable_texts(document, docname):
        value = str(text)
        if not value.strip():
            continue
        if runs and runs[-1][0] == owners:
            runs[-1][1].append(value)
        else:
            runs.append((owners, [value]))
    return [(owners, SEPARATOR.join(values)) for owners, values in runs]


def own_concepts(env: BuildEnvironment, domain: AIGuideDomain, docname: str,
                 owners: Owners) -> frozenset[tuple[str, str]]:
    """``(docname, anchor)`` of the concepts whose own entry a text belongs to."""
    anchors = set(owners)
    if "" in anchors:
        primary = domain.primary_concept(docname, page_title(env, docname))
        anchors.discard("")
        if primary is not None:
            anchors.add(primary["id"])
    return frozenset((docname, anchor) for anchor in anchors)


def counted(domain: AIGuideDomain, mentions: list[Mention],
            own: frozenset[tuple[str, str]]) -> Iterator[tuple[Mention, ConceptRecord]]:
    """The mentions that count, each with its concept: not those of an entry's own concept."""
    for mention in mentions:
        record = domain.find(mention.key)
        if record is not None and (record["docname"], record["id"]) not in own:
            yield mention, record


def _opt_out(document: nodes.document, docname: str) -> bool:
    """Whether the page's file-wide fields switch auto-links off (an unknown value warns)."""
    docinfo = next(iter(document.findall(nodes.docinfo)), None)
    if docinfo is None:
        return False
    for field in docinfo.findall(nodes.field):
        if field[0].astext().strip().lower() not in {FIELD, FIELD.replace("-", "_")}:
            continue
        value = field[1].astext().strip().strip("\"'").lower()
        if value in _OFF:
            return True
        if value not in _ON:
            line = field.line or front_matter_line(document["source"], FIELD)
            logger.warning("%s: %r is not 'off' or 'on'; mentions on this page are linked",
                           FIELD, value, type="aiguide", subtype="autolink",
                           location=(docname, line))
    return False


class MentionTextTransform(SphinxTransform):
    """Store the text of the page that mentions may be found in (step 1 above)."""

    default_priority = priorities.MENTION_TEXT

    def apply(self, **kwargs: Any) -> None:
        if settings(self.config).autolink is None:
            return
        docname = self.env.current_document.docname
        if _opt_out(self.document, docname):
            return
        texts = page_texts(self.document, docname)
        if texts:
            aiguide_domain(self.env).note_texts(docname, texts)


def _names_id(domain: AIGuideDomain) -> str:
    """A short fingerprint of every name and the concept it names."""
    digest = hashlib.sha256()
    for name in domain.mention_names():
        record = domain.find(name)
        assert record is not None
        digest.update(f"{name}\t{record['docname']}\t{record['id']}\n".encode())
    return digest.hexdigest()


def find_mentions(app: Sphinx, env: BuildEnvironment) -> None:
    """Find the names each page mentions, once every page is read (step 2 above)."""
    domain = aiguide_domain(env)
    pages = domain.pages_with_text()
    if not pages:
        return
    names = _names_id(domain)
    if names != domain.mentioned_with():
        stale = pages
    else:
        stale = [docname for docname in pages if domain.mentions_of(docname) is None]
    if not stale:
        return
    matcher = domain.matcher()
    found = {}
    for docname in stale:
        keys: set[str] = set()
        for owners, text in domain.texts_of(docname):
            own = own_concepts(env, domain, docname, owners)
            keys.update(m.key for m, _record in counted(domain, matcher.find(text), own))
        found[docname] = sorted(keys)
    domain.note_mentions(found, names)


def warn_unused(app: Sphinx, env: BuildEnvironment) -> None:
    """With ``aiguide_warn_unused``, name each concept that no page links to or mentions.

    Checked on every build, once mentions are found, so ``-W`` fails until it is linked.
    """
    if not settings(app.config).warn_unused:
        return
    for record in aiguide_domain(env).unused():
        logger.warning("concept %r is not linked from any page", record["term"],
                       type="aiguide", subtype="unused", location=place(env, record))


def link_mentions(env: BuildEnvironment, builder: Builder, document: nodes.document,
                  docname: str, links: list[addnodes.pending_xref]) -> None:
    """Turn mentions into concept links (step 3 above), in every builder.

    *links* are the page's ``pending_xref`` nodes as read: with ``"first"``, a concept the
    page already links to is not linked again.
    """
    mode = settings(env.config).autolink
    if mode is None:
        return
    domain = aiguide_domain(env)
    if not domain.mentions_of(docname) and not document.next_node(addnodes.start_of_file):
        return  # found no mention when it was read: it has none now (same text, names)
    matcher = domain.matcher()
    # (page, concept) already linked: a link written on the page counts as the first
    linked = {(node.get("refdoc", ""), (found["docname"], found["id"]))
              for node in links
              if (node.get("refdomain"), node.get("reftype")) in LINK_TYPES
              and (found := domain.find(node["reftarget"])) is not None}
    owned: dict[tuple[str, Owners], frozenset[tuple[str, str]]] = {}
    # with "first", the concepts each page mentions and has not linked yet: once none is
    # left, the rest of the page is not searched
    unlinked: dict[str, set[tuple[str, str]]] = {}
    for text, page, owners in linkable_texts(document, docname):
        keys = domain.mentions_of(page)
        if not keys:
            continue
        if mode == "first":
            if page not in unlinked:
                unlinked[page] = {(found["docname"], found["id"]) for key in keys
                                  if (found := domain.find(key)) is not None
                                  and (page, (found["docname"], found["id"])) not in linked}
            if not unlinked[page]:
                continue
        mentions = matcher.find(str(text))
        if not mentions:
            continue
        if (page, owners) not in owned:
            owned[page, owners] = own_concepts(env, domain, page, owners)
        chosen = []
        for mention, record in counted(domain, mentions, owned[page, owners]):
            target = (page, (record["docname"], record["id"]))
            if mode == "first" and target in linked:
                continue
            linked.add(target)
            if mode == "first":
                unlinked[page].discard(target[1])
            chosen.append((mention, record))
        if chosen:
            text.parent.replace(text, _split(builder, str(text), chosen, page))


def _split(builder: Builder, value: str, chosen: list[tuple[Mention, ConceptRecord]],
           docname: str) -> list[nodes.Node]:
    """*value* as text and links, one link per mention.

    Each link is made finished, as the ``concept`` role's link resolves: the mention
    already knows its concept, so a ``pending_xref`` would only be more nodes to make,
    copy and replace on every page.
    """
    pieces: list[nodes.Node] = []
    position = 0
    for mention, record in chosen:
        if mention.start > position:
            pieces.append(nodes.Text(value[position:mention.start]))
        text = value[mention.start:mention.end]
        shown = nodes.inline(text, text, classes=["xref", "aiguide", "aiguide-concept"])
        pieces.append(concept_reference(builder, docname, record, shown, preview=True))
        position = mention.end
    if position < len(value):
        pieces.append(nodes.Text(value[position:]))
    return pieces
