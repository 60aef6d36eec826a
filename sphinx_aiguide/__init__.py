"""Glossary entries about AI concepts for any Sphinx project.

``extensions = ["sphinx_aiguide"]`` adds the ``concept`` and ``faq`` directives, reviewed-by
metadata with staleness checks, and the component CSS. Importing the package loads nothing
of Sphinx: the extension itself (:mod:`._extension`) is imported only when Sphinx calls
:func:`setup`, so the command line and the theme start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_aiguide._version import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension (see :func:`._extension.setup`)."""
    from sphinx_aiguide._extension import setup as setup_extension  # noqa: PLC0415

    return setup_extension(app)
