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

# The PDF shows the Japanese and Chinese examples of the languages page: xelatex with
# xeCJK and Noto's CJK fonts (Read the Docs' build image has both). Dashes, quotes, "…"
# and "·" stay Western: xeCJK would set them as Chinese punctuation, spaces dropped.
latex_engine = "xelatex"
latex_elements = {
    "preamble": r"""
\usepackage{xeCJK}
\xeCJKDeclareCharClass{Default}{"00B7, "2013, "2014, "2018 -> "201D, "2026}
\setCJKmainfont{Noto Serif CJK JP}
\setCJKsansfont{Noto Sans CJK JP}
\setCJKmonofont{Noto Sans Mono CJK JP}
""",
}
