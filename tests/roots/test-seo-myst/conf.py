project = "AI Guide"
copyright = "2026, AI Guide Editors"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
html_baseurl = "https://example.org/guide/"
aiguide_title_template = "{term}: What It Is and Why It Matters"
aiguide_reviewers = {
    "editors": {"name": "AI Guide Editors"},
    "hdesai": {"name": "Harsh Desai", "url": "https://example.org/hdesai",
               "title": "Technical editor"},
}
templates_path = ["_templates"]
