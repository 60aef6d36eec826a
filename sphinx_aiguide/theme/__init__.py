"""The ``aiguide`` HTML theme: a standalone, responsive theme for glossary sites.

Sphinx imports this module through the ``sphinx.html_themes`` entry point only when a
project sets ``html_theme = "aiguide"``, and only for HTML builders, so nothing else of the
extension may depend on it: the directives and the component CSS live in the extension.
Importing it loads nothing of the extension.

The templates' labels ("Skip to content", "Colour scheme: automatic" …) are in the
package's message catalog, which Sphinx's template translation consults after its own and
the project's.

The A–Z jump bar shows the letter groups the extension hands to templates as
``aiguide_letters`` (the same groups and anchors as the concept index); without the
extension there are no concepts and no bar.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.nodes import traverse_parent
from sphinx.writers.html5 import HTML5Translator

from sphinx_aiguide._version import __version__
from sphinx_aiguide.i18n import CATALOG, LOCALE_DIR
from sphinx_aiguide.theme.options import check_options

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: The folder holding ``theme.toml``, the templates and the theme's static files.
THEME_DIR = Path(__file__).parent / "aiguide"
#: The extension's event asking which pages show the A–Z letter groups.
LETTERS_CHANGED = "aiguide-letters-changed"


#: Labels that Sphinx itself writes on the theme's pages (the titles of the ``¶`` links)
#: and that its catalogs leave in English for some of the package's languages. The
#: package's catalog has them too; where Sphinx has a translation, Sphinx's wins.
SPHINX_LABELS = ("Link to this heading", "Link to this definition", "Link to this table",
                 "Link to this image", "Link to this code")

#: Heading level of the captions of the site navigation, which sits under its own ``<h2>``.
NAV_CAPTION_LEVEL = 3


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    """Toctree captions as headings with a level; every other title as Sphinx writes it.

    Sphinx marks toctree captions as headings without a level, which screen readers
    cannot place in the outline (axe: aria-required-attr). In a page a caption ranks just
    below the section that holds it; the navigation's toctree is rendered on its own,
    outside any section, under the navigation's heading.
    """
    if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
        depth = sum(1 for _section in traverse_parent(node, nodes.section))
        level = depth + 1 if depth else NAV_CAPTION_LEVEL
        self.body.append(self.starttag(node, "p", "", False, CLASS="caption", ROLE="heading",
                                       **{"aria-level": str(level)}))
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")
    else:
        HTML5Translator.visit_title(self, node)


def _every_page(app: Sphinx, env: BuildEnvironment) -> set[str]:
    """Every page shows the jump bar when the theme has an index page to jump to."""
    options = app.config.html_theme_options or {}
    return set(env.found_docs) if options.get("concept_index_page") else set()


def translate_templates(app: Sphinx) -> None:
    """Let the templates' ``_()`` find the theme's labels in the package's catalog.

    Sphinx translates templates with one catalog, its own ``sphinx`` one (which the
    project's ``locale_dirs`` extend). The package's catalog is added behind it, so a
    label that Sphinx or the project translates keeps their wording and every other
    label of the theme is still in the reader's language.
    """
    labels = gettext.translation(CATALOG, LOCALE_DIR, [app.config.language or "en"],
                                 fallback=True)
    if isinstance(labels, gettext.GNUTranslations):
        app.translator.add_fallback(labels)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the theme (the parallel flags keep ``-j`` builds warning-free)."""
    app.add_html_theme("aiguide", str(THEME_DIR))
    translate_templates(app)
    app.add_node(nodes.title, override=True,
                 html=(visit_title, HTML5Translator.depart_title))
    app.connect("env-updated", check_options)
    if "sphinx_aiguide" in app.extensions:
        app.connect(LETTERS_CHANGED, _every_page)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
