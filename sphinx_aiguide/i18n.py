"""The package's own message catalog: labels and warnings in the reader's language."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_aiguide"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translates text shown to readers (labels, bylines); resolved lazily per build language.
_ = get_translation(CATALOG)

