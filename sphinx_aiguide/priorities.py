"""The order in which the package's transforms run, all in one place.

Reading (``SphinxTransform``, lower runs first): Sphinx's i18n transforms (priority 20)
translate titles and paragraphs, and docutils turns file-wide fields into a ``docinfo``
node (340); Sphinx's metadata collector removes it after the transforms. So:
"""

#: Page-level review data, read from ``docinfo`` before it is gone.
PAGE_REVIEW = 500
#: Sphinx glossaries become concepts (``aiguide_glossaries = "concepts"``): after the i18n
#: transforms translate the terms and Sphinx sorts ``:sorted:`` glossaries (both 500),
#: before :data:`CONCEPT` settles the concepts made.
GLOSSARY = 505
#: Concepts: the term from the (translated) section title; the byline falls back on the
#: page's review data, so this follows :data:`PAGE_REVIEW`.
CONCEPT = 510
#: Questions: each records the term of the concept it sits in, so this follows
#: :data:`CONCEPT`.
FAQ = 520
#: Directives read as text or comments, and placeholder sentences: a look at the finished
#: page, so this follows the directives' own transforms.
SOURCE_CHECKS = 530
#: The text mentions may be found in: after smart quotes (750) set the characters the
#: page will show and Sphinx's domains collect their objects (850), while the file-wide
#: fields (the ``aiguide-autolink`` opt-out) are still a ``docinfo`` node.
MENTION_TEXT = 860

# Writing (``SphinxPostTransform``): Sphinx resolves cross-references at priority 10.

#: Mentions become concept links first, on the page exactly as it was read: before any
#: list or listing below is added, and while ``only`` blocks are still marked (50).
AUTOLINK = 4

#: Before references are resolved: ``:term:`` links that name a concept become concept
#: links, and "Referenced by" lists and A–Z listings add links for the resolver to finish.
TERM_TO_CONCEPT = 5
REFERENCED_BY = 5
CONCEPT_INDEX = 5
#: After references are resolved: a preview goes beside every resolved concept link.
PREVIEW = 20
#: Due-for-review notices at bylines, for every builder, then the hidden ones of websites.
REVIEW_NOTICE = 30
LIVE_REVIEW_NOTICE = 31
#: HTML only: questions become ``<details>``, labels real headings.
HTML_FAQ = 200
#: singlehtml only: ids another document in the one page holds are renamed, once the
#: questions are ``<details>`` and the previews are in place.
SINGLE_PAGE_IDS = 210
#: LaTeX only: index entries that makeindex cannot file are left out before writing.
MAKEINDEX_SAFE = 100
