"""Glossary entries about AI concepts for any Sphinx project.

``extensions = ["sphinx_aiguide"]`` adds the ``concept`` and ``faq`` directives, reviewed-by
metadata with staleness checks, and the component CSS; each feature lives in its own module
and registers itself through a ``setup_*`` function called from :func:`setup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_aiguide import (
    assets,
    concept,
    domain,
    faq,
    i18n,
    incremental,
    index,
    links,
    nodes,
    review,
    seo,
)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bumped whenever the shape of stored environment data changes.
ENV_VERSION = 3


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register every component of the extension."""
    i18n.setup_i18n(app)
    nodes.setup_nodes(app)
    domain.setup_domain(app)
    review.setup_review(app)
    concept.setup_concept(app)
    faq.setup_faq(app)
    links.setup_links(app)
    index.setup_index(app)
    incremental.setup_incremental(app)
    assets.setup_assets(app)
    seo.setup_seo(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
