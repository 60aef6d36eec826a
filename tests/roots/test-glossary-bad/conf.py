project = "Bad glossaries"
extensions = ["myst_parser", "sphinx_aiguide"]
aiguide_glossaries = "concepts"
