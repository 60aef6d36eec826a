project = "AI Guide"
copyright = "2026, AI Guide Editors"
version = release = "1.0"
extensions = ["sphinx_aiguide"]
aiguide_reviewers = {
    "editors": {"name": "AI Guide Editors"},
    "hdesai": {"name": "Harsh Desai", "url": "https://example.org/hdesai"},
}
