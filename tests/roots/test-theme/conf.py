project = "AI Guide"
copyright = "2026, AI Guide Editors"
extensions = ["sphinx_aiguide"]
html_theme = "aiguide"
html_favicon = "_static/favicon.svg"
html_static_path = ["_static"]
html_theme_options = {
    "accent_color": "#7a2e8f",
    "logo": "logo.svg",
    "footer_links": [{"text": "About the guide", "url": "about"},
                     ("Source", "https://example.org/ai-guide")],
    "concept_index_page": "concepts",
}
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}


def _title(app, pagename, templatename, context, doctree):
    # Stands in for aiguide_title_template, which another part of the extension handles.
    if pagename == "instrumental-convergence":
        context["aiguide_title"] = "Instrumental Convergence: What It Is &amp; Why It Matters"


def setup(app):
    app.connect("html-page-context", _title)
