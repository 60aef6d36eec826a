"""Everything the extension registers with Sphinx, in one place.

The feature modules define directives, nodes, transforms and event handlers; this module
alone connects them, so the whole of what the extension adds to a build can be read here.
Transform priorities are named in :mod:`.priorities`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from sphinx_aiguide import autolink, config, exports, links, nodes, writing
from sphinx_aiguide._version import __version__
from sphinx_aiguide.collector import LETTERS_CHANGED, ViewCollector
from sphinx_aiguide.directives.concept import ConceptDirective, ConceptTransform
from sphinx_aiguide.directives.concept_index import ConceptIndexDirective, letters_context
from sphinx_aiguide.directives.faq import FaqDirective, FaqTransform
from sphinx_aiguide.directives.glossary import GlossaryTransform
from sphinx_aiguide.domain import DATA_VERSION, AIGuideDomain, concept_role, warn_duplicates
from sphinx_aiguide.html import anchors, assets, head
from sphinx_aiguide.i18n import CATALOG, LOCALE_DIR
from sphinx_aiguide.lint import SourceCheckTransform
from sphinx_aiguide.review import notice
from sphinx_aiguide.review.checks import check_reviews
from sphinx_aiguide.review.page import PageReviewTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: ``html-page-context`` priority of the head tags: before other extensions' handlers, so
#: sphinxext-opengraph finds the description and the summary already there.
HEAD_PRIORITY = 400
#: ``missing-reference`` priority of the any-case match into other projects: after
#: intersphinx's own exact match.
EXTERNAL_PRIORITY = 900


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register every component of the extension."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    config.register(app)
    app.connect("config-inited", config.check)
    app.connect("config-inited", head.find_title_template)

    for node, visitors in nodes.VISITORS.items():
        app.add_node(node, False, **visitors)
    app.add_domain(AIGuideDomain)
    app.add_role("concept", concept_role())
    app.add_directive("concept", ConceptDirective)
    app.add_directive("faq", FaqDirective)
    app.add_directive("concept-index", ConceptIndexDirective)

    app.add_transform(PageReviewTransform)
    app.add_transform(GlossaryTransform)
    app.add_transform(ConceptTransform)
    app.add_transform(FaqTransform)
    app.add_transform(SourceCheckTransform)
    app.add_transform(autolink.MentionTextTransform)
    app.add_post_transform(writing.BeforeResolving)
    app.add_post_transform(writing.AfterResolving)
    app.add_post_transform(anchors.SinglePageIdsTransform)

    app.connect("warn-missing-reference", links.warn_missing)
    app.connect("missing-reference", links.external_any_case, priority=EXTERNAL_PRIORITY)
    app.connect("env-updated", warn_duplicates)
    app.connect("env-updated", check_reviews)
    app.connect("env-get-updated", notice.pages_falling_due)
    app.connect("env-updated", autolink.find_mentions)
    app.connect("env-updated", autolink.warn_unused)  # counts the mentions just found

    collector = ViewCollector()
    collector.enable(app)  # what app.add_env_collector does, keeping the instance
    app.add_event(LETTERS_CHANGED)

    app.connect("builder-inited", assets.add_css)
    app.connect("builder-inited", writing.note_builder)
    app.connect("html-page-context", head.on_page, priority=HEAD_PRIORITY)
    app.connect("html-page-context", letters_context)
    app.connect("html-page-context", notice.add_script)
    app.connect("html-page-context", assets.add_preview_script)
    app.connect("html-page-context", assets.add_question_script)
    app.connect("build-finished", partial(exports.write_exports, collector))
    return {
        "version": __version__,
        "env_version": DATA_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
