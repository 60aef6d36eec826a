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

#: Before references are resolved (:class:`.writing.BeforeResolving`): mentions become
#: concept links, on the page exactly as it was read and while ``only`` blocks are still
#: marked (50); ``:term:`` links that name a concept become concept links; "Referenced by"
#: lists and A–Z listings add links for the resolver to finish.
BEFORE_RESOLVING = 5
#: After references are resolved (:class:`.writing.AfterResolving`): a preview for every
#: resolved concept link, due-for-review notices at bylines, and (HTML) questions as
#: ``<details>`` and labels as real headings, (LaTeX) index entries makeindex can file.
AFTER_RESOLVING = 20
#: singlehtml only: ids another document in the one page holds are renamed, once the
#: questions are ``<details>`` and the previews are in place.
SINGLE_PAGE_IDS = 30
