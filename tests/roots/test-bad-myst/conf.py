project = "Bad input"
extensions = ["sphinx_aiguide"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}
aiguide_reviewers_strict = True
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_today = "2026-11-26"
