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
from typing import TYPE_CHECKING

from sphinx_aiguide import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The folder holding ``theme.toml``, the templates and the theme's static files.
THEME_DIR = Path(__file__).parent / "aiguide"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the theme (the parallel flags keep ``-j`` builds warning-free)."""
    app.add_html_theme("aiguide", str(THEME_DIR))
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
