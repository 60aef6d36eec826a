"""The theme's options checked against the project: the logo, pages and links must exist.

A misspelt docname or a logo outside ``html_static_path`` would otherwise give a broken
image or link on every page, without a word from the build. Each problem is a warning of
type ``aiguide.theme`` naming the option, checked on every build once the project's
pages are known. The theme does this itself, so it works with or without the extension.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinx_aiguide.text import did_you_mean

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def is_docname(url: str) -> bool:
    """Whether a footer link's *url* names a page of the project (the template's rule)."""
    return ":" not in url and not url.startswith(("/", "#", "."))


def footer_link(link: object) -> tuple[str, str] | None:
    """``(text, url)`` of a ``footer_links`` entry, or ``None`` when it has another shape."""
    if isinstance(link, Mapping):
        text, url = link.get("text"), link.get("url")
    elif isinstance(link, Sequence) and not isinstance(link, str) and len(link) == 2:
        text, url = link
    else:
        return None
    return (text, url) if isinstance(text, str) and isinstance(url, str) and url else None


def _warn(option: str, message: str, *args: Any) -> None:
    logger.warning(f"html_theme_options[{option!r}] {message}", *args,
                   type="aiguide", subtype="theme")


def _logo_problem(app: Sphinx, logo: str) -> str:
    """Why the ``logo`` option does not name an image the build copies, or ""."""
    confdir = Path(app.confdir)
    static = [confdir / folder for folder in app.config.html_static_path]
    for place in static:
        if (place.is_dir() and (place / logo).is_file()) or \
                (place.is_file() and place.name == logo):
            return ""
    hint = "put the image there, or give a URL"
    for place in static:
        if (confdir / logo).is_file() and logo.startswith(f"{place.name}/"):
            hint = f"give its path below {place.name}: {logo.removeprefix(place.name + '/')!r}"
    return f"{logo!r} is in no folder of html_static_path; {hint}"


def check_options(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about a logo, footer links and a concept index page that do not exist."""
    options = app.config.html_theme_options or {}
    docnames = set(env.found_docs)
    logo = options.get("logo")
    if isinstance(logo, str) and logo and "://" not in logo:
        problem = _logo_problem(app, logo)
        if problem:
            _warn("logo", "%s", problem)

    links = options.get("footer_links") or []
    for link in links.items() if isinstance(links, Mapping) else links:
        found = footer_link(link)
        if found is None:
            _warn("footer_links", "entry %r is neither {'text': …, 'url': …} nor a "
                  "(text, url) pair; it is left out", link)
        elif is_docname(found[1]) and found[1] not in docnames:
            _warn("footer_links", "%r links to %r, which is neither a page of this "
                  "project nor a full URL%s", found[0], found[1],
                  did_you_mean(found[1], sorted(docnames)))

    index_page = options.get("concept_index_page")
    if isinstance(index_page, str) and index_page and index_page not in docnames:
        _warn("concept_index_page", "%r is no page of this project, so the letters of the "
              "A–Z bar lead nowhere%s", index_page, did_you_mean(index_page, sorted(docnames)))
