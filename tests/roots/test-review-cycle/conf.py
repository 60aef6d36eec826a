project = "Review Cycle"
extensions = ["myst_parser", "sphinx_aiguide"]
aiguide_reviewers = {
    "editors": {"name": "AI Guide Editors"},
    "hdesai": {"name": "Harsh Desai", "url": "https://example.org/hdesai"},
}
aiguide_review_every = "6 months"
aiguide_today = "2026-06-01"
# one document per output format, so every builder writes the entries somewhere to look
latex_documents = [("index", "cycle.tex", "Review Cycle", "AI Guide Editors", "manual")]
