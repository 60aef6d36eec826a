project = "Linking B"
extensions = ["sphinx.ext.intersphinx", "sphinx_aiguide"]
# intersphinx_mapping is set by the test: it points at project A's build.
