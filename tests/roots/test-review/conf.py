project = "Review"
extensions = ["sphinx_aiguide"]
aiguide_reviewers = {
    "editors": {"name": "AI Guide Editors"},
    "hdesai": {"name": "Harsh Desai", "url": "https://example.org/hdesai"},
    "jroe": "Jo Roe",
}
aiguide_review_max_age = 180
aiguide_today = "2026-06-01"
