project = "Hostile"
extensions = ["myst_parser", "sphinx_aiguide"]
html_baseurl = "https://example.org/guide/"
aiguide_title_template = "{term}"
