"""Configuration of the sphinx-aiguide documentation, which is also its demo glossary."""

from __future__ import annotations

import os

from sphinx_aiguide import __version__

project = "sphinx-aiguide"
author = "sphinx-aiguide maintainers"
copyright = "2026, sphinx-aiguide maintainers"
version = release = __version__

extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

html_theme = "aiguide"
html_theme_options = {"concept_index_page": "glossary"}

html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

aiguide_reviewers = {
    "editors": {"name": "AI Guide Editors"},
    "hdesai": {"name": "Harsh Desai", "title": "Technical editor"},
    "ivallory": {"name": "Ines Vallory", "title": "Security reviewer"},
    "karden": {"name": "Kofi Arden", "title": "Evaluation lead"},
}
aiguide_title_template = "{term}: What It Is and Why It Matters"
aiguide_autolink = "first"
aiguide_warn_unused = True

# pdflatex, which builds the PDF on Read the Docs, knows the letters of Western European
# languages but not every symbol: these pages use two more.
latex_elements = {
    "preamble": "\n".join([
        r"\DeclareUnicodeCharacter{2212}{\ensuremath{-}}",  # minus sign
        r"\DeclareUnicodeCharacter{2264}{\ensuremath{\leq}}",  # less-than or equal
    ]),
}
