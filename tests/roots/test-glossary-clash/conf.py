project = "Glossary clash"
extensions = ["sphinx_aiguide"]
