project = "AI Guide"
copyright = "2026, AI Guide Editors"
version = release = "1.0"
extensions = ["sphinx_aiguide"]
html_baseurl = "https://example.org/guide/"
templates_path = ["_templates"]
aiguide_title_template = "{term}: What It Is and Why It Matters"
aiguide_reviewers = {
    "editors": {"name": "AI Guide Editors"},
    "hdesai": {"name": "Harsh Desai", "url": "https://example.org/hdesai",
               "title": "Technical editor"},
}
