project = "Bad Review Data"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}
aiguide_reviewers_strict = True
aiguide_show_owner = True
aiguide_today = "2026-06-01"
