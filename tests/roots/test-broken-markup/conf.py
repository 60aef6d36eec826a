project = "Leak"
extensions = ["sphinx_aiguide"]
html_baseurl = "https://example.org/"
