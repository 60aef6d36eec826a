project = "Bad input"
extensions = ["sphinx_aiguide"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}
aiguide_reviewers_strict = True
aiguide_today = "2026-11-26"
