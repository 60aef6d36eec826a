project = "Parallel"
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors", "url": "https://example.org/ed"}}
