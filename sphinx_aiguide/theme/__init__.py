"""The ``aiguide`` HTML theme: a standalone, responsive theme for glossary sites.

Sphinx imports this module through the ``sphinx.html_themes`` entry point only when a
project sets ``html_theme = "aiguide"``, and only for HTML builders, so nothing else of the
extension may depend on it: the directives and the component CSS live in the extension.

Anchor contract with the concept index: the A–Z jump bar links each letter to
``<concept_index_page>.html#aiguide-letter-<letter>`` (``a`` … ``z``, lower case), so the
page named by the ``concept_index_page`` theme option must carry those ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_aiguide import __version__
from sphinx_aiguide.domain import aiguide_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The folder holding ``theme.toml``, the templates and the theme's static files.
THEME_DIR = Path(__file__).parent / "aiguide"

#: Sphinx marks toctree captions as headings without a level, which screen readers cannot
#: place in the outline (axe: aria-required-attr). In the page they rank below its title.
_CAPTION = 'class="caption" role="heading">'
_CAPTION_WITH_LEVEL = 'class="caption" role="heading" aria-level="2">'


def _caption_levels(app: Sphinx, pagename: str, templatename: str,
                    context: dict[str, Any], doctree: object) -> None:
    body = context.get("body")
    if isinstance(body, str) and _CAPTION in body:
        context["body"] = body.replace(_CAPTION, _CAPTION_WITH_LEVEL)


def _index_letters(app: Sphinx, pagename: str, templatename: str,
                   context: dict[str, Any], doctree: object) -> None:
    """Tell the A–Z bar which letters have concepts, so the others are not dead links."""
    if "aiguide" in app.env.domains:  # the theme also works without the extension
        context["aiguide_letters"] = sorted(aiguide_domain(app.env).index_letters())


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the theme (the parallel flags keep ``-j`` builds warning-free)."""
    app.add_html_theme("aiguide", str(THEME_DIR))
    app.connect("html-page-context", _caption_levels)
    app.connect("html-page-context", _index_letters)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
