"""The package's own message catalog: labels and warnings in the reader's language."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinx_aiguide"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translates text shown to readers (labels, bylines); resolved lazily per build language.
_ = get_translation(CATALOG)


def setup_i18n(app: Sphinx) -> None:
    """Load the catalog for the project's ``language``."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
