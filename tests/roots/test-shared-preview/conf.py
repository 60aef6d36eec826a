project = "Shared previews"
extensions = ["sphinx_aiguide"]
