project = "Typos"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}, "hdesai": "Harsh Desai"}
aiguide_reviewers_strict = True
aiguide_today = "2026-11-26"
