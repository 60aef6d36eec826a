# The same question, index and concept on several pages, for the builders that put every
# page into one (singlehtml): each id must stay unique there.
project = "Single ids"
extensions = ["sphinx_aiguide"]
version = "1"
copyright = "2026"
