project = "AI Guide"
copyright = "2026, AI Guide Editors"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}
# one document per output format, so every builder writes the entry somewhere to look
latex_documents = [("index", "aiguide.tex", "AI Guide", "AI Guide Editors", "manual")]
man_pages = [("index", "aiguide", "AI Guide", ["AI Guide Editors"], 1)]
texinfo_documents = [("index", "aiguide", "AI Guide", "AI Guide Editors", "aiguide", "AI glossary",
                      "Miscellaneous")]
