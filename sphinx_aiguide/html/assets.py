"""The component CSS, added to HTML builders only (LaTeX, text and the rest get none)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parents[1] / "static"
CSS_FILE = "aiguide.css"


def add_css(app: Sphinx) -> None:
    """Add the stylesheet to every builder that writes HTML, epub included."""
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file(CSS_FILE)
