"""The component CSS, added to HTML builders only (LaTeX, text and the rest get none), and
two small scripts, each added only to the website pages that need it: the preview script
to pages with previews, the question script to pages with questions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_aiguide.html.urls import is_website
from sphinx_aiguide.nodes import holds

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parents[1] / "static"
CSS_FILE = "aiguide.css"
PREVIEW_SCRIPT = "aiguide-previews.js"
QUESTION_SCRIPT = "aiguide-questions.js"


def add_css(app: Sphinx) -> None:
    """Add the stylesheet to every builder that writes HTML, epub included."""
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file(CSS_FILE)


def add_preview_script(app: Sphinx, pagename: str, templatename: str,
                       context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Pages with link previews get the few lines that let Escape close one (SC 1.4.13).

    Previews open and stay open without script; only dismissing one needs it.
    """
    if holds(doctree, "previews"):
        app.add_js_file(PREVIEW_SCRIPT, loading_method="defer")


def add_question_script(app: Sphinx, pagename: str, templatename: str,
                        context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Pages with questions get the few lines that open the question a link points to.

    In every theme: browsers scroll to a ``#faq-…`` target but leave its ``<details>``
    closed. Only websites: e-books are not opened at a link from elsewhere.
    """
    if is_website(app.builder) and holds(doctree, "questions"):
        app.add_js_file(QUESTION_SCRIPT, loading_method="defer")
