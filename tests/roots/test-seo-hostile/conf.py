project = "Guide </script><script>alert('project')</script>"
copyright = "2026, AI Guide Editors"
version = release = "1.0"
extensions = ["sphinx_aiguide"]
smartquotes = False
html_baseurl = "https://example.org/guide/"
templates_path = ["_templates"]
aiguide_title_template = "{term} </title><script>alert('template')</script>"
aiguide_reviewers = {
    "mallory": {
        "name": "Mallory </script><img src=x onerror=alert('name')> \"&amp;",
        "url": "https://example.org/m\"><img src=x onerror=alert('url')></script>",
    },
}
