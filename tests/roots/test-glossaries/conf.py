project = "Glossaries"
extensions = ["myst_parser", "sphinx_aiguide"]
aiguide_glossaries = "concepts"
aiguide_reviewers = {"editors": {"name": "AI Guide Editors"}}
aiguide_today = "2026-06-01"
# the EPUB builder wants both
version = "1"
copyright = "2026"
