extensions = ["sphinx_aiguide"]
aiguide_review_max_age = 30
aiguide_today = "2026-11-26"
exclude_patterns = ["_parts"]
