project = "Autolink"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_autolink = "first"
# the EPUB builder wants both
version = "1"
copyright = "2026"
