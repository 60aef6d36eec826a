project = "Plain"
# No sphinx_aiguide: concepts of other projects are plain glossary terms here.
extensions = ["sphinx.ext.intersphinx"]
# intersphinx_mapping is set by the test: it points at the other projects' builds.
