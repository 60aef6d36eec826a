# The model entry in a host theme, chosen with -D html_theme=... by the tests.
project = "AI Guide"
extensions = ["sphinx_aiguide"]
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}
