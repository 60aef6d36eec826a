"""Reviewed-by metadata and the review lifecycle, one job a module.

:mod:`.registry` names reviewers and owners, :mod:`.interval` reads review intervals and
adds them to dates, :mod:`.dates` reads and formats review dates, :mod:`.byline` builds the
"Reviewed by … · Last reviewed …" line, :mod:`.page` reads a page's file-wide review
fields, and :mod:`.checks` decides what is stale, due or unreviewed — for the build's
warnings and for the command line's report alike. :mod:`.notice` tells readers when an
entry is due. For the command line: :mod:`.report` prints the report, :mod:`.locate`
finds where an entry's review is written, :mod:`.edit` records a review in that text
(:mod:`.yamltext` reads MyST's YAML) and :mod:`.write` writes the file safely.
"""
