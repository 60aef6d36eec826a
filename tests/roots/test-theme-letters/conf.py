project = "Ordlista"
language = "sv"
extensions = ["sphinx_aiguide"]
html_theme = "aiguide"
html_theme_options = {"concept_index_page": "index"}
