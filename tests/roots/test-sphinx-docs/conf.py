# An excerpt of Sphinx's own documentation (Sphinx 9.0.4, BSD licence, (c) the Sphinx
# developers): its whole glossary and parts of pages that link to its terms, each file
# marked with where it comes from. Tests build it unchanged (no extension), with
# aiguide_glossaries = "concepts", and after `sphinx-aiguide migrate --write`.
project = "Sphinx"
extensions = ["sphinx_aiguide"]
version = "9.0.4"
copyright = "2007-2025, the Sphinx developers"
