project = "AI Guide"
copyright = "2026, AI Guide Editors"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}
