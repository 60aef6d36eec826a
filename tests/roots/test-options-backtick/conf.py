project = "Options"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = []
aiguide_reviewers = {
    "hdesai": {"name": "Harsh Desai", "url": "https://example.org/hdesai", "title": "Editor"},
}
