"""Reviewed-by metadata, one job a module.

:mod:`.registry` names reviewers, :mod:`.dates` reads and formats review dates,
:mod:`.byline` builds the "Reviewed by … · Last reviewed …" line, :mod:`.page` reads a
page's file-wide review fields, and :mod:`.checks` decides what is stale — for the build's
warnings and for the command line's report alike.
"""
