"""What HTML pages carry in their head: description, title, Open Graph text and JSON-LD.

Everything happens in one ``html-page-context`` handler that only reads the domain, so it
works the same in forked parallel writers. It runs before other extensions' handlers
(priority 400): sphinxext-opengraph then finds the page's description already present
and the summary waiting in the page metadata, and adds neither a second description nor
a different one.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from sphinx_aiguide.config import FORMAT_ERRORS, settings
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.html.anchors import Anchors
from sphinx_aiguide.html.jsonld import PageGraph, script_tag
from sphinx_aiguide.html.urls import is_single_page, is_website, page_uri
from sphinx_aiguide.records import page_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinx_aiguide.records import ConceptRecord

#: Themes that print ``title`` only inside ``<title>``: there the template can replace it.
TITLE_SAFE_THEMES = frozenset({"alabaster", "furo"})
#: Themes that also print ``title`` in breadcrumbs, where the plain term belongs, and whose
#: ``htmltitle`` block holds the ``<title>`` alone: their pages with a filled template are
#: rendered through :data:`TITLE_TEMPLATE`, which replaces that block and nothing else.
#: Others (basic and its kin show ``title`` in the relation bar) are left as they are.
TITLE_BLOCK_THEMES = frozenset({"sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme"})
#: The wrapper template, which extends the page's own template (``aiguide_page_template``).
TITLE_TEMPLATE = "aiguide-title.html"
TEMPLATES_DIR = Path(__file__).parents[1] / "templates"


def fill_title(template: str | None, **fields: str) -> str | None:
    """*template* with its placeholders filled, or ``None`` when it cannot be used."""
    if template is None:
        return None
    try:
        return template.format_map(fields)
    except FORMAT_ERRORS:
        return None


class _DescriptionFinder(HTMLParser):
    """Notices a ``<meta name="description">`` in a run of head tags."""

    found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and any(name == "name" and (value or "").strip().lower()
                                 == "description" for name, value in attrs):
            self.found = True


def has_description(metatags: str, doctree: nodes.document) -> bool:
    """Whether the page set its own description (``.. meta::`` or MyST ``html_meta``)."""
    for meta in doctree.findall(nodes.meta):
        if str(meta.get("name", "")).strip().lower() == "description":
            return True
    if "description" not in metatags.lower():
        return False  # most pages: no need to parse the tags
    finder = _DescriptionFinder()
    finder.feed(metatags)
    finder.close()
    return finder.found


def find_title_template(app: Sphinx, config: Config) -> None:
    """Let the themes of :data:`TITLE_BLOCK_THEMES` find :data:`TITLE_TEMPLATE`.

    Only when such a theme is chosen and a template is set (read as it is: converting the
    settings now would fix them before later handlers of this event run). The folder goes after
    the project's own, so a project's ``layout.html`` or ``page.html`` is still the one
    used; a new list, since an unset ``templates_path`` is a default every project shares.
    """
    if config.html_theme in TITLE_BLOCK_THEMES and config.aiguide_title_template:
        config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]


def _describe_page(app: Sphinx, context: dict[str, Any], doctree: nodes.document,
                   primary: ConceptRecord, title: str, templatename: str) -> str | None:
    """Description, title and Open Graph text of a page that has a primary concept.

    Returns the template to render the page with, when the title needs one.
    """
    summary = primary["summary"]
    if summary and not has_description(str(context.get("metatags", "")), doctree):
        context["metatags"] = (f'{context.get("metatags", "")}<meta name="description" '
                               f'content="{html.escape(summary, quote=True)}" />\n')
    filled = fill_title(settings(app.config).title_template, term=primary["term"],
                        title=title, project=str(app.config.project))
    template = None
    if filled is not None:
        context["aiguide_title"] = html.escape(filled, quote=True)
        if app.config.html_theme in TITLE_SAFE_THEMES:
            context["title"] = context["aiguide_title"]
        elif app.config.html_theme in TITLE_BLOCK_THEMES:
            context["aiguide_page_template"], template = templatename, TITLE_TEMPLATE
    if "sphinxext.opengraph" in app.extensions:
        _feed_opengraph(context, summary, filled)
    return template


def _feed_opengraph(context: dict[str, Any], summary: str, title: str | None) -> None:
    """Offer sphinxext-opengraph the summary and the title through the page metadata.

    That extension lets a page's ``og:*`` fields override what it derives itself; fields
    the page set win over these. The values are escaped as it escapes its own.
    """
    meta = context.get("meta")
    if not isinstance(meta, dict):
        return
    offered = {"og:description": summary, "og:title": title or ""}
    extra = {key: html.escape(value, quote=True) for key, value in offered.items()
             if value and key not in meta}
    if extra:
        # a copy: in serial builds the original is the environment's stored metadata
        context["meta"] = {**meta, **extra}


def on_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
            doctree: nodes.document | None) -> str | None:
    """Add the head tags of one page (never for generated pages or embedded builders).

    Returns the template to render the page with when the title template needs one
    (``html-page-context`` handlers may), else ``None``.
    """
    builder = app.builder
    if doctree is None or not is_website(builder):
        return None
    domain = aiguide_domain(app.env)
    title = page_title(app.env, pagename)
    primary = None if is_single_page(builder) else domain.primary_concept(pagename, title)
    template = None
    if primary is not None:
        template = _describe_page(app, context, doctree, primary, title, templatename)
    if settings(app.config).structured_data:
        _add_graph(app, pagename, context, doctree, title, primary)
    return template


def _add_graph(app: Sphinx, pagename: str, context: dict[str, Any], doctree: nodes.document,
               title: str, primary: ConceptRecord | None) -> None:
    """The page's JSON-LD, when it has anything to say."""
    builder = app.builder
    domain = aiguide_domain(app.env)
    page = PageGraph(builder, domain, page_uri(builder, pagename), Anchors.of(builder, domain))
    if is_single_page(builder):
        # One page holds every document: one graph names every concept and question.
        docnames = [pagename, *(str(node["docname"])
                                for node in doctree.findall(addnodes.start_of_file))]
        name = str(app.config.html_title or app.config.project)
        graph = page.graph(list(dict.fromkeys(docnames)), name, None)
    else:
        graph = page.graph([pagename], title, primary)
    if graph:
        context["metatags"] = str(context.get("metatags", "")) + script_tag(graph)
