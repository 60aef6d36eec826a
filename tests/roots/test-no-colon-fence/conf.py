project = "No colon fence"
extensions = ["myst_parser", "sphinx_aiguide"]
aiguide_today = "2026-11-26"
