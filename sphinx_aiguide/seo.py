"""What HTML pages carry in their head: description, title, Open Graph text and JSON-LD.

Everything happens in one ``html-page-context`` handler that only reads the domain, so it
works the same in forked parallel writers. It runs before other extensions' handlers
(priority 400): sphinxext-opengraph then finds the page's description already present
and the summary waiting in the page metadata, and adds neither a second description nor
a different one.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from sphinx_aiguide.domain import aiguide_domain, page_title
from sphinx_aiguide.export import setup_export
from sphinx_aiguide.jsonld import PageGraph, script_tag
from sphinx_aiguide.urls import is_single_page, page_uri

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_aiguide.domain import ConceptRecord

logger = logging.getLogger(__name__)

#: Themes that print ``title`` only inside ``<title>``: there the template can replace it.
#: The others (sphinx_rtd_theme, pydata_sphinx_theme, sphinx_book_theme, basic) also show
#: ``title`` in breadcrumbs or the relation bar, where the plain term belongs.
TITLE_SAFE_THEMES = frozenset({"alabaster", "furo"})
#: The placeholders ``aiguide_title_template`` can use.
TITLE_FIELDS = ("term", "title", "project")
_FORMAT_ERRORS = (KeyError, IndexError, ValueError, AttributeError, TypeError)


def fill_title(template: object, **fields: str) -> str | None:
    """*template* with its placeholders filled, or ``None`` when it cannot be used."""
    if not isinstance(template, str) or not template.strip():
        return None
    try:
        return template.format_map(fields)
    except _FORMAT_ERRORS:
        return None


def _check_template(app: Sphinx) -> None:
    """Report an unusable title template once, at start-up, naming its line in conf.py.

    A value that is not text at all is already reported by Sphinx's type check.
    """
    template = app.config.aiguide_title_template
    if app.builder.format != "html" or not isinstance(template, str):
        return
    try:
        template.format_map(dict.fromkeys(TITLE_FIELDS, "x"))
    except KeyError as error:
        reason = f"unknown placeholder {{{error.args[0]}}}"
    except _FORMAT_ERRORS as error:
        reason = str(error) or type(error).__name__
    else:
        return
    logger.warning(
        "aiguide_title_template %r cannot be used (%s); the placeholders are %s; "
        "page titles are left as they are",
        template, reason, ", ".join(f"{{{name}}}" for name in TITLE_FIELDS),
        type="aiguide", subtype="concept",
        location=config_location(app, "aiguide_title_template"),
    )


def config_location(app: Sphinx, name: str) -> str | None:
    """``conf.py:LINE`` of the assignment to *name*, for warnings about a config value."""
    conf = Path(app.confdir, "conf.py")
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    assignment = re.compile(rf"\s*{re.escape(name)}\s*[:=]")
    number = next((n for n, line in enumerate(lines, 1) if assignment.match(line)), 0)
    # a location with a colon is printed as it is (without one it is taken for a docname)
    return f"{conf}:{number or ''}"


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
    finder = _DescriptionFinder()
    finder.feed(metatags)
    finder.close()
    return finder.found


def _describe(app: Sphinx, context: dict[str, Any], doctree: nodes.document,
              primary: ConceptRecord, title: str) -> None:
    """Description, title and Open Graph text of a page that has a primary concept."""
    summary = primary["summary"]
    if summary and not has_description(str(context.get("metatags", "")), doctree):
        context["metatags"] = (f'{context.get("metatags", "")}<meta name="description" '
                               f'content="{html.escape(summary, quote=True)}" />\n')
    page_title = fill_title(app.config.aiguide_title_template, term=primary["term"],
                            title=title, project=str(app.config.project))
    if page_title is not None:
        context["aiguide_title"] = html.escape(page_title, quote=True)
        if app.config.html_theme in TITLE_SAFE_THEMES:
            context["title"] = context["aiguide_title"]
    if "sphinxext.opengraph" in app.extensions:
        _feed_opengraph(context, summary, page_title)


def _feed_opengraph(context: dict[str, Any], summary: str, page_title: str | None) -> None:
    """Offer sphinxext-opengraph the summary and the title through the page metadata.

    That extension lets a page's ``og:*`` fields override what it derives itself; fields
    the page set win over these. The values are escaped as it escapes its own.
    """
    meta = context.get("meta")
    if not isinstance(meta, dict):
        return
    offered = {"og:description": summary, "og:title": page_title or ""}
    extra = {key: html.escape(value, quote=True) for key, value in offered.items()
             if value and key not in meta}
    if extra:
        # a copy: in serial builds the original is the environment's stored metadata
        context["meta"] = {**meta, **extra}


def on_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
            doctree: nodes.document | None) -> None:
    """Add the head tags of one page (never for generated pages or embedded builders)."""
    builder = app.builder
    if doctree is None or builder.format != "html" or getattr(builder, "embedded", False):
        return
    domain = aiguide_domain(app.env)
    single = is_single_page(builder)
    title = page_title(app.env, pagename)
    primary = None if single else domain.primary_concept(pagename, title)
    if primary is not None:
        _describe(app, context, doctree, primary, title)
    if not app.config.aiguide_structured_data:
        return
    page = PageGraph(builder, domain, page_uri(builder, pagename))
    if single:
        # One page holds every document: one graph names every concept and question.
        docnames = [pagename, *(str(node["docname"])
                                for node in doctree.findall(addnodes.start_of_file))]
        name = str(app.config.html_title or app.config.project)
        graph = page.graph(list(dict.fromkeys(docnames)), name, None)
    else:
        graph = page.graph([pagename], title, primary)
    if graph:
        context["metatags"] = str(context.get("metatags", "")) + script_tag(graph)


def setup_seo(app: Sphinx) -> None:
    """Register the head configuration, the page handler and the exports.

    The exports (:mod:`.export`) serve the same readers as the head tags, search and
    answer engines, so they are switched on from here.
    """
    app.add_config_value("aiguide_title_template", None, "html",
                         types=frozenset({str, type(None)}),
                         description="page title for pages with a primary concept, "
                                     "with {term}, {title} and {project}")
    app.add_config_value("aiguide_structured_data", True, "html", types=frozenset({bool}),
                         description="add schema.org JSON-LD to HTML pages")
    app.connect("builder-inited", _check_template)
    app.connect("html-page-context", on_page, priority=400)
    setup_export(app)
