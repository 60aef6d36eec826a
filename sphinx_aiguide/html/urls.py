"""Which builders make a website, and where a document ends up in it.

Structured data and the exports both link to concepts, and both must agree with the
links Sphinx itself writes, whichever HTML builder runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util.osutil import relative_uri

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config


#: The builders whose output is a website read in a browser: these get link previews,
#: head tags and the exports. epub and the help formats write HTML too, for readers that
#: are not browsers: they get the component CSS and ``<details>`` only.
WEBSITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


def is_website(builder: Builder) -> bool:
    """Whether *builder* writes a website (see :data:`WEBSITE_BUILDERS`)."""
    return builder.name in WEBSITE_BUILDERS


def is_single_page(builder: Builder) -> bool:
    """Whether every document is written into one page (the singlehtml builder)."""
    return isinstance(builder, SingleFileHTMLBuilder)


def page_uri(builder: Builder, docname: str) -> str:
    """The page holding *docname*, relative to the output root.

    ``doc.html`` for html, ``doc/`` for dirhtml (``""`` for the root ``index``) and the
    one page, ``index.html``, for singlehtml, whose own target URIs are in-page fragments.
    """
    if is_single_page(builder):
        assert isinstance(builder, SingleFileHTMLBuilder)
        return f"{builder.config.root_doc}{builder.link_suffix}"
    return builder.get_target_uri(docname)


def base_url(config: Config) -> str:
    """``html_baseurl`` with exactly one trailing slash, or ``""`` when it is not set."""
    base = config.html_baseurl
    if not isinstance(base, str) or not base.strip():
        return ""
    return base.strip().rstrip("/") + "/"


def absolute(config: Config, uri: str) -> str:
    """*uri* (relative to the output root) as an absolute URL, or ``""`` without a base."""
    base = base_url(config)
    return base + uri if base else ""


def from_page(current: str, uri: str) -> str:
    """*uri* (relative to the output root) as a link from the page at *current*."""
    path, hash_, fragment = uri.partition("#")
    # the page itself is named, not "" (which a JSON-LD "url" would leave empty)
    relative = relative_uri(current, path) or path.rsplit("/", 1)[-1] or "./"
    return relative + hash_ + fragment
