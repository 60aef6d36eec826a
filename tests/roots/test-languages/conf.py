# One small glossary, built in each language by the tests (confoverrides: language).
project = "AI Guide"
copyright = "2026, AI Guide Editors"
version = release = "1.0"
extensions = ["sphinx_aiguide"]
html_theme = "aiguide"
html_theme_options = {"concept_index_page": "index"}
aiguide_reviewers = {
    "hdesai": {"name": "Harsh Desai", "url": "https://example.org/hdesai"},
    "jroe": {"name": "Jo Roe"},
}
aiguide_today = "2026-06-01"
