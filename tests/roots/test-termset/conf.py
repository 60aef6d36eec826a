project = "My AI Guide"
extensions = ["sphinx_aiguide"]
html_baseurl = "https://guide.example.org/"
